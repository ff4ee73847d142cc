package openie

import (
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/extract/parse"
	"github.com/newsgraph/newsgraph/extract/tag"
)

// BenchmarkOpenIEShare tags and parses EWT dev (gold tokens, our tagger and
// parser) and then extracts, timing the two apart: it reports tokens/s of
// the whole and "extract-%", the extractor's time as a share of tag+parse
// time (the target is under 20). It checks that every run gives the same
// number of extractions, and enough of them.
func BenchmarkOpenIEShare(b *testing.B) {
	sents, err := conllu.ReadFile(ewtDev)
	if err != nil {
		b.Skipf("EWT dev not available: %v", err)
	}
	tg, err := tag.Load()
	if err != nil {
		b.Skipf("no tagger model: %v", err)
	}
	ps, err := parse.Load()
	if err != nil {
		b.Skipf("no parser model: %v", err)
	}
	gold := conllu.ToDocument("ewt-dev", sents)
	fresh := func() *nlp.Document {
		d := *gold
		d.Tokens = append([]nlp.Token(nil), gold.Tokens...)
		for i := range d.Tokens {
			t := &d.Tokens[i]
			t.UPOS, t.XPOS, t.Lemma, t.Feats, t.Head, t.Rel = "", "", "", "", -1, ""
		}
		d.Layers = nlp.Tokens | nlp.Sentences
		return &d
	}
	want := -1
	var tParse, tExtract time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		doc := fresh()
		b.StartTimer()
		t0 := time.Now()
		if err := tg.Process(doc); err != nil {
			b.Fatal(err)
		}
		if err := ps.Process(doc); err != nil {
			b.Fatal(err)
		}
		doc.Layers |= nlp.Tags | nlp.Lemmas | nlp.Deps
		t1 := time.Now()
		n := 0
		for si := range doc.Sentences {
			n += len(Extract(doc, si))
		}
		t2 := time.Now()
		tParse += t1.Sub(t0)
		tExtract += t2.Sub(t1)
		if want < 0 {
			want = n
		}
		if n != want || n < len(doc.Sentences) {
			b.Fatalf("got %d extractions, want %d (at least one a sentence)", n, want)
		}
	}
	b.ReportMetric(float64(len(gold.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(100*tExtract.Seconds()/tParse.Seconds(), "extract-%")
}
