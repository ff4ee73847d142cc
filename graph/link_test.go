package graph

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// personArticle is an article whose one fact is that the person called
// name supports the thirty-day ceasefire.
func personArticle(id, name string) ArticleFacts {
	text := name + " supports the thirty-day ceasefire."
	p := &schema.Entity{Class: schema.ClassPerson, Name: name}
	return ArticleFacts{
		Article: schema.Article{ID: id, Text: text},
		Facts: []schema.Fact{{Subject: ent(p), Predicate: schema.Supports, Relation: "supports", Object: ent(truce),
			Evidence: ev(id, text, text[:len(text)-1], 0)}},
	}
}

func TestLinkPersons(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, Options{Backend: Memstore})
	arts := []ArticleFacts{
		personArticle("a1", "Anna Dubois"), personArticle("a2", "Dubois"),
		// two full names end in Sand: no link
		personArticle("a3", "Paul Sand"), personArticle("a4", "Marie Sand"), personArticle("a5", "Sand"),
		// a given name alone is not a surname
		personArticle("a6", "Omar Haddad"), personArticle("a7", "Omar"),
		// a misread name with a lower-case word is no full name
		personArticle("a8", "praised Lenz"), personArticle("a9", "Lenz"),
	}
	if _, errs := s.WriteArticles(ctx, arts); slices.ContainsFunc(errs, func(e error) bool { return e != nil }) {
		t.Fatal(errs)
	}
	notSurname := func(w string) bool { return w == "Omar" }
	links, err := s.LinkPersons(ctx, notSurname)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range links {
		got = append(got, fmt.Sprintf("%s -> %s (%s, %s)", l.From, l.To, l.Surname, l.ToName))
	}
	want := []string{"https://w3id.org/newsgraph/id/entity/dubois -> https://w3id.org/newsgraph/id/entity/anna-dubois (Dubois, Anna Dubois)"}
	if !slices.Equal(got, want) {
		t.Fatalf("links\n got %q\nwant %q", got, want)
	}
	// The named queries follow the link: Anna Dubois's stances include
	// what the article that calls her Dubois says.
	var rows []string
	if err := s.RunNamed(ctx, "stances", "Anna Dubois", 0, func(r Result) error {
		rows = append(rows, r.Tags["actorLabel"].Value+" "+r.Tags["article"].Value)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	slices.Sort(rows)
	if want := []string{"Anna Dubois " + s.minter.Article("a1"), "Dubois " + s.minter.Article("a2")}; !slices.Equal(rows, want) {
		t.Errorf("stances of Anna Dubois\n got %q\nwant %q", rows, want)
	}
	// The links follow the store: without the full name there is none.
	if _, err := s.DeleteArticle(ctx, "a1"); err != nil {
		t.Fatal(err)
	}
	if links, err = s.LinkPersons(ctx, notSurname); err != nil || len(links) != 0 {
		t.Fatalf("after deleting a1: links %v, %v", links, err)
	}
	if q, err := s.graphQuads(ctx, toValue(schema.IRI(s.LinksGraph()))); err != nil || len(q) != 0 {
		t.Errorf("links graph after deleting a1: %v, %v", q, err)
	}
}
