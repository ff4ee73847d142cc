package carb

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func set(t *testing.T, gold bool, text string) *Set {
	t.Helper()
	var s *Set
	var err error
	if gold {
		s, err = ReadGold(strings.NewReader(text))
	} else {
		s, err = ReadTabbed(strings.NewReader(text))
	}
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

func TestPairScores(t *testing.T) {
	gold := Tuple{Rel: "was born in", Args: []string{"Barack Obama", "Honolulu"}}
	tests := []struct {
		name      string
		g, p      Tuple
		prec, rec float64
	}{
		{"exact", gold, Tuple{Rel: "was born in", Args: []string{"Barack Obama", "Honolulu"}}, 1, 1},
		{"partial", gold, Tuple{Rel: "born in", Args: []string{"Obama", "Honolulu"}}, 1, 4.0 / 6},
		{"moved preposition", gold, Tuple{Rel: "was born", Args: []string{"Barack Obama", "in Honolulu"}}, 5.0 / 6, 5.0 / 6},
		{"be rule", gold, Tuple{Rel: "be born in", Args: []string{"Barack Obama", "Honolulu"}}, 1, 1},
		{"no relation overlap", gold, Tuple{Rel: "is", Args: []string{"Barack Obama", "born in Honolulu"}}, 0, 0},
		{"missing object", gold, Tuple{Rel: "was born in", Args: []string{"Barack Obama"}}, 0, 0},
		{"gold without object", Tuple{Rel: "is", Args: []string{"Obama"}}, Tuple{Rel: "is", Args: []string{"Obama", "president of the US"}}, 1, 1},
		{"said reversal", Tuple{Rel: "said", Args: []string{"The spokesman", "the deal is off"}}, Tuple{Rel: "said", Args: []string{"the deal is off", "The spokesman"}}, 1, 1},
		{"be rule after match", Tuple{Rel: "is", Args: []string{"A", "B"}}, Tuple{Rel: "is be", Args: []string{"A", "B"}}, 4.0 / 4, 4.0 / 3},
		{"n-ary collapse", Tuple{Rel: "r", Args: []string{"A", "B C"}}, Tuple{Rel: "r", Args: []string{"A", "C", "B"}}, 1, 1},
	}
	for _, tt := range tests {
		got := match(tt.g, tt.p)
		if !near(got.prec, tt.prec) || !near(got.rec, tt.rec) {
			t.Errorf("%s: got (%v, %v), want (%v, %v)", tt.name, got.prec, got.rec, tt.prec, tt.rec)
		}
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The cat sat .", "Thecatsat"},
		{"-LRB- a -RRB- b", "ab"},
		{"do n't , `` x ''", "dontx"},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

const goldA = "Barack Obama was born in Honolulu and visited Paris .\twas born in\tBarack Obama\tHonolulu\n" +
	"Barack Obama was born in Honolulu and visited Paris .\tvisited\tBarack Obama\tParis\n" +
	"The cat sat .\tsat\tThe cat\t\n"

const predA = "Barack Obama was born in Honolulu and visited Paris .\t0.9\twas born in\tBarack Obama\tHonolulu\n" +
	"Barack Obama was born in Honolulu and visited Paris .\t0.5\tvisited\tObama\tParis\n" +
	"\n" +
	"Barack Obama was born in Honolulu and visited Paris .\t0.7\twas born in\tObama\tHonolulu\n" +
	"Something else entirely .\t0.95\tis\tit\telse\n"

const goldB = "He bought a car and a house .\tbought\tHe\ta car\n" +
	"He bought a car and a house .\tbought\tHe\ta house\n"

func TestExamples(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred string
		single     bool
		curve      []Point
		best       Point
		auc        float64
	}{
		{
			name: "A multi", gold: goldA, pred: predA,
			curve: []Point{{0.5, 2.0 / 3, 1.75 / 3, 0.622222}, {0.7, 0.5, 1.0 / 3, 0.4}, {0.9, 1, 1.0 / 3, 0.5}, {0.95, 1, 0, 0}},
			best:  Point{0.5, 2.0 / 3, 1.75 / 3, 0.622222}, auc: 0.479167,
		},
		{
			name: "A single", gold: goldA, pred: predA, single: true,
			curve: []Point{{0.5, 2.0 / 3, 1.75 / 3, 0.622222}, {0.7, 0.5, 1.0 / 3, 0.4}, {0.9, 1, 1.0 / 3, 0.5}, {0.95, 1, 0, 0}},
			best:  Point{0.5, 2.0 / 3, 1.75 / 3, 0.622222}, auc: 0.479167,
		},
		{
			name: "B multi", gold: goldB, pred: "He bought a car and a house .\t1.0\tbought\tHe\ta car and a house\n",
			curve: []Point{{1, 0.571429, 1, 0.727273}}, best: Point{1, 0.571429, 1, 0.727273}, auc: 0.785714,
		},
		{
			name: "B single", gold: goldB, pred: "He bought a car and a house .\t1.0\tbought\tHe\ta car and a house\n", single: true,
			curve: []Point{{1, 0.571429, 0.5, 0.533333}}, best: Point{1, 0.571429, 0.5, 0.533333}, auc: 0.392857,
		},
		{
			name: "C multi", gold: goldB,
			pred:  "He bought a car and a house .\t0.8\tbought\tHe\ta car\nHe bought a car and a house .\t0.6\tbought\tHe\ta house\nHe bought a car and a house .\t0.6\tbought\tHe\ta car\n",
			curve: []Point{{0.6, 2.0 / 3, 1, 0.8}, {0.8, 1, 0.875, 0.933333}}, best: Point{0.8, 1, 0.875, 0.933333}, auc: 0.979167,
		},
		{
			name: "C single", gold: goldB, single: true,
			pred:  "He bought a car and a house .\t0.8\tbought\tHe\ta car\nHe bought a car and a house .\t0.6\tbought\tHe\ta house\nHe bought a car and a house .\t0.6\tbought\tHe\ta car\n",
			curve: []Point{{0.6, 2.0 / 3, 1, 0.8}, {0.8, 1, 0.5, 2.0 / 3}}, best: Point{0.6, 2.0 / 3, 1, 0.8}, auc: 0.916667,
		},
		{name: "no predictions", gold: goldB, pred: ""},
	}
	for _, tt := range tests {
		got := Score(set(t, true, tt.gold), set(t, false, tt.pred), Options{SingleMatch: tt.single})
		if len(got.Curve) != len(tt.curve) {
			t.Errorf("%s: got %d curve points, want %d", tt.name, len(got.Curve), len(tt.curve))
			continue
		}
		for i := range tt.curve {
			if !samePoint(got.Curve[i], tt.curve[i]) {
				t.Errorf("%s: point %d: got %+v, want %+v", tt.name, i, got.Curve[i], tt.curve[i])
			}
		}
		if !samePoint(got.Best, tt.best) || !near(got.AUC, tt.auc) {
			t.Errorf("%s: got best %+v AUC %v, want %+v AUC %v", tt.name, got.Best, got.AUC, tt.best, tt.auc)
		}
	}
}

func samePoint(a, b Point) bool {
	return near(a.Threshold, b.Threshold) && near(a.P, b.P) && near(a.R, b.R) && near(a.F1, b.F1)
}

func TestReadGold(t *testing.T) {
	s := set(t, true, "S .\t said \t A \tC: he said\tT: yesterday\t\n\nS .\tis\tB\n")
	want := []Tuple{{Rel: "said", Args: []string{"A", "T: yesterday"}, Conf: 1}, {Rel: "is", Args: []string{"B"}, Conf: 1}}
	got := s.Tuples["S ."]
	if len(s.Sentences) != 1 || len(got) != len(want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i].Rel != want[i].Rel || strings.Join(got[i].Args, "|") != strings.Join(want[i].Args, "|") {
			t.Errorf("tuple %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{"S\tnotanumber\tr\ta\n", "S\tNaN\tr\ta\n", "S\t0.5\n"} {
		if _, err := ReadTabbed(strings.NewReader(in)); err == nil {
			t.Errorf("ReadTabbed(%q): no error", in)
		}
	}
	if _, err := ReadGold(strings.NewReader("only a sentence\n")); err == nil {
		t.Error("ReadGold: no error for a line without relation")
	}
}

// dataDir is the shared CaRB data, outside the repository.
var dataDir = filepath.Join("..", "..", "..", "..", "shared", "data", "carb")

// TestReference checks the scorer against the original scorer's numbers
// for the OpenIE-5 dev output (SCORING.md, README.md).
func TestReference(t *testing.T) {
	gf, err := os.Open(filepath.Join(dataDir, "gold", "dev.tsv"))
	if err != nil {
		t.Skipf("CaRB data not available: %v", err)
	}
	defer gf.Close()
	pf, err := os.Open(filepath.Join(dataDir, "system_outputs", "dev", "openie5_output.tabbed.txt"))
	if err != nil {
		t.Skipf("CaRB data not available: %v", err)
	}
	defer pf.Close()
	gold, err := ReadGold(gf)
	if err != nil {
		t.Fatal(err)
	}
	pred, err := ReadTabbed(pf)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		single             bool
		auc, p, r, f1, thr float64
	}{
		{false, 0.240210, 0.525691, 0.405924, 0.458109, 0.1760886526469026},
		{true, 0.186227, 0.525691, 0.317284, 0.395726, 0.1760886526469026},
	}
	for _, tt := range tests {
		got := Score(gold, pred, Options{SingleMatch: tt.single})
		t.Logf("single=%v: AUC %.9f P %.9f R %.9f F1 %.9f", tt.single, got.AUC, got.Best.P, got.Best.R, got.Best.F1)
		if math.Abs(got.AUC-tt.auc) > 5e-7 || math.Abs(got.Best.P-tt.p) > 5e-7 || math.Abs(got.Best.R-tt.r) > 5e-7 ||
			math.Abs(got.Best.F1-tt.f1) > 5e-7 || got.Best.Threshold != tt.thr {
			t.Errorf("single=%v: got AUC %.9f P %.9f R %.9f F1 %.9f at %v, want %.6f %.6f %.6f %.6f at %v",
				tt.single, got.AUC, got.Best.P, got.Best.R, got.Best.F1, got.Best.Threshold, tt.auc, tt.p, tt.r, tt.f1, tt.thr)
		}
	}
}
