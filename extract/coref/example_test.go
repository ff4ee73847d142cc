package coref_test

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/coref"
)

// A document with tags and a parse (here from CoNLL-U; in the pipeline
// from the tagger and parser) gets mentions and chains.
func ExampleResolver_Process() {
	const parsed = `1	Nora	Nora	PROPN	NNP	Number=Sing	3	nsubj	_	_
2	Vance	Vance	PROPN	NNP	Number=Sing	1	flat	_	_
3	arrived	arrive	VERB	VBD	_	0	root	_	SpaceAfter=No
4	.	.	PUNCT	.	_	3	punct	_	_

1	She	she	PRON	PRP	Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs	2	nsubj	_	_
2	spoke	speak	VERB	VBD	_	0	root	_	SpaceAfter=No
3	.	.	PUNCT	.	_	2	punct	_	_

`
	sents, err := conllu.ReadAll(strings.NewReader(parsed))
	if err != nil {
		fmt.Println(err)
		return
	}
	doc := conllu.ToDocument("example", sents)
	if err := coref.New().Process(doc); err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range doc.Chains {
		rep := doc.Mentions[c.Rep]
		fmt.Print(doc.SpanText(rep.Start, rep.End), ":")
		for _, i := range c.Mentions {
			m := doc.Mentions[i]
			fmt.Printf(" [%s]", doc.SpanText(m.Start, m.End))
		}
		fmt.Println()
	}
	// Output:
	// Nora Vance: [Nora Vance] [She]
}
