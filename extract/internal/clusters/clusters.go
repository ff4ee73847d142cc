package clusters

import (
	"encoding/binary"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/extract/internal/perceptron"
	"github.com/newsgraph/newsgraph/extract/nlp"
)

const (
	clusterMinFreq  = 3
	clusterMaxVocab = 30000
	clusterContexts = 300
	clusterFine     = 256
	clusterCoarse   = 32
	clusterIters    = 12
)

// Table maps a word's key (Key) to its fine cluster + 1 in the low 16
// bits and its coarse cluster + 1 in the next 16; words not in it have
// none.
type Table map[uint64]uint32

// Key is the key of a form: the hash of its lowercased normalised form,
// the value the parser's word features use.
func Key(form string) uint64 { return perceptron.Hash(Word(form)) }

// Word is the lowercased normalised form.
func Word(form string) string { return strings.ToLower(perceptron.Norm(form)) }

// Get returns the fine and coarse clusters of key (0 when it has none).
func (t Table) Get(key uint64) (fine, coarse uint64) {
	c := t[key]
	return uint64(c & 0xffff), uint64(c >> 16)
}

// WordCount is a word and its frequency.
type WordCount struct {
	Word string
	N    int
}

// Ranked returns the words of freq with their counts, most frequent first,
// ties in byte order.
func Ranked(freq map[string]int) []WordCount {
	all := make([]WordCount, 0, len(freq))
	for w, n := range freq {
		all = append(all, WordCount{w, n})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].N != all[j].N {
			return all[i].N > all[j].N
		}
		return all[i].Word < all[j].Word
	})
	return all
}

// Vocabulary ranks the words of freq (Ranked) and returns the context
// words, the first contexts of them, by rank; and the words to cluster,
// those seen at least minFreq times that keep accepts (nil: all), at most
// maxVocab, most frequent first, with their indexes.
func Vocabulary(freq map[string]int, contexts, minFreq, maxVocab int, keep func(string) bool) (ctx map[string]int32, vocab map[string]int, words []string) {
	all := Ranked(freq)
	ctx = map[string]int32{}
	for i := 0; i < len(all) && i < contexts; i++ {
		ctx[all[i].Word] = int32(i)
	}
	vocab = map[string]int{}
	for _, x := range all {
		if x.N < minFreq || len(words) >= maxVocab {
			break
		}
		if keep != nil && !keep(x.Word) {
			continue
		}
		vocab[x.Word] = len(words)
		words = append(words, x.Word)
	}
	return ctx, vocab, words
}

// Vector is a sparse vector: increasing indices and their values.
type Vector struct {
	Idx []int32
	Val []float32
}

// ContextVector returns the context counts m as a Vector of square-rooted
// counts scaled to unit length.
func ContextVector(m map[int32]float32) Vector {
	keys := make([]int32, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
	var norm float64
	v := Vector{Idx: keys, Val: make([]float32, len(keys))}
	for j, k := range keys {
		x := math.Sqrt(float64(m[k]))
		v.Val[j] = float32(x)
		norm += x * x
	}
	if norm > 0 {
		inv := float32(1 / math.Sqrt(norm))
		for j := range v.Val {
			v.Val[j] *= inv
		}
	}
	return v
}

// Learn clusters the words of docs.
func Learn(docs []*nlp.Document) Table {
	freq := map[string]int{}
	for _, d := range docs {
		for _, t := range d.Tokens {
			freq[Word(t.Form)]++
		}
	}
	ctx, vocab, words := Vocabulary(freq, clusterContexts, clusterMinFreq, clusterMaxVocab, nil)
	if len(words) < clusterFine {
		return Table{}
	}
	counts := make([]map[int32]float32, len(words))
	for i := range counts {
		counts[i] = map[int32]float32{}
	}
	var lower []string
	for _, d := range docs {
		for _, s := range d.Sentences {
			lower = lower[:0]
			for i := s.Start; i < s.End; i++ {
				lower = append(lower, Word(d.Tokens[i].Form))
			}
			for i, w := range lower {
				wi, ok := vocab[w]
				if !ok {
					continue
				}
				if i > 0 {
					if c, ok := ctx[lower[i-1]]; ok {
						counts[wi][c]++
					}
				}
				if i+1 < len(lower) {
					if c, ok := ctx[lower[i+1]]; ok {
						counts[wi][clusterContexts+c]++
					}
				}
			}
		}
	}
	vecs := make([]Vector, len(words))
	for i, m := range counts {
		vecs[i] = ContextVector(m)
	}
	fine := KMeans(vecs, clusterFine, 2*clusterContexts, clusterIters)
	coarse := KMeans(vecs, clusterCoarse, 2*clusterContexts, clusterIters)
	out := make(Table, len(words))
	for i, w := range words {
		out[perceptron.Hash(w)] = uint32(fine[i]+1) | uint32(coarse[i]+1)<<16
	}
	return out
}

// KMeans runs iters rounds of spherical k-means with k clusters over unit
// vectors of dims dimensions, seeded with the first k vectors (the most
// frequent words), and returns each vector's cluster. Everything runs in
// a fixed order, so the result is the same on every run.
func KMeans(vecs []Vector, k, dims, iters int) []int {
	cent := make([][]float32, k)
	for c := range cent {
		cent[c] = make([]float32, dims)
		for j, x := range vecs[c].Idx {
			cent[c][x] = vecs[c].Val[j]
		}
	}
	assign := make([]int, len(vecs))
	for it := 0; it < iters; it++ {
		for i, v := range vecs {
			best, bestS := 0, float32(-1)
			for c := range cent {
				var s float32
				for j, x := range v.Idx {
					s += cent[c][x] * v.Val[j]
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
			for j, x := range v.Idx {
				cc[x] += v.Val[j]
			}
		}
		for c := range cent {
			var norm float64
			for _, x := range cent[c] {
				norm += float64(x) * float64(x)
			}
			if norm > 0 {
				inv := float32(1 / math.Sqrt(norm))
				for x := range cent[c] {
					cent[c][x] *= inv
				}
			}
		}
	}
	return assign
}

// Encode writes the table sorted by key: delta-coded keys and the cluster
// pair, as uvarints.
func (t Table) Encode() []byte {
	keys := make([]uint64, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	b := binary.AppendUvarint(nil, uint64(len(keys)))
	var last uint64
	for _, k := range keys {
		b = binary.AppendUvarint(b, k-last)
		b = binary.AppendUvarint(b, uint64(t[k]))
		last = k
	}
	return b
}

// sectionName is the model-file section that holds a cluster table.
const sectionName = "clusters"

// Section returns t as a model-file section.
func (t Table) Section() perceptron.Section {
	return perceptron.Section{Name: sectionName, Data: t.Encode()}
}

// FromFile reads the cluster table of model file f; a file without one is
// an error.
func FromFile(f *perceptron.File) (Table, error) {
	b := f.Section(sectionName)
	if b == nil {
		return nil, fmt.Errorf("model of feature set %d has no %s section", f.Meta.FeatureSet, sectionName)
	}
	return Decode(b)
}

// Decode reads a table written by Encode.
func Decode(b []byte) (Table, error) {
	bad := fmt.Errorf("corrupt clusters section")
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return nil, bad
	}
	b = b[k:]
	t := make(Table, n)
	var key uint64
	for range n {
		d, k := binary.Uvarint(b)
		if k <= 0 {
			return nil, bad
		}
		b = b[k:]
		v, k := binary.Uvarint(b)
		if k <= 0 || v > math.MaxUint32 {
			return nil, bad
		}
		b = b[k:]
		key += d
		t[key] = uint32(v)
	}
	if len(b) != 0 {
		return nil, bad
	}
	return t, nil
}
