package pipeline_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/pipeline"
	"github.com/newsgraph/newsgraph/schema"
)

// BenchmarkDocumentLength runs the whole pipeline on documents made of the
// first 1, 20 and 200 BBC articles of ../shared/data/news/bbc joined
// together (up to about 90,000 words and 4,300 sentences) and reports
// words/s: the rate must not fall with the length of a document. It fell
// when coreference compared every mention with every earlier one and the
// graph builder scanned every mention for each head it resolved (one
// run each: 8,052, 9,204 and 2,731 words/s; after the fix 11,766, 14,714
// and 11,099).
func BenchmarkDocumentLength(b *testing.B) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "news", "bbc")
	files, _ := filepath.Glob(filepath.Join(dir, "politics_*.txt"))
	if len(files) < 200 {
		b.Skipf("needs 200 articles in %s", dir)
	}
	var texts []string
	for _, f := range files[:200] {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
	}
	p, err := pipeline.Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1, 20, 200} {
		doc := strings.Join(texts[:n], "\n\n")
		words := len(strings.Fields(doc))
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				_, facts, err := pipeline.Run(context.Background(), p, schema.Article{ID: "long", Text: doc})
				if err != nil {
					b.Fatal(err)
				}
				if len(facts) < 10*n {
					b.Fatalf("%d facts from %d articles", len(facts), n)
				}
			}
			b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
		})
	}
}
