package parse

import (
	"bytes"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/nlp"
)

var _ extract.Stage = (*Parser)(nil)

func TestTinyTraining(t *testing.T) {
	sents, err := conllu.ReadFile(filepath.Join("testdata", "tiny.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	docs := []*nlp.Document{conllu.ToDocument("tiny", sents)}
	opt := TrainOptions{Iterations: 15, Seed: 5, Version: 1}
	b1, err := Train(docs, opt)
	if err != nil {
		t.Fatal(err)
	}
	b2, err := Train(docs, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1, b2) {
		t.Fatalf("two trainings gave different bytes")
	}
	p, err := New(b1)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range Evaluate(p, docs, docs) {
		if s.Value < 95 {
			t.Errorf("training-set %s: got %.1f, want >= 95", s.Name, s.Value)
		}
	}
}

// checkTree fails unless heads/rels form one tree with exactly one root
// labelled root.
func checkTree(t *testing.T, heads []int, rels []string) {
	t.Helper()
	n := len(heads)
	roots := 0
	for i, h := range heads {
		if h == -1 {
			roots++
			if rels[i] != RootLabel {
				t.Errorf("root word %d labelled %q", i, rels[i])
			}
			continue
		}
		if h < 0 || h >= n || h == i {
			t.Fatalf("word %d: head %d out of range of %d", i, h, n)
		}
		if rels[i] == RootLabel || rels[i] == "" {
			t.Errorf("non-root word %d labelled %q", i, rels[i])
		}
		k, steps := i, 0
		for k != -1 && steps <= n {
			k = heads[k]
			steps++
		}
		if k != -1 {
			t.Fatalf("word %d is on a cycle: %v", i, heads)
		}
	}
	if roots != 1 && n > 0 {
		t.Errorf("%d roots: %v", roots, heads)
	}
}

func TestValidTreesOnRandomInput(t *testing.T) {
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"the", "of", ",", ".", "said", "-LRB-", "''", "Minister", "talks", "9.5%", "and", "\u201c", "", "!!!", "zzqx", "to", "be"}
	tags := [][2]string{{"DET", "DT"}, {"ADP", "IN"}, {"PUNCT", ","}, {"PUNCT", "."}, {"VERB", "VBD"}, {"NOUN", "NN"},
		{"PROPN", "NNP"}, {"X", "FOO"}, {"", ""}, {"AUX", "MD"}, {"PUNCT", "-LRB-"}}
	r := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 300; trial++ {
		n := r.IntN(70)
		var forms, upos, xpos []string
		for i := 0; i < n; i++ {
			forms = append(forms, words[r.IntN(len(words))])
			tg := tags[r.IntN(len(tags))]
			upos = append(upos, tg[0])
			xpos = append(xpos, tg[1])
		}
		heads, rels, err := p.Parse(forms, upos, xpos)
		if err != nil {
			t.Fatal(err)
		}
		if len(heads) != n || len(rels) != n {
			t.Fatalf("%d words, %d heads, %d rels", n, len(heads), len(rels))
		}
		checkTree(t, heads, rels)
	}
	if _, _, err := p.Parse([]string{"a"}, nil, nil); err == nil {
		t.Errorf("mismatched tags: got nil error")
	}
}

func TestProcessDocument(t *testing.T) {
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tok := func(form, upos, xpos string) nlp.Token { return nlp.Token{Form: form, UPOS: upos, XPOS: xpos} }
	doc := &nlp.Document{
		Tokens: []nlp.Token{
			tok("Talks", "NOUN", "NNS"), tok("ended", "VERB", "VBD"), tok(".", "PUNCT", "."),
			tok("The", "DET", "DT"), tok("minister", "NOUN", "NN"), tok("resigned", "VERB", "VBD"), tok(".", "PUNCT", "."),
		},
		Sentences: []nlp.Sentence{{Start: 0, End: 3}, {Start: 3, End: 7}},
	}
	if err := p.Process(doc); err != nil {
		t.Fatal(err)
	}
	want := []struct {
		head int
		rel  string
	}{{1, "nsubj"}, {-1, "root"}, {1, "punct"}, {4, "det"}, {5, "nsubj"}, {-1, "root"}, {5, "punct"}}
	for i, w := range want {
		if got := doc.Tokens[i]; got.Head != w.head || got.Rel != w.rel {
			t.Errorf("token %d %q: got %d %s, want %d %s", i, got.Form, got.Head, got.Rel, w.head, w.rel)
		}
	}
}
