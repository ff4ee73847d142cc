package parse

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/nlp"
)

// udDir is the folder of the UD treebanks, ../shared/data/ud from the
// repository root unless NEWSGRAPH_UD says otherwise.
func udDir() string {
	if d := os.Getenv("NEWSGRAPH_UD"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "shared", "data", "ud")
}

func loadDev(t testing.TB, name string) []*nlp.Document {
	t.Helper()
	path := filepath.Join(udDir(), name)
	sents, err := conllu.ReadFile(path)
	if os.IsNotExist(err) || (err != nil && os.IsNotExist(unwrapAll(err))) {
		t.Skipf("treebank not found: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	var docs []*nlp.Document
	for _, d := range conllu.SplitDocuments(sents) {
		docs = append(docs, conllu.ToDocument(d.ID, d.Sentences))
	}
	return docs
}

func unwrapAll(err error) error {
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return err
		}
		err = u.Unwrap()
	}
}

// goldExamples turns documents into examples with projectivised trees and
// returns them with the original (possibly non-projective) heads.
func goldExamples(t testing.TB, docs []*nlp.Document) (exs []example, orig [][]int, m moves) {
	set := map[string]bool{RootLabel: true}
	for _, d := range docs {
		for _, tk := range d.Tokens {
			set[tk.Rel] = true
		}
	}
	var labels []string
	for l := range set {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	m = moves{nLabels: len(labels), root: slices.Index(labels, RootLabel)}
	for _, d := range docs {
		for _, sn := range d.Sentences {
			heads, ok := sentenceTree(d, sn)
			if !ok {
				t.Fatalf("%s: sentence at %d is not a tree", d.ID, sn.Start)
			}
			ph, _ := Projectivize(heads)
			ex := example{heads: ph}
			for _, tk := range d.Tokens[sn.Start:sn.End] {
				ex.labels = append(ex.labels, slices.Index(labels, tk.Rel))
			}
			exs = append(exs, ex)
			orig = append(orig, heads)
		}
	}
	return exs, orig, m
}

// follow makes moves from the initial state until the end, choosing a
// least-cost move unless pick returns another valid move, and returns the
// final state and the unlabelled cost of the moves taken.
func follow(ex *example, m moves, pick func(s *state) int) (*state, int) {
	s := newState(len(ex.heads), nil)
	total := 0
	for !s.terminal() {
		sh, la, ra := costs(s, ex.heads)
		mv := -1
		if pick != nil {
			mv = pick(s)
		}
		if mv < 0 {
			best := -1
			for c := 0; c < m.count(); c++ {
				if !m.valid(s, c) {
					continue
				}
				if k := moveCost(m, s, ex, c, sh, la, ra); mv < 0 || k < best {
					mv, best = c, k
				}
			}
		}
		if mv < 0 {
			return s, -1
		}
		switch kind, _ := m.decode(mv); kind {
		case 0:
			total += sh
		case 1:
			total += la
		default:
			total += ra
		}
		m.apply(s, mv)
	}
	return s, total
}

func TestOracleReproducesGoldTrees(t *testing.T) {
	docs := loadDev(t, "UD_English-EWT/en_ewt-ud-dev.conllu")
	exs, orig, m := goldExamples(t, docs)
	nonProj, arcs, recovered := 0, 0, 0
	for i := range exs {
		ex := &exs[i]
		s, cost := follow(ex, m, nil)
		if cost != 0 {
			t.Fatalf("sentence %d: zero-cost path had cost %d or got stuck", i, cost)
		}
		for k := range ex.heads {
			if s.heads[k] != ex.heads[k] || s.labels[k] != ex.labels[k] {
				t.Fatalf("sentence %d word %d: got head %d label %d, want %d %d", i, k, s.heads[k], s.labels[k], ex.heads[k], ex.labels[k])
			}
		}
		if !slices.Equal(orig[i], ex.heads) {
			nonProj++
			for k := range orig[i] {
				arcs++
				if s.heads[k] == orig[i][k] {
					recovered++
				}
			}
		}
	}
	t.Logf("%d sentences, %d non-projective: %d of their %d arcs recovered (lifted arcs are lost)", len(exs), nonProj, recovered, arcs)
	if nonProj == 0 {
		t.Errorf("no non-projective sentences in EWT dev: the projectivity check is broken")
	}
}

// TestDynamicOracle checks the arc-decomposition property the dynamic
// oracle relies on: after any sequence of moves, the unlabelled costs of
// the moves taken sum to the number of gold arcs missing from the final
// tree when zero-cost moves are followed afterwards.
func TestDynamicOracle(t *testing.T) {
	docs := loadDev(t, "UD_English-EWT/en_ewt-ud-dev.conllu")
	exs, _, m := goldExamples(t, docs)
	r := rand.New(rand.NewPCG(3, 4))
	for i := range exs {
		ex := &exs[i]
		pick := func(s *state) int {
			if r.Float64() > 0.3 {
				return -1
			}
			var valid []int
			for c := 0; c < m.count(); c++ {
				if m.valid(s, c) {
					valid = append(valid, c)
				}
			}
			return valid[r.IntN(len(valid))]
		}
		s, cost := follow(ex, m, pick)
		wrong := 0
		for k := range ex.heads {
			if s.heads[k] != ex.heads[k] {
				wrong++
			}
		}
		if wrong != cost {
			t.Fatalf("sentence %d: %d wrong heads, the moves cost %d", i, wrong, cost)
		}
	}
}

func TestProjectivize(t *testing.T) {
	tests := []struct {
		heads, want []int
		lifts       int
	}{
		{[]int{1, 3, 1}, []int{1, 3, 1}, 0},
		// 0 <- 2 crosses 1 <- 3 (root 3 = n=4? no: n is 4)
		{[]int{2, 3, 4, 2}, []int{2, 2, 4, 2}, 1},
	}
	for _, tt := range tests {
		got, lifts := Projectivize(tt.heads)
		if !slices.Equal(got, tt.want) || lifts != tt.lifts {
			t.Errorf("Projectivize(%v): got %v (%d lifts), want %v (%d)", tt.heads, got, lifts, tt.want, tt.lifts)
		}
	}
}
