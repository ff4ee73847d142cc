package perceptron

import (
	"bytes"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// toy is a small learnable problem: the class is the index of the one
// "key" feature that is present, among noise features.
func toy(seed uint64, n int) (feats [][]uint64, classes []int) {
	r := rand.New(rand.NewPCG(seed, 1))
	for i := 0; i < n; i++ {
		c := r.IntN(4)
		f := []uint64{Mix(1, uint64(c)), Mix(2, uint64(r.IntN(50)))}
		feats = append(feats, f)
		classes = append(classes, c)
	}
	return feats, classes
}

func train(t *testing.T) (*Trainer, []byte) {
	t.Helper()
	feats, classes := toy(7, 400)
	tr := NewTrainer(4)
	scores := make([]float32, 4)
	for it := 0; it < 3; it++ {
		for i, f := range feats {
			clear(scores)
			tr.Score(f, scores)
			g := Best(scores, nil)
			tr.Tick()
			tr.Update(f, classes[i], g)
		}
	}
	file := &File{
		Meta:     Meta{Name: "toy", Version: 1, FeatureSet: 3, Iterations: 3, Seed: 7},
		Classes:  []string{"a", "b", "c", "d"},
		Sections: []Section{{Name: "extra", Data: []byte("hello")}},
		Model:    tr.Average(0.01),
	}
	b, err := Encode(file)
	if err != nil {
		t.Fatal(err)
	}
	return tr, b
}

func TestTinyTraining(t *testing.T) {
	_, b1 := train(t)
	_, b2 := train(t)
	if !bytes.Equal(b1, b2) {
		t.Fatalf("two trainings gave different bytes (%d and %d)", len(b1), len(b2))
	}
	f, err := Decode(b1)
	if err != nil {
		t.Fatal(err)
	}
	feats, classes := toy(99, 200)
	correct := 0
	scores := make([]float32, 4)
	for i, fs := range feats {
		clear(scores)
		f.Model.Score(fs, scores)
		if Best(scores, nil) == classes[i] {
			correct++
		}
	}
	if got, want := correct, 200; got != want {
		t.Errorf("held-out toy accuracy: got %d/200, want %d", got, want)
	}
}

func TestCodecRoundTrip(t *testing.T) {
	tr, b := train(t)
	f, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := f.Meta.Name, "toy"; got != want {
		t.Errorf("name: got %q, want %q", got, want)
	}
	if got, want := strings.Join(f.Classes, ","), "a,b,c,d"; got != want {
		t.Errorf("classes: got %q, want %q", got, want)
	}
	if got, want := string(f.Section("extra")), "hello"; got != want {
		t.Errorf("section: got %q, want %q", got, want)
	}
	// Decoded weights equal the averaged ones up to quantisation.
	avg := tr.Average(0.01)
	feats, _ := toy(5, 50)
	for _, fs := range feats {
		s1, s2 := make([]float32, 4), make([]float32, 4)
		avg.Score(fs, s1)
		f.Model.Score(fs, s2)
		for c := range s1 {
			if d := s1[c] - s2[c]; d > 1e-3 || d < -1e-3 {
				t.Fatalf("class %d: averaged %v, decoded %v", c, s1[c], s2[c])
			}
		}
	}
	// Re-encoding the decoded file gives the same bytes.
	b2, err := Encode(f)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, b2) {
		t.Errorf("re-encoding changed the bytes")
	}
}

func TestMetaMismatch(t *testing.T) {
	_, b := train(t)
	f, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		featureSet int
		want       string
	}{
		{"toy", 3, ""},
		{"tag", 3, `model is "toy", want "tag"`},
		{"toy", 4, "feature set 3, this code extracts feature set 4"},
	}
	for _, tt := range tests {
		err := CheckMeta(f.Meta, tt.name, tt.featureSet)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("CheckMeta(%q, %d): got %v, want nil", tt.name, tt.featureSet, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("CheckMeta(%q, %d): got %v, want error containing %q", tt.name, tt.featureSet, err, tt.want)
		}
	}
	// A flipped byte in the weights fails the checksum.
	bad := bytes.Clone(b)
	bad[len(bad)-3] ^= 0x40
	if _, err := Decode(bad); err == nil || !strings.Contains(err.Error(), "checksum") {
		t.Errorf("corrupted model: got %v, want checksum error", err)
	}
	if _, err := Decode([]byte("garbage")); err == nil {
		t.Errorf("garbage: got nil error")
	}
	for n := 0; n < len(b); n += 97 {
		if _, err := Decode(b[:n]); err == nil {
			t.Errorf("truncated to %d bytes: got nil error", n)
		}
	}
}

func TestBestTies(t *testing.T) {
	tests := []struct {
		scores []float32
		ok     func(int) bool
		want   int
	}{
		{[]float32{1, 3, 3, 2}, nil, 1},
		{[]float32{0, 0, 0}, nil, 0},
		{[]float32{5, 3, 3}, func(c int) bool { return c != 0 }, 1},
		{[]float32{5}, func(int) bool { return false }, -1},
	}
	for _, tt := range tests {
		if got := Best(tt.scores, tt.ok); got != tt.want {
			t.Errorf("Best(%v): got %d, want %d", tt.scores, got, tt.want)
		}
	}
}

func TestNorm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"-LRB-", "("}, {"``", "\""}, {"''", "\""}, {"’s", "'s"}, {"don’t", "don't"},
		{"1990", "!YEAR"}, {"4.25", "!DIGITS" + "d.dd"}, {"Obama", "Obama"},
		{"Mr", "Mr."}, {"Mrs", "Mrs."}, {"Mr.", "Mr."}, {"mr", "mr"}, {"Mrx", "Mrx"},
	}
	for _, tt := range tests {
		if got := Norm(tt.in); got != tt.want {
			t.Errorf("Norm(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestDenseRows checks that rows Decode stores densely score exactly as
// the sparse rows Average returns.
func TestDenseRows(t *testing.T) {
	_, b := train(t)
	f, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Model.denseOff) == 0 {
		t.Fatal("no dense rows in the toy model")
	}
	// the same weights, all in sparse rows
	sparse := &Model{NClasses: f.Model.NClasses, index: newTable(f.Model.index.n, false)}
	f.Model.each(func(k uint64, row []entry) {
		sparse.index.put(k, rowSpan(len(sparse.entries), row))
		if len(row) > 1 {
			sparse.entries = append(sparse.entries, row...)
		}
	})
	feats, _ := toy(5, 100)
	a, c := make([]float32, 4), make([]float32, 4)
	for _, fs := range feats {
		clear(a)
		clear(c)
		f.Model.Score(fs, a)
		sparse.Score(fs, c)
		if !slices.Equal(a, c) {
			t.Fatalf("features %x: dense scores %v, sparse %v", fs, a, c)
		}
	}
}

// TestMean checks that the mean of models scores as the mean of their
// scores, that a model's mean with itself is itself, and that pruning
// drops the small means.
func TestMean(t *testing.T) {
	_, b := train(t)
	f, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	a := f.Model
	// a second model: a's weights doubled on the even classes
	b2 := &Model{NClasses: a.NClasses, index: newTable(a.index.n, false)}
	a.each(func(k uint64, row []entry) {
		r := slices.Clone(row)
		for i := range r {
			if r[i].class%2 == 0 {
				r[i].w *= 2
			}
		}
		b2.index.put(k, rowSpan(len(b2.entries), r))
		if len(r) > 1 {
			b2.entries = append(b2.entries, r...)
		}
	})
	same := Mean([]*Model{a, a}, 0)
	mean := Mean([]*Model{a, b2}, 0)
	feats, _ := toy(5, 100)
	sa, sb, ss, sm := make([]float32, 4), make([]float32, 4), make([]float32, 4), make([]float32, 4)
	for _, fs := range feats {
		for _, s := range [][]float32{sa, sb, ss, sm} {
			clear(s)
		}
		a.Score(fs, sa)
		b2.Score(fs, sb)
		same.Score(fs, ss)
		mean.Score(fs, sm)
		for c := range sa {
			if d := ss[c] - sa[c]; d > 1e-4 || d < -1e-4 {
				t.Fatalf("features %x class %d: mean of a model with itself scores %v, the model %v", fs, c, ss[c], sa[c])
			}
			if d := sm[c] - (sa[c]+sb[c])/2; d > 1e-4 || d < -1e-4 {
				t.Fatalf("features %x class %d: mean model scores %v, mean of scores %v", fs, c, sm[c], (sa[c]+sb[c])/2)
			}
		}
	}
	_, all := mean.Len()
	_, pruned := Mean([]*Model{a, b2}, 0.5).Len()
	if pruned >= all {
		t.Errorf("pruning at 0.5 kept %d of %d weights", pruned, all)
	}
}

// TestAddDense checks addDense (assembly on amd64, in each of its
// versions) against addDenseGo bit for bit, over lengths around the vector
// widths and unaligned starts.
func TestAddDense(t *testing.T) {
	for _, v := range denseVersions() {
		t.Run(v.name, func(t *testing.T) { testAddDense(t, v.add) })
	}
}

func testAddDense(t *testing.T, addDense func(scores, d []float32)) {
	r := rand.New(rand.NewPCG(7, 7))
	for n := 0; n <= 140; n++ {
		for off := 0; off < 3; off++ {
			d := make([]float32, n+off)
			a := make([]float32, n+off+1)
			for i := range d {
				d[i] = float32(r.NormFloat64() * math.Pow(10, float64(r.IntN(8)-4)))
			}
			for i := range a {
				a[i] = float32(r.NormFloat64())
			}
			orig, b := slices.Clone(a), slices.Clone(a)
			addDense(a[off:], d[off:])
			addDenseGo(b[off:], d[off:])
			for i := range a {
				if math.Float32bits(a[i]) != math.Float32bits(b[i]) {
					t.Fatalf("n %d offset %d: element %d is %v, want %v", n, off, i, a[i], b[i])
				}
			}
			if n > 0 && slices.Equal(a, orig) {
				t.Fatalf("n %d: nothing added", n)
			}
		}
	}
}

// TestTableProbes fills a table with keys whose home is the last slot
// (their probes wrap round to the first) and keys that share one home,
// and finds each again; absent keys with the same homes are not found.
func TestTableProbes(t *testing.T) {
	tb := newTable(8, false) // 16 slots, home = top 4 bits
	var keys []uint64
	for i := range uint64(4) {
		keys = append(keys, ^uint64(0)-i, 0x1000_0000_0000_0000+i+1)
	}
	keys = append(keys, 0) // kept aside
	for i, k := range keys {
		tb.put(k, span{off: uint32(i), n: 2})
		tb.prefetch([]uint64{k})
	}
	for i, k := range keys {
		if s, ok := tb.get(k); !ok || s.off != uint32(i) {
			t.Errorf("key %#x: got %v, %v, want row %d", k, s, ok, i)
		}
	}
	for _, k := range []uint64{^uint64(0) - 10, 0x1000_0000_0000_0100} {
		if _, ok := tb.get(k); ok {
			t.Errorf("absent key %#x found", k)
		}
	}
}
