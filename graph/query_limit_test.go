package graph

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/schema"
)

// TestQueryLimitThenClose stops a bolt query at its limit and then closes
// the store: the query's read transaction must be gone, or Close blocks
// forever (bbolt waits for every open transaction).
func TestQueryLimitThenClose(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, Options{Path: filepath.Join(t.TempDir(), "q.db")})
	if err != nil {
		t.Fatal(err)
	}
	// Enough facts that the query has far more results than Gizmo
	// buffers: the goroutine is still sending when we stop reading.
	var text strings.Builder
	var facts []schema.Fact
	for k := 0; k < 400; k++ {
		a, b := fmt.Sprintf("P%d", k), fmt.Sprintf("Q%d", k)
		span := a + " met " + b
		start := text.Len()
		text.WriteString(span + ". ")
		facts = append(facts, schema.Fact{
			Subject:   schema.EntityTerm(&schema.Entity{Class: schema.ClassPerson, Name: a}),
			Predicate: schema.Opposes, Relation: "opposes",
			Object:   schema.EntityTerm(&schema.Entity{Class: schema.ClassPerson, Name: b}),
			Evidence: schema.Evidence{Doc: "a", Sentence: k, Start: start, End: start + len(span), Text: span, Conf: 1},
		})
	}
	if _, err := s.WriteArticle(ctx, schema.Article{ID: "a", Text: text.String()}, facts); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`g.V().All()`, `g.V().Out().All()`} {
		n := 0
		if err := s.Query(ctx, q, 1, func(Result) error { n++; return nil }); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("%s: %d results, want 1 (the limit)", q, n)
		}
	}
	if err := s.RunNamed(ctx, "stances", "", 1, func(Result) error { return nil }); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Close() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Close blocked: a stopped query still holds a transaction")
	}
}
