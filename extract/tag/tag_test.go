package tag

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/nlp"
)

var _ extract.Stage = (*Tagger)(nil)

func tinyDocs(t *testing.T) []*nlp.Document {
	t.Helper()
	sents, err := conllu.ReadFile(filepath.Join("..", "parse", "testdata", "tiny.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	return []*nlp.Document{conllu.ToDocument("tiny", sents)}
}

func TestTinyTraining(t *testing.T) {
	docs := tinyDocs(t)
	opt := TrainOptions{Iterations: 10, Seed: 3, Version: 1}
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
	tg, err := New(b1)
	if err != nil {
		t.Fatal(err)
	}
	// It learns its training set.
	sc := Evaluate(tg, docs)
	for _, s := range sc {
		if s.Value < 95 {
			t.Errorf("training-set %s: got %.1f, want >= 95", s.Name, s.Value)
		}
	}
	// The lemma rules generalise: -s plural nouns, -ed past tenses.
	tests := []struct{ form, xpos, want string }{
		{"cats", "NNS", "cat"},
		{"Reporters", "NNS", "reporter"},
		{"walked", "VBD", "walk"},
		{"The", "DT", "the"},
		{"Monday", "NNP", "Monday"},
	}
	for _, tt := range tests {
		if got := tg.Lemma(tt.form, tt.xpos); got != tt.want {
			t.Errorf("Lemma(%q, %s): got %q, want %q", tt.form, tt.xpos, got, tt.want)
		}
	}
	if _, err := Train(nil, opt); err == nil {
		t.Errorf("Train(nil): got nil error")
	}
}

func TestEditScript(t *testing.T) {
	tests := []struct{ form, lemma, want string }{
		{"cats", "cat", "L|1|"},
		{"The", "the", "L|0|"},
		{"Bush", "Bush", "|0|"},
		{"went", "go", "L|4|go"},
		{"n't", "not", "L|2|ot"},
	}
	for _, tt := range tests {
		got := editScript(tt.form, tt.lemma)
		if got != tt.want {
			t.Errorf("editScript(%q, %q): got %q, want %q", tt.form, tt.lemma, got, tt.want)
		}
		if out, ok := applyScript(tt.form, got); !ok || out != tt.lemma {
			t.Errorf("applyScript(%q, %q): got %q, %v, want %q", tt.form, got, out, ok, tt.lemma)
		}
	}
}

// TestKnownLemmas checks the fallback to verb lemmas of the training
// data: the longest-suffix rule of "-owed" (from "showed", "allowed")
// strips "ed", which makes "ow" of "owed"; "owe" is a known verb, made by
// the rule of "used". A verb nobody saw keeps the rule's lemma, and a
// known lemma much shorter than the rule's is not taken.
func TestKnownLemmas(t *testing.T) {
	var samples []lemmaSample
	add := func(form, xpos, lemma string, n int) {
		for range n {
			samples = append(samples, lemmaSample{form, xpos, lemma})
		}
	}
	add("showed", "VBD", "show", 3)
	add("allowed", "VBD", "allow", 3)
	add("followed", "VBD", "follow", 3)
	add("used", "VBD", "use", 2)
	add("owe", "VB", "owe", 1)
	add("arrived", "VBD", "arrive", 2)
	add("derived", "VBD", "derive", 2)
	add("bidded", "VBD", "bid", 2)
	add("wai", "VB", "wai", 1)
	l := trainLemmatizer(samples)
	for _, tt := range []struct{ form, want string }{
		{"owed", "owe"},     // the rule's "ow" is no known verb; "owe" is
		{"glowed", "glow"},  // unknown, and no script makes a known verb
		{"waived", "waive"}, // "wai" is known but two bytes shorter than "waive"
	} {
		if got := l.lemma(tt.form, "VBD"); got != tt.want {
			t.Errorf("lemma(%q, VBD) = %q, want %q", tt.form, got, tt.want)
		}
	}
	d, err := decodeLemmatizer(l.encode())
	if err != nil {
		t.Fatal(err)
	}
	if got := d.lemma("owed", "VBD"); got != "owe" {
		t.Errorf("after encoding: lemma(owed, VBD) = %q, want owe", got)
	}
}

func TestEmbeddedModel(t *testing.T) {
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := tg.Meta().Name, ModelName; got != want {
		t.Errorf("model name: got %q, want %q", got, want)
	}
	// PTB-style and raw forms of the same sentence get the same tags.
	raw := []string{"He", "said", "(", "quietly", ")", "that", "\u201c", "prices", "rose", "\u201d", "."}
	ptb := []string{"He", "said", "-LRB-", "quietly", "-RRB-", "that", "``", "prices", "rose", "''", "."}
	u1, x1 := tg.Tag(raw)
	u2, x2 := tg.Tag(ptb)
	for i := range raw {
		if u1[i] != u2[i] || x1[i] != x2[i] {
			t.Errorf("word %d: raw %q %s/%s, PTB %q %s/%s", i, raw[i], u1[i], x1[i], ptb[i], u2[i], x2[i])
		}
	}
	if got, want := x1[2], "-LRB-"; got != want {
		t.Errorf("XPOS of (: got %s, want %s", got, want)
	}
	// Tags do not leak across sentences: a sentence tags the same alone
	// and after another one.
	doc := &nlp.Document{Tokens: []nlp.Token{{Form: "Stop"}, {Form: "!"}, {Form: "Stop"}, {Form: "!"}},
		Sentences: []nlp.Sentence{{Start: 0, End: 2}, {Start: 2, End: 4}}}
	if err := tg.Process(doc); err != nil {
		t.Fatal(err)
	}
	if doc.Tokens[0].XPOS != doc.Tokens[2].XPOS || doc.Tokens[0].Lemma != doc.Tokens[2].Lemma {
		t.Errorf("same sentence tagged differently: %+v vs %+v", doc.Tokens[0], doc.Tokens[2])
	}
	bad := &nlp.Document{Sentences: []nlp.Sentence{{Start: 0, End: 3}}}
	if err := tg.Process(bad); err == nil {
		t.Errorf("sentence out of range: got nil error")
	}
}

// TestFeatureSets trains the tiny tagger with each feature set: set 2
// carries the word clusters of its training and unlabelled text, set 1
// none, and both decode and tag.
func TestFeatureSets(t *testing.T) {
	docs := tinyDocs(t)
	// unlabelled text with enough words for a cluster table
	var text strings.Builder
	for r := 0; r < 3; r++ {
		for i := 0; i < 400; i++ {
			fmt.Fprintf(&text, "the w%d is here . ", i)
		}
	}
	words := strings.Fields(text.String())
	var sents []*conllu.Sentence
	for i := 0; i+5 <= len(words); i += 5 {
		s := &conllu.Sentence{}
		for k, w := range words[i : i+5] {
			s.Words = append(s.Words, conllu.Word{ID: k + 1, Form: w})
		}
		sents = append(sents, s)
	}
	unl := []*nlp.Document{conllu.ToDocument("unlabelled", sents)}
	for _, fs := range []int{1, 2} {
		b, err := Train(docs, TrainOptions{Iterations: 3, Seed: 3, Version: 1, FeatureSet: fs, ClusterText: unl})
		if err != nil {
			t.Fatalf("feature set %d: %v", fs, err)
		}
		tg, err := New(b)
		if err != nil {
			t.Fatalf("feature set %d: %v", fs, err)
		}
		if got := tg.Meta().FeatureSet; got != fs {
			t.Errorf("feature set %d: meta says %d", fs, got)
		}
		if got, want := len(tg.cl) > 0, fs == 2; got != want {
			t.Errorf("feature set %d: has clusters %v, want %v", fs, got, want)
		}
		if up, _ := tg.Tag([]string{"The", "w7", "is", "here"}); len(up) != 4 {
			t.Errorf("feature set %d: %d tags for 4 words", fs, len(up))
		}
	}
	if _, err := Train(docs, TrainOptions{FeatureSet: FeatureSet + 1}); err == nil {
		t.Errorf("feature set %d: got nil error", FeatureSet+1)
	}
}
