package ner

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/extract/tag"
)

// DocOf is docOf for the examples, which live in package ner_test.
var DocOf = docOf

// docOf builds a one-sentence document from space-separated tokens, with
// byte offsets into the text, tagged by the shipped tagger.
func docOf(text string) *nlp.Document {
	d := nlp.New("t", text)
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

// spanOf returns the span of the first occurrence of the token sequence
// words in d.
func spanOf(d *nlp.Document, words, label string) nlp.Span {
	ws := strings.Fields(words)
	for i := 0; i+len(ws) <= len(d.Tokens); i++ {
		if d.Forms(i, i+len(ws)) == strings.Join(ws, " ") {
			return nlp.Span{Start: i, End: i + len(ws), Label: label}
		}
	}
	return nlp.Span{Start: -1, End: -1, Label: label}
}
