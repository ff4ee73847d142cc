package ner

import (
	"bytes"
	"math"
	"math/rand/v2"
	"testing"
)

// TestNetGradient compares the network's analytic gradient with central
// differences of the loss, for a sample of every parameter slice.
func TestNetGradient(t *testing.T) {
	for _, drop := range []float32{0, 0.3} {
		checkNetGradient(t, drop)
	}
}

// checkNetGradient checks the gradient with dropout at rate drop (the
// same masks in every pass).
func checkNetGradient(t *testing.T, drop float32) {
	rng := rand.New(rand.NewPCG(7, 7))
	vecs := randomVectors(rng, []string{"x", "y"}, 0.01)
	n := newTagNet(5, 6, 9, map[uint32]int32{1: 1, 2: 2, 3: 3}, vecs, rng)
	// larger weights than at initialisation, so that every path matters
	for _, p := range n.params() {
		for i := range p {
			p[i] = (2*rng.Float32() - 1) * 0.8
		}
	}
	ins := []netInput{
		{ids: [netTables]int32{1, 2, 7, 3}, bits: 1<<18 | 1<<21, vec: 2},
		{ids: [netTables]int32{4, 0, 7, 1}, bits: 1 << 3, vec: 1},
		{ids: [netTables]int32{10, 3, 100, 5}, bits: 1<<25 | 1<<14},
	}
	gold := []int{1, 0, 5}
	var st netState
	st.pIn, st.pOut = drop, drop
	lossOf := func() float64 {
		st.rng = rand.New(rand.NewPCG(5, 5))
		n.forward(ins, &st)
		l := 0.0
		for i, g := range gold {
			l -= float64(st.logp[i*n.NC+g])
		}
		return l
	}
	gr := n.zeroLike()
	st.rng = rand.New(rand.NewPCG(5, 5))
	n.forward(ins, &st)
	n.backward(gr, ins, gold, &st)
	ps, gs := n.params(), gr.params()
	const h = 1e-2
	checked := 0
	for k, p := range ps {
		for s := 0; s < 12; s++ {
			i := rng.IntN(len(p))
			old := p[i]
			p[i] = old + h
			up := lossOf()
			p[i] = old - h
			down := lossOf()
			p[i] = old
			num := (up - down) / (2 * h)
			if d := math.Abs(num - float64(gs[k][i])); d > 2e-3+2e-2*math.Abs(num) {
				t.Errorf("param slice %d index %d: numeric %.5f analytic %.5f", k, i, num, gs[k][i])
			}
			if num != 0 {
				checked++
			}
		}
	}
	if checked < 50 {
		t.Fatalf("only %d non-zero gradients checked", checked)
	}
}

// TestNetScores checks that decoding from the precomputed input terms
// gives the log-probabilities of the full forward pass, after the
// softmax that decoding leaves out.
func TestNetScores(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 9))
	vecs := &WordVectors{Dims: 16, Words: []string{"x"}, Data: make([]int8, 16), Scale: make([]float32, 16)}
	for i := range vecs.Data {
		vecs.Data[i] = int8(i*13 - 100)
		vecs.Scale[i] = 0.02
	}
	n := newTagNet(6, len(classNames), 20, map[uint32]int32{1: 1, 2: 2}, vecs, rng)
	ins := []netInput{
		{ids: [netTables]int32{3, 1, 5, 2}, bits: 1<<18 | 1<<2},
		{ids: [netTables]int32{21, 0, 9, 7}, vec: 1},
		{ids: [netTables]int32{0, 2, 511, 0}, bits: 1<<25 | 1<<14 | 1},
	}
	var full, fast netState
	n.forward(ins, &full)
	n.scores(ins, &fast)
	for i := range ins {
		logSoftmax(fast.logp[i*n.NC : (i+1)*n.NC])
	}
	for i := range full.logp {
		if d := math.Abs(float64(full.logp[i] - fast.logp[i])); d > 1e-4 {
			t.Fatalf("logp[%d]: forward %.6f, precomputed %.6f", i, full.logp[i], fast.logp[i])
		}
	}
	if len(full.logp) != len(ins)*len(classNames) {
		t.Fatalf("%d log-probabilities, want %d", len(full.logp), len(ins)*len(classNames))
	}
}

// TestTanh32 checks the interpolated tanh against math.Tanh.
func TestTanh32(t *testing.T) {
	worst := 0.0
	for x := -10.0; x <= 10; x += 0.0013 {
		worst = max(worst, math.Abs(float64(tanh32(float32(x)))-math.Tanh(x)))
	}
	if worst > 5e-5 {
		t.Fatalf("tanh32 is off by %.2g", worst)
	}
	if s := sigmoid(0); s != 0.5 {
		t.Fatalf("sigmoid(0) = %v", s)
	}
}

// TestNetEncode checks that a network read back from its encoding scores
// as the original, and that a truncated encoding is refused.
func TestNetEncode(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	vecs := randomVectors(rng, []string{"alpha", "beta"}, 0.03)
	n := newTagNet(8, len(classNames), 30, map[uint32]int32{wordKey("alpha"): 1, wordKey("gamma"): 2}, vecs, rng)
	var b bytes.Buffer
	n.encode(&b)
	m, err := decodeNet(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	// the rows of the vectors are each network's own
	ins := func(n *tagNet) []netInput {
		return []netInput{
			{ids: [netTables]int32{3, 1, 5, 2}, bits: 1 << 18, vec: n.vrow[wordKey("beta")]},
			{ids: [netTables]int32{30, 2, 9, 7}, vec: n.vrow[wordKey("alpha")]},
		}
	}
	var s1, s2 netState
	n.scores(ins(n), &s1)
	m.scores(ins(m), &s2)
	for i := range s1.logp {
		if s1.logp[i] != s2.logp[i] {
			t.Fatalf("score %d: %v before encoding, %v after", i, s1.logp[i], s2.logp[i])
		}
	}
	if len(m.vrow) != 2 || len(m.words) != 2 {
		t.Fatalf("read back %d vectors, %d words", len(m.vrow), len(m.words))
	}
	if _, err := decodeNet(bytes.NewReader(b.Bytes()[:b.Len()-3])); err == nil {
		t.Fatal("truncated network: no error")
	}
}

// randomVectors returns 8-dimensional random word vectors for words, every
// component scaled by scale.
func randomVectors(rng *rand.Rand, words []string, scale float32) *WordVectors {
	v := &WordVectors{Dims: 8, Words: words, Data: make([]int8, 8*len(words)), Scale: make([]float32, 8)}
	for i := range v.Data {
		v.Data[i] = int8(rng.IntN(255) - 127)
	}
	for i := range v.Scale {
		v.Scale[i] = scale
	}
	return v
}
