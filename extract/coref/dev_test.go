package coref

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/coref/score"
	"github.com/newsgraph/newsgraph/extract/nlp"
)

const (
	ontoGUMDev = "../../../shared/data/coref/OntoGUM/dev"
	gumDevUD   = "../../../shared/data/ud/UD_English-GUM/en_gum-ud-dev.conllu"
)

// devDocs loads OntoGUM dev with the gold GUM parses aligned word for word.
func devDocs(tb testing.TB) ([]score.Document, []*nlp.Document) {
	tb.Helper()
	if _, err := os.Stat(ontoGUMDev); err != nil {
		tb.Skipf("OntoGUM dev not found: %v", err)
	}
	golds, err := score.ReadPath(filepath.Clean(ontoGUMDev))
	if err != nil {
		tb.Fatal(err)
	}
	sents, err := conllu.ReadFile(gumDevUD)
	if err != nil {
		tb.Fatal(err)
	}
	byID := map[string][]*conllu.Sentence{}
	for _, d := range conllu.SplitDocuments(sents) {
		byID[d.ID] = d.Sentences
	}
	var docs []*nlp.Document
	for _, g := range golds {
		s, ok := byID[g.Name]
		if !ok {
			tb.Fatalf("no parse for %s", g.Name)
		}
		doc := conllu.ToDocument(g.Name, s)
		if len(doc.Tokens) != len(g.Words) {
			tb.Fatalf("%s: %d words in the parse, %d in the gold", g.Name, len(doc.Tokens), len(g.Words))
		}
		docs = append(docs, doc)
	}
	return golds, docs
}

func scoreDev(tb testing.TB, r *Resolver, golds []score.Document, docs []*nlp.Document) score.Result {
	tb.Helper()
	var total score.Result
	for i, doc := range docs {
		if err := r.Process(doc); err != nil {
			tb.Fatal(err)
		}
		total = total.Add(score.Score(golds[i].Clusters, Clusters(doc)))
	}
	return total
}

// TestDevFloor checks CoNLL F1 on OntoGUM dev with gold GUM parses.
func TestDevFloor(t *testing.T) {
	golds, docs := devDocs(t)
	res := scoreDev(t, New(), golds, docs)
	t.Logf("OntoGUM dev, gold parses: MUC %.2f B3 %.2f CEAFe %.2f CoNLL %.2f",
		100*res.MUC.F1(), 100*res.B3.F1(), 100*res.CEAFe.F1(), 100*res.CoNLL())
	if got, floor := 100*res.CoNLL(), 55.0; got < floor {
		t.Errorf("CoNLL F1 %.2f below the floor %.1f", got, floor)
	}
}
