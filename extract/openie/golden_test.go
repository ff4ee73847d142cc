package openie_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/extract/openie"
	"github.com/newsgraph/newsgraph/extract/parse"
	"github.com/newsgraph/newsgraph/extract/segment"
	"github.com/newsgraph/newsgraph/extract/tag"
	"github.com/newsgraph/newsgraph/extract/tokenize"
	"github.com/newsgraph/newsgraph/schema"
)

var update = flag.Bool("update", false, "rewrite the golden extractions of the test article")

const (
	article = "../../testdata/bbc-european-leaders-to-join-zelensky.txt"
	golden  = "testdata/bbc-european-leaders-to-join-zelensky.golden"
)

// TestGoldenArticle runs tokenize, segment, tag, parse and the extractor on
// the test article and compares every extraction with the golden file,
// which was reviewed by hand (see docs/openie.md). The golden file records
// the checksums of the tagger and parser it was made with; with other
// models the test is skipped, saying so: rerun with -update and review the
// difference.
func TestGoldenArticle(t *testing.T) {
	tg, err := tag.Load()
	if err != nil {
		t.Skipf("no tagger model: %v", err)
	}
	ps, err := parse.Load()
	if err != nil {
		t.Skipf("no parser model: %v", err)
	}
	text, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	models := fmt.Sprintf("# models: %s %s %s %s", tg.Name(), short(tg.Meta().Checksum), ps.Name(), short(ps.Meta().Checksum))
	doc := nlp.New(filepath.Base(article), string(text))
	p := extract.Pipeline{Stages: []extract.Stage{tokenize.New(), segment.New(), tg, ps}, Extractors: []*extract.Extractor{openie.Extractor}}
	if err := p.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if err := openie.Extractor.Run(doc, func(f schema.Fact) {
		if err := f.Validate(doc.Text); err != nil {
			t.Errorf("fact %q: %v", f.Relation, err)
		}
	}); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString(models + "\n")
	for si, s := range doc.Sentences {
		fmt.Fprintf(&b, "\n## %d %s\n", si, doc.SpanText(s.Start, s.End))
		for _, e := range openie.Extract(doc, si) {
			fmt.Fprintf(&b, "%.2f %s\n", e.Conf, describe(doc, e))
		}
	}
	got := b.String()
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestGoldenArticle -update)", err)
	}
	wantLines := strings.Split(string(want), "\n")
	if wantLines[0] != models {
		t.Skipf("golden made with %q, models are %q: rerun with -update and review the difference", wantLines[0], models)
	}
	gotLines := strings.Split(got, "\n")
	have := map[string]int{}
	for _, l := range gotLines {
		have[l]++
	}
	for _, l := range wantLines {
		if have[l] > 0 {
			have[l]--
		} else {
			t.Errorf("missing: %s", l)
		}
	}
	for _, l := range gotLines {
		if have[l] > 0 {
			have[l]--
			t.Errorf("extra:   %s", l)
		}
	}
}

func short(s string) string {
	if len(s) > 12 {
		return s[:12]
	}
	return s
}

func describe(doc *nlp.Document, e openie.Extraction) string {
	parts := []string{e.Subject.Text(doc), e.RelationText(doc)}
	for _, a := range e.Args {
		parts = append(parts, string(a.Role)+":"+a.Text(doc))
	}
	s := fmt.Sprintf("%s (%s)", e.Clause, strings.Join(parts, "; "))
	if e.Negated {
		s += " neg"
	}
	if e.Modality != "" {
		s += " mod=" + string(e.Modality)
	}
	if e.Hedged {
		s += " hedged"
	}
	if e.Attribution != nil {
		s += " attr=" + e.Attribution.Speaker.Text(doc) + "/" + e.Attribution.Verb.Text(doc)
	}
	return s
}
