package ner

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestJacobiEigen checks A v = λ v for every eigenpair of a random
// symmetric matrix.
func TestJacobiEigen(t *testing.T) {
	const n = 7
	rng := rand.New(rand.NewPCG(1, 1))
	a := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			a[i*n+j] = rng.NormFloat64()
			a[j*n+i] = a[i*n+j]
		}
	}
	orig := append([]float64(nil), a...)
	vals, vecs := jacobiEigen(a, n)
	for e := 0; e < n; e++ {
		for i := 0; i < n; i++ {
			av := 0.0
			for j := 0; j < n; j++ {
				av += orig[i*n+j] * vecs[j*n+e]
			}
			if d := math.Abs(av - vals[e]*vecs[i*n+e]); d > 1e-9 {
				t.Fatalf("eigenpair %d, row %d: A v = %g, λ v = %g", e, i, av, vals[e]*vecs[i*n+e])
			}
		}
	}
}

// TestReduceVectors reduces points on a line in 3-D to one component:
// its values must follow the position on the line.
func TestReduceVectors(t *testing.T) {
	var words []string
	var vecs []float32
	for i := 0; i < 20; i++ {
		x := float32(i) - 10
		words = append(words, string(rune('a'+i)))
		vecs = append(vecs, 2*x, -x, 0.5*x)
	}
	wv, err := ReduceVectors(words, vecs, 3, 1, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(wv.Words) != 20 || len(wv.Data) != 20 {
		t.Fatalf("%d words, %d values", len(wv.Words), len(wv.Data))
	}
	sign := 1
	if wv.Data[0] > 0 {
		sign = -1
	}
	for i := 1; i < 20; i++ {
		if sign*int(wv.Data[i]) <= sign*int(wv.Data[i-1]) {
			t.Fatalf("component not monotone along the line: %v", wv.Data)
		}
	}
	if _, err := ReduceVectors(words, vecs, 3, 4, 100); err == nil {
		t.Fatal("4 components of 3 dimensions: no error")
	}
}
