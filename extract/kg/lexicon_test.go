package kg

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

func TestLexicon(t *testing.T) {
	lx, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	verbs := []struct {
		lemma   string
		markers []string
		object  ObjectKind
		want    schema.Predicate
		ok      bool
	}{
		{"oppose", nil, ActorObject, schema.Opposes, true},
		{"rule", []string{"out"}, ClauseObject, schema.Rejects, true},
		{"rule", nil, PlaceObject, "", false},
		{"call", []string{"for"}, ProposalObject, schema.Demands, true},
		{"push", []string{"for"}, ProposalObject, schema.Supports, true},
		{"present", []string{"with"}, ProposalObject, schema.Offers, true},
		{"present", nil, ProposalObject, schema.Proposes, true},
		{"endorse", nil, ProposalObject, schema.AgreesTo, true},
		{"endorse", nil, ActorObject, schema.Supports, true},
		{"hold", nil, PlaceObject, schema.Controls, true},
		{"hold", nil, ActorObject, "", false},
		{"claim", nil, PlaceObject, schema.Claims, true},
		{"claim", nil, ClauseObject, schema.Says, true},
		{"want", nil, ProposalObject, schema.Supports, true},
		{"Meet", []string{"with"}, ActorObject, schema.MeetsWith, true},
	}
	for _, tt := range verbs {
		got, ok := lx.Verb(tt.lemma, tt.markers, tt.object)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Verb(%q, %v, %d) = %q, %v; want %q, %v", tt.lemma, tt.markers, tt.object, got, ok, tt.want, tt.ok)
		}
	}
	if got, _ := lx.Noun("opposition", []string{"to"}, ClauseObject); got != schema.Opposes {
		t.Errorf("Noun(opposition to) = %q, want opposes", got)
	}
	classes := []struct {
		lemmas []string
		want   schema.Class
	}{
		{[]string{"permanent", "peace", "agreement"}, schema.ClassPeaceAgreement},
		{[]string{"trade", "agreement"}, schema.ClassProposal},
		{[]string{"robust", "security", "guarantee"}, schema.ClassSecurityGuarantee},
		{[]string{"ceasefire"}, schema.ClassCeasefire},
		{[]string{"table"}, ""},
	}
	for _, tt := range classes {
		if got, _ := lx.Class(tt.lemmas); got != tt.want {
			t.Errorf("Class(%v) = %q, want %q", tt.lemmas, got, tt.want)
		}
	}
}

func TestParseLexiconErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"verb\tx\t-\tfrobs\tany\t-", `unknown predicate "frobs"`},
		{"verb\tx\t-\topposes\tsome\t-", `unknown object kind "some"`},
		{"class\tx\t-\tWidget\t-\t-", `unknown class "Widget"`},
		{"adverb\tx\t-\topposes\tany\t-", `unknown kind "adverb"`},
		{"verb\tx", "2 fields"},
	}
	for _, tt := range tests {
		if _, err := ParseLexicon(tt.in); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseLexicon(%q) err = %v, want %q", tt.in, err, tt.want)
		}
	}
}
