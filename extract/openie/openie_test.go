package openie

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/nlp"
)

// archive is a txtar archive: named files.
type archive struct {
	names []string
	files map[string][]byte
}

// readArchive parses the txtar format: "-- name --" lines start files.
func readArchive(data []byte) archive {
	a := archive{files: map[string][]byte{}}
	cur := ""
	for _, line := range bytes.SplitAfter(data, []byte("\n")) {
		l := strings.TrimRight(string(line), "\n")
		if strings.HasPrefix(l, "-- ") && strings.HasSuffix(l, " --") && len(l) > 6 {
			cur = strings.TrimSpace(l[3 : len(l)-3])
			a.names = append(a.names, cur)
			a.files[cur] = nil
			continue
		}
		if cur != "" {
			a.files[cur] = append(a.files[cur], line...)
		}
	}
	return a
}

// describe renders an extraction the way the fixtures write it:
// CLAUSE (subject; relation; role:arg; ...) flags.
func describe(doc *nlp.Document, e Extraction) string {
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

func TestFixtures(t *testing.T) {
	data, err := os.ReadFile("testdata/clauses.txtar")
	if err != nil {
		t.Fatal(err)
	}
	ar := readArchive(data)
	n := 0
	for _, name := range ar.names {
		base, ok := strings.CutSuffix(name, ".conllu")
		if !ok {
			continue
		}
		n++
		t.Run(base, func(t *testing.T) {
			sents, err := conllu.ReadAll(bytes.NewReader(ar.files[name]))
			if err != nil {
				t.Fatal(err)
			}
			doc := conllu.ToDocument(base, sents)
			var got []string
			for _, e := range Extract(doc, 0) {
				got = append(got, describe(doc, e))
				if e.Conf <= 0 || e.Conf >= 1 {
					t.Errorf("confidence %v outside (0, 1)", e.Conf)
				}
			}
			want := strings.Split(strings.TrimSpace(string(ar.files[base+".want"])), "\n")
			diff(t, got, want)
		})
	}
	if n == 0 {
		t.Fatal("no fixtures")
	}
}

// diff reports missing and extra lines.
func diff(t *testing.T, got, want []string) {
	t.Helper()
	have := map[string]int{}
	for _, g := range got {
		have[g]++
	}
	for _, w := range want {
		if have[w] > 0 {
			have[w]--
			continue
		}
		t.Errorf("missing: %s", w)
	}
	for _, g := range got {
		if have[g] > 0 {
			have[g]--
			t.Errorf("extra:   %s", g)
		}
	}
}
