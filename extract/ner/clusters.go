package ner

import (
	"math"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

// Distributional word clusters, learnt at training time from the training
// text and the unlabelled casing text (WordNet glosses): each frequent
// folded word is described by its left and right neighbours among the
// most frequent words, and spherical k-means groups the words. The
// cluster table is stored in the model. Everything iterates in a fixed
// order, so the clusters are the same on every run.

const (
	clusterMinFreq  = 3
	clusterMaxVocab = 40000
	clusterContexts = 300
	clusterK        = 200
	clusterIters    = 12
)

type sparseVec struct {
	idx []int32
	val []float32
}

// learnClusters returns folded word hash → cluster number + 1.
func learnClusters(docs []*nlp.Document) map[uint32]uint16 {
	freq := map[string]int{}
	for _, d := range docs {
		for _, t := range d.Tokens {
			freq[strings.ToLower(t.Form)]++
		}
	}
	type wf struct {
		w string
		n int
	}
	var all []wf
	for w, n := range freq {
		all = append(all, wf{w, n})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].n != all[j].n {
			return all[i].n > all[j].n
		}
		return all[i].w < all[j].w
	})
	ctx := map[string]int32{}
	for i := 0; i < len(all) && i < clusterContexts; i++ {
		ctx[all[i].w] = int32(i)
	}
	vocab := map[string]int{}
	var words []string
	for _, x := range all {
		if x.n < clusterMinFreq || len(words) >= clusterMaxVocab {
			break
		}
		if !hasLetter(x.w) {
			continue
		}
		vocab[x.w] = len(words)
		words = append(words, x.w)
	}
	if len(words) < clusterK {
		return map[uint32]uint16{}
	}
	dims := 2 * clusterContexts
	counts := make([]map[int32]float32, len(words))
	for i := range counts {
		counts[i] = map[int32]float32{}
	}
	for _, d := range docs {
		for _, s := range d.Sentences {
			for i := s.Start; i < s.End; i++ {
				wi, ok := vocab[strings.ToLower(d.Tokens[i].Form)]
				if !ok {
					continue
				}
				if i > s.Start {
					if c, ok := ctx[strings.ToLower(d.Tokens[i-1].Form)]; ok {
						counts[wi][c]++
					}
				}
				if i+1 < s.End {
					if c, ok := ctx[strings.ToLower(d.Tokens[i+1].Form)]; ok {
						counts[wi][clusterContexts+c]++
					}
				}
			}
		}
	}
	vecs := make([]sparseVec, len(words))
	for i, m := range counts {
		keys := make([]int32, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
		var norm float64
		v := sparseVec{idx: keys, val: make([]float32, len(keys))}
		for j, k := range keys {
			x := math.Sqrt(float64(m[k]))
			v.val[j] = float32(x)
			norm += x * x
		}
		if norm > 0 {
			inv := float32(1 / math.Sqrt(norm))
			for j := range v.val {
				v.val[j] *= inv
			}
		}
		vecs[i] = v
	}
	// spherical k-means, seeded with the k most frequent words
	cent := make([][]float32, clusterK)
	for c := range cent {
		cent[c] = make([]float32, dims)
		for j, k := range vecs[c].idx {
			cent[c][k] = vecs[c].val[j]
		}
	}
	assign := make([]int, len(words))
	for it := 0; it < clusterIters; it++ {
		for i, v := range vecs {
			best, bestS := 0, float32(-1)
			for c := range cent {
				var s float32
				for j, k := range v.idx {
					s += cent[c][k] * v.val[j]
				}
				if s > bestS {
					best, bestS = c, s
				}
			}
			assign[i] = best
		}
		for c := range cent {
			clear(cent[c])
		}
		for i, v := range vecs {
			cc := cent[assign[i]]
			for j, k := range v.idx {
				cc[k] += v.val[j]
			}
		}
		for c := range cent {
			var norm float64
			for _, x := range cent[c] {
				norm += float64(x) * float64(x)
			}
			if norm > 0 {
				inv := float32(1 / math.Sqrt(norm))
				for k := range cent[c] {
					cent[c][k] *= inv
				}
			}
		}
	}
	out := make(map[uint32]uint16, len(words))
	for i, w := range words {
		out[wordKey(w)] = uint16(assign[i] + 1)
	}
	return out
}
