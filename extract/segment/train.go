package segment

import (
	"math"
	"math/rand"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

// TrainOptions control Train.
type TrainOptions struct {
	Iterations int     // passes over the data (default 4)
	Seed       int64   // shuffles the document order of each pass
	Prune      float32 // drop averaged weights with |w| < Prune (default 0.05)
}

// Train fits a boundary model on gold documents (tokens and sentences
// filled) with an averaged perceptron. Each candidate position is
// classified in text order, and the "tokens since the last boundary"
// feature follows the model's own predictions, as at run time. The same
// documents and options give the same model.
func Train(docs []*nlp.Document, opt TrainOptions) *Model {
	if opt.Iterations <= 0 {
		opt.Iterations = 4
	}
	if opt.Prune == 0 {
		opt.Prune = 0.05
	}
	type acc struct {
		w, total float64
		stamp    int
	}
	weights := map[uint64]*acc{}
	step := 0
	update := func(feats []uint64, delta float64) {
		for _, f := range feats {
			a := weights[f]
			if a == nil {
				a = &acc{}
				weights[f] = a
			}
			a.total += float64(step-a.stamp) * a.w
			a.stamp = step
			a.w += delta
		}
	}
	score := func(feats []uint64) float64 {
		s := 0.0
		for _, f := range feats {
			if a := weights[f]; a != nil {
				s += a.w
			}
		}
		return s
	}
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewSource(opt.Seed))
	var z featurizer
	for it := 0; it < opt.Iterations; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, di := range order {
			doc := docs[di]
			gold := goldEnds(doc)
			since := 0
			for i := 0; i+1 < len(doc.Tokens); i++ {
				since++
				if inside(doc.Tokens, i) {
					continue
				}
				if strings.Contains(gap(doc.Text, doc.Tokens, i), "\n") {
					if boundary(doc.Text, doc.Tokens, i) {
						since = 0
					}
					continue
				}
				if !candidate(doc.Text, doc.Tokens, i) {
					continue
				}
				step++
				feats := z.features(doc.Text, doc.Tokens, i, since)
				pred := score(feats) > 0
				if pred != gold[i] {
					d := 1.0
					if !gold[i] {
						d = -1
					}
					update(feats, d)
				}
				if pred {
					since = 0
				}
			}
		}
	}
	m := &Model{Meta: Meta{Name: "segment", FeatureVersion: FeatureVersion, Iterations: opt.Iterations, Seed: opt.Seed}}
	for f, a := range weights {
		a.total += float64(step-a.stamp) * a.w
		avg := float32(a.total / float64(max(step, 1)))
		avg = float32(math.Round(float64(avg)*1e4) / 1e4)
		if avg >= opt.Prune || avg <= -opt.Prune {
			m.keys = append(m.keys, f)
		}
	}
	sort.Slice(m.keys, func(i, j int) bool { return m.keys[i] < m.keys[j] })
	m.weights = make([]float32, len(m.keys))
	for i, f := range m.keys {
		a := weights[f]
		m.weights[i] = float32(math.Round(a.total/float64(max(step, 1))*1e4) / 1e4)
	}
	m.index()
	return m
}

// goldEnds marks the tokens that end a sentence of doc.
func goldEnds(doc *nlp.Document) []bool {
	ends := make([]bool, len(doc.Tokens))
	for _, s := range doc.Sentences {
		if s.End > 0 && s.End <= len(ends) {
			ends[s.End-1] = true
		}
	}
	return ends
}
