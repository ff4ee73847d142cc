package perceptron

import (
	"math"
	"math/rand/v2"
	"testing"
)

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

// TestMatVecAVX2 checks the assembly against matVecGo bit for bit.
func TestMatVecAVX2(t *testing.T) {
	if !hasAVX2 {
		t.Skip("no AVX2")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, shape := range [][2]int{{1, 8}, {96, 32}, {17, 64}, {5, 24}, {3, 128}} {
		rows, cols := shape[0], shape[1]
		w, x := make([]float32, rows*cols), make([]float32, cols)
		for i := range w {
			w[i] = float32(rng.NormFloat64())
		}
		for i := range x {
			x[i] = float32(rng.NormFloat64())
		}
		got, want := make([]float32, rows), make([]float32, rows)
		matVecAVX2(&got[0], &w[0], &x[0], rows, cols)
		matVecGo(want, w, x)
		for r := range got {
			if math.Float32bits(got[r]) != math.Float32bits(want[r]) {
				t.Fatalf("%dx%d row %d: assembly %v, Go %v", rows, cols, r, got[r], want[r])
			}
		}
	}
}
