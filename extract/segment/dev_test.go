package segment_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/extract/segment"
	"github.com/newsgraph/newsgraph/extract/tokenize"
	"github.com/newsgraph/newsgraph/extract/udeval"
)

var udDir = filepath.Join("..", "..", "..", "shared", "data", "ud")

// devFiles are the dev treebanks and the floors their scores must reach
// (percent F1), set a little under the measured values.
var devFiles = []struct {
	name, path          string
	tokFloor, sentFloor float64
}{
	{"EWT dev", filepath.Join(udDir, "UD_English-EWT", "en_ewt-ud-dev.conllu"), 99.3, 87.5},
	{"GUM dev", filepath.Join(udDir, "UD_English-GUM", "en_gum-ud-dev.conllu"), 99.7, 95.0},
}

// goldDocs reads a treebank as one gold document per newdoc.
func goldDocs(t testing.TB, path string) []*nlp.Document {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Skipf("treebank not available: %v", err)
	}
	sents, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var docs []*nlp.Document
	for _, d := range conllu.SplitDocuments(sents) {
		docs = append(docs, conllu.ToDocument(d.ID, d.Sentences))
	}
	return docs
}

// runRaw tokenizes and segments gold's text.
func runRaw(t testing.TB, gold *nlp.Document) *nlp.Document {
	t.Helper()
	sys := nlp.New(gold.ID, gold.Text)
	if err := tokenize.New().Process(sys); err != nil {
		t.Fatal(err)
	}
	sys.Layers |= nlp.Tokens
	if err := segment.New().Process(sys); err != nil {
		t.Fatal(err)
	}
	sys.Layers |= nlp.Sentences
	return sys
}

// TestDevScores measures tokens and sentences F1 on the dev treebanks and
// fails when either falls under its floor. With -v it prints the scores;
// with NEWSGRAPH_TOKDIFF=1 it also prints the token and sentence errors.
func TestDevScores(t *testing.T) {
	for _, f := range devFiles {
		t.Run(strings.ReplaceAll(f.name, " ", "_"), func(t *testing.T) {
			var total, news, rules udeval.Scores
			for _, gold := range goldDocs(t, f.path) {
				sys := runRaw(t, gold)
				rsys := nlp.New(gold.ID, gold.Text)
				rsys.Tokens = sys.Tokens
				rsys.Sentences = segment.NewRules().Sentences(rsys.Text, rsys.Tokens)
				rsys.Layers = nlp.Tokens | nlp.Sentences
				rules.Add(udeval.Evaluate(gold, rsys))
				if err := udeval.Check(gold, sys); err != nil {
					t.Fatalf("%s: %v", gold.ID, err)
				}
				sc := udeval.Evaluate(gold, sys)
				total.Add(sc)
				if strings.Contains(gold.ID, "_news_") {
					news.Add(sc)
				}
				if os.Getenv("NEWSGRAPH_TOKDIFF") != "" {
					printDiff(gold, sys)
				}
			}
			tok, sent, words := 100*total.Tokens.F1(), 100*total.Sentences.F1(), 100*total.Words.F1()
			t.Logf("%s: tokens F1 %.2f, words F1 %.2f, sentences F1 %.2f (P %.2f R %.2f)", f.name, tok, words, sent,
				100*total.Sentences.Precision(), 100*total.Sentences.Recall())
			t.Logf("%s with the rules alone (segment.NewRules): sentences F1 %.2f", f.name, 100*rules.Sentences.F1())
			if news.Tokens.Gold > 0 {
				t.Logf("%s news documents: tokens F1 %.2f, sentences F1 %.2f", f.name, 100*news.Tokens.F1(), 100*news.Sentences.F1())
			}
			if tok < f.tokFloor {
				t.Errorf("%s tokens F1 = %.2f, below the floor %.2f", f.name, tok, f.tokFloor)
			}
			if sent < f.sentFloor {
				t.Errorf("%s sentences F1 = %.2f, below the floor %.2f", f.name, sent, f.sentFloor)
			}
		})
	}
}

// printDiff prints the surface tokens and sentence ends that differ.
func printDiff(gold, sys *nlp.Document) {
	spans := func(d *nlp.Document) map[[2]int]bool {
		m := map[[2]int]bool{}
		for i := 0; i < len(d.Tokens); {
			n := max(d.Tokens[i].MWT, 1)
			n = min(n, len(d.Tokens)-i)
			m[[2]int{d.Tokens[i].Start, d.Tokens[i+n-1].End}] = true
			i += n
		}
		return m
	}
	g, s := spans(gold), spans(sys)
	ctx := func(a, b int) string {
		lo, hi := max(a-25, 0), min(b+25, len(gold.Text))
		return strings.ReplaceAll(gold.Text[lo:a]+"[["+gold.Text[a:b]+"]]"+gold.Text[b:hi], "\n", "¶")
	}
	for k := range g {
		if !s[k] {
			fmt.Printf("TOKMISS\t%q\t%s\n", gold.Text[k[0]:k[1]], ctx(k[0], k[1]))
		}
	}
	for k := range s {
		if !g[k] {
			fmt.Printf("TOKEXTRA\t%q\t%s\n", gold.Text[k[0]:k[1]], ctx(k[0], k[1]))
		}
	}
	words := func(d *nlp.Document) map[[2]int]string {
		m := map[[2]int]string{}
		for _, t := range d.Tokens {
			m[[2]int{t.Start, t.End}] = t.Form
		}
		return m
	}
	gw, sw := words(gold), words(sys)
	for k, f := range gw {
		if _, ok := sw[k]; !ok && s[k] == false {
			fmt.Printf("WORDMISS\t%q\t%s\n", f, ctx(k[0], k[1]))
		}
	}
	ends := func(d *nlp.Document) map[int]bool {
		m := map[int]bool{}
		for _, st := range d.Sentences {
			m[d.Tokens[st.End-1].End] = true
		}
		return m
	}
	ge, se := ends(gold), ends(sys)
	for k := range ge {
		if !se[k] {
			fmt.Printf("SENTMISS\t%s\n", ctx(k, k))
		}
	}
	for k := range se {
		if !ge[k] {
			fmt.Printf("SENTEXTRA\t%s\n", ctx(k, k))
		}
	}
}
