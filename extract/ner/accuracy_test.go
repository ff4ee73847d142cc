package ner

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/extract/tag"
)

// dataDir is the shared data directory (../shared/data beside the repo,
// or $NEWSGRAPH_DATA).
func dataDir() string {
	if d := os.Getenv("NEWSGRAPH_DATA"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "shared", "data")
}

func readDev(tb testing.TB, rel string, read func(*os.File) ([]*nlp.Document, error)) []*nlp.Document {
	tb.Helper()
	path := filepath.Join(dataDir(), rel)
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		tb.Skipf("no dev data at %s (set NEWSGRAPH_DATA)", path)
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	docs, err := read(f)
	if err != nil {
		tb.Fatal(err)
	}
	tagDocs(tb, docs)
	return docs
}

// tagDocs tags docs with the shipped tagger (the stage reads tags; gold
// tags, where the file has them, are replaced).
func tagDocs(tb testing.TB, docs []*nlp.Document) {
	tb.Helper()
	tg, err := tag.Load()
	if err != nil {
		tb.Fatal(err)
	}
	for _, d := range docs {
		if err := tg.Process(d); err != nil {
			tb.Fatal(err)
		}
		d.Layers |= nlp.Tags | nlp.Lemmas
	}
}

func unerDev(tb testing.TB) []*nlp.Document {
	return readDev(tb, "ner/UNER_English-EWT/en_ewt-ud-dev.iob2", func(f *os.File) ([]*nlp.Document, error) { return ReadIOB2(f) })
}

// Floors: the measured scores of the committed model, less about one
// point. Raise them when the model improves.
func TestAccuracyFloorUNERDev(t *testing.T) {
	r, err := New(WithoutRules())
	if err != nil {
		t.Fatal(err)
	}
	sc, err := Evaluate(r, unerDev(t), UNERLabel)
	if err != nil {
		t.Fatal(err)
	}
	const floor = 75.6
	if f := sc.Overall.F1(); f < floor {
		t.Errorf("UNER EWT dev F1 = %.2f, want ≥ %.1f", f, floor)
	}
}

func TestAccuracyFloorGUMDev(t *testing.T) {
	docs := readDev(t, "ud/UD_English-GUM/en_gum-ud-dev.conllu", func(f *os.File) ([]*nlp.Document, error) { return ReadGUM(f, nil) })
	r, err := New(WithoutRules())
	if err != nil {
		t.Fatal(err)
	}
	sc, err := Evaluate(r, docs, ModelLabel)
	if err != nil {
		t.Fatal(err)
	}
	const floor = 72.5
	if f := sc.Overall.F1(); f < floor {
		t.Errorf("GUM dev F1 = %.2f, want ≥ %.1f", f, floor)
	}
}

// BenchmarkNER tags UNER EWT dev (25,149 tokens) with the whole stage,
// rules included, and checks the answer. The part-of-speech tags it reads
// are computed before the timer starts (BenchmarkTag measures the tagger).
func BenchmarkNER(b *testing.B) {
	docs := unerDev(b)
	r, err := New()
	if err != nil {
		b.Fatal(err)
	}
	tokens := 0
	for _, d := range docs {
		tokens += len(d.Tokens)
	}
	work := make([]nlp.Document, len(docs))
	b.ResetTimer()
	for b.Loop() {
		for i, d := range docs {
			work[i] = *d
			work[i].Entities = nil
			if err := r.Process(&work[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	sc := &Scorer{Map: UNERLabel}
	for i, d := range docs {
		sc.Add(d.Entities, work[i].Entities)
	}
	if f := sc.Overall.F1(); f < 60 {
		b.Fatalf("F1 %.2f on the benchmark text; fast but broken", f)
	}
}
