package openie

import (
	"math"
	"sort"
)

// Example is one training example for the confidence model: an
// extraction's features and a target in [0, 1] (for CaRB, the best
// precision the extraction earns against any gold tuple of its sentence).
type Example struct {
	Features []Feature
	Target   float64
}

// Fit trains logistic-regression weights on examples by full-batch
// gradient descent on the cross-entropy with soft targets, with L2
// regularisation l2 on every weight but "bias". It is deterministic: the
// same examples give the same weights.
func Fit(examples []Example, l2 float64, iters int) Weights {
	index := map[string]int{}
	var names []string
	for _, ex := range examples {
		for _, f := range ex.Features {
			if _, ok := index[f.Name]; !ok {
				index[f.Name] = len(names)
				names = append(names, f.Name)
			}
		}
	}
	sort.Strings(names)
	for i, n := range names {
		index[n] = i
	}
	type row struct {
		idx []int
		val []float64
		y   float64
	}
	rows := make([]row, len(examples))
	for i, ex := range examples {
		r := row{y: math.Min(1, math.Max(0, ex.Target))}
		for _, f := range ex.Features {
			r.idx = append(r.idx, index[f.Name])
			r.val = append(r.val, f.Value)
		}
		rows[i] = r
	}
	w := make([]float64, len(names))
	g := make([]float64, len(names))
	// Adagrad-scaled gradient steps converge without tuning a rate per
	// feature scale.
	hist := make([]float64, len(names))
	n := float64(len(rows))
	if n == 0 {
		return Weights{}
	}
	for it := 0; it < iters; it++ {
		for j := range g {
			g[j] = 0
			if names[j] != "bias" {
				g[j] = l2 * w[j]
			}
		}
		for _, r := range rows {
			z := 0.0
			for k, j := range r.idx {
				z += w[j] * r.val[k]
			}
			d := (1/(1+math.Exp(-z)) - r.y) / n
			for k, j := range r.idx {
				g[j] += d * r.val[k]
			}
		}
		for j := range w {
			hist[j] += g[j] * g[j]
			if hist[j] > 0 {
				w[j] -= 0.5 * g[j] / math.Sqrt(hist[j])
			}
		}
	}
	out := Weights{}
	for j, name := range names {
		out[name] = math.Round(w[j]*1e6) / 1e6
	}
	return out
}
