package score

import (
	"math"
	"math/rand"
	"strings"
	"testing"
)

// m builds single-word mentions from letters: "abc" -> a, b, c at 0, 1, 2.
func m(letters string) []Mention {
	var out []Mention
	for _, c := range letters {
		i := int(c - 'a')
		out = append(out, Mention{i, i + 1})
	}
	return out
}

func clusters(groups ...string) [][]Mention {
	var out [][]Mention
	for _, g := range groups {
		out = append(out, m(g))
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScore(t *testing.T) {
	type rp struct{ r, p float64 }
	tests := []struct {
		name          string
		key, response [][]Mention
		muc, b3, ceaf rp
	}{
		{
			// The worked example of Pradhan et al. (2014), figure 1:
			// MUC 2/5 both ways; B³ R = (1/7)(4/3+1/3+1/4+4/4) = 35/84,
			// P = (1/8)(4/2+1/2+1/2+4/4) = 1/2; CEAF-e aligns {abc}-{ab}
			// (φ4 = 4/5) and {defg}-{fghi} (φ4 = 4/8): R = 1.3/2, P = 1.3/3.
			name:     "pradhan2014",
			key:      clusters("abc", "defg"),
			response: clusters("ab", "cd", "fghi"),
			muc:      rp{2.0 / 5, 2.0 / 5},
			b3:       rp{35.0 / 84, 0.5},
			ceaf:     rp{0.65, 1.3 / 3},
		},
		{
			name:     "identical",
			key:      clusters("abc", "de"),
			response: clusters("de", "cab"),
			muc:      rp{1, 1}, b3: rp{1, 1}, ceaf: rp{1, 1},
		},
		{
			// Splitting {ab} into singletons: no links, B³ recall 1/2,
			// CEAF-e φ4({ab},{a}) = 2/3 over 1 key and 2 response clusters.
			name:     "split into singletons",
			key:      clusters("ab"),
			response: clusters("a", "b"),
			muc:      rp{0, 0}, b3: rp{0.5, 1}, ceaf: rp{2.0 / 3, 1.0 / 3},
		},
		{
			// Merging {ab} and {cd}: MUC R = 2/2, P = 2/3; B³ P = 4·(2/4)/4;
			// CEAF-e best φ4 = 2·2/6 = 2/3.
			name:     "merge two",
			key:      clusters("ab", "cd"),
			response: clusters("abcd"),
			muc:      rp{1, 2.0 / 3}, b3: rp{1, 0.5}, ceaf: rp{1.0 / 3, 2.0 / 3},
		},
		{
			// Response mentions absent from the key (twinless) lower
			// precision only: MUC P = (3-1-1)/2, B³ P = (2·2/3)/3.
			name:     "twinless response mention",
			key:      clusters("ab"),
			response: clusters("abz"),
			muc:      rp{1, 0.5}, b3: rp{1, 4.0 / 9}, ceaf: rp{0.8, 0.8},
		},
		{
			name:     "duplicates count once",
			key:      clusters("ab"),
			response: clusters("aab", "b"),
			muc:      rp{1, 1}, b3: rp{1, 1}, ceaf: rp{1, 1},
		},
		{
			name:     "empty response",
			key:      clusters("ab"),
			response: nil,
			muc:      rp{0, 0}, b3: rp{0, 0}, ceaf: rp{0, 0},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Score(tc.key, tc.response)
			for _, c := range []struct {
				metric string
				got    Metric
				want   rp
			}{{"MUC", got.MUC, tc.muc}, {"B3", got.B3, tc.b3}, {"CEAFe", got.CEAFe, tc.ceaf}} {
				if !near(c.got.Recall(), c.want.r) || !near(c.got.Precision(), c.want.p) {
					t.Errorf("%s: got R=%.4f P=%.4f, want R=%.4f P=%.4f", c.metric,
						c.got.Recall(), c.got.Precision(), c.want.r, c.want.p)
				}
			}
		})
	}
}

func TestCoNLLAverage(t *testing.T) {
	got := Score(clusters("abc", "defg"), clusters("ab", "cd", "fghi"))
	mucF := 0.4
	b3F := 2 * (35.0 / 84) * 0.5 / (35.0/84 + 0.5)
	ceafF := 2 * 0.65 * (1.3 / 3) / (0.65 + 1.3/3)
	if want := (mucF + b3F + ceafF) / 3; !near(got.CoNLL(), want) {
		t.Errorf("CoNLL: got %.6f, want %.6f", got.CoNLL(), want)
	}
}

// Summing documents is micro-averaging: two copies of a document score as
// one, and a perfect document pulls an imperfect one up by its weight.
func TestMicroAverage(t *testing.T) {
	one := Score(clusters("abc", "defg"), clusters("ab", "cd", "fghi"))
	two := one.Add(one)
	if !near(two.CoNLL(), one.CoNLL()) || two.Docs != 2 {
		t.Errorf("two copies: got %.6f (%d docs), want %.6f (2 docs)", two.CoNLL(), two.Docs, one.CoNLL())
	}
	perfect := Score(clusters("ab"), clusters("ab"))
	sum := one.Add(perfect)
	if got, want := sum.MUC.Recall(), 3.0/6; !near(got, want) {
		t.Errorf("MUC recall over two docs: got %.4f, want %.4f", got, want)
	}
}

func TestMaxAssignment(t *testing.T) {
	tests := []struct {
		name string
		w    [][]float64
		want float64
	}{
		{"greedy fails", [][]float64{{0.9, 0.8}, {0.8, 0}}, 1.6},
		{"more rows", [][]float64{{1}, {3}, {2}}, 3},
		{"more columns", [][]float64{{1, 5, 2}, {4, 6, 0}}, 9},
		{"empty", nil, 0},
	}
	for _, tc := range tests {
		if got := maxAssignment(tc.w); !near(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
	// Against brute force on random matrices.
	r := rand.New(rand.NewSource(1))
	for trial := 0; trial < 200; trial++ {
		n, k := 1+r.Intn(5), 1+r.Intn(5)
		w := make([][]float64, n)
		for i := range w {
			w[i] = make([]float64, k)
			for j := range w[i] {
				if r.Intn(3) > 0 {
					w[i][j] = float64(r.Intn(10)) / 10
				}
			}
		}
		if got, want := maxAssignment(w), brute(w, 0, make([]bool, k)); !near(got, want) {
			t.Fatalf("trial %d %v: got %v, want %v", trial, w, got, want)
		}
	}
}

func brute(w [][]float64, i int, used []bool) float64 {
	if i == len(w) {
		return 0
	}
	best := brute(w, i+1, used) // row i unmatched
	for j := range used {
		if !used[j] {
			used[j] = true
			if s := w[i][j] + brute(w, i+1, used); s > best {
				best = s
			}
			used[j] = false
		}
	}
	return best
}

func TestRead(t *testing.T) {
	in := "# begin document \n0\tHis\t(1(2)\n1\tmother\t1)\n2\tsaw\t_\n3\thim\t(2)\n4\tat\t_\n5\tthe\t(1\n6\tschool\t1)(3)|(4)\n# end document\n"
	docs, err := Read(strings.NewReader(in), "x.conll")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || len(docs[0].Words) != 7 {
		t.Fatalf("got %d docs, want 1 with 7 words", len(docs))
	}
	got := docs[0].Clusters
	want := [][]Mention{{{0, 1}, {3, 4}}, {{0, 2}, {5, 7}}, {{6, 7}}, {{6, 7}}} // in order of first complete mention
	if len(got) != len(want) {
		t.Fatalf("got clusters %v, want %v", got, want)
	}
	for i := range want {
		if len(got[i]) != len(want[i]) {
			t.Fatalf("got clusters %v, want %v", got, want)
		}
		for j := range want[i] {
			if got[i][j] != want[i][j] {
				t.Fatalf("got clusters %v, want %v", got, want)
			}
		}
	}
	// Writing and reading back gives the same clusters.
	var b strings.Builder
	if err := Write(&b, docs[0]); err != nil {
		t.Fatal(err)
	}
	back, err := Read(strings.NewReader(b.String()), "")
	if err != nil {
		t.Fatalf("reading back %q: %v", b.String(), err)
	}
	if r := Score(docs[0].Clusters, back[0].Clusters); !near(r.CoNLL(), 1) {
		t.Errorf("round trip: CoNLL %.4f, want 1\n%s", r.CoNLL(), b.String())
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"unclosed", "#begin document d\n0\ta\t(1\n#end document\n", "still open"},
		{"close not open", "#begin document d\n0\ta\t1)\n#end document\n", "not open"},
		{"bad id", "#begin document d\n0\ta\t(x)\n#end document\n", "bad entity id"},
		{"outside", "0\ta\t_\n", "outside a document"},
		{"one column", "#begin document d\nword\n", "columns"},
	}
	for _, tc := range tests {
		_, err := Read(strings.NewReader(tc.in), "f")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
}

// FuzzRead checks that the reader never panics and that what it accepts
// writes and reads back to the same clusters.
func FuzzRead(f *testing.F) {
	f.Add("# begin document \n0\tHis\t(1(2)\n1\tmother\t1)\n2\t.\t2)(3)\n# end document\n")
	f.Add("#begin document (x); part 000\nw 0 1 a (5|5)\n\nw 0 2 b -\n#end document\n")
	f.Add("# begin document d\n0\ta\t(1\n")
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := Read(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for _, d := range docs {
			var b strings.Builder
			if err := Write(&b, d); err != nil {
				continue // spans the writer cannot express are reported, not written
			}
			back, err := Read(strings.NewReader(b.String()), "")
			if err != nil || len(back) != 1 {
				t.Fatalf("reading back %q: %v", b.String(), err)
			}
			if r := Score(d.Clusters, back[0].Clusters); len(d.Clusters) > 0 && !near(r.B3.Recall(), 1) {
				t.Fatalf("round trip changed the clusters:\n%q\n%q", in, b.String())
			}
		}
	})
}
