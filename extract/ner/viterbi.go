package ner

import "math"

// Decoders: how a model's classes are chosen. A model records the one it
// was trained for in Meta.Decoder.
const (
	// DecoderGreedy tags left to right with the two previous classes as
	// features (trained one token at a time, with the gold history).
	DecoderGreedy = ""
	// DecoderViterbi finds the best BILOU-valid class sequence of a
	// sentence under a first-order model trained as a structured
	// perceptron (Collins 2002): the whole sentence is decoded and the
	// weights move from the predicted path to the gold one.
	DecoderViterbi = "viterbi"
)

// prevGroup is the coarse history the first-order lexical features
// see: 0 at the sentence start, 1 after O, then 2 + the label of the
// previous class (any of B, I, L, U).
func prevGroup(p int) int {
	switch {
	case p < 0:
		return 0
	case p == 0:
		return 1
	}
	return 1 + labelIndex(p)
}

const prevGroups = 2 + 4

// dynamic1 appends the first-order history features of token i given
// the class p of the token before it (-1 at the sentence start): the
// transition, and the word and shape with the coarse group of p.
func (sf *sentFeats) dynamic1(dst []uint32, i, p int) []uint32 {
	g := byte(prevGroup(p))
	lw := sf.lower[i]
	if sf.drop[i] {
		lw = "\x00unk"
	}
	return append(dst,
		featN(fTagPrev, byte(p+1)),
		hstr(featN(fGroupPrevLower, g), lw),
		hstr(featN(fGroupPrevShape, g), sf.shape[i]),
	)
}

// viterbi fills d.classes with the best allowed class sequence for the
// sentence whose static features are in d.sf.
func (d *decoder) viterbi(m scorer, n int) []int {
	nc := len(classNames)
	d.classes = d.classes[:0]
	if n == 0 {
		return d.classes
	}
	grow := func(xs []float32, k int) []float32 {
		if cap(xs) < k {
			return make([]float32, k)
		}
		return xs[:k]
	}
	d.emit = grow(d.emit, n*nc)
	d.delta = grow(d.delta, n*nc)
	d.trans = grow(d.trans, (nc+1)*nc)
	d.group = grow(d.group, prevGroups*nc)
	if cap(d.back) < n*nc {
		d.back = make([]int8, n*nc)
	}
	d.back = d.back[:n*nc]
	// transition scores, the same at every token
	clear(d.trans)
	var one [1]uint32
	for p := -1; p < nc; p++ {
		one[0] = featN(fTagPrev, byte(p+1))
		m.score(d.trans[(p+1)*nc:(p+2)*nc], one[:])
	}
	neg := float32(math.Inf(-1))
	useNet := d.net != nil && d.netW != 0
	netLogp := d.netLogp
	if useNet && netLogp == nil {
		d.nins = d.net.netInputs(&d.sf, d.sf.words, d.nins)
		d.net.scores(d.nins, &d.nst)
		netLogp = d.nst.logp
	}
	for i := 0; i < n; i++ {
		e := d.emit[i*nc : (i+1)*nc]
		clear(e)
		m.score(e, d.sf.feats[d.sf.off[i]:d.sf.off[i+1]])
		if useNet {
			for c, lp := range netLogp[i*nc : (i+1)*nc] {
				e[c] += d.netW * lp
			}
		}
		d.dbuf = tokenDocFeats(d.docf, i, d.dbuf)
		m.score(e, d.dbuf)
		if d.bias != nil {
			for c, b := range d.bias {
				e[c] += b
			}
		}
		// lexical history scores per coarse group
		clear(d.group)
		lw := d.sf.lower[i]
		if d.sf.drop[i] {
			lw = "\x00unk"
		}
		var two [2]uint32
		for g := 0; g < prevGroups; g++ {
			if (i == 0) != (g == 0) {
				continue
			}
			two[0] = hstr(featN(fGroupPrevLower, byte(g)), lw)
			two[1] = hstr(featN(fGroupPrevShape, byte(g)), d.sf.shape[i])
			m.score(d.group[g*nc:(g+1)*nc], two[:])
		}
		last := i == n-1
		cur := d.delta[i*nc : (i+1)*nc]
		back := d.back[i*nc : (i+1)*nc]
		for c := range cur {
			cur[c] = neg
			back[c] = -1
		}
		for p := -1; p < nc; p++ {
			base := float32(0)
			switch {
			case i == 0 && p >= 0, i > 0 && p < 0:
				continue
			case p >= 0:
				base = d.delta[(i-1)*nc+p]
				if base == neg {
					continue
				}
			}
			tr := d.trans[(p+1)*nc : (p+2)*nc]
			gr := d.group[prevGroup(p)*nc : (prevGroup(p)+1)*nc]
			ok := allowedTab[0][p+1]
			if last {
				ok = allowedTab[1][p+1]
			}
			for c := 0; c < nc; c++ {
				if !ok[c] {
					continue
				}
				if v := base + tr[c] + gr[c] + e[c]; v > cur[c] {
					cur[c] = v
					back[c] = int8(p)
				}
			}
		}
	}
	best := 0
	lastRow := d.delta[(n-1)*nc : n*nc]
	for c := 1; c < nc; c++ {
		if lastRow[c] > lastRow[best] {
			best = c
		}
	}
	d.classes = append(d.classes, make([]int, n)...)
	for i := n - 1; i >= 0; i-- {
		d.classes[i] = best
		best = int(d.back[i*nc+best])
	}
	return d.classes
}

// updatePath moves the weights of l from the predicted path to the gold
// one: static features where the classes differ, history features where
// the (previous, current) pairs differ.
func (d *decoder) updatePath(l *learner, gold, pred []int) {
	for i := range gold {
		gc, pc := gold[i], pred[i]
		gp, pp := -1, -1
		if i > 0 {
			gp, pp = gold[i-1], pred[i-1]
		}
		if gc != pc {
			l.update(gc, pc, d.sf.feats[d.sf.off[i]:d.sf.off[i+1]])
			l.update(gc, pc, tokenDocFeats(d.docf, i, d.dbuf))
		}
		if gc != pc || gp != pp {
			d.dyn = d.sf.dynamic1(d.dyn[:0], i, gp)
			l.add(gc, d.dyn, 1)
			d.dyn = d.sf.dynamic1(d.dyn[:0], i, pp)
			l.add(pc, d.dyn, -1)
		}
	}
}

// firstPass tags the sentence whose static features are in d.sf with
// the model's decoder, for document features during training.
func (d *decoder) firstPass(m scorer, n int) []int {
	if d.viterbi1 {
		return d.viterbi(m, n)
	}
	d.classes = d.classes[:0]
	for i := 0; i < n; i++ {
		d.classes = append(d.classes, d.step(m, i, n))
	}
	return d.classes
}
