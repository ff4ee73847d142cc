package score

import (
	"fmt"
	"math"
)

// Metric holds the recall and precision fractions of one metric, kept as
// numerators and denominators so that documents can be summed.
type Metric struct {
	RecallNum, RecallDen       float64
	PrecisionNum, PrecisionDen float64
}

// Recall is RecallNum/RecallDen, 0 when there is nothing to recall.
func (m Metric) Recall() float64 { return ratio(m.RecallNum, m.RecallDen) }

// Precision is PrecisionNum/PrecisionDen, 0 when nothing was proposed.
func (m Metric) Precision() float64 { return ratio(m.PrecisionNum, m.PrecisionDen) }

// F1 is the harmonic mean of recall and precision.
func (m Metric) F1() float64 {
	r, p := m.Recall(), m.Precision()
	if r+p == 0 {
		return 0
	}
	return 2 * r * p / (r + p)
}

func (m Metric) add(o Metric) Metric {
	return Metric{m.RecallNum + o.RecallNum, m.RecallDen + o.RecallDen,
		m.PrecisionNum + o.PrecisionNum, m.PrecisionDen + o.PrecisionDen}
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// Result is the score of a response against a key.
type Result struct {
	MUC, B3, CEAFe Metric
	Docs           int
}

// CoNLL is the CoNLL-2012 score: the mean of the MUC, B³ and CEAF-e F1.
func (r Result) CoNLL() float64 { return (r.MUC.F1() + r.B3.F1() + r.CEAFe.F1()) / 3 }

// Add returns the sum of two results (micro-averaging over documents).
func (r Result) Add(o Result) Result {
	return Result{r.MUC.add(o.MUC), r.B3.add(o.B3), r.CEAFe.add(o.CEAFe), r.Docs + o.Docs}
}

// Score scores the response clusters of one document against the key
// clusters. A mention listed more than once on one side counts once (its
// first listing), and clusters left empty are dropped.
func Score(key, response [][]Mention) Result {
	key, response = dedupe(key), dedupe(response)
	return Result{
		MUC:   muc(key, response),
		B3:    bcubed(key, response),
		CEAFe: ceafe(key, response),
		Docs:  1,
	}
}

// ScoreDocuments scores system documents against gold documents, matched
// by position; the two lists must have the same length and each pair the
// same number of words.
func ScoreDocuments(gold, system []Document) (Result, error) {
	if len(gold) != len(system) {
		return Result{}, fmt.Errorf("score: %d gold documents but %d system documents", len(gold), len(system))
	}
	var total Result
	for i := range gold {
		if len(gold[i].Words) != len(system[i].Words) {
			return Result{}, fmt.Errorf("score: document %d (%s): %d gold words but %d system words",
				i, gold[i].Name, len(gold[i].Words), len(system[i].Words))
		}
		total = total.Add(Score(gold[i].Clusters, system[i].Clusters))
	}
	return total, nil
}

func dedupe(cs [][]Mention) [][]Mention {
	seen := map[Mention]bool{}
	var out [][]Mention
	for _, c := range cs {
		var kept []Mention
		for _, m := range c {
			if !seen[m] {
				seen[m] = true
				kept = append(kept, m)
			}
		}
		if len(kept) > 0 {
			out = append(out, kept)
		}
	}
	return out
}

// index maps each mention to the number of its cluster.
func index(cs [][]Mention) map[Mention]int {
	idx := make(map[Mention]int)
	for i, c := range cs {
		for _, m := range c {
			idx[m] = i
		}
	}
	return idx
}

// muc is the link-based MUC metric: recall is Σ(|K|-|p(K)|)/Σ(|K|-1)
// over key clusters K, where p(K) is the partition of K by the response
// (a mention missing from the response is a part of its own); precision
// swaps key and response.
func muc(key, response [][]Mention) Metric {
	rn, rd := mucSide(key, index(response))
	pn, pd := mucSide(response, index(key))
	return Metric{rn, rd, pn, pd}
}

func mucSide(cs [][]Mention, other map[Mention]int) (num, den float64) {
	for _, c := range cs {
		parts := map[int]bool{}
		missing := 0
		for _, m := range c {
			if j, ok := other[m]; ok {
				parts[j] = true
			} else {
				missing++
			}
		}
		num += float64(len(c) - len(parts) - missing)
		den += float64(len(c) - 1)
	}
	return num, den
}

// bcubed is the mention-based B³ metric: recall is the mean over key
// mentions of |K∩R|/|K| for the key cluster K and response cluster R of
// the mention, which sums to Σ_K Σ_R |K∩R|²/|K|; precision swaps the two.
func bcubed(key, response [][]Mention) Metric {
	rn, rd := b3Side(key, response)
	pn, pd := b3Side(response, key)
	return Metric{rn, rd, pn, pd}
}

func b3Side(cs, other [][]Mention) (num, den float64) {
	oidx := index(other)
	for _, c := range cs {
		overlap := map[int]int{}
		for _, m := range c {
			if j, ok := oidx[m]; ok {
				overlap[j]++
			}
		}
		for _, n := range overlap {
			num += float64(n*n) / float64(len(c))
		}
		den += float64(len(c))
	}
	return num, den
}

// ceafe is entity-based CEAF: the key and response clusters are aligned
// one to one so as to maximise the total similarity φ4(K,R) =
// 2|K∩R|/(|K|+|R|); recall is that total over the number of key clusters
// and precision the total over the number of response clusters.
func ceafe(key, response [][]Mention) Metric {
	sim := make([][]float64, len(key))
	ridx := index(response)
	for i, k := range key {
		sim[i] = make([]float64, len(response))
		overlap := map[int]int{}
		for _, m := range k {
			if j, ok := ridx[m]; ok {
				overlap[j]++
			}
		}
		for j, n := range overlap {
			sim[i][j] = 2 * float64(n) / float64(len(k)+len(response[j]))
		}
	}
	total := maxAssignment(sim)
	return Metric{total, float64(len(key)), total, float64(len(response))}
}

// maxAssignment returns the largest total weight of a one-to-one matching
// between the rows and the columns of w (Kuhn-Munkres, O(n²m) with
// potentials). Rows and columns need not be equal in number.
func maxAssignment(w [][]float64) float64 {
	n := len(w)
	if n == 0 || len(w[0]) == 0 {
		return 0
	}
	m := len(w[0])
	if n > m { // the algorithm wants rows ≤ columns
		t := make([][]float64, m)
		for j := range t {
			t[j] = make([]float64, n)
			for i := range w {
				t[j][i] = w[i][j]
			}
		}
		return maxAssignment(t)
	}
	// Minimise cost = -weight. Arrays are 1-based; index 0 is a sentinel.
	u := make([]float64, n+1)
	v := make([]float64, m+1)
	p := make([]int, m+1)   // p[j] = row matched to column j
	way := make([]int, m+1) // previous column on the augmenting path
	minv := make([]float64, m+1)
	used := make([]bool, m+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		for j := range minv {
			minv[j] = math.Inf(1)
			used[j] = false
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], math.Inf(1), 0
			for j := 1; j <= m; j++ {
				if used[j] {
					continue
				}
				cur := -w[i0-1][j-1] - u[i0] - v[j]
				if cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= m; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	total := 0.0
	for j := 1; j <= m; j++ {
		if p[j] != 0 {
			total += w[p[j]-1][j-1]
		}
	}
	return total
}
