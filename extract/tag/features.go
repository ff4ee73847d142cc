package tag

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/internal/clusters"
	"github.com/newsgraph/newsgraph/extract/internal/perceptron"
)

// FeatureSet is the latest version of the feature templates below. Set 2
// adds distributional word clusters (extract/internal/clusters) of the
// word and its neighbours. A model records the set it was trained with;
// other versions are refused on load.
const FeatureSet = 2

// word holds the precomputed feature values of one token.
type word struct {
	norm   string // perceptron.Norm(form)
	lower  uint64 // hash of lowercased norm
	raw    uint64 // hash of norm (case kept)
	suf1   uint64
	suf2   uint64
	suf3   uint64
	suf4   uint64
	pre1   uint64
	pre2   uint64
	pre3   uint64
	shape  uint64
	hyphen uint64
	c, k   uint64 // fine and coarse word cluster (0: none)
}

var padWords = [4]word{
	mkPad("-START2-"), mkPad("-START-"), mkPad("-END-"), mkPad("-END2-"),
}

func mkPad(s string) word {
	h := perceptron.Hash(s)
	return word{norm: s, lower: h, raw: h, suf1: h, suf2: h, suf3: h, suf4: h, pre1: h, pre2: h, pre3: h, shape: h, hyphen: h}
}

func newWord(form string, cl clusters.Table) word {
	n := perceptron.Norm(form)
	l := strings.ToLower(n)
	w := word{
		norm:  n,
		lower: perceptron.Hash(l),
		raw:   perceptron.Hash(n),
		suf1:  perceptron.Hash(perceptron.Suffix(l, 1)),
		suf2:  perceptron.Hash(perceptron.Suffix(l, 2)),
		suf3:  perceptron.Hash(perceptron.Suffix(l, 3)),
		suf4:  perceptron.Hash(perceptron.Suffix(l, 4)),
		pre1:  perceptron.Hash(perceptron.Prefix(n, 1)),
		pre2:  perceptron.Hash(perceptron.Prefix(l, 2)),
		pre3:  perceptron.Hash(perceptron.Prefix(l, 3)),
		shape: perceptron.Hash(perceptron.Shape(form)),
	}
	if strings.Contains(n, "-") {
		w.hyphen = 1
	}
	w.c, w.k = cl.Get(w.lower)
	return w
}

// sentCtx is a sentence prepared for feature extraction: words padded by
// two on each side.
type sentCtx struct {
	words []word
}

func newContext(forms []string, buf []word, cl clusters.Table) sentCtx {
	buf = append(buf[:0], padWords[0], padWords[1])
	for _, f := range forms {
		buf = append(buf, newWord(f, cl))
	}
	buf = append(buf, padWords[2], padWords[3])
	return sentCtx{words: buf}
}

// Feature template ids.
const (
	fBias uint64 = iota + 1
	fLower
	fRaw
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fPre1
	fPre2
	fPre3
	fShape
	fHyphen
	fP1
	fP2
	fP1P2
	fP1W
	fWm1
	fSuf3m1
	fWm2
	fWp1
	fSuf3p1
	fWp2
	fWm1W
	fWWp1
	fShapem1
	fShapep1
	fFirstShape
	fP1Wp1
	fShapeP1
	fSuf2m1Suf2
	fC
	fK
	fCm1
	fCp1
	fKm1
	fKp1
	fCp2
	fP1C
	fCCp1
)

// features appends the features of word i (0-based) given the two
// previous tags (class indices, -1 and -2 for the start pads).
func (c sentCtx) features(i int, p1, p2 int, out []uint64, fs int) []uint64 {
	m := perceptron.Mix
	w := c.words[i+2]
	wm1, wm2 := c.words[i+1], c.words[i]
	wp1, wp2 := c.words[i+3], c.words[i+4]
	t1 := uint64(p1 + 3)
	t2 := uint64(p2 + 3)
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	out = append(out[:0],
		m(fBias, 0),
		m(fLower, w.lower),
		m(fRaw, w.raw),
		m(fSuf1, w.suf1),
		m(fSuf2, w.suf2),
		m(fSuf3, w.suf3),
		m(fSuf4, w.suf4),
		m(fPre1, w.pre1),
		m(fPre2, w.pre2),
		m(fPre3, w.pre3),
		m(fShape, w.shape),
		m(fHyphen, w.hyphen),
		m(fP1, t1),
		m(fP2, t2),
		m(m(fP1P2, t1), t2),
		m(m(fP1W, t1), w.lower),
		m(fWm1, wm1.lower),
		m(fSuf3m1, wm1.suf3),
		m(fWm2, wm2.lower),
		m(fWp1, wp1.lower),
		m(fSuf3p1, wp1.suf3),
		m(fWp2, wp2.lower),
		m(m(fWm1W, wm1.lower), w.lower),
		m(m(fWWp1, w.lower), wp1.lower),
		m(fShapem1, wm1.shape),
		m(fShapep1, wp1.shape),
		m(m(fFirstShape, first), w.shape),
		m(m(fP1Wp1, t1), wp1.lower),
		m(m(fShapeP1, t1), w.shape),
		m(m(fSuf2m1Suf2, wm1.suf2), w.suf2),
	)
	if fs < 2 {
		return out
	}
	return append(out,
		m(fC, w.c), m(fK, w.k), m(fCm1, wm1.c), m(fCp1, wp1.c), m(fKm1, wm1.k), m(fKp1, wp1.k),
		m(fCp2, wp2.c), m(m(fP1C, t1), w.c), m(m(fCCp1, w.c), wp1.c),
	)
}
