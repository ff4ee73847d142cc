package perceptron

import (
	"math"
	"sort"
)

// Hash returns the 64-bit FNV-1a hash of s, the base value of string
// features.
func Hash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// Mix combines a feature hash with one more value. Mix(Mix(t, a), b) is a
// well-spread hash of the template t and the values a, b.
func Mix(h, v uint64) uint64 {
	h ^= v + 0x9e3779b97f4a7c15 + (h << 6) + (h >> 2)
	h ^= h >> 31
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 29
	return h
}

// entry is one weight of a sparse row.
type entry struct {
	class uint16
	w     float32
}

// span locates a feature's row in Model.entries. A row of one weight is
// kept in the span itself: n is then inline|class and off the weight's
// bits, which saves a cache miss per lookup.
type span struct {
	off uint32
	n   uint32
}

const inline = 1 << 31

// dense marks a row that Score reads from Model.dense: off is then the
// row's number there, and Model.denseOff its offset in entries.
const dense = 1 << 30

// pair marks a row of two weights kept in the span itself, as decoded
// models have them: n is pair|class2<<8|class1 and off holds the two
// quantised weights, q1 in the low and q2 in the high 16 bits (each weight
// is float32(q)*Model.step, exactly as the decoder computes it). Half the
// features of the parser have two weights; this saves their cache miss.
const pair = 1 << 29

// pairSpan returns the span of a two-weight row with quantised weights.
func pairSpan(c1, c2 uint64, q1, q2 int64) span {
	return span{uint32(uint16(int16(q1))) | uint32(uint16(int16(q2)))<<16, pair | uint32(c2)<<8 | uint32(c1)}
}

// pairRow decodes a pair span.
func (m *Model) pairRow(s span) (c1, c2 int, w1, w2 float32) {
	return int(s.n & 0xff), int(s.n >> 8 & 0xff),
		float32(float32(int16(s.off)) * m.step), float32(float32(int16(s.off>>16)) * m.step)
}

// rowSpan returns the span for row, which starts at entries[off].
func rowSpan(off int, row []entry) span {
	if len(row) == 1 {
		return span{math.Float32bits(row[0].w), inline | uint32(row[0].class)}
	}
	return span{uint32(off), uint32(len(row))}
}

// row returns the weights of span s.
func (m *Model) row(s span) []entry {
	if s.n&inline != 0 {
		return []entry{{class: uint16(s.n &^ inline), w: math.Float32frombits(s.off)}}
	}
	if s.n&pair != 0 {
		c1, c2, w1, w2 := m.pairRow(s)
		return []entry{{class: uint16(c1), w: w1}, {class: uint16(c2), w: w2}}
	}
	if s.n&dense != 0 {
		off := m.denseOff[s.off]
		return m.entries[off : off+s.n&^dense]
	}
	return m.entries[s.off : s.off+s.n]
}

// densify copies the rows that have weights for at least an eighth of the
// classes to dense arrays, which Score adds faster than sparse rows with
// vector instructions (addDense). Half (the old threshold), a fifth, an
// eighth, a twelfth and a twentieth measured 43, 53, 59, 58 and 55
// thousand tokens/s of tag + parse with a set-5 parser; an eighth adds
// 9.7 MB of dense rows to its 81 MB.
func (m *Model) densify() {
	nc := uint32(m.NClasses)
	conv := func(s span) span {
		if s.n&(inline|pair) != 0 || s.n < max(nc/8, 2) {
			return s
		}
		row := m.entries[s.off : s.off+s.n]
		k := uint32(len(m.denseOff))
		m.denseOff = append(m.denseOff, s.off)
		d := make([]float32, nc)
		for _, e := range row {
			d[e.class] = e.w
		}
		m.dense = append(m.dense, d...)
		return span{k, dense | s.n}
	}
	if m.index.hasZero {
		m.index.zero = conv(m.index.zero)
	}
	for i := range m.index.slots {
		if m.index.slots[i].key != 0 {
			m.index.slots[i].span = conv(m.index.slots[i].span)
		}
	}
}

// Model is a trained, read-only weight table. It is safe for concurrent use.
type Model struct {
	NClasses int
	index    table
	entries  []entry
	step     float32   // quantisation step of a decoded model (see pair)
	dense    []float32 // dense rows, NClasses weights each (see densify)
	denseOff []uint32  // offset in entries of each dense row
}

// table is an open-addressing hash table from feature hashes to rows,
// faster than a Go map for this read-mostly use: key and row share one
// slot, so a lookup touches one cache line. Key 0 is kept aside.
//
// A key's home slot is its top bits: features are well-spread hashes
// (Mix), and a model file lists them in increasing order, so decoding
// fills the table from front to back instead of at random (the random
// inserts were 57% of decoding the parser).
type table struct {
	slots   []slot
	mask    uint64
	shift   uint // 64 - log2(len(slots))
	n       int
	zero    span
	hasZero bool
}

type slot struct {
	key uint64
	span
}

// newTable makes a table for n keys; huge puts its slots outside the Go
// heap on huge pages (for models decoded once and kept for the life of the
// process: that memory is never freed).
func newTable(n int, huge bool) table {
	size, bits := 16, uint(4)
	for size < 2*n {
		size <<= 1
		bits++
	}
	t := table{mask: uint64(size - 1), shift: 64 - bits}
	if huge {
		t.slots = HugeSlice[slot](size)
	} else {
		t.slots = make([]slot, size)
	}
	return t
}

// home is the first slot to probe for k (prefetchSlots in asm_amd64.s
// computes the same).
func (t *table) home(k uint64) uint64 { return k >> t.shift }

// put adds a key that is not in the table yet; the table must have been
// made for at least as many keys.
func (t *table) put(k uint64, s span) {
	t.n++
	if k == 0 {
		t.zero, t.hasZero = s, true
		return
	}
	i := t.home(k)
	for t.slots[i].key != 0 {
		i = (i + 1) & t.mask
	}
	t.slots[i] = slot{k, s}
}

func (t *table) get(k uint64) (span, bool) {
	if k == 0 {
		return t.zero, t.hasZero
	}
	if t.slots == nil {
		return span{}, false
	}
	i := t.home(k)
	for {
		sl := &t.slots[i]
		switch sl.key {
		case k:
			return sl.span, true
		case 0:
			return span{}, false
		}
		i = (i + 1) & t.mask
	}
}

// Score adds the weights of feats to scores, which must have NClasses
// elements. Unknown features are ignored.
func (m *Model) Score(feats []uint64, scores []float32) {
	// Look all rows up first, then add them: the independent lookups let
	// the processor overlap their cache misses.
	var buf [256]span
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), len(buf))]
		feats = feats[len(chunk):]
		spans := buf[:0]
		m.index.prefetch(chunk)
		for _, f := range chunk {
			if s, ok := m.index.get(f); ok {
				spans = append(spans, s)
			}
		}
		m.prefetchRows(spans)
		for _, s := range spans {
			if s.n&inline != 0 {
				scores[s.n&^inline] += math.Float32frombits(s.off)
				continue
			}
			if s.n&pair != 0 {
				c1, c2, w1, w2 := m.pairRow(s)
				scores[c1] += w1
				scores[c2] += w2
				continue
			}
			if s.n&dense != 0 {
				addDense(scores, m.dense[int(s.off)*m.NClasses:][:m.NClasses])
				continue
			}
			for _, e := range m.entries[s.off : s.off+s.n] {
				scores[e.class] += e.w
			}
		}
	}
}

// Len is the number of features and of weights in the model.
func (m *Model) Len() (features, weights int) { return m.index.n, len(m.entries) }

// each calls f for every feature of the model in increasing hash order.
func (m *Model) each(f func(key uint64, row []entry)) {
	keys := make([]uint64, 0, m.index.n)
	if m.index.hasZero {
		keys = append(keys, 0)
	}
	for _, sl := range m.index.slots {
		if sl.key != 0 {
			keys = append(keys, sl.key)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, k := range keys {
		s, _ := m.index.get(k)
		f(k, m.row(s))
	}
}

// Best returns the index of the highest score among the classes for which
// ok returns true (all when ok is nil), the lowest index on ties, or -1 when
// no class is allowed.
func Best(scores []float32, ok func(int) bool) int {
	best := -1
	for c, s := range scores {
		if ok != nil && !ok(c) {
			continue
		}
		if best < 0 || s > scores[best] {
			best = c
		}
	}
	return best
}

// tw is one weight under training, with its running total for averaging
// and the step of its last change.
type tw struct {
	class int32
	ts    int32
	w     float64
	total float64
}

// Trainer is an averaged perceptron under training. It is not safe for
// concurrent use.
type Trainer struct {
	NClasses int
	index    rowTable
	rows     [][]tw
	now      int32 // instances seen
}

// rowTable is a growing open-addressing hash table from feature hashes to
// row numbers (stored +1, so that 0 marks an empty slot).
type rowTable struct {
	keys []uint64
	rows []int32
	mask uint64
	n    int
}

func (t *rowTable) slot(k uint64) uint64 {
	i := (k * 0x9e3779b97f4a7c15) >> 7 & t.mask
	for t.rows[i] != 0 && t.keys[i] != k {
		i = (i + 1) & t.mask
	}
	return i
}

func (t *rowTable) get(k uint64) (int32, bool) {
	if t.n == 0 {
		return 0, false
	}
	i := t.slot(k)
	return t.rows[i] - 1, t.rows[i] != 0
}

func (t *rowTable) put(k uint64, r int32) {
	if 2*(t.n+1) > len(t.keys) {
		old := *t
		size := max(1024, 2*len(old.keys))
		*t = rowTable{keys: make([]uint64, size), rows: make([]int32, size), mask: uint64(size - 1), n: old.n}
		for i, v := range old.rows {
			if v != 0 {
				j := t.slot(old.keys[i])
				t.keys[j], t.rows[j] = old.keys[i], v
			}
		}
	}
	i := t.slot(k)
	if t.rows[i] == 0 {
		t.n++
	}
	t.keys[i], t.rows[i] = k, r+1
}

// each calls f for every key in increasing order.
func (t *rowTable) each(f func(k uint64, r int32)) {
	type kv struct {
		k uint64
		r int32
	}
	all := make([]kv, 0, t.n)
	for i, v := range t.rows {
		if v != 0 {
			all = append(all, kv{t.keys[i], v - 1})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].k < all[j].k })
	for _, x := range all {
		f(x.k, x.r)
	}
}

// NewTrainer returns a trainer for n classes.
func NewTrainer(n int) *Trainer {
	return &Trainer{NClasses: n}
}

// Score adds the current (not averaged) weights of feats to scores.
func (t *Trainer) Score(feats []uint64, scores []float32) {
	for _, f := range feats {
		r, ok := t.index.get(f)
		if !ok {
			continue
		}
		for _, e := range t.rows[r] {
			scores[e.class] += float32(e.w)
		}
	}
}

// Tick counts one training instance; call it once per prediction made in
// training, whether or not an update follows.
func (t *Trainer) Tick() { t.now++ }

// Update moves the weights of feats towards truth and away from guess.
func (t *Trainer) Update(feats []uint64, truth, guess int) {
	if truth == guess {
		return
	}
	for _, f := range feats {
		r, ok := t.index.get(f)
		if !ok {
			r = int32(len(t.rows))
			t.index.put(f, r)
			t.rows = append(t.rows, nil)
		}
		t.add(r, truth, 1)
		t.add(r, guess, -1)
	}
}

func (t *Trainer) add(r int32, class int, d float64) {
	row := t.rows[r]
	for i := range row {
		if row[i].class == int32(class) {
			e := &row[i]
			e.total += float64(t.now-e.ts) * e.w
			e.ts = t.now
			e.w += d
			return
		}
	}
	t.rows[r] = append(row, tw{class: int32(class), ts: t.now, w: d})
}

// Average returns the averaged weights as a Model, dropping weights whose
// magnitude is below prune. The trainer can continue afterwards.
func (t *Trainer) Average(prune float64) *Model {
	m := &Model{NClasses: t.NClasses, index: newTable(t.index.n, false)}
	now := math.Max(float64(t.now), 1)
	var row []entry
	t.index.each(func(k uint64, r int32) {
		row = row[:0]
		for _, e := range t.rows[r] {
			avg := (e.total + float64(t.now-e.ts)*e.w) / now
			if math.Abs(avg) < prune || avg == 0 {
				continue
			}
			row = append(row, entry{class: uint16(e.class), w: float32(avg)})
		}
		if len(row) == 0 {
			return
		}
		sort.Slice(row, func(i, j int) bool { return row[i].class < row[j].class })
		m.index.put(k, rowSpan(len(m.entries), row))
		if len(row) > 1 {
			m.entries = append(m.entries, row...)
		}
	})
	return m
}

// Mean returns the model whose weights are the means of the weights of
// ms (all with the same classes; a feature missing from a model counts as
// zero there), dropping weights whose magnitude is below prune. The mean
// of several averaged perceptrons trained in different orders evens out
// the luck of one order.
func Mean(ms []*Model, prune float64) *Model {
	if len(ms) == 0 {
		return &Model{}
	}
	type cw struct {
		class uint16
		w     float64
	}
	sums := map[uint64][]cw{}
	for _, m := range ms {
		m.each(func(k uint64, row []entry) {
			s := sums[k]
			for _, e := range row {
				s = append(s, cw{e.class, float64(e.w)})
			}
			sums[k] = s
		})
	}
	keys := make([]uint64, 0, len(sums))
	for k := range sums {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	out := &Model{NClasses: ms[0].NClasses, index: newTable(len(keys), false)}
	n := float64(len(ms))
	var row []entry
	for _, k := range keys {
		s := sums[k]
		// stable: the members' weights for a class are summed in member order
		sort.SliceStable(s, func(i, j int) bool { return s[i].class < s[j].class })
		row = row[:0]
		for i := 0; i < len(s); {
			c, w := s[i].class, 0.0
			for ; i < len(s) && s[i].class == c; i++ {
				w += s[i].w
			}
			if avg := w / n; avg != 0 && math.Abs(avg) >= prune {
				row = append(row, entry{class: c, w: float32(avg)})
			}
		}
		if len(row) == 0 {
			continue
		}
		out.index.put(k, rowSpan(len(out.entries), row))
		if len(row) > 1 {
			out.entries = append(out.entries, row...)
		}
	}
	return out
}
