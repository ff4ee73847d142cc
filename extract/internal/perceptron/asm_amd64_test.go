package perceptron

type denseVersion struct {
	name string
	add  func(scores, d []float32)
}

// denseVersions returns the versions of addDense this processor can run.
func denseVersions() []denseVersion {
	vs := []denseVersion{{"sse", func(s, d []float32) {
		if len(d) > 0 {
			addDenseSSE(&s[0], &d[0], len(d))
		}
	}}}
	if hasAVX2 {
		vs = append(vs, denseVersion{"avx2+sse", addDense})
	}
	return vs
}
