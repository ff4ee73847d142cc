package ner_test

import (
	"fmt"

	"github.com/newsgraph/newsgraph/extract/ner"
	"github.com/newsgraph/newsgraph/extract/nlp"
)

func ExampleNormalize() {
	d := ner.DocOf("Brazilian President Ana Lopez met Sir Tom Baker , the British prime minister .")
	for _, span := range []nlp.Span{{Start: 1, End: 4, Label: "PERSON"}, {Start: 5, End: 8, Label: "PERSON"}} {
		n := ner.Normalize(d, span)
		fmt.Printf("%s | honorifics %v | role %q of %s\n", n.Text, n.Honorifics, n.Role, n.Of.Name)
	}
	// Output:
	// Ana Lopez | honorifics [] | role "President" of Brazil
	// Tom Baker | honorifics [Sir] | role "Prime Minister" of United Kingdom
}

func ExamplePossessiveRole() {
	d := ner.DocOf("Chile 's president said no .")
	role, of, end, ok := ner.PossessiveRole(d, nlp.Span{Start: 0, End: 1, Label: "GPE"})
	fmt.Println(role, of.Name, of.Code, end, ok)
	// Output: President Chile CL 3 true
}
