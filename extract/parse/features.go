package parse

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/internal/clusters"
	"github.com/newsgraph/newsgraph/extract/internal/perceptron"
)

// FeatureSet is the latest version of the feature templates below. Set 1
// is the Zhang and Nivre family; set 2 adds punctuation and verbs between
// the candidate words and more s1-b0 pairs; set 3 adds word clusters
// (extract/internal/clusters); set 4 keeps 12 of the 32 cluster
// templates and adds the fourth buffer word, label pairs of children and
// more stack triples; set 5 has all 32 cluster templates of set 3 and the
// structural templates of set 4; set 6 is set 2 with the structural
// templates of set 4 and no clusters. A model records the set it was trained
// with; other versions are refused on load.
const FeatureSet = 6

// UsesClusters reports whether feature set fs has word-cluster templates
// (and so a model of that set carries a cluster table).
func UsesClusters(fs int) bool { return fs >= 3 && fs <= 5 }

// sentence holds the static feature values of a sentence's words.
type sentence struct {
	w []uint64 // lowercased normalised form
	p []uint64 // tag: UPOS and XPOS
	c []uint64 // fine word cluster (0: none)
	k []uint64 // coarse word cluster (0: none)
	// prefix counts of punctuation and verbs: punct[i] is the number of
	// punctuation words before word i.
	punct, verb []int
}

var (
	noneVal = perceptron.Hash("-NONE-")
	rootVal = perceptron.Hash("-ROOT-")
)

func (x *sentence) set(forms, upos, xpos []string, cl clusters.Table) {
	x.w = x.w[:0]
	x.p = x.p[:0]
	x.c = x.c[:0]
	x.k = x.k[:0]
	x.punct = append(x.punct[:0], 0)
	x.verb = append(x.verb[:0], 0)
	for i, f := range forms {
		x.w = append(x.w, perceptron.Hash(strings.ToLower(perceptron.Norm(f))))
		x.p = append(x.p, perceptron.Hash(upos[i]+" "+xpos[i]))
		c, k := cl.Get(x.w[i])
		x.c = append(x.c, c)
		x.k = append(x.k, k)
		pu, vb := 0, 0
		switch upos[i] {
		case "PUNCT":
			pu = 1
		case "VERB", "AUX":
			vb = 1
		}
		x.punct = append(x.punct, x.punct[i]+pu)
		x.verb = append(x.verb, x.verb[i]+vb)
	}
}

// tok is the word, tag and label of one position in a configuration.
type tok struct{ w, p, l, c, k uint64 }

func (x *sentence) tok(s *state, i int) tok {
	switch {
	case i < 0:
		return tok{noneVal, noneVal, 0, noneVal, noneVal}
	case i == s.n:
		return tok{rootVal, rootVal, 0, rootVal, rootVal}
	default:
		return tok{x.w[i], x.p[i], uint64(s.labels[i] + 1), x.c[i], x.k[i]}
	}
}

func dist(d int) uint64 {
	switch {
	case d < 0:
		return 0
	case d <= 5:
		return uint64(d)
	case d < 10:
		return 6
	default:
		return 7
	}
}

func child(a []int, i int) int {
	if i < 0 {
		return -1
	}
	return a[i]
}

func val(a []int, i int) uint64 {
	if i < 0 {
		return 0
	}
	return uint64(a[i] + 1)
}

func set(a [][2]uint64, i int) (uint64, uint64) {
	if i < 0 {
		return 0, 0
	}
	return a[i][0], a[i][1]
}

// between returns the number of punctuation words (capped at 2) and
// whether a verb occurs strictly between words i < j (j may be the root).
func (x *sentence) between(i, j int) (punct, verb uint64) {
	if i < 0 || j <= i+1 {
		return 0, 0
	}
	j = min(j, len(x.w))
	p := x.punct[j] - x.punct[i+1]
	v := x.verb[j] - x.verb[i+1]
	if v > 0 {
		v = 1
	}
	return uint64(min(p, 2)), uint64(v) + 1
}

// features appends the features of configuration s.
func (x *sentence) features(s *state, out []uint64, fs int) []uint64 {
	m := perceptron.Mix
	m2 := func(t, a, b uint64) uint64 { return m(m(t, a), b) }
	m3 := func(t, a, b, c uint64) uint64 { return m(m(m(t, a), b), c) }
	i0, i1, i2 := s.s(0), s.s(1), s.s(2)
	s0, s1, s2 := x.tok(s, i0), x.tok(s, i1), x.tok(s, i2)
	b0i := s.b0
	b0 := x.tok(s, b0i)
	b1, b2 := x.tok(s, -1), x.tok(s, -1)
	if b0i+1 <= s.n {
		b1 = x.tok(s, b0i+1)
	}
	if b0i+2 <= s.n {
		b2 = x.tok(s, b0i+2)
	}
	b3 := x.tok(s, -1)
	if b0i+3 <= s.n {
		b3 = x.tok(s, b0i+3)
	}
	if b0i == s.n {
		b1, b2 = x.tok(s, -1), x.tok(s, -1)
	}
	s0l1 := x.tok(s, child(s.l1, i0))
	s0l2 := x.tok(s, child(s.l2, i0))
	s0r1 := x.tok(s, child(s.r1, i0))
	s0r2 := x.tok(s, child(s.r2, i0))
	s1l1 := x.tok(s, child(s.l1, i1))
	s1l2 := x.tok(s, child(s.l2, i1))
	s1r1 := x.tok(s, child(s.r1, i1))
	s1r2 := x.tok(s, child(s.r2, i1))
	b0l1 := x.tok(s, child(s.l1, b0i))
	b0l2 := x.tok(s, child(s.l2, b0i))
	d := uint64(0)
	if i0 >= 0 {
		d = dist(b0i - i0)
	}
	d2 := uint64(0)
	if i1 >= 0 {
		d2 = dist(i0 - i1)
	}
	s0vl, s0vr := val(s.nl, i0), val(s.nr, i0)
	s1vr := val(s.nr, i1)
	b0vl := val(s.nl, b0i)
	s0ls0, s0ls1 := set(s.lset, i0)
	s0rs0, s0rs1 := set(s.rset, i0)
	s1rs0, s1rs1 := set(s.rset, i1)
	b0ls0, b0ls1 := set(s.lset, b0i)
	s0wp, b0wp, b1wp, b2wp, s1wp := m(s0.w, s0.p), m(b0.w, b0.p), m(b1.w, b1.p), m(b2.w, b2.p), m(s1.w, s1.p)
	pb, vb := x.between(i0, b0i)
	pb2, vb2 := x.between(i1, i0)
	var t uint64
	n := func() uint64 { t++; return t }
	out = append(out[:0],
		m(n(), 0),
		// single words
		m(n(), s0wp), m(n(), s0.w), m(n(), s0.p),
		m(n(), b0wp), m(n(), b0.w), m(n(), b0.p),
		m(n(), b1wp), m(n(), b1.w), m(n(), b1.p),
		m(n(), b2wp), m(n(), b2.w), m(n(), b2.p),
		m(n(), s1wp), m(n(), s1.w), m(n(), s1.p),
		m(n(), s2.w), m(n(), s2.p),
		// pairs
		m2(n(), s0wp, b0wp), m2(n(), s0wp, b0.w), m2(n(), s0.w, b0wp),
		m2(n(), s0wp, b0.p), m2(n(), s0.p, b0wp), m2(n(), s0.w, b0.w),
		m2(n(), s0.p, b0.p), m2(n(), b0.p, b1.p),
		m2(n(), s1wp, s0wp), m2(n(), s1wp, s0.p), m2(n(), s1.p, s0wp),
		m2(n(), s1.w, s0.w), m2(n(), s1.p, s0.p),
		m2(n(), b0.w, b1.w), m2(n(), b0wp, b1.p), m2(n(), b0.p, b1wp),
		// triples
		m3(n(), b0.p, b1.p, b2.p), m3(n(), s0.p, b0.p, b1.p),
		m3(n(), s1.p, s0.p, b0.p), m3(n(), s0.p, s0l1.p, b0.p),
		m3(n(), s0.p, s0r1.p, b0.p), m3(n(), s0.p, b0.p, b0l1.p),
		m3(n(), s2.p, s1.p, s0.p), m3(n(), s1.p, s1r1.p, s0.p),
		m3(n(), s1.p, s0.p, s0l1.p), m3(n(), s1.p, s0.p, s0r1.p),
		m3(n(), s1.p, s1l1.p, s0.p), m3(n(), s1.w, s0.w, b0.p),
		m3(n(), s1.p, s0.w, b0.w), m3(n(), s1.w, s0.p, b0.w),
		// distance
		m2(n(), s0.w, d), m2(n(), s0.p, d), m2(n(), b0.w, d), m2(n(), b0.p, d),
		m3(n(), s0.w, b0.w, d), m3(n(), s0.p, b0.p, d),
		m2(n(), s1.w, d2), m2(n(), s0.w, d2), m3(n(), s1.p, s0.p, d2),
		m3(n(), s1.w, s0.w, d2),
		// valency
		m2(n(), s0.w, s0vr), m2(n(), s0.p, s0vr), m2(n(), s0.w, s0vl), m2(n(), s0.p, s0vl),
		m2(n(), b0.w, b0vl), m2(n(), b0.p, b0vl), m2(n(), s1.w, s1vr), m2(n(), s1.p, s1vr),
		// children
		m(n(), s0l1.w), m(n(), s0l1.p), m(n(), s0l1.l),
		m(n(), s0r1.w), m(n(), s0r1.p), m(n(), s0r1.l),
		m(n(), b0l1.w), m(n(), b0l1.p), m(n(), b0l1.l),
		m(n(), s1r1.w), m(n(), s1r1.p), m(n(), s1r1.l),
		m2(n(), s0.p, s0l1.l), m2(n(), s0.p, s0r1.l), m2(n(), b0.p, b0l1.l), m2(n(), s1.p, s1r1.l),
		// third order
		m(n(), s0l2.w), m(n(), s0l2.p), m(n(), s0l2.l),
		m(n(), s0r2.w), m(n(), s0r2.p), m(n(), s0r2.l),
		m(n(), b0l2.w), m(n(), b0l2.p), m(n(), b0l2.l),
		m3(n(), s0.p, s0l1.p, s0l2.p), m3(n(), s0.p, s0r1.p, s0r2.p),
		m3(n(), b0.p, b0l1.p, b0l2.p), m3(n(), s1.p, s1r1.p, s1r2.p),
		// label sets
		m3(n(), s0.w, s0rs0, s0rs1), m3(n(), s0.p, s0rs0, s0rs1),
		m3(n(), s0.w, s0ls0, s0ls1), m3(n(), s0.p, s0ls0, s0ls1),
		m3(n(), b0.w, b0ls0, b0ls1), m3(n(), b0.p, b0ls0, b0ls1),
		m3(n(), s1.p, s1rs0, s1rs1),
	)
	if fs < 2 {
		return out
	}
	out = append(out,
		// between, and s1 with b0
		m3(n(), s0.p, b0.p, pb), m3(n(), s0.p, b0.p, vb), m3(n(), s1.p, s0.p, pb2), m3(n(), s1.p, s0.p, vb2),
		m3(n(), s0.w, b0.p, pb), m3(n(), s0.p, b0.w, pb),
		m2(n(), s1.p, b0.p), m3(n(), s1.p, b0.p, b1.p), m2(n(), s1wp, b0.p), m2(n(), s1.p, b0wp),
	)
	if fs < 3 {
		return out
	}
	switch fs {
	case 3, 5:
		// all 32 cluster templates
		out = append(out,
			// word clusters: single words, with their tags
			m(n(), s0.c), m(n(), s0.k), m(n(), b0.c), m(n(), b0.k),
			m(n(), b1.c), m(n(), s1.c), m(n(), s1.k),
			m2(n(), s0.c, s0.p), m2(n(), b0.c, b0.p), m2(n(), s1.c, s1.p),
			// pairs
			m2(n(), s0.c, b0.c), m2(n(), s0.k, b0.k), m2(n(), s0.c, b0.p), m2(n(), s0.p, b0.c),
			m2(n(), s0.w, b0.c), m2(n(), s0.c, b0.w),
			m2(n(), s1.c, s0.c), m2(n(), s1.k, s0.k), m2(n(), s1.c, s0.p), m2(n(), s1.p, s0.c),
			m2(n(), b0.c, b1.c), m2(n(), b0.k, b1.k),
			// triples and distance
			m3(n(), s0.k, b0.k, b1.k), m3(n(), s1.k, s0.k, b0.k),
			m3(n(), s0.c, b0.c, d), m3(n(), s0.k, b0.k, d), m3(n(), s1.c, s0.c, d2),
			// children
			m(n(), s0l1.c), m(n(), s0r1.c), m(n(), b0l1.c),
			m2(n(), s0.c, s0l1.c), m2(n(), s0.c, s0r1.c), m2(n(), b0.c, b0l1.c),
		)
		if fs == 3 {
			return out
		}
	case 4:
		// 12 of them (each costs a lookup, and lookups are most of the
		// parser's time)
		out = append(out,
			m(n(), s0.c), m(n(), b0.c), m(n(), b1.c), m(n(), s1.c),
			m2(n(), s0.c, s0.p), m2(n(), b0.c, b0.p),
			m2(n(), s0.c, b0.c), m2(n(), s0.c, b0.p), m2(n(), s0.p, b0.c),
			m2(n(), s1.c, s0.c), m2(n(), b0.c, b1.c), m3(n(), s0.k, b0.k, b1.k),
		)
	}
	// Sets 4, 5 and 6 (set 6 has no clusters): more structure.
	return append(out,
		// the fourth buffer word
		m(n(), b3.w), m(n(), b3.p), m3(n(), b1.p, b2.p, b3.p),
		// label pairs of children
		m3(n(), s0.p, s0l1.l, s0l2.l), m3(n(), s0.p, s0r1.l, s0r2.l),
		m3(n(), b0.p, b0l1.l, b0l2.l), m3(n(), s1.p, s1l1.l, s1l2.l),
		m3(n(), s0.p, s0r1.l, b0.p), m3(n(), s0.p, s0l1.l, b0.p),
		// more stack context
		m3(n(), s2.p, s0.p, b0.p), m3(n(), s2.p, s1.p, b0.p), m2(n(), s1.p, s1l1.l),
		m3(n(), s1.w, s1.p, b0.p), m3(n(), s0.w, s0.p, s1.p),
	)
}
