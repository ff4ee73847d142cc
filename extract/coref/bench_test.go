package coref

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract/coref/score"
)

// BenchmarkCoref resolves the 30 OntoGUM dev documents (gold GUM parses)
// and reports tokens per second; it fails if the answer drops below the
// dev floor, so a fast but broken resolver does not pass.
func BenchmarkCoref(b *testing.B) {
	golds, docs := devDocs(b)
	tokens := 0
	for _, d := range docs {
		tokens += len(d.Tokens)
	}
	r := New()
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for _, d := range docs {
			if err := r.Process(d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	var total score.Result
	for i, d := range docs {
		total = total.Add(score.Score(golds[i].Clusters, Clusters(d)))
	}
	if got := 100 * total.CoNLL(); got < 55 {
		b.Fatalf("CoNLL F1 %.2f below 55", got)
	}
}
