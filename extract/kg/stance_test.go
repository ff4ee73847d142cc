package kg_test

import (
	"context"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/extract/kg"
	"github.com/newsgraph/newsgraph/extract/pipeline"
	"github.com/newsgraph/newsgraph/schema"
)

// TestSelfReportedStance runs the whole pipeline on invented sentences: a
// realis stance declared by its holder is the holder's, not a claim
// attributed to the holder; a desired one, or one told of someone else,
// stays attributed to the speaker.
func TestSelfReportedStance(t *testing.T) {
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Anna Dubois, the Sylvanian foreign minister, said on Monday that she rejected the plan.\n\n" +
		"Omar Haddad said he wants to reject the offer.\n\n" +
		"Paul Berg said Sylvania rejected the deal.\n"
	_, facts, err := pipeline.Run(context.Background(), p, schema.Article{ID: "t", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i := range facts {
		if facts[i].Predicate == schema.Rejects {
			got = append(got, kg.Format(&facts[i]))
		}
	}
	for _, want := range []string{
		"Anna Dubois -rejects-> plan",
		"Omar Haddad -rejects-> offer (desired, said by Omar Haddad)",
		"Sylvania -rejects-> deal (said by Paul Berg)",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
}
