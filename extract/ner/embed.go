package ner

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/extract/internal/clusters"
)

// Word clusters from word vectors (train-ner --embeddings): a file made by
// newsgraph cluster-embeddings gives each word its cluster at a few
// granularities. Vectors trained on billions of words place rare names
// (companies, towns) next to others of their kind, which the training
// data alone cannot. The table is stored in the model.

// EmbeddingLevels are the default cluster counts, coarse to fine.
var EmbeddingLevels = []int{64, 256, 1000}

// MaxEmbeddingLevels is how many granularities a model can hold.
const MaxEmbeddingLevels = 4

// ReadEmbeddingClusters reads a cluster-embeddings file: a "#" comment
// line, then per line a word and its cluster at each level, tab-separated.
// It returns word → packed clusters, cluster + 1 in 16 bits per level,
// the first level lowest.
func ReadEmbeddingClusters(r io.Reader) (map[string]uint64, error) {
	out := map[string]uint64{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line, levels := 0, 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		if levels == 0 {
			levels = len(f) - 1
			if levels < 1 || levels > MaxEmbeddingLevels {
				return nil, fmt.Errorf("line %d: %d levels, want 1 to %d", line, levels, MaxEmbeddingLevels)
			}
		}
		if len(f)-1 != levels {
			return nil, fmt.Errorf("line %d: %d levels, want %d", line, len(f)-1, levels)
		}
		var packed uint64
		for l, x := range f[1:] {
			c, err := strconv.ParseUint(x, 10, 16)
			if err != nil || c >= 1<<16-1 {
				return nil, fmt.Errorf("line %d: bad cluster %q", line, x)
			}
			packed |= (c + 1) << (16 * l)
		}
		out[f[0]] = packed
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no word clusters")
	}
	return out, nil
}

// embeddingTable keys clusters by folded word for the features.
func embeddingTable(words map[string]uint64) map[uint32]uint64 {
	if len(words) == 0 {
		return nil
	}
	t := make(map[uint32]uint64, len(words))
	for w, c := range words {
		k := wordKey(w)
		if old, ok := t[k]; ok && old < c { // a hash shared by two words: the same choice in any order
			c = old
		}
		t[k] = c
	}
	return t
}

// ClusterVectors groups the n = len(vecs)/dims vectors (one after another
// in vecs, scaled to unit length in place) into k clusters by spherical
// k-means with iters rounds, seeded with k vectors evenly spaced through
// the list, and returns each vector's cluster; the same on every run.
func ClusterVectors(vecs []float32, dims, k, iters int) []int {
	n := len(vecs) / dims
	seeds := make([]int, k)
	for c := range seeds {
		seeds[c] = c * n / k
	}
	return clusters.KMeansDense(vecs, dims, k, iters, seeds)
}
