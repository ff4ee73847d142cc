package ner

import (
	"bytes"
	"encoding/binary"
	"io"
	"maps"
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/extract/internal/perceptron"
)

// A small bidirectional GRU tagger (Cho et al. 2014) whose per-token class
// scores are added, weighted, to the perceptron's emission scores
// (train-ner --net-hidden; the shipped model has none, see docs/ner.md).
// Its inputs are learnt embeddings of a token's word-vector cluster, its
// word (training words seen at least twice), its shape and its casing
// bucket, indicator bits (gazetteer kinds and position, capitalisation,
// given name, sentence case) and, optionally, fixed word vectors
// (WordVectors); it reads the whole sentence in both directions, where the
// perceptron sees two words either side.

// netInput is one token's input: its table ids, word vector and
// indicator bits.
type netInput struct {
	ids  [netTables]int32
	vec  int32 // row + 1 of the word's vector (tagNet.vdata), 0 for none
	bits uint32
}

const (
	netTables = 4 // 1,000-cluster, word, shape, casing
	netBits   = 26
	netShapes = 512
)

// netDims are the embedding sizes of the tables, in order.
var netDims = [netTables]int{24, 24, 8, 4}

// gruDir is one direction's weights: W (3H×I) and U (3H×H) for the update
// gate, reset gate and candidate, in that order; b (3H) the input biases
// and bu (H) the candidate's recurrent bias.
type gruDir struct {
	W, U, b, bu []float32
}

// tagNet is the network.
type tagNet struct {
	I, H, NC int
	rows     [netTables]int       // table sizes
	tab      [netTables][]float32 // rows × netDims
	fw, bw   gruDir
	O, ob    []float32 // NC × 2H, NC
	words    map[uint32]int32
	// fixed word vectors (WordVectors), the last vdim inputs: folded
	// word hash → row + 1, the rows, and the scale per component
	vdim     int
	vrow     map[uint32]int32
	vdata    []int8
	vscale   []float32
	projOnce sync.Once
	proj     *netProj
}

func newTagNet(h, nc, clusters int, words map[uint32]int32, vecs *WordVectors, rng *rand.Rand) *tagNet {
	n := &tagNet{H: h, NC: nc, words: words}
	if vecs != nil {
		n.vdim, n.vdata, n.vscale = vecs.Dims, vecs.Data, vecs.Scale
		n.vrow = make(map[uint32]int32, len(vecs.Words))
		for i, w := range vecs.Words {
			if _, ok := n.vrow[wordKey(w)]; !ok {
				n.vrow[wordKey(w)] = int32(i + 1)
			}
		}
	}
	n.rows = [netTables]int{clusters + 2, len(words) + 1, netShapes, 8}
	for t := range n.tab {
		n.I += netDims[t]
		n.tab[t] = randVec(rng, n.rows[t]*netDims[t], 0.1)
	}
	n.I += netBits + n.vdim
	for _, g := range []*gruDir{&n.fw, &n.bw} {
		g.W = randVec(rng, 3*h*n.I, float32(1/math.Sqrt(float64(n.I))))
		g.U = randVec(rng, 3*h*h, float32(1/math.Sqrt(float64(h))))
		g.b = make([]float32, 3*h)
		g.bu = make([]float32, h)
	}
	n.O = randVec(rng, nc*2*h, float32(1/math.Sqrt(float64(2*h))))
	n.ob = make([]float32, nc)
	return n
}

func randVec(rng *rand.Rand, n int, scale float32) []float32 {
	v := make([]float32, n)
	for i := range v {
		v[i] = (2*rng.Float32() - 1) * scale
	}
	return v
}

// params lists every parameter slice, in a fixed order (for the
// optimiser and the model file).
func (n *tagNet) params() [][]float32 {
	ps := []([]float32){}
	for t := range n.tab {
		ps = append(ps, n.tab[t])
	}
	for _, g := range []*gruDir{&n.fw, &n.bw} {
		ps = append(ps, g.W, g.U, g.b, g.bu)
	}
	return append(ps, n.O, n.ob)
}

// netInputs computes the inputs of the sentence in sf (whose words are
// words); a word that word dropout hid (sf.drop) gets the unknown word.
func (n *tagNet) netInputs(sf *sentFeats, words []string, dst []netInput) []netInput {
	dst = dst[:0]
	nw := len(sf.lower)
	gz := loadGaz()
	for i := 0; i < nw; i++ {
		var in netInput
		c := int32(uint16(sf.emb[i] >> 32)) // 1,000-cluster + 1, 0 without a vector
		if c > int32(n.rows[0]-1) {
			c = 0
		}
		in.ids[0] = c
		if !sf.drop[i] {
			in.ids[1] = n.words[wordKey(sf.lower[i])]
		}
		in.ids[2] = int32(hstr(fnvOffset, sf.shape[i]) % netShapes)
		in.ids[3] = int32(sf.cas[i] & 7)
		var b uint32
		if g := sf.gaz[i]; g != 0 {
			b |= uint32(uint16(g)) & 0x3fff      // kinds: bits 0-13
			b |= 1 << (14 + uint32(g>>16&0xf)&3) // position: bits 14-17
		}
		w := words[i]
		if isCap(w) {
			b |= 1 << 18
		}
		if hasLetter(w) && strings.ToUpper(w) == w {
			b |= 1 << 19
		}
		if gz.given[sf.lower[i]] {
			b |= 1 << 20
		}
		if i == 0 {
			b |= 1 << 21
		}
		switch sf.sentCase {
		case "upper":
			b |= 1 << 22
		case "lower":
			b |= 1 << 23
		}
		if i+1 < nw && (words[i+1] == "'s" || words[i+1] == "’s") {
			b |= 1 << 24
		}
		if i == nw-1 {
			b |= 1 << 25
		}
		in.bits = b
		in.vec = n.vrow[wordKey(sf.lower[i])]
		dst = append(dst, in)
	}
	return dst
}

// netState is the scratch space of one sentence's forward and backward
// pass.
type netState struct {
	x          []float32 // n × I
	fw, bw     gruCache
	hcat       []float32 // n × 2H
	logp       []float32 // n × NC
	dh, dx, dA []float32
	dhcat      []float32
	v, wv      []float32 // decoding scratch: a word vector and its input term
	// dropout in training: the rates on the input and on the states the
	// output layer reads, the generator and the scaled masks (nil: none)
	pIn, pOut    float32
	rng          *rand.Rand
	xmask, hmask []float32
}

// dropMask fills a scaled dropout mask of k entries with rate p, or
// returns nil when p is zero.
func dropMask(m []float32, k int, p float32, rng *rand.Rand) []float32 {
	if p <= 0 || rng == nil {
		return nil
	}
	m = grow(m, k)
	for i := range m {
		if rng.Float32() >= p {
			m[i] = 1 / (1 - p)
		}
	}
	return m
}

type gruCache struct {
	a             []float32 // n × 3H: W x + b
	h, z, r, u, c []float32 // n × H
	uh            []float32 // 3H: U h of the previous state
}

func grow(xs []float32, k int) []float32 {
	if cap(xs) < k {
		return make([]float32, k)
	}
	xs = xs[:k]
	clear(xs)
	return xs
}

// tanhTab holds tanh at steps of 1/64 over [-8, 8]; tanh32 interpolates
// linearly between them (error under 3e-5), several times faster than
// math.Tanh and the same on every machine.
var tanhTab = func() (t [16*64 + 2]float32) {
	for i := range t {
		t[i] = float32(math.Tanh(float64(i)/64 - 8))
	}
	return
}()

func tanh32(x float32) float32 {
	switch {
	case x <= -8:
		return -1
	case x >= 8:
		return 1
	}
	p := (x + 8) * 64
	i := int(p)
	f := p - float32(i)
	return tanhTab[i] + f*(tanhTab[i+1]-tanhTab[i])
}

func sigmoid(x float32) float32 { return 0.5 + 0.5*tanh32(0.5*x) }

// netProj holds, for decoding, the input terms W x of each table row and
// of each indicator bit, per direction: the network's input is a
// concatenation of table rows and bits, so W x is a sum of precomputed
// terms.
type netProj struct {
	tab  [netTables][2][]float32 // rows × 3H
	bits [2][]float32            // netBits × 3H
	vec  [2][]float32            // 3H × vdim: the weights of the word vector
}

func (n *tagNet) projections() *netProj {
	n.projOnce.Do(func() {
		p := &netProj{}
		H3 := 3 * n.H
		for dir, g := range []*gruDir{&n.fw, &n.bw} {
			o := 0
			for k := range n.tab {
				d := netDims[k]
				out := make([]float32, n.rows[k]*H3)
				for r := 0; r < n.rows[k]; r++ {
					e := n.tab[k][r*d : (r+1)*d]
					for j := 0; j < H3; j++ {
						out[r*H3+j] = dot(g.W[j*n.I+o:j*n.I+o+d], e)
					}
				}
				p.tab[k][dir] = out
				o += d
			}
			bits := make([]float32, netBits*H3)
			for b := 0; b < netBits; b++ {
				for j := 0; j < H3; j++ {
					bits[b*H3+j] = g.W[j*n.I+o+b]
				}
			}
			p.bits[dir] = bits
			if n.vdim > 0 {
				wv := make([]float32, H3*n.vdim)
				for j := 0; j < H3; j++ {
					copy(wv[j*n.vdim:(j+1)*n.vdim], g.W[j*n.I+o+netBits:j*n.I+o+netBits+n.vdim])
				}
				p.vec[dir] = wv
			}
		}
		n.proj = p
	})
	return n.proj
}

// scores fills st.logp with the class scores before the softmax (see
// output), from the precomputed input terms (decoding only: the weights
// must not change afterwards).
func (n *tagNet) scores(ins []netInput, st *netState) {
	p := n.projections()
	nt, H := len(ins), n.H
	H3 := 3 * H
	for dir, g := range []*gruDir{&n.fw, &n.bw} {
		c := &st.fw
		if dir == 1 {
			c = &st.bw
		}
		c.a = grow(c.a, nt*H3)
		for _, q := range []*[]float32{&c.h, &c.z, &c.r, &c.u, &c.c} {
			*q = grow(*q, nt*H)
		}
		for t, in := range ins {
			a := c.a[t*H3 : (t+1)*H3]
			copy(a, g.b)
			for k := range n.tab {
				perceptron.AddDense(a, p.tab[k][dir][int(in.ids[k])*H3:(int(in.ids[k])+1)*H3])
			}
			for b := in.bits; b != 0; b &= b - 1 {
				j := bits.TrailingZeros32(b)
				perceptron.AddDense(a, p.bits[dir][j*H3:(j+1)*H3])
			}
			if in.vec != 0 {
				st.v = grow(st.v, n.vdim)
				st.wv = grow(st.wv, H3)
				n.vector(st.v, in.vec)
				perceptron.MatVec(st.wv, p.vec[dir], st.v)
				perceptron.AddDense(a, st.wv)
			}
		}
		g.recur(nt, H, dir == 1, c)
	}
	n.output(nt, st, true)
}

// vector writes the word vector of row+1 vec to dst (zeros for 0).
func (n *tagNet) vector(dst []float32, vec int32) {
	if vec == 0 {
		clear(dst[:n.vdim])
		return
	}
	row := n.vdata[int(vec-1)*n.vdim : int(vec)*n.vdim]
	for j, q := range row {
		dst[j] = float32(q) * n.vscale[j]
	}
}

// forward fills st.logp with the class log-probabilities of every token.
func (n *tagNet) forward(ins []netInput, st *netState) {
	nt, I, H := len(ins), n.I, n.H
	st.x = grow(st.x, nt*I)
	for t, in := range ins {
		x := st.x[t*I : (t+1)*I]
		o := 0
		for k := range n.tab {
			d := netDims[k]
			copy(x[o:o+d], n.tab[k][int(in.ids[k])*d:(int(in.ids[k])+1)*d])
			o += d
		}
		for j := 0; j < netBits; j++ {
			if in.bits&(1<<j) != 0 {
				x[o+j] = 1
			}
		}
		n.vector(x[o+netBits:], in.vec)
	}
	st.xmask = dropMask(st.xmask, nt*I, st.pIn, st.rng)
	for i, m := range st.xmask {
		st.x[i] *= m
	}
	n.fw.forward(st.x, nt, I, H, false, &st.fw)
	n.bw.forward(st.x, nt, I, H, true, &st.bw)
	st.hmask = dropMask(st.hmask, nt*2*H, st.pOut, st.rng)
	n.output(nt, st, false)
}

// output fills st.hcat and st.logp from the two directions' states;
// with raw, st.logp gets the scores before the softmax (which differ from
// the log-probabilities by a constant per token, the same for every class,
// so that Viterbi paths rank the same).
func (n *tagNet) output(nt int, st *netState, raw bool) {
	H := n.H
	st.hcat = grow(st.hcat, nt*2*H)
	st.logp = grow(st.logp, nt*n.NC)
	for t := 0; t < nt; t++ {
		hc := st.hcat[t*2*H : (t+1)*2*H]
		copy(hc[:H], st.fw.h[t*H:(t+1)*H])
		copy(hc[H:], st.bw.h[t*H:(t+1)*H])
		if st.hmask != nil {
			for m, k := range st.hmask[t*2*H : (t+1)*2*H] {
				hc[m] *= k
			}
		}
		lp := st.logp[t*n.NC : (t+1)*n.NC]
		perceptron.MatVec(lp, n.O, hc)
		for c := range lp {
			lp[c] += n.ob[c]
		}
		if !raw {
			logSoftmax(lp)
		}
	}
}

func dot(a, b []float32) float32 { return perceptron.Dot(a, b) }

func logSoftmax(v []float32) {
	m := v[0]
	for _, x := range v {
		m = max(m, x)
	}
	var s float64
	for _, x := range v {
		s += math.Exp(float64(x - m))
	}
	l := m + float32(math.Log(s))
	for i := range v {
		v[i] -= l
	}
}

func (g *gruDir) forward(X []float32, nt, I, H int, rev bool, c *gruCache) {
	c.a = grow(c.a, nt*3*H)
	for _, p := range []*[]float32{&c.h, &c.z, &c.r, &c.u, &c.c} {
		*p = grow(*p, nt*H)
	}
	for t := 0; t < nt; t++ {
		x := X[t*I : (t+1)*I]
		a := c.a[t*3*H : (t+1)*3*H]
		for k := range a {
			a[k] = g.b[k] + dot(g.W[k*I:(k+1)*I], x)
		}
	}
	g.recur(nt, H, rev, c)
}

// recur runs the recurrence over the input terms in c.a.
func (g *gruDir) recur(nt, H int, rev bool, c *gruCache) {
	for s := 0; s < nt; s++ {
		t, p := s, s-1
		if rev {
			t, p = nt-1-s, nt-s
		}
		var hp []float32
		if s > 0 {
			hp = c.h[p*H : (p+1)*H]
		}
		a := c.a[t*3*H : (t+1)*3*H]
		z, r, u, cc, h := c.z[t*H:(t+1)*H], c.r[t*H:(t+1)*H], c.u[t*H:(t+1)*H], c.c[t*H:(t+1)*H], c.h[t*H:(t+1)*H]
		c.uh = grow(c.uh, 3*H)
		if hp != nil {
			perceptron.MatVec(c.uh, g.U, hp)
		}
		for j := 0; j < H; j++ {
			z[j] = sigmoid(a[j] + c.uh[j])
			r[j] = sigmoid(a[H+j] + c.uh[H+j])
			u[j] = g.bu[j] + c.uh[2*H+j]
		}
		for j := 0; j < H; j++ {
			cc[j] = tanh32(a[2*H+j] + r[j]*u[j])
			prev := float32(0)
			if hp != nil {
				prev = hp[j]
			}
			h[j] = (1-z[j])*cc[j] + z[j]*prev
		}
	}
}

// backward adds to gr the gradients of one direction given dh (n × H, the
// loss gradient at each output state; consumed) and adds the input
// gradient to dx (n × I).
func (g *gruDir) backward(gr *gruDir, X []float32, nt, I, H int, rev bool, c *gruCache, dh, dA, dx []float32) {
	dA = dA[:3*H]
	for s := nt - 1; s >= 0; s-- {
		t, p := s, s-1
		if rev {
			t, p = nt-1-s, nt-s
		}
		var hp, dhp []float32
		if s > 0 {
			hp, dhp = c.h[p*H:(p+1)*H], dh[p*H:(p+1)*H]
		}
		z, r, u, cc := c.z[t*H:(t+1)*H], c.r[t*H:(t+1)*H], c.u[t*H:(t+1)*H], c.c[t*H:(t+1)*H]
		d := dh[t*H : (t+1)*H]
		for j := 0; j < H; j++ {
			prev := float32(0)
			if hp != nil {
				prev = hp[j]
			}
			dc := d[j] * (1 - z[j])
			dz := d[j] * (prev - cc[j])
			if dhp != nil {
				dhp[j] += d[j] * z[j]
			}
			dac := dc * (1 - cc[j]*cc[j])
			du := dac * r[j]
			dr := dac * u[j]
			dA[j] = dz * z[j] * (1 - z[j])
			dA[H+j] = dr * r[j] * (1 - r[j])
			dA[2*H+j] = dac
			gr.bu[j] += du
			// recurrent weights: U rows for z, r take dA; the candidate's take du
			if hp != nil {
				for k, dv := range [3]float32{dA[j], dA[H+j], du} {
					row := (k*H + j) * H
					ur, gu := g.U[row:row+H], gr.U[row:row+H]
					for m := 0; m < H; m++ {
						gu[m] += dv * hp[m]
						dhp[m] += dv * ur[m]
					}
				}
			}
		}
		x := X[t*I : (t+1)*I]
		dxt := dx[t*I : (t+1)*I]
		for k := 0; k < 3*H; k++ {
			dv := dA[k]
			if dv == 0 {
				continue
			}
			gr.b[k] += dv
			wr, gw := g.W[k*I:(k+1)*I], gr.W[k*I:(k+1)*I]
			for m := 0; m < I; m++ {
				gw[m] += dv * x[m]
				dxt[m] += dv * wr[m]
			}
		}
	}
}

// backward computes the gradient of the summed cross-entropy of the gold
// classes after forward, adding it to gr (same shape as n), and returns
// the loss.
func (n *tagNet) backward(gr *tagNet, ins []netInput, gold []int, st *netState) float64 {
	nt, I, H, NC := len(ins), n.I, n.H, n.NC
	st.dhcat = grow(st.dhcat, nt*2*H)
	loss := 0.0
	for t := 0; t < nt; t++ {
		lp := st.logp[t*NC : (t+1)*NC]
		hc := st.hcat[t*2*H : (t+1)*2*H]
		dhc := st.dhcat[t*2*H : (t+1)*2*H]
		loss -= float64(lp[gold[t]])
		for c := 0; c < NC; c++ {
			g := float32(math.Exp(float64(lp[c])))
			if c == gold[t] {
				g--
			}
			gr.ob[c] += g
			or, gor := n.O[c*2*H:(c+1)*2*H], gr.O[c*2*H:(c+1)*2*H]
			for m := range hc {
				gor[m] += g * hc[m]
				dhc[m] += g * or[m]
			}
		}
	}
	for i, m := range st.hmask {
		st.dhcat[i] *= m
	}
	st.dx = grow(st.dx, nt*I)
	st.dh = grow(st.dh, nt*H)
	st.dA = grow(st.dA, 3*H)
	for t := 0; t < nt; t++ {
		copy(st.dh[t*H:(t+1)*H], st.dhcat[t*2*H:t*2*H+H])
	}
	n.fw.backward(&gr.fw, st.x, nt, I, H, false, &st.fw, st.dh, st.dA, st.dx)
	for t := 0; t < nt; t++ {
		copy(st.dh[t*H:(t+1)*H], st.dhcat[t*2*H+H:(t+1)*2*H])
	}
	n.bw.backward(&gr.bw, st.x, nt, I, H, true, &st.bw, st.dh, st.dA, st.dx)
	for i, m := range st.xmask {
		st.dx[i] *= m
	}
	for t, in := range ins {
		dxt := st.dx[t*I : (t+1)*I]
		o := 0
		for k := range n.tab {
			d := netDims[k]
			row := gr.tab[k][int(in.ids[k])*d : (int(in.ids[k])+1)*d]
			for m := 0; m < d; m++ {
				row[m] += dxt[o+m]
			}
			o += d
		}
	}
	return loss
}

// zeroLike returns a network of zeros with n's shape (for gradients and
// optimiser state).
func (n *tagNet) zeroLike() *tagNet {
	z := &tagNet{I: n.I, H: n.H, NC: n.NC, rows: n.rows}
	for t := range n.tab {
		z.tab[t] = make([]float32, len(n.tab[t]))
	}
	for i, g := range []*gruDir{&n.fw, &n.bw} {
		zg := []*gruDir{&z.fw, &z.bw}[i]
		zg.W, zg.U = make([]float32, len(g.W)), make([]float32, len(g.U))
		zg.b, zg.bu = make([]float32, len(g.b)), make([]float32, len(g.bu))
	}
	z.O, z.ob = make([]float32, len(n.O)), make([]float32, len(n.ob))
	return z
}

// netTrainOptions configure trainNet.
type netTrainOptions struct {
	Hidden, Epochs int
	Rate           float64 // Adagrad learning rate
	Seed           uint64
	WordDrop       float64
	Lower          float64
	InDrop         float64      // dropout rate on the input
	OutDrop        float64      // dropout rate on the states the output layer reads
	Vectors        *WordVectors // fixed word vectors as input, or nil
	Log            func(format string, args ...any)
}

// netVocab indexes the folded words seen at least twice in the training
// sentences, from 1 (0 is the unknown word).
func netVocab(sents []tagged) map[uint32]int32 {
	count := map[string]int{}
	for _, s := range sents {
		for _, w := range s.words {
			count[strings.ToLower(w)]++
		}
	}
	var ws []string
	for w, c := range count {
		if c >= 2 {
			ws = append(ws, w)
		}
	}
	sort.Strings(ws)
	out := make(map[uint32]int32, len(ws))
	for _, w := range ws {
		if _, ok := out[wordKey(w)]; !ok {
			out[wordKey(w)] = int32(len(out) + 1)
		}
	}
	return out
}

// trainNet trains the network on the sentences and their gold classes
// by Adagrad on the summed cross-entropy, one sentence at a time (the
// dense weights are updated every 8 sentences).
func trainNet(sents []tagged, gold [][]int, lex *lexicon, opt netTrainOptions) *tagNet {
	rng := rand.New(rand.NewPCG(opt.Seed, 0x677275))
	clusters := 0
	for _, c := range lex.emb {
		clusters = max(clusters, int(uint16(c>>32)))
	}
	n := newTagNet(opt.Hidden, len(classNames), clusters, netVocab(sents), opt.Vectors, rng)
	gr, acc := n.zeroLike(), n.zeroLike()
	ps, gs, as := n.params(), gr.params(), acc.params()
	touched := make([]map[int]bool, netTables)
	for k := range touched {
		touched[k] = map[int]bool{}
	}
	lr := float32(opt.Rate)
	step := func(p, g, a []float32) {
		for i, x := range g {
			if x == 0 {
				continue
			}
			x = max(-5, min(5, x))
			a[i] += x * x
			p[i] -= lr * x / float32(math.Sqrt(float64(a[i]))+1e-6)
			g[i] = 0
		}
	}
	flush := func() {
		for k := range touched {
			d := netDims[k]
			for r := range touched[k] {
				step(ps[k][r*d:(r+1)*d], gs[k][r*d:(r+1)*d], as[k][r*d:(r+1)*d])
			}
			clear(touched[k])
		}
		for i := netTables; i < len(ps); i++ {
			step(ps[i], gs[i], as[i])
		}
	}
	var sf sentFeats
	st := netState{pIn: float32(opt.InDrop), pOut: float32(opt.OutDrop), rng: rng}
	var ins []netInput
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	for ep := 0; ep < opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		loss, tokens := 0.0, 0
		for k, si := range order {
			ts := sents[si]
			if opt.Lower > 0 && rng.Float64() < opt.Lower {
				lw := tagged{upos: ts.upos, xpos: ts.xpos}
				for _, w := range ts.words {
					lw.words = append(lw.words, strings.ToLower(w))
				}
				ts = lw
			}
			sf.extract(ts, lex)
			if opt.WordDrop > 0 {
				sf.dropWords(rng, opt.WordDrop)
			}
			ins = n.netInputs(&sf, ts.words, ins)
			n.forward(ins, &st)
			loss += n.backward(gr, ins, gold[si], &st)
			tokens += len(ins)
			for _, in := range ins {
				for t := range touched {
					touched[t][int(in.ids[t])] = true
				}
			}
			if k%8 == 7 {
				flush()
			}
		}
		flush()
		if opt.Log != nil {
			opt.Log("ner: network epoch %d: loss per token %.4f", ep+1, loss/float64(max(tokens, 1)))
		}
	}
	return n
}

// encode appends the network to b: its sizes, its word index (keys in
// increasing order with their ids) and every parameter as a little-endian
// float32.
func (n *tagNet) encode(b *bytes.Buffer) {
	uv := func(x uint64) { b.Write(binary.AppendUvarint(nil, x)) }
	uv(uint64(n.I))
	uv(uint64(n.H))
	uv(uint64(n.NC))
	for _, r := range n.rows {
		uv(uint64(r))
	}
	uv(uint64(n.vdim))
	keys := slices.Sorted(maps.Keys(n.words))
	uv(uint64(len(keys)))
	for _, k := range keys {
		uv(uint64(k))
		uv(uint64(n.words[k]))
	}
	if n.vdim > 0 {
		vk := slices.Sorted(maps.Keys(n.vrow))
		uv(uint64(len(vk)))
		for _, k := range vk {
			uv(uint64(k))
			r := n.vrow[k] - 1
			for _, q := range n.vdata[int(r)*n.vdim : int(r+1)*n.vdim] {
				b.WriteByte(byte(q))
			}
		}
		for _, s := range n.vscale {
			b.Write(binary.LittleEndian.AppendUint32(nil, math.Float32bits(s)))
		}
	}
	for _, p := range n.params() {
		for _, x := range p {
			b.Write(binary.LittleEndian.AppendUint32(nil, math.Float32bits(x)))
		}
	}
}

// decodeNet reads a network written by encode.
func decodeNet(r *bytes.Reader) (*tagNet, error) {
	var hdr [3 + netTables + 1]uint64
	for i := range hdr {
		x, err := binary.ReadUvarint(r)
		if err != nil || x > 1<<24 {
			return nil, errCorrupt
		}
		hdr[i] = x
	}
	n := &tagNet{I: int(hdr[0]), H: int(hdr[1]), NC: int(hdr[2])}
	n.vdim = int(hdr[3+netTables])
	in := netBits + n.vdim
	for t := range n.rows {
		n.rows[t] = int(hdr[3+t])
		in += netDims[t]
	}
	if n.I != in || n.NC != len(classNames) || n.H == 0 || n.rows[0] == 0 || n.rows[1] == 0 || n.rows[2] != netShapes || n.rows[3] != 8 {
		return nil, errCorrupt
	}
	nw, err := binary.ReadUvarint(r)
	if err != nil || nw >= uint64(n.rows[1]) {
		return nil, errCorrupt
	}
	n.words = make(map[uint32]int32, nw)
	for i := uint64(0); i < nw; i++ {
		k, err1 := binary.ReadUvarint(r)
		v, err2 := binary.ReadUvarint(r)
		if err1 != nil || err2 != nil || k > math.MaxUint32 || v == 0 || v >= uint64(n.rows[1]) {
			return nil, errCorrupt
		}
		n.words[uint32(k)] = int32(v)
	}
	if n.vdim > 0 {
		nv, err := binary.ReadUvarint(r)
		if err != nil || nv == 0 || nv > uint64(r.Len()/n.vdim) {
			return nil, errCorrupt
		}
		n.vrow = make(map[uint32]int32, nv)
		n.vdata = make([]int8, int(nv)*n.vdim)
		for i := 0; i < int(nv); i++ {
			k, err := binary.ReadUvarint(r)
			if err != nil || k > math.MaxUint32 {
				return nil, errCorrupt
			}
			n.vrow[uint32(k)] = int32(i + 1)
			for j := 0; j < n.vdim; j++ {
				q, err := r.ReadByte()
				if err != nil {
					return nil, errCorrupt
				}
				n.vdata[i*n.vdim+j] = int8(q)
			}
		}
		n.vscale = make([]float32, n.vdim)
		var sb [4]byte
		for j := range n.vscale {
			if _, err := io.ReadFull(r, sb[:]); err != nil {
				return nil, errCorrupt
			}
			n.vscale[j] = math.Float32frombits(binary.LittleEndian.Uint32(sb[:]))
		}
	}
	h := n.H
	for t := range n.tab {
		n.tab[t] = make([]float32, n.rows[t]*netDims[t])
	}
	for _, g := range []*gruDir{&n.fw, &n.bw} {
		g.W, g.U, g.b, g.bu = make([]float32, 3*h*n.I), make([]float32, 3*h*h), make([]float32, 3*h), make([]float32, h)
	}
	n.O, n.ob = make([]float32, n.NC*2*h), make([]float32, n.NC)
	var buf [4]byte
	for _, p := range n.params() {
		for i := range p {
			if _, err := io.ReadFull(r, buf[:]); err != nil {
				return nil, errCorrupt
			}
			x := math.Float32frombits(binary.LittleEndian.Uint32(buf[:]))
			if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
				return nil, errCorrupt
			}
			p[i] = x
		}
	}
	return n, nil
}
