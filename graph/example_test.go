package graph_test

import (
	"context"
	"fmt"
	"os"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// Build a graph from one hand-made fact, query it with a named query and
// export the direct triple. With extractors, the facts come from
// extract.Pipeline instead.
func Example() {
	ctx := context.Background()
	s, _ := graph.Open(ctx, graph.Options{Backend: graph.Memstore}) // or Bolt with Path
	defer s.Close()
	text := "Sylvania controls East Marsh."
	fact := schema.Fact{
		Subject:   schema.EntityTerm(&schema.Entity{Class: schema.ClassState, Name: "Sylvania"}),
		Predicate: schema.Controls, Relation: "controls",
		Object:   schema.EntityTerm(&schema.Entity{Class: schema.ClassTerritory, Name: "East Marsh"}),
		Evidence: schema.Evidence{Doc: "a1", End: len(text) - 1, Text: text[:len(text)-1], Conf: 1},
	}
	s.WriteArticle(ctx, schema.Article{ID: "a1", Text: text}, []schema.Fact{fact})
	s.RunNamed(ctx, "territories", "East Marsh", 0, func(r graph.Result) error {
		fmt.Println(r.Tags["actorLabel"].Value, "controls", r.Tags["territoryLabel"].Value)
		return nil
	})
	s.Query(ctx, `g.V().Out("<https://w3id.org/newsgraph/ns#controls>").All()`, 10, func(r graph.Result) error {
		fmt.Println(r.Tags["id"].Value)
		return nil
	})
	// Output:
	// Sylvania controls East Marsh
	// https://w3id.org/newsgraph/id/entity/east-marsh
}

// Export writes N-Quads: one article's graph, sorted, or the whole store.
func ExampleStore_Export() {
	ctx := context.Background()
	s, _ := graph.Open(ctx, graph.Options{Backend: graph.Memstore})
	defer s.Close()
	s.WriteArticle(ctx, schema.Article{ID: "a1", Title: "Hello"}, nil)
	s.Export(ctx, os.Stdout, "a1")
	// Output:
	// <https://w3id.org/newsgraph/id/article/a1> <http://purl.org/dc/terms/identifier> "a1" <https://w3id.org/newsgraph/id/article/a1> .
	// <https://w3id.org/newsgraph/id/article/a1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/NewsArticle> <https://w3id.org/newsgraph/id/article/a1> .
	// <https://w3id.org/newsgraph/id/article/a1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/newsgraph/ns#Article> <https://w3id.org/newsgraph/id/article/a1> .
	// <https://w3id.org/newsgraph/id/article/a1> <http://www.w3.org/2000/01/rdf-schema#label> "Hello" <https://w3id.org/newsgraph/id/article/a1> .
	// <https://w3id.org/newsgraph/id/article/a1> <https://schema.org/headline> "Hello" <https://w3id.org/newsgraph/id/article/a1> .
}
