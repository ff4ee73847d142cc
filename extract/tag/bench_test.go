package tag

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

// benchDoc reads the fixed news text (one tokenized sentence per line).
func benchDoc(b *testing.B) *nlp.Document {
	data, err := os.ReadFile(filepath.Join("..", "parse", "testdata", "news.tok"))
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
	doc.Layers = nlp.Tokens | nlp.Sentences
	return doc
}

func BenchmarkTag(b *testing.B) {
	tg, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	doc := benchDoc(b)
	for b.Loop() {
		if err := tg.Process(doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(doc.Tokens)*b.N)/b.Elapsed().Seconds(), "tokens/s")
	// Check the answer on words whose tag is not in doubt.
	want := map[string]string{"the": "DT", ",": ",", ".": ".", "said": "VBD", "has": "VBZ", "prices": "NNS"}
	wrong := 0
	for _, t := range doc.Tokens {
		if x, ok := want[t.Form]; ok && t.XPOS != x {
			wrong++
			b.Logf("%q tagged %s, want %s", t.Form, t.XPOS, x)
		}
	}
	if wrong > 0 {
		b.Fatalf("%d sure words mistagged", wrong)
	}
	if got := doc.Tokens[2].Lemma; got != "announce" {
		b.Fatalf("lemma of announced: got %q", got)
	}
}

// BenchmarkDecode measures decoding the embedded model (done once per
// process by Load).
func BenchmarkDecode(b *testing.B) {
	for b.Loop() {
		t, err := New(embedded)
		if err != nil {
			b.Fatal(err)
		}
		if len(t.classes) == 0 {
			b.Fatal("no classes")
		}
	}
}
