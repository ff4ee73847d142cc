package kg_test

import (
	"context"
	"slices"
	"strings"
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
	text := "Anna Dubois, the Sylvanian foreign minister, said on Monday that she rejected the plan.\n\n" +
		"Omar Haddad said he wants to reject the offer.\n\n" +
		"Paul Berg said Sylvania rejected the deal.\n"
	got := formatted(buildFacts(t, text), schema.Rejects)
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

// TestPassiveInReportedClause: inside what someone said, as in a
// sentence's own facts, a passive verb states its agent's act on the
// patient ("the concession was offered by the government"), and without an
// agent stays an open relation ("two were being held in Lima hospital" is
// no control of a place).
func TestPassiveInReportedClause(t *testing.T) {
	text := "Solicitor Ana Lopez, who represents eight of the sailors, claimed the detention had driven four of the sailors to \"madness\", saying two were being held in Lima hospital.\n\n" +
		"The minister said the concession was offered by the government.\n"
	facts := buildFacts(t, text)
	got := formatted(facts, "")
	if c := formatted(facts, schema.Controls); len(c) > 0 {
		t.Errorf("unexpected %q", c)
	}
	if !slices.Contains(got, "minister -says-> [government -offers-> concession]") {
		t.Errorf("missing the government's offer in %q", got)
	}
	if !slices.ContainsFunc(got, func(f string) bool { return strings.Contains(f, `[two -"were being held in"-> Lima hospital]`) }) {
		t.Errorf("missing the open relation of the sailors held in %q", got)
	}
	if slices.Contains(got, "minister -says-> [concession -offers-> government]") {
		t.Errorf("the patient made the offerer: %q", got)
	}
}

// TestLeaderOfNeedsPerson: a person leads an organisation; a party that
// leads another in a poll is ahead of it, not at its head.
func TestLeaderOfNeedsPerson(t *testing.T) {
	text := "The Freedom Party leads the Liberal Union by 39% to 34%.\n\n" +
		"Ana Lopez leads the Freedom Party.\n"
	got := formatted(buildFacts(t, text), schema.LeaderOf)
	if !slices.Equal(got, []string{"Ana Lopez -leaderOf-> Freedom Party"}) {
		t.Errorf("leaderOf facts %q, want only Ana Lopez's", got)
	}
}

// buildFacts runs the whole pipeline on text as one article.
func buildFacts(t *testing.T, text string) []schema.Fact {
	t.Helper()
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	_, facts, err := pipeline.Run(context.Background(), p, schema.Article{ID: "t", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return facts
}

// formatted renders the facts with predicate pred, or all when pred is "".
func formatted(facts []schema.Fact, pred schema.Predicate) []string {
	var out []string
	for i := range facts {
		if pred == "" || facts[i].Predicate == pred {
			out = append(out, kg.Format(&facts[i]))
		}
	}
	return out
}
