package perceptron

// addDense adds d to scores, which must be at least as long, with SSE
// (part of every amd64 processor): four float32 additions per instruction,
// each rounded exactly as the scalar addition of addDenseGo.
func addDense(scores, d []float32) {
	if len(d) == 0 {
		return
	}
	_ = scores[len(d)-1]
	addDenseSSE(&scores[0], &d[0], len(d))
}

// addDenseSSE adds the n float32 values at d to those at scores.
//
//go:noescape
func addDenseSSE(scores, d *float32, n int)
