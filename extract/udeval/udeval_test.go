package udeval

import (
	"math"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

// w is a word for hand-built documents: form, UPOS, head (index in the
// document, -1 root), relation, and the number of words when it starts a
// multiword token.
type w struct {
	form, upos string
	head       int
	rel        string
	mwt        int
}

// build lays the words out in text, a space between surface tokens except
// where glue says "no space after word i", and cuts sentences after the
// word indices in ends.
func build(text string, words []w, ends []int) *nlp.Document {
	doc := nlp.New("t", text)
	pos := 0
	for _, x := range words {
		i := strings.Index(text[pos:], x.form)
		if i < 0 {
			panic("word " + x.form + " not in text")
		}
		st := pos + i
		doc.Tokens = append(doc.Tokens, nlp.Token{Start: st, End: st + len(x.form), Form: x.form, UPOS: x.upos,
			XPOS: x.upos, Lemma: strings.ToLower(x.form), Head: x.head, Rel: x.rel, MWT: x.mwt})
		pos = st + len(x.form)
	}
	start := 0
	for _, e := range ends {
		doc.Sentences = append(doc.Sentences, nlp.Sentence{Start: start, End: e + 1})
		start = e + 1
	}
	doc.Layers = nlp.Tokens | nlp.Sentences | nlp.Tags | nlp.Lemmas | nlp.Deps
	return doc
}

const text = "I don't like e-mail. It works."

func gold() *nlp.Document {
	return build(text, []w{
		{"I", "PRON", 3, "nsubj", 0}, {"do", "AUX", 3, "aux", 2}, {"n't", "PART", 3, "advmod", 0},
		{"like", "VERB", -1, "root", 0}, {"e-mail", "NOUN", 3, "obj", 0}, {".", "PUNCT", 3, "punct", 0},
		{"It", "PRON", 7, "nsubj", 0}, {"works", "VERB", -1, "root", 0}, {".", "PUNCT", 7, "punct", 0},
	}, []int{5, 8})
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestIdentical(t *testing.T) {
	g := gold()
	s := gold()
	if err := Check(g, s); err != nil {
		t.Fatal(err)
	}
	sc := Evaluate(g, s)
	for name, m := range map[string]Score{"tokens": sc.Tokens, "sentences": sc.Sentences, "words": sc.Words,
		"upos": sc.UPOS, "xpos": sc.XPOS, "lemma": sc.Lemma, "uas": sc.UAS, "las": sc.LAS, "lasfull": sc.LASFull} {
		if m.F1() != 1 {
			t.Errorf("%s F1 = %v, want 1 (%+v)", name, m.F1(), m)
		}
	}
	if got, want := sc.Tokens.Gold, 8; got != want {
		t.Errorf("gold surface tokens = %d, want %d", got, want)
	}
	if got, want := sc.Words.Gold, 9; got != want {
		t.Errorf("gold words = %d, want %d", got, want)
	}
}

// With gold tokenization every F1 is plain accuracy.
func TestGoldTokenizationIsAccuracy(t *testing.T) {
	g := gold()
	s := gold()
	s.Tokens[3].UPOS = "NOUN"        // like: wrong tag
	s.Tokens[4].Head = 0             // e-mail attached to I: wrong head
	s.Tokens[6].Rel = "obj"          // It: right head, wrong label
	s.Tokens[5].Rel = "punct:subtyp" // .: subtype only, counts for LAS, not LASFull
	sc := Evaluate(g, s)
	for _, c := range []struct {
		name string
		got  Score
		want float64
	}{
		{"upos", sc.UPOS, 8.0 / 9}, {"uas", sc.UAS, 8.0 / 9}, {"las", sc.LAS, 7.0 / 9}, {"lasfull", sc.LASFull, 6.0 / 9},
		{"words", sc.Words, 1},
	} {
		if !near(c.got.F1(), c.want) || !near(c.got.AlignedAccuracy(), c.want) {
			t.Errorf("%s: F1 %v, aligned accuracy %v, want %v", c.name, c.got.F1(), c.got.AlignedAccuracy(), c.want)
		}
	}
}

// The system keeps don't whole and splits e-mail: the tokens that cover
// the same characters still align, and heads count only when the gold
// head is aligned to the system head.
func TestSplitMismatch(t *testing.T) {
	g := gold()
	s := build(text, []w{
		{"I", "PRON", 2, "nsubj", 0}, {"don't", "AUX", 2, "aux", 0}, {"like", "VERB", -1, "root", 0},
		{"e", "NOUN", 2, "obj", 0}, {"-", "PUNCT", 3, "punct", 0}, {"mail", "NOUN", 3, "compound", 0},
		{".", "PUNCT", 2, "punct", 0},
		{"It", "PRON", 8, "nsubj", 0}, {"works", "VERB", -1, "root", 0}, {".", "PUNCT", 8, "punct", 0},
	}, []int{6, 9})
	if err := Check(g, s); err != nil {
		t.Fatal(err)
	}
	sc := Evaluate(g, s)
	// Surface tokens: gold 8 (I don't like e-mail . It works .), system 10;
	// shared: I, don't, like, ., It, works, . = 7.
	if got, want := sc.Tokens, (Score{Gold: 8, System: 10, Correct: 7}); got != want {
		t.Errorf("tokens = %+v, want %+v", got, want)
	}
	// Words: gold 9, system 10; aligned: I like . It works . = 6 (do, n't
	// cannot pair with don't; e-mail has no counterpart).
	if got, want := sc.Words.Correct, 6; got != want {
		t.Errorf("aligned words = %d, want %d", got, want)
	}
	if !near(sc.Words.Precision(), 6.0/10) || !near(sc.Words.Recall(), 6.0/9) {
		t.Errorf("words P %v R %v, want 0.6 and 0.667", sc.Words.Precision(), sc.Words.Recall())
	}
	// Heads: I -> like (aligned), like root, . -> like, It -> works,
	// works root, . -> works: all 6 right.
	if got, want := sc.UAS.Correct, 6; got != want {
		t.Errorf("UAS correct = %d, want %d", got, want)
	}
	if got, want := sc.Sentences, (Score{Gold: 2, System: 2, Correct: 2}); got != want {
		t.Errorf("sentences = %+v, want %+v", got, want)
	}
}

// Gold writes do + n't; the system writes them as two surface tokens. The
// words still align by their own character slices.
func TestMWTAgainstSeparateTokens(t *testing.T) {
	g := gold()
	s := gold()
	s.Tokens[1].MWT = 0
	sc := Evaluate(g, s)
	if got, want := sc.Tokens, (Score{Gold: 8, System: 9, Correct: 7}); got != want {
		t.Errorf("tokens = %+v, want %+v", got, want)
	}
	if got, want := sc.Words.Correct, 9; got != want {
		t.Errorf("aligned words = %d, want %d", got, want)
	}
}

func TestSentenceMismatch(t *testing.T) {
	g := gold()
	one := gold()
	one.Sentences = []nlp.Sentence{{Start: 0, End: 9}}
	if got, want := Evaluate(g, one).Sentences, (Score{Gold: 2, System: 1}); got != want {
		t.Errorf("one sentence: %+v, want %+v", got, want)
	}
	three := gold()
	three.Sentences = []nlp.Sentence{{Start: 0, End: 4}, {Start: 4, End: 6}, {Start: 6, End: 9}}
	sc := Evaluate(g, three).Sentences
	if got, want := sc, (Score{Gold: 2, System: 3, Correct: 1}); got != want {
		t.Errorf("three sentences: %+v, want %+v", got, want)
	}
	if !near(sc.F1(), 2.0/5) {
		t.Errorf("F1 = %v, want 0.4", sc.F1())
	}
}

func TestCheck(t *testing.T) {
	g := gold()
	other := build("I don't like e-mail! It works.", nil, nil)
	if err := Check(g, other); err == nil {
		t.Error("different texts: no error")
	}
	spaced := build("I don't  like e-mail. It works.", nil, nil)
	if err := Check(g, spaced); err == nil {
		t.Error("different whitespace: no error")
	}
	bad := gold()
	bad.Tokens[0].End = 1000
	if err := Check(g, bad); err == nil {
		t.Error("invalid system document: no error")
	}
	// Evaluate must not panic on it either.
	Evaluate(g, bad)
}

func TestAdd(t *testing.T) {
	var total Scores
	total.Add(Evaluate(gold(), gold()))
	total.Add(Evaluate(gold(), gold()))
	if got, want := total.Words, (Score{Gold: 18, System: 18, Correct: 18, Aligned: 18}); got != want {
		t.Errorf("words = %+v, want %+v", got, want)
	}
	if !strings.Contains(total.String(), "LAS") {
		t.Errorf("String lacks LAS:\n%s", total)
	}
}

// Malformed documents give meaningless scores but never a panic.
func TestEvaluateMalformed(t *testing.T) {
	g := gold()
	docs := []*nlp.Document{
		nlp.New("empty", text),
		{Text: text, Tokens: []nlp.Token{{Start: 9, End: 2, MWT: 50, Head: 99}, {Start: -4, End: 1000, Head: -7}},
			Sentences: []nlp.Sentence{{Start: 3, End: 1}, {Start: 0, End: 40}}},
		{Text: text, Tokens: make([]nlp.Token, 400), Sentences: []nlp.Sentence{{Start: 0, End: 400}}},
	}
	for _, d := range docs {
		d.Tokens = append(d.Tokens, nlp.Token{Start: 0, End: 1, MWT: 1 << 20})
		Evaluate(g, d)
		Evaluate(d, g)
		Evaluate(d, d)
	}
}
