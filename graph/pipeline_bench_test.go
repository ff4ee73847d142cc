package graph_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/pipeline"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// BenchmarkBuild measures newsgraph end to end on the founding article:
// annotate, extract and write into a bolt store, as "newsgraph build"
// does. It reports words/s and checks that facts were written.
func BenchmarkBuild(b *testing.B) {
	text, err := os.ReadFile(filepath.Join("..", "testdata", "bbc-european-leaders-to-join-zelensky.txt"))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	p, err := pipeline.Default()
	if err != nil {
		b.Fatal(err)
	}
	s, err := graph.Open(ctx, graph.Options{Path: filepath.Join(b.TempDir(), "bench.db")})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	words := len(strings.Fields(string(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		art := schema.Article{ID: "bench", Text: string(text), Date: "2025-08-17"}
		_, facts, err := pipeline.Run(ctx, p, art)
		if err != nil {
			b.Fatal(err)
		}
		if len(facts) < 10 {
			b.Fatalf("only %d facts: the pipeline is broken", len(facts))
		}
		if _, err := s.WriteArticle(ctx, art, facts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}
