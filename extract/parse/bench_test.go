package parse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/extract/tag"
)

// benchDoc reads the fixed news text (one tokenized sentence per line) and
// tags it.
func benchDoc(b *testing.B) (*nlp.Document, *tag.Tagger) {
	data, err := os.ReadFile(filepath.Join("testdata", "news.tok"))
	if err != nil {
		b.Fatal(err)
	}
	doc := &nlp.Document{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		start := len(doc.Tokens)
		for _, f := range strings.Fields(line) {
			doc.Tokens = append(doc.Tokens, nlp.Token{Form: f})
		}
		doc.Sentences = append(doc.Sentences, nlp.Sentence{Start: start, End: len(doc.Tokens)})
	}
	tg, err := tag.Load()
	if err != nil {
		b.Fatal(err)
	}
	if err := tg.Process(doc); err != nil {
		b.Fatal(err)
	}
	doc.Layers = nlp.Tokens | nlp.Sentences | nlp.Tags | nlp.Lemmas
	return doc, tg
}

// checkBench checks the parse of the benchmark text: a valid tree per
// sentence and the arcs of the first sentence that are not in doubt.
func checkBench(b *testing.B, doc *nlp.Document) {
	for _, s := range doc.Sentences {
		roots := 0
		for i := s.Start; i < s.End; i++ {
			h := doc.Tokens[i].Head
			if h == -1 {
				roots++
			} else if h < s.Start || h >= s.End {
				b.Fatalf("token %d: head %d outside its sentence", i, h)
			}
		}
		if roots != 1 {
			b.Fatalf("sentence at %d: %d roots", s.Start, roots)
		}
	}
	// The government announced on Tuesday that ...
	want := []struct {
		i, head int
		rel     string
	}{{0, 1, "det"}, {1, 2, "nsubj"}, {2, -1, "root"}, {4, 2, "obl"}}
	for _, w := range want {
		if t := doc.Tokens[w.i]; t.Head != w.head || !strings.HasPrefix(t.Rel, w.rel) {
			b.Fatalf("token %d %q: got %d %s, want %d %s", w.i, t.Form, t.Head, t.Rel, w.head, w.rel)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	p, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	doc, _ := benchDoc(b)
	for b.Loop() {
		if err := p.Process(doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(doc.Tokens)*b.N)/b.Elapsed().Seconds(), "tokens/s")
	checkBench(b, doc)
}

// BenchmarkTagParse measures the tagger and the parser together.
func BenchmarkTagParse(b *testing.B) {
	p, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	doc, tg := benchDoc(b)
	for b.Loop() {
		if err := tg.Process(doc); err != nil {
			b.Fatal(err)
		}
		if err := p.Process(doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(doc.Tokens)*b.N)/b.Elapsed().Seconds(), "tokens/s")
	checkBench(b, doc)
}

// BenchmarkDecode measures decoding the embedded model (done once per
// process by Load).
func BenchmarkDecode(b *testing.B) {
	for b.Loop() {
		p, err := New(embedded)
		if err != nil {
			b.Fatal(err)
		}
		if len(p.Labels()) == 0 {
			b.Fatal("no labels")
		}
	}
}
