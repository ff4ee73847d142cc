package ner

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/internal/clusters"
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

// learnClusters returns folded word hash → cluster number + 1.
func learnClusters(docs []*nlp.Document) map[uint32]uint16 {
	freq := map[string]int{}
	for _, d := range docs {
		for _, t := range d.Tokens {
			freq[strings.ToLower(t.Form)]++
		}
	}
	ctx, vocab, words := clusters.Vocabulary(freq, clusterContexts, clusterMinFreq, clusterMaxVocab, hasLetter)
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
	vecs := make([]clusters.Vector, len(words))
	for i, m := range counts {
		vecs[i] = clusters.ContextVector(m)
	}
	assign := clusters.KMeans(vecs, clusterK, dims, clusterIters)
	out := make(map[uint32]uint16, len(words))
	for i, w := range words {
		out[wordKey(w)] = uint16(assign[i] + 1)
	}
	return out
}
