package ner_test

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/extract/ner"
	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/extract/tag"
)

// tokens builds a one-sentence document from space-separated words,
// tagged (the ner stage reads part-of-speech tags).
func tokens(text string) *nlp.Document {
	d := nlp.New("example", text)
	off := 0
	for _, w := range strings.Fields(text) {
		i := strings.Index(text[off:], w) + off
		d.Tokens = append(d.Tokens, nlp.Token{Start: i, End: i + len(w), Form: w, SpaceAfter: true, Head: -1})
		off = i + len(w)
	}
	d.Sentences = []nlp.Sentence{{Start: 0, End: len(d.Tokens)}}
	d.Layers = nlp.Tokens | nlp.Sentences
	tg, err := tag.Load()
	if err != nil {
		panic(err)
	}
	if err := tg.Process(d); err != nil {
		panic(err)
	}
	d.Layers |= nlp.Tags | nlp.Lemmas
	return d
}

func ExampleNormalize() {
	d := tokens("Brazilian President Ana Lopez met Sir Tom Baker , the British prime minister .")
	for _, span := range []nlp.Span{{Start: 1, End: 4, Label: "PERSON"}, {Start: 5, End: 8, Label: "PERSON"}} {
		n := ner.Normalize(d, span)
		fmt.Printf("%s | honorifics %v | role %q of %s\n", n.Text, n.Honorifics, n.Role, n.Of.Name)
	}
	// Output:
	// Ana Lopez | honorifics [] | role "President" of Brazil
	// Tom Baker | honorifics [Sir] | role "Prime Minister" of United Kingdom
}

func ExamplePossessiveRole() {
	d := tokens("Chile 's president said no .")
	role, of, end, ok := ner.PossessiveRole(d, nlp.Span{Start: 0, End: 1, Label: "GPE"})
	fmt.Println(role, of.Name, of.Code, end, ok)
	// Output: President Chile CL 3 true
}
