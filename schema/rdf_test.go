package schema

import (
	"strings"
	"testing"
)

func TestVocabularyIsValid(t *testing.T) {
	seen := map[string]bool{}
	for _, q := range Vocabulary() {
		if err := q.Check(); err != nil {
			t.Errorf("%s: %v", q, err)
		}
		if seen[q.String()] {
			t.Errorf("duplicate quad %s", q)
		}
		seen[q.String()] = true
	}
	for _, c := range classes {
		if _, ok := LookupTerm(string(c)); !ok {
			t.Errorf("class %s has no vocabulary term", c)
		}
	}
	for _, p := range predicates {
		if term, ok := LookupTerm(string(p)); !ok || term.Kind != KindProperty {
			t.Errorf("predicate %s has no property term", p)
		}
	}
	for _, term := range Vocab {
		if term.Label == "" || term.Comment == "" {
			t.Errorf("%s lacks a label or comment", term.Name)
		}
		if term.Cameo != "" && len(term.Cameo) != 2 {
			t.Errorf("%s: CAMEO root %q is not two digits", term.Name, term.Cameo)
		}
	}
}

func TestNodeString(t *testing.T) {
	tests := []struct {
		n    Node
		want string
	}{
		{IRI("http://e.org/a"), "<http://e.org/a>"},
		{Blank("b1"), "_:b1"},
		{Str("a \"b\"\n\\ \t\r\x01"), `"a \"b\"\n\\ \t\r\u0001"`},
		{Lang("chat", "fr-CA"), `"chat"@fr-CA`},
		{Typed("5", XSD+"integer"), `"5"^^<http://www.w3.org/2001/XMLSchema#integer>`},
		{Typed("x", XSD+"string"), `"x"`},
		{Decimal(1), `"1.0"^^<http://www.w3.org/2001/XMLSchema#decimal>`},
		{Decimal(0.25), `"0.25"^^<http://www.w3.org/2001/XMLSchema#decimal>`},
		{Bool(true), `"true"^^<http://www.w3.org/2001/XMLSchema#boolean>`},
	}
	for _, tt := range tests {
		if got := tt.n.String(); got != tt.want {
			t.Errorf("%+v: got %s, want %s", tt.n, got, tt.want)
		}
	}
}

func TestCheck(t *testing.T) {
	bad := []Node{
		IRI("relative/path"), IRI("http://e.org/a b"), IRI("http://e.org/<x>"), IRI(""), IRI("http://e.org/\xff"),
		Blank(""), Blank("a b"), Blank("a."), Blank("-a"),
		Lang("x", "en_US"), Lang("x", "-en"), Lang("x", "en-"), Lang("x", "toolongtag"),
		Typed("x", "xsd:integer"), Typed("x", RDF+"langString"), Str("\xff"), {},
	}
	for _, n := range bad {
		if n.Check() == nil {
			t.Errorf("%+v passed Check", n)
		}
	}
	good := []Node{IRI("urn:x"), IRI("http://e.org/café"), Blank("a.b-c_1"), Lang("x", "zh-Hant-TW"), Typed("1", XSD+"integer"), Str("")}
	for _, n := range good {
		if err := n.Check(); err != nil {
			t.Errorf("%+v: %v", n, err)
		}
	}
}

func TestFixIRI(t *testing.T) {
	tests := []struct{ in, want string }{
		{"http://e.org/a b", "http://e.org/a%20b"},
		{"http://e.org/<x>{y}|^`\\\"", "http://e.org/%3Cx%3E%7By%7D%7C%5E%60%5C%22"},
		{"http://e.org/é", "http://e.org/é"},
		{"http://e.org/\xff", "http://e.org/%FF"},
	}
	for _, tt := range tests {
		if got := FixIRI(tt.in); got != tt.want {
			t.Errorf("FixIRI(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if CheckIRI(FixIRI(tt.in)) != nil {
			t.Errorf("FixIRI(%q) fails CheckIRI", tt.in)
		}
		if FixIRI(FixIRI(tt.in)) != FixIRI(tt.in) {
			t.Errorf("FixIRI(%q) is not idempotent", tt.in)
		}
	}
}

func TestMinter(t *testing.T) {
	m, err := NewMinter("")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		e    Entity
		want string
	}{
		{Entity{Class: ClassState, Name: "Côte d'Ivoire"}, DefaultBase + "entity/côte-d-ivoire"},
		{Entity{Class: ClassCeasefire, Name: "x", Key: "30-day truce/2026"}, DefaultBase + "proposal/30-day%20truce%2F2026"},
		{Entity{Class: ClassEvent, Name: "Summit in Paris"}, DefaultBase + "event/summit-in-paris"},
		{Entity{Class: ClassTerritory, Name: "A <b> c", Key: "a <b> c"}, DefaultBase + "entity/a%20%3Cb%3E%20c"},
	}
	for _, tt := range tests {
		if got := m.Entity(&tt.e); got != tt.want {
			t.Errorf("Entity(%+v) = %s, want %s", tt.e, got, tt.want)
		}
	}
	if got := m.Article("a/b c"); got != DefaultBase+"article/a%2Fb%20c" {
		t.Errorf("Article = %s", got)
	}
	f := func(conf float64) *Fact {
		return &Fact{Subject: EntityTerm(&Entity{Class: ClassState, Name: "A"}), Predicate: Supports,
			Object: EntityTerm(&Entity{Class: ClassState, Name: "B"}), Evidence: Evidence{Doc: "d", Conf: conf}}
	}
	if m.Statement(f(0.5)) != m.Statement(f(0.5)) || m.Statement(f(0.5)) == m.Statement(f(0.6)) {
		t.Errorf("statement IRIs not deterministic or not sensitive to evidence")
	}
	if m.Prop(f(0.5)) != m.Prop(f(0.6)) {
		t.Errorf("proposition IRIs depend on evidence")
	}
	other, _ := NewMinter("http://example.org/g#")
	if !strings.HasPrefix(other.Statement(f(0.5)), "http://example.org/g#stmt/") {
		t.Errorf("base not used")
	}
	for _, bad := range []string{"relative/", "http://e.org/x", "http://e.org/a b/"} {
		if _, err := NewMinter(bad); err == nil {
			t.Errorf("NewMinter(%q): no error", bad)
		}
	}
}

func TestTurtle(t *testing.T) {
	var b strings.Builder
	Turtle(&b)
	out := b.String()
	for _, want := range []string{"@prefix ng: <https://w3id.org/newsgraph/ns#> .", "ng:rejects\n    rdf:type rdf:Property ;", "ng:cameoRoot \"12\""} {
		if !strings.Contains(out, want) {
			t.Errorf("turtle lacks %q", want)
		}
	}
}
