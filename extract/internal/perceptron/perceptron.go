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

type span struct {
	off uint32
	n   uint32
}

// Model is a trained, read-only weight table. It is safe for concurrent use.
type Model struct {
	NClasses int
	index    map[uint64]span
	entries  []entry
}

// Score adds the weights of feats to scores, which must have NClasses
// elements. Unknown features are ignored.
func (m *Model) Score(feats []uint64, scores []float32) {
	for _, f := range feats {
		s, ok := m.index[f]
		if !ok {
			continue
		}
		for _, e := range m.entries[s.off : s.off+s.n] {
			scores[e.class] += e.w
		}
	}
}

// Len is the number of features and of weights in the model.
func (m *Model) Len() (features, weights int) { return len(m.index), len(m.entries) }

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
	index    map[uint64]int32
	rows     [][]tw
	now      int32 // instances seen
}

// NewTrainer returns a trainer for n classes.
func NewTrainer(n int) *Trainer {
	return &Trainer{NClasses: n, index: make(map[uint64]int32)}
}

// Score adds the current (not averaged) weights of feats to scores.
func (t *Trainer) Score(feats []uint64, scores []float32) {
	for _, f := range feats {
		r, ok := t.index[f]
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
		r, ok := t.index[f]
		if !ok {
			r = int32(len(t.rows))
			t.index[f] = r
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
	keys := make([]uint64, 0, len(t.index))
	for k := range t.index {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	m := &Model{NClasses: t.NClasses, index: make(map[uint64]span, len(keys))}
	now := math.Max(float64(t.now), 1)
	var row []entry
	for _, k := range keys {
		row = row[:0]
		for _, e := range t.rows[t.index[k]] {
			avg := (e.total + float64(t.now-e.ts)*e.w) / now
			if math.Abs(avg) < prune || avg == 0 {
				continue
			}
			row = append(row, entry{class: uint16(e.class), w: float32(avg)})
		}
		if len(row) == 0 {
			continue
		}
		sort.Slice(row, func(i, j int) bool { return row[i].class < row[j].class })
		m.index[k] = span{uint32(len(m.entries)), uint32(len(row))}
		m.entries = append(m.entries, row...)
	}
	return m
}
