package kg

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/nlp"
)

// archive is a txtar file: a comment and named sections.
type archive struct {
	names []string
	files map[string]string
}

func readArchive(t *testing.T, path string) archive {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a := archive{files: map[string]string{}}
	name := ""
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if strings.HasPrefix(line, "-- ") && strings.HasSuffix(strings.TrimRight(line, "\n"), " --") {
			name = strings.TrimSuffix(strings.TrimPrefix(strings.TrimRight(line, "\n"), "-- "), " --")
			a.names = append(a.names, name)
			a.files[name] = ""
			continue
		}
		if name != "" {
			a.files[name] += line
		}
	}
	return a
}

// docFromCoNLLU builds a document from a parsed fixture and adds entity
// spans from MISC NE=LABEL.
func docFromCoNLLU(t *testing.T, id, src string) *nlp.Document {
	t.Helper()
	sents, err := conllu.ReadAll(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	doc := conllu.ToDocument(id, sents)
	i := 0
	for _, s := range sents {
		for _, w := range s.Words {
			label := conllu.MiscValue(w.Misc, "NE")
			if label != "" {
				n := len(doc.Entities)
				if n > 0 && doc.Entities[n-1].End == i && doc.Entities[n-1].Label == label {
					doc.Entities[n-1].End++
				} else {
					doc.Entities = append(doc.Entities, nlp.Span{Start: i, End: i + 1, Label: label})
				}
			}
			i++
		}
	}
	doc.Layers |= nlp.Entities
	return doc
}

func TestFixtures(t *testing.T) {
	a := readArchive(t, filepath.Join("testdata", "facts.txtar"))
	seen := map[string]bool{}
	for _, name := range a.names {
		if seen[name] {
			t.Fatalf("two fixtures named %s: the second hides the first", name)
		}
		seen[name] = true
	}
	for _, name := range a.names {
		if !strings.HasSuffix(name, ".conllu") {
			continue
		}
		base := strings.TrimSuffix(name, ".conllu")
		t.Run(base, func(t *testing.T) {
			doc := docFromCoNLLU(t, base, a.files[name])
			facts, err := Facts(doc)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			var gotList []string
			for i := range facts {
				if facts[i].Predicate == "" {
					continue
				}
				s := Format(&facts[i])
				got[s] = true
				gotList = append(gotList, s)
			}
			want := map[string]bool{}
			for _, l := range strings.Split(strings.TrimSpace(a.files[base+".want"]), "\n") {
				if l = strings.TrimSpace(l); l != "" {
					want[l] = true
				}
			}
			for w := range want {
				if !got[w] {
					t.Errorf("missing: %s", w)
				}
			}
			for _, g := range gotList {
				if !want[g] {
					t.Errorf("extra:   %s", g)
				}
			}
		})
	}
}

func TestPercentDecimal(t *testing.T) {
	for in, want := range map[string]string{"70": "0.7", "0.7": "0.007", "4.25": "0.0425", "100": "1", "150": "1.5", "5": "0.05", ".5": "0.005", "12.50": "0.125"} {
		if got, ok := percentDecimal(in); !ok || got != want {
			t.Errorf("percentDecimal(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "x", "1e3", "-5", "."} {
		if got, ok := percentDecimal(in); ok {
			t.Errorf("percentDecimal(%q) = %q, want failure", in, got)
		}
	}
}

// TestTrimEdgePunct: punctuation at the edges of a clause's words goes,
// but for a quotation mark whose partner is inside.
func TestTrimEdgePunct(t *testing.T) {
	words := strings.Fields(`- Silk would " deliver better " , .`)
	upos := strings.Fields(`PUNCT PROPN AUX PUNCT VERB ADJ PUNCT PUNCT PUNCT`)
	d := &nlp.Document{}
	for i, w := range words {
		d.Tokens = append(d.Tokens, nlp.Token{Form: w, UPOS: upos[i]})
	}
	tests := []struct{ s, e, ws, we int }{
		{0, 7, 1, 7}, // "-Silk would "deliver better"": the dash goes, the quotes stay
		{5, 7, 5, 6}, // "better"": a closing quote without its partner goes
		{3, 9, 3, 7}, // a quoted clause keeps its quotes, loses ", ."
		{4, 7, 4, 6},
		{7, 9, 9, 9}, // punctuation only: nothing left
	}
	// curly quotes pair by direction: a closing mark whose opening one
	// came before the clause does not keep the last one
	words = strings.Fields("up \u201d and better \u201c to go \u201d")
	upos = strings.Fields("ADP PUNCT CCONJ ADJ PUNCT PART VERB PUNCT")
	d2 := &nlp.Document{}
	for i, w := range words {
		d2.Tokens = append(d2.Tokens, nlp.Token{Form: w, UPOS: upos[i]})
	}
	if s, e := trimEdgePunct(d2, 0, 8); s != 0 || e != 8 {
		t.Errorf("curly quotes: %d, %d, want 0, 8", s, e)
	}
	if s, e := trimEdgePunct(d2, 1, 4); s != 2 || e != 4 {
		t.Errorf("a leading closing mark: %d, %d, want 2, 4", s, e)
	}
	if s, e := trimEdgePunct(d2, 4, 8); s != 4 || e != 8 {
		t.Errorf("a quoted phrase: %d, %d, want 4, 8", s, e)
	}
	// a name keeps a quotation mark whose partner it keeps too
	if !edgeWord(d2, 1, 1, 4) || edgeWord(d2, 4, 4, 8) || !edgeWord(d2, 4, 4, 6) || !edgeWord(d2, 2, 2, 4) {
		t.Error("edgeWord: a lone quotation mark or a conjunction goes, a partnered mark stays")
	}
	for _, tt := range tests {
		if s, e := trimEdgePunct(d, tt.s, tt.e); s != tt.ws || e != tt.we {
			t.Errorf("trimEdgePunct(%d, %d) = %d, %d, want %d, %d", tt.s, tt.e, s, e, tt.ws, tt.we)
		}
	}
}

// TestProperName: only a name written as a proper name may be retyped as
// a place by a verb that takes places ("claimed X").
func TestProperName(t *testing.T) {
	for name, want := range map[string]bool{
		"Tavush":                              true,
		"Bay of Biscay":                       true,
		"Dar es Salaam":                       true,
		"Sylvanian peninsula":                 true,
		"Lower Saxony's":                      true,
		"Ana Lopez's intervention in the row": false,
		"Lima's future":                       false,
		"the region":                          false,
		"East Marsh police station":           false,
	} {
		if got := properName(name); got != want {
			t.Errorf("properName(%q) = %v, want %v", name, got, want)
		}
	}
}
