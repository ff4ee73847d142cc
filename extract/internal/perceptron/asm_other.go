//go:build !amd64

package perceptron

import "unsafe"

// addDense adds d to scores, which must be at least as long.
func addDense(scores, d []float32) { addDenseGo(scores, d) }

// prefetch does nothing where there is no assembly version.
func (t *table) prefetch(keys []uint64) {}

// matVec sets y[r] to the dot product of row r of w with x.
func matVec(y, w, x []float32) { matVecGo(y, w, x) }

// prefetchRows does nothing where there is no assembly version.
func (m *Model) prefetchRows(spans []span) {}

// PrefetchIndexed does nothing where there is no assembly version.
func PrefetchIndexed(base unsafe.Pointer, idx []int32, stride, size int) {}
