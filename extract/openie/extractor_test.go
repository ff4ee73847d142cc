package openie

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/schema"
)

// fixtureDoc joins every fixture sentence into one document.
func fixtureDoc(t testing.TB) *nlp.Document {
	t.Helper()
	data, err := os.ReadFile("testdata/clauses.txtar")
	if err != nil {
		t.Fatal(err)
	}
	ar := readArchive(data)
	var all []*conllu.Sentence
	for _, name := range ar.names {
		if strings.HasSuffix(name, ".conllu") {
			ss, err := conllu.ReadAll(bytes.NewReader(ar.files[name]))
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, ss...)
		}
	}
	return conllu.ToDocument("fixtures", all)
}

func TestExtractorFacts(t *testing.T) {
	doc := fixtureDoc(t)
	p := extract.Pipeline{Extractors: []*extract.Extractor{Extractor}}
	if err := p.Validate(doc.Layers); err != nil {
		t.Fatal(err)
	}
	var facts []schema.Fact
	if err := Extractor.Run(doc, func(f schema.Fact) { facts = append(facts, f) }); err != nil {
		t.Fatal(err)
	}
	if len(facts) == 0 {
		t.Fatal("no facts")
	}
	var attributed, negated, conditional bool
	for _, f := range facts {
		if err := f.Validate(doc.Text); err != nil {
			t.Errorf("%s %q: %v", f.Subject.Entity.Name, f.Relation, err)
		}
		if f.Predicate != "" || f.Evidence.Extractor != Name {
			t.Errorf("got predicate %q extractor %q, want open relation from %s", f.Predicate, f.Evidence.Extractor, Name)
		}
		for _, a := range f.Args {
			if a.Role != schema.Argument {
				t.Errorf("arg role %q, want %q", a.Role, schema.Argument)
			}
		}
		ev := f.Evidence
		if ev.AttributedTo != nil && ev.AttributedTo.Name == "The mayor" && f.Relation == "would reopen" {
			attributed = true
		}
		if ev.Negated && f.Relation == "did not approve" {
			negated = true
		}
		if ev.Modality == schema.Conditional {
			conditional = true
		}
	}
	if !attributed || !negated {
		t.Errorf("flags lost on the way to facts: attributed %v negated %v", attributed, negated)
	}
	_ = conditional // SV clauses have no object and make no fact
}

func TestExtractorNeedsLayers(t *testing.T) {
	doc := nlp.New("x", "Hello")
	if err := Extractor.Run(doc, func(schema.Fact) {}); err == nil {
		t.Error("Run on a document without parses: no error")
	}
}

// TestMalformedTrees checks that broken trees give no panic.
func TestMalformedTrees(t *testing.T) {
	doc := fixtureDoc(t)
	n := len(doc.Tokens)
	for shift := 1; shift < 7; shift++ {
		d := *doc
		d.Tokens = append([]nlp.Token(nil), doc.Tokens...)
		for i := range d.Tokens {
			d.Tokens[i].Head = (i*shift + 3) % n // cycles, cross-sentence heads
			if i%5 == 0 {
				d.Tokens[i].Head = -1
			}
		}
		for si := range d.Sentences {
			Extract(&d, si)
		}
	}
	if Extract(doc, -1) != nil || Extract(doc, len(doc.Sentences)) != nil {
		t.Error("out-of-range sentence gave extractions")
	}
}

var ewtDev = filepath.Join("..", "..", "..", "shared", "data", "ud", "UD_English-EWT", "en_ewt-ud-dev.conllu")

// TestTreebankFacts runs the extractor over gold EWT dev parses: every
// fact must validate against the document text.
func TestTreebankFacts(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	sents, err := conllu.ReadFile(ewtDev)
	if err != nil {
		t.Skipf("EWT dev not available: %v", err)
	}
	doc := conllu.ToDocument("ewt-dev", sents)
	n := 0
	err = Extractor.Run(doc, func(f schema.Fact) {
		n++
		if err := f.Validate(doc.Text); err != nil {
			t.Errorf("%v", err)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < len(doc.Sentences) {
		t.Errorf("got %d facts from %d sentences, want at least one a sentence on average", n, len(doc.Sentences))
	}
}

// BenchmarkOpenIE extracts from the gold EWT dev parses and reports
// tokens/s; it checks the number of extractions against a first run.
func BenchmarkOpenIE(b *testing.B) {
	sents, err := conllu.ReadFile(ewtDev)
	if err != nil {
		b.Skipf("EWT dev not available: %v", err)
	}
	doc := conllu.ToDocument("ewt-dev", sents)
	count := func() int {
		n := 0
		for si := range doc.Sentences {
			n += len(Extract(doc, si))
		}
		return n
	}
	want := count()
	if want < len(doc.Sentences) {
		b.Fatalf("only %d extractions from %d sentences", want, len(doc.Sentences))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if got := count(); got != want {
			b.Fatalf("got %d extractions, want %d", got, want)
		}
	}
	b.ReportMetric(float64(len(doc.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
