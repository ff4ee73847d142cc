//go:build !amd64

package perceptron

// addDense adds d to scores, which must be at least as long.
func addDense(scores, d []float32) { addDenseGo(scores, d) }

// prefetch does nothing where there is no assembly version.
func (t *table) prefetch(keys []uint64) {}
