package coref

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

// FuzzProcess builds well-formed but arbitrary parsed documents from the
// fuzzer's bytes and checks that the resolver never panics and returns
// chains that index its mentions, each of two or more.
func FuzzProcess(f *testing.F) {
	f.Add([]byte("\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c"))
	f.Add([]byte("he said she \"I\" it the president of Chile"))
	forms := []string{"he", "she", "it", "I", "we", "you", "they", "his", "the", "a", "President", "Chile",
		"Chilean", "president", "Ana", "Ruiz", "said", "\"", "“", "”", ",", ".", "'s", "country", "EU",
		"European", "Union", "himself", "its", "Monday", "dark", "was", "rain"}
	upos := []string{"PRON", "NOUN", "PROPN", "VERB", "DET", "ADJ", "PUNCT", "ADP", "AUX", "PART", "NUM"}
	rels := []string{"nsubj", "obj", "nmod", "nmod:poss", "flat", "compound", "appos", "det", "amod", "case",
		"punct", "acl", "acl:relcl", "conj", "cc", "ccomp", "parataxis", "expl", "cop", "obl", "nmod:desc", "csubj"}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 300 {
			data = data[:300]
		}
		doc := nlp.New("fuzz", "")
		var b strings.Builder
		sentStart := 0
		for i, x := range data {
			form := forms[int(x)%len(forms)]
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			start := b.Len()
			b.WriteString(form)
			head := -1
			if i > sentStart {
				head = sentStart + int(x>>3)%(i-sentStart) // an earlier word of the sentence: a tree
			}
			doc.Tokens = append(doc.Tokens, nlp.Token{Start: start, End: b.Len(), Form: form,
				UPOS: upos[int(x>>2)%len(upos)], Lemma: strings.ToLower(form), Head: head, Rel: rels[int(x>>1)%len(rels)]})
			if x%7 == 0 || i == len(data)-1 {
				doc.Sentences = append(doc.Sentences, nlp.Sentence{Start: sentStart, End: i + 1})
				sentStart = i + 1
			}
		}
		doc.Text = b.String()
		doc.Layers = nlp.Tokens | nlp.Sentences | nlp.Tags | nlp.Deps
		if err := New().Process(doc); err != nil {
			t.Fatalf("well-formed document refused: %v", err)
		}
		for _, c := range doc.Chains {
			if len(c.Mentions) < 2 || c.Rep < 0 || c.Rep >= len(doc.Mentions) {
				t.Fatalf("bad chain %+v", c)
			}
			for _, i := range c.Mentions {
				if i < 0 || i >= len(doc.Mentions) {
					t.Fatalf("chain mention %d out of range", i)
				}
			}
		}
	})
}
