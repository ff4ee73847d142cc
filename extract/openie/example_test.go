package openie_test

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/openie"
)

func ExampleExtract() {
	const parsed = `1	The	the	DET	DT	_	2	det	_	_
2	mayor	mayor	NOUN	NN	_	3	nsubj	_	_
3	said	say	VERB	VBD	_	0	root	_	_
4	the	the	DET	DT	_	5	det	_	_
5	bridge	bridge	NOUN	NN	_	7	nsubj	_	_
6	would	would	AUX	MD	_	7	aux	_	_
7	reopen	reopen	VERB	VB	_	3	ccomp	_	_
8	on	on	ADP	IN	_	9	case	_	_
9	Monday	Monday	PROPN	NNP	_	7	obl	_	_
10	.	.	PUNCT	.	_	3	punct	_	_

`
	sents, err := conllu.ReadAll(strings.NewReader(parsed))
	if err != nil {
		fmt.Println(err)
		return
	}
	doc := conllu.ToDocument("example", sents)
	for _, e := range openie.Extract(doc, 0) {
		var args []string
		for _, a := range e.Args {
			args = append(args, string(a.Role)+"="+a.Text(doc))
		}
		fmt.Printf("%s (%s; %s; %s)", e.Clause, e.Subject.Text(doc), e.RelationText(doc), strings.Join(args, "; "))
		if e.Modality != "" {
			fmt.Printf(" modality=%s", e.Modality)
		}
		if e.Attribution != nil {
			fmt.Printf(" said-by=%q", e.Attribution.Speaker.Text(doc))
		}
		fmt.Println()
	}
	// Output:
	// SVO (The mayor; said; object=the bridge would reopen on Monday)
	// SVA (the bridge; would reopen; time=on Monday) modality=hypothetical said-by="The mayor"
}
