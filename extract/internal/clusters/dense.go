package clusters

import (
	"math"
	"runtime"
	"sync"
)

// KMeansDense runs iters rounds of spherical k-means with k clusters over
// the n = len(vecs)/dims dense vectors stored one after another in vecs,
// which it scales to unit length in place. The centroids start at the
// vectors seeds[0..k-1]. Assignment runs on all processors, each vector's
// nearest centroid found independently (ties to the lower cluster), and
// the centroids are summed in vector order, so the result is the same on
// every run, whatever the number of processors (a compiler that fuses
// multiply-adds, as Go may on other architectures or with GOAMD64=v3, can
// round differently). It returns each vector's cluster.
func KMeansDense(vecs []float32, dims, k, iters int, seeds []int) []int {
	n := len(vecs) / dims
	for i := 0; i < n; i++ {
		unit(vecs[i*dims : (i+1)*dims])
	}
	cent := make([]float32, k*dims)
	for c := 0; c < k; c++ {
		copy(cent[c*dims:(c+1)*dims], vecs[seeds[c]*dims:(seeds[c]+1)*dims])
	}
	assign := make([]int, n)
	workers := runtime.GOMAXPROCS(0)
	for it := 0; it < iters; it++ {
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			lo, hi := w*n/workers, (w+1)*n/workers
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := lo; i < hi; i++ {
					assign[i] = nearest(vecs[i*dims:(i+1)*dims], cent, dims)
				}
			}()
		}
		wg.Wait()
		count := make([]int, k)
		clear(cent)
		for i := 0; i < n; i++ {
			c := assign[i]
			count[c]++
			cc, v := cent[c*dims:(c+1)*dims], vecs[i*dims:(i+1)*dims]
			for j := range cc {
				cc[j] += v[j]
			}
		}
		for c := 0; c < k; c++ {
			if count[c] == 0 { // an empty cluster keeps its seed
				copy(cent[c*dims:(c+1)*dims], vecs[seeds[c]*dims:(seeds[c]+1)*dims])
				continue
			}
			unit(cent[c*dims : (c+1)*dims])
		}
	}
	return assign
}

// nearest returns the centroid with the largest dot product with v.
func nearest(v, cent []float32, dims int) int {
	best, bestS := 0, float32(math.Inf(-1))
	for c := 0; c*dims < len(cent); c++ {
		cc := cent[c*dims : (c+1)*dims]
		var s0, s1, s2, s3 float32
		j := 0
		for ; j+4 <= len(v); j += 4 {
			s0 += v[j] * cc[j]
			s1 += v[j+1] * cc[j+1]
			s2 += v[j+2] * cc[j+2]
			s3 += v[j+3] * cc[j+3]
		}
		for ; j < len(v); j++ {
			s0 += v[j] * cc[j]
		}
		if s := (s0 + s1) + (s2 + s3); s > bestS {
			best, bestS = c, s
		}
	}
	return best
}

// unit scales v to unit length (a zero vector stays zero).
func unit(v []float32) {
	var norm float64
	for _, x := range v {
		norm += float64(x) * float64(x)
	}
	if norm == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(norm))
	for j := range v {
		v[j] *= inv
	}
}
