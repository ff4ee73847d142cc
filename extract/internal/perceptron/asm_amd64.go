package perceptron

import (
	"unsafe"

	"golang.org/x/sys/cpu"
)

// hasAVX2 selects the 8-wide version of addDense.
var hasAVX2 = cpu.X86.HasAVX2

// addDense adds d to scores, which must be at least as long: eight
// float32 additions per instruction with AVX2, four with SSE (part of
// every amd64 processor), each rounded exactly as the scalar addition of
// addDenseGo.
func addDense(scores, d []float32) {
	if len(d) == 0 {
		return
	}
	_ = scores[len(d)-1]
	k := 0
	if hasAVX2 && len(d) >= 8 {
		k = len(d) &^ 7
		addDenseAVX2(&scores[0], &d[0], k)
	}
	if k < len(d) {
		addDenseSSE(&scores[k], &d[k], len(d)-k)
	}
}

// addDenseSSE and addDenseAVX2 add the n float32 values at d to those at
// scores; for addDenseAVX2, n is a multiple of 8 (addDense gives the rest
// to addDenseSSE).
//
//go:noescape
func addDenseSSE(scores, d *float32, n int)

//go:noescape
func addDenseAVX2(scores, d *float32, n int)

//go:noescape
func matVecAVX2(y, w, x *float32, rows, cols int)

// matVec sets y[r] to the dot product of row r of w (len(y) rows of
// len(x) columns) with x; with AVX2 when len(x) is a multiple of 8, bit
// for bit the sums of matVecGo.
func matVec(y, w, x []float32) {
	if len(y) == 0 {
		return
	}
	_ = w[len(y)*len(x)-1]
	if hasAVX2 && len(x) > 0 && len(x)%8 == 0 {
		matVecAVX2(&y[0], &w[0], &x[0], len(y), len(x))
		return
	}
	matVecGo(y, w, x)
}

// prefetchSlots asks the processor to load the home slots of n keys into
// the cache, so that their misses overlap (Score looks them up next).
//
//go:noescape
func prefetchSlots(slots *slot, shift uint, keys *uint64, n int)

// prefetch starts loading the home slots of keys.
func (t *table) prefetch(keys []uint64) {
	if len(keys) > 0 && len(t.slots) > 0 {
		prefetchSlots(&t.slots[0], t.shift, &keys[0], len(keys))
	}
}

// prefetchRange asks the processor to load the n > 0 bytes at p into
// the cache.
//
//go:noescape
func prefetchRange(p unsafe.Pointer, n int)

// prefetchRows starts loading the weights of the rows in spans, so that
// their misses overlap before Score adds them.
func (m *Model) prefetchRows(spans []span) {
	for _, s := range spans {
		switch {
		case s.n&(inline|pair) != 0:
		case s.n&dense != 0:
			prefetchRange(unsafe.Pointer(&m.dense[int(s.off)*m.NClasses]), m.NClasses*4)
		case s.n > 0:
			prefetchRange(unsafe.Pointer(&m.entries[s.off]), int(s.n)*int(unsafe.Sizeof(entry{})))
		}
	}
}

//go:noescape
func prefetchIndexed(base unsafe.Pointer, idx *int32, n, stride, size int)

// PrefetchIndexed asks the processor to load, for each i in idx, the
// size bytes at base + i*stride, so that the cache misses of the lookups
// made next overlap. The blocks must lie inside the Go object base points
// into.
func PrefetchIndexed(base unsafe.Pointer, idx []int32, stride, size int) {
	if len(idx) > 0 && size > 0 {
		prefetchIndexed(base, &idx[0], len(idx), stride, size)
	}
}
