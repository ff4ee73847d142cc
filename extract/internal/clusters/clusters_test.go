package clusters

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

// toyText builds sentences in which the words of each group share their
// contexts: "the cat0 sat", "a dog3 ran" and so on, with enough distinct
// words to fill the clusters.
func toyText() []*nlp.Document {
	d := &nlp.Document{ID: "toy"}
	add := func(words ...string) {
		start := len(d.Tokens)
		for _, w := range words {
			d.Tokens = append(d.Tokens, nlp.Token{Form: w})
		}
		d.Sentences = append(d.Sentences, nlp.Sentence{Start: start, End: len(d.Tokens)})
	}
	for rep := 0; rep < 3; rep++ {
		for i := 0; i < 400; i++ {
			add("the", fmt.Sprintf("noun%d", i), "sat", "on", "the", "mat", ".")
			add("they", fmt.Sprintf("verb%d", i), "it", "quickly", ".")
		}
	}
	return []*nlp.Document{d}
}

func TestLearnGroupsWordsByContext(t *testing.T) {
	tab := Learn(toyText())
	if len(tab) == 0 {
		t.Fatal("no words clustered")
	}
	n0, _ := tab.Get(Key("noun0"))
	n1, _ := tab.Get(Key("Noun1")) // case folded
	v0, _ := tab.Get(Key("verb0"))
	if n0 == 0 || v0 == 0 {
		t.Fatalf("got clusters %d and %d, want both set", n0, v0)
	}
	if n0 != n1 {
		t.Errorf("noun0 and noun1 in clusters %d and %d, want the same", n0, n1)
	}
	if n0 == v0 {
		t.Errorf("noun0 and verb0 both in cluster %d", n0)
	}
	if f, c := tab.Get(Key("unseen-word")); f != 0 || c != 0 {
		t.Errorf("unseen word: got clusters %d/%d, want 0/0", f, c)
	}
}

func TestEncodeRoundTrip(t *testing.T) {
	tab := Learn(toyText())
	b := tab.Encode()
	if !bytes.Equal(b, Learn(toyText()).Encode()) {
		t.Error("two runs give different bytes")
	}
	got, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(tab) {
		t.Fatalf("decoded %d words, want %d", len(got), len(tab))
	}
	for k, v := range tab {
		if got[k] != v {
			t.Fatalf("key %x: got %x, want %x", k, got[k], v)
		}
	}
	for _, bad := range [][]byte{nil, b[:len(b)-1], append(append([]byte(nil), b...), 0)} {
		if _, err := Decode(bad); err == nil {
			t.Errorf("Decode of %d corrupt bytes: no error", len(bad))
		}
	}
}
