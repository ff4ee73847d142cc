package ner

import (
	"fmt"
	"math"
	"sort"
)

// WordVectors are word vectors reduced for the GRU tagger (gru.go): the
// first principal components of a set of word vectors, quantised to int8
// with a scale per component.
type WordVectors struct {
	Dims  int
	Words []string
	Data  []int8    // len(Words) × Dims
	Scale []float32 // per component: value = Data * Scale
}

// ReduceVectors keeps the first top words of words (vecs holds their
// dims-dimensional vectors one after another), projects them on their k
// principal components (the eigenvectors of the covariance with the
// largest eigenvalues, by Jacobi rotations) and quantises them.
func ReduceVectors(words []string, vecs []float32, dims, k, top int) (*WordVectors, error) {
	if dims <= 0 || len(vecs) != len(words)*dims {
		return nil, fmt.Errorf("ner: %d numbers for %d words of %d dimensions", len(vecs), len(words), dims)
	}
	if k <= 0 || k > dims {
		return nil, fmt.Errorf("ner: %d components of %d dimensions", k, dims)
	}
	n := min(top, len(words))
	if n < 2 {
		return nil, fmt.Errorf("ner: %d word vectors", n)
	}
	mean := make([]float64, dims)
	for i := 0; i < n; i++ {
		for j, x := range vecs[i*dims : (i+1)*dims] {
			mean[j] += float64(x)
		}
	}
	for j := range mean {
		mean[j] /= float64(n)
	}
	cov := make([]float64, dims*dims)
	c := make([]float64, dims)
	center := func(i int) { // c = vector i minus the mean
		for j, x := range vecs[i*dims : (i+1)*dims] {
			c[j] = float64(x) - mean[j]
		}
	}
	for i := 0; i < n; i++ {
		center(i)
		for a := 0; a < dims; a++ {
			for b := a; b < dims; b++ {
				cov[a*dims+b] += c[a] * c[b]
			}
		}
	}
	for a := 0; a < dims; a++ {
		for b := a; b < dims; b++ {
			cov[a*dims+b] /= float64(n - 1)
			cov[b*dims+a] = cov[a*dims+b]
		}
	}
	vals, vecsE := jacobiEigen(cov, dims)
	order := make([]int, dims)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return vals[order[a]] > vals[order[b]] })
	proj := make([]float64, n*k)
	maxAbs := make([]float64, k)
	for i := 0; i < n; i++ {
		center(i)
		for p := 0; p < k; p++ {
			e := order[p]
			s := 0.0
			for j := 0; j < dims; j++ {
				s += c[j] * vecsE[j*dims+e]
			}
			proj[i*k+p] = s
			maxAbs[p] = max(maxAbs[p], math.Abs(s))
		}
	}
	wv := &WordVectors{Dims: k, Words: append([]string(nil), words[:n]...), Data: make([]int8, n*k), Scale: make([]float32, k)}
	for p := range wv.Scale {
		// unit variance after scaling keeps the network's inputs near the
		// size of its other inputs
		sd := math.Sqrt(vals[order[p]])
		wv.Scale[p] = float32(maxAbs[p] / 127 / sd)
		for i := 0; i < n; i++ {
			wv.Data[i*k+p] = int8(math.Round(proj[i*k+p] / maxAbs[p] * 127))
		}
	}
	return wv, nil
}

// jacobiEigen returns the eigenvalues of the symmetric n×n matrix a
// (destroyed) and its eigenvectors as the columns of a matrix, by cyclic
// Jacobi rotations.
func jacobiEigen(a []float64, n int) ([]float64, []float64) {
	v := make([]float64, n*n)
	for i := 0; i < n; i++ {
		v[i*n+i] = 1
	}
	for sweep := 0; sweep < 50; sweep++ {
		off := 0.0
		for p := 0; p < n; p++ {
			for q := p + 1; q < n; q++ {
				off += a[p*n+q] * a[p*n+q]
			}
		}
		if off < 1e-22 {
			break
		}
		for p := 0; p < n; p++ {
			for q := p + 1; q < n; q++ {
				apq := a[p*n+q]
				if math.Abs(apq) < 1e-300 {
					continue
				}
				theta := (a[q*n+q] - a[p*n+p]) / (2 * apq)
				t := math.Copysign(1, theta) / (math.Abs(theta) + math.Sqrt(theta*theta+1))
				cs := 1 / math.Sqrt(t*t+1)
				sn := t * cs
				for r := 0; r < n; r++ { // columns p and q
					arp, arq := a[r*n+p], a[r*n+q]
					a[r*n+p] = cs*arp - sn*arq
					a[r*n+q] = sn*arp + cs*arq
				}
				for r := 0; r < n; r++ { // rows p and q
					apr, aqr := a[p*n+r], a[q*n+r]
					a[p*n+r] = cs*apr - sn*aqr
					a[q*n+r] = sn*apr + cs*aqr
				}
				for r := 0; r < n; r++ {
					vrp, vrq := v[r*n+p], v[r*n+q]
					v[r*n+p] = cs*vrp - sn*vrq
					v[r*n+q] = sn*vrp + cs*vrq
				}
			}
		}
	}
	vals := make([]float64, n)
	for i := range vals {
		vals[i] = a[i*n+i]
	}
	return vals, v
}
