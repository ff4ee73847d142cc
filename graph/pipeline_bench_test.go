package graph_test

import (
	"context"
	"fmt"
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
// does. Every iteration writes the article under a new ID, so each one
// really writes (the same ID again would find nothing to change), in
// batches as build writes them. It reports words/s and checks that every
// article was written.
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
	// Writes are batched as "newsgraph build" batches them
	// (cmd/newsgraph/build.go: a transaction per 2,000 facts).
	const batchFacts = 2000
	var batch []graph.ArticleFacts
	pending := 0
	flush := func() {
		_, errs := s.WriteArticles(ctx, batch)
		for _, err := range errs {
			if err != nil {
				b.Fatal(err)
			}
		}
		batch, pending = batch[:0], 0
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		art := schema.Article{ID: fmt.Sprintf("bench-%d", i), Text: string(text), Date: "2025-08-17"}
		_, facts, err := pipeline.Run(ctx, p, art)
		if err != nil {
			b.Fatal(err)
		}
		if len(facts) < 10 {
			b.Fatalf("only %d facts: the pipeline is broken", len(facts))
		}
		batch = append(batch, graph.ArticleFacts{Article: art, Facts: facts})
		if pending += len(facts); pending >= batchFacts {
			flush()
		}
	}
	flush()
	b.StopTimer()
	st, err := s.Stats(ctx)
	if err != nil || st.Articles != b.N {
		b.Fatalf("store holds %d articles after %d iterations: %v", st.Articles, b.N, err)
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}
