package clusters

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
)

// blobs returns n points of dims dimensions around each of the centres,
// one centre after another, with noise of the given size.
func blobs(centres [][]float32, n int, noise float32, seed uint64) []float32 {
	rng := rand.New(rand.NewPCG(seed, 1))
	var out []float32
	for _, c := range centres {
		for i := 0; i < n; i++ {
			for _, x := range c {
				out = append(out, x+noise*float32(rng.NormFloat64()))
			}
		}
	}
	return out
}

func TestKMeansDenseFindsDirections(t *testing.T) {
	// three directions; spherical k-means groups by angle, not length
	centres := [][]float32{{1, 0, 0, 0, 0}, {0, 5, 0, 0, 0}, {0, 0, 0, 0.2, 0.2}}
	const n = 50
	vecs := blobs(centres, n, 0.05, 7)
	// seeds: one point of each group
	assign := KMeansDense(slices.Clone(vecs), 5, 3, 5, []int{0, n, 2 * n})
	for g := 0; g < 3; g++ {
		for i := g * n; i < (g+1)*n; i++ {
			if assign[i] != assign[g*n] {
				t.Fatalf("point %d in cluster %d, the rest of its group in %d", i, assign[i], assign[g*n])
			}
		}
	}
	if assign[0] == assign[n] || assign[n] == assign[2*n] || assign[0] == assign[2*n] {
		t.Errorf("groups share clusters: %d %d %d", assign[0], assign[n], assign[2*n])
	}
}

func TestKMeansDenseDeterministic(t *testing.T) {
	centres := [][]float32{{1, 1, 0}, {0, 1, 1}, {1, 0, 1}, {-1, 0, 0}}
	vecs := blobs(centres, 200, 0.6, 3)
	seeds := []int{0, 1, 2, 3, 4, 5}
	a := KMeansDense(slices.Clone(vecs), 3, 6, 8, seeds)
	prev := runtime.GOMAXPROCS(1) // one worker instead of several: the same answer
	b := KMeansDense(slices.Clone(vecs), 3, 6, 8, seeds)
	runtime.GOMAXPROCS(prev)
	if !slices.Equal(a, b) {
		t.Error("the assignment depends on the number of workers")
	}
	used := map[int]bool{}
	for _, c := range a {
		used[c] = true
	}
	if len(used) < 4 {
		t.Errorf("only %d of 6 clusters used", len(used))
	}
}
