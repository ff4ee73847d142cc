package segment

import (
	"bytes"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

func TestEmbeddedModel(t *testing.T) {
	g := New()
	if g.err != nil {
		t.Fatalf("embedded model: %v", g.err)
	}
	m := g.model
	if m.Meta.FeatureVersion != FeatureVersion || m.Meta.Features == 0 || len(m.Meta.TrainingData) != 2 {
		t.Errorf("meta = %+v", m.Meta)
	}
	// Decoding then encoding gives the same bytes.
	again, err := m.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, modelData) {
		t.Error("re-encoding the embedded model changes its bytes")
	}
}

func TestDecodeErrors(t *testing.T) {
	good := modelData
	nl := bytes.IndexByte(good, '\n')
	flip := append([]byte(nil), good...)
	flip[len(flip)-1] ^= 1
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "no meta line"},
		{"bad json", []byte("{\n"), "meta"},
		{"feature version", bytes.Replace(good, []byte(FeatureVersion), []byte("segfeat/0"), 1), "features"},
		{"truncated", good[:len(good)-5], "table"},
		{"checksum", flip, "checksum"},
		{"meta only", good[:nl+1], "table"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(tt.data)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Decode: error %v, want one mentioning %q", err, tt.want)
			}
		})
	}
}

// tinyDoc builds a gold document from sentences joined by spaces, one
// token per space-separated word.
func tinyDoc(sents ...string) *nlp.Document {
	doc := nlp.New("tiny", strings.Join(sents, " "))
	pos := 0
	for _, s := range sents {
		start := len(doc.Tokens)
		for _, w := range strings.Fields(s) {
			i := strings.Index(doc.Text[pos:], w) + pos
			doc.Tokens = append(doc.Tokens, nlp.Token{Start: i, End: i + len(w), Form: w, SpaceAfter: true})
			pos = i + len(w)
		}
		doc.Sentences = append(doc.Sentences, nlp.Sentence{Start: start, End: len(doc.Tokens)})
	}
	doc.Layers = nlp.Tokens | nlp.Sentences
	return doc
}

// TestTinyTraining trains on a few documents where a sentence ends before
// every capitalized word that follows "ok" (no full stop): the model must
// learn it, training must be deterministic, and the model must survive
// encoding.
func TestTinyTraining(t *testing.T) {
	var docs []*nlp.Document
	for i := 0; i < 20; i++ {
		docs = append(docs, tinyDoc("we are fine ok", "Then we left .", "It rained ok", "Rain fell ok", "Dogs ran ."))
	}
	m := Train(docs, TrainOptions{Iterations: 3, Seed: 7})
	m2 := Train(docs, TrainOptions{Iterations: 3, Seed: 7})
	b1, err := m.Encode()
	if err != nil {
		t.Fatal(err)
	}
	b2, _ := m2.Encode()
	if !bytes.Equal(b1, b2) {
		t.Error("training twice gives different models")
	}
	dec, err := Decode(b1)
	if err != nil {
		t.Fatal(err)
	}
	test := tinyDoc("all good ok", "Later we ate .", "Fine .")
	got := NewWithModel(dec).Sentences(test.Text, test.Tokens)
	if len(got) != 3 || got[0] != (nlp.Sentence{Start: 0, End: 3}) {
		t.Errorf("sentences = %v, want %v", got, test.Sentences)
	}
	// The rules alone cannot split after "ok".
	if rules := NewRules().Sentences(test.Text, test.Tokens); len(rules) != 2 {
		t.Errorf("rules: %v", rules)
	}
}
