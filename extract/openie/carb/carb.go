package carb

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Tuple is one extraction: a relation phrase, its arguments (Args[0] is the
// subject) and a confidence (1 for gold tuples).
type Tuple struct {
	Rel  string
	Args []string
	Conf float64
}

// Set holds tuples grouped by raw sentence text, with the sentences in the
// order they first appear in the file.
type Set struct {
	Sentences []string           // raw sentence texts, in order of first appearance
	Tuples    map[string][]Tuple // by raw sentence text, in file order
}

// NewSet returns an empty Set.
func NewSet() *Set { return &Set{Tuples: map[string][]Tuple{}} }

// Add appends t to sentence s.
func (s *Set) Add(sentence string, t Tuple) {
	if _, ok := s.Tuples[sentence]; !ok {
		s.Sentences = append(s.Sentences, sentence)
	}
	s.Tuples[sentence] = append(s.Tuples[sentence], t)
}

// Len is the number of tuples in the set.
func (s *Set) Len() int {
	n := 0
	for _, ts := range s.Tuples {
		n += len(ts)
	}
	return n
}

// isSpace is Python's str.isspace for the characters str.split() and
// str.strip() treat as whitespace: Unicode white space plus the ASCII
// separators 0x1C-0x1F.
func isSpace(r rune) bool { return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f) }

// fields splits s on runs of whitespace, like Python's str.split().
func fields(s string) []string { return strings.FieldsFunc(s, isSpace) }

// strip trims whitespace at both ends, like Python's str.strip().
func strip(s string) string { return strings.TrimFunc(s, isSpace) }

// lines calls fn for every line of r, numbered from 1, with a trailing
// "\r" removed.
func lines(r io.Reader, fn func(n int, line string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	n := 0
	for sc.Scan() {
		n++
		if err := fn(n, strings.TrimSuffix(sc.Text(), "\r")); err != nil {
			return err
		}
	}
	return sc.Err()
}

// ReadGold reads a CaRB gold file: SENTENCE<TAB>RELATION<TAB>ARG1<TAB>ARG2...
// per line. The whole line is stripped first (so a trailing empty argument
// disappears), every field is stripped, and arguments containing "C: "
// (context) are dropped; "T: " and "L: " arguments are kept verbatim.
// Blank lines are skipped.
func ReadGold(r io.Reader) (*Set, error) {
	set := NewSet()
	err := lines(r, func(n int, line string) error {
		line = strip(line)
		if line == "" {
			return nil
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			return fmt.Errorf("carb: gold line %d: %d field(s), want sentence and relation at least", n, len(f))
		}
		t := Tuple{Rel: strip(f[1]), Conf: 1}
		for _, a := range f[2:] {
			if !strings.Contains(a, "C: ") {
				t.Args = append(t.Args, strip(a))
			}
		}
		set.Add(strip(f[0]), t)
		return nil
	})
	return set, err
}

// ReadTabbed reads system output in CaRB's tabbed format:
// SENTENCE<TAB>CONFIDENCE<TAB>RELATION<TAB>ARG1<TAB>ARG2... per line.
// Blank lines are skipped; the line is stripped first, so trailing empty
// arguments disappear.
func ReadTabbed(r io.Reader) (*Set, error) {
	set := NewSet()
	err := lines(r, func(n int, line string) error {
		line = strip(line)
		if line == "" {
			return nil
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			return fmt.Errorf("carb: line %d: %d field(s), want sentence, confidence and relation at least", n, len(f))
		}
		conf, err := strconv.ParseFloat(strip(f[1]), 64)
		if err != nil || math.IsNaN(conf) {
			return fmt.Errorf("carb: line %d: confidence %q is not a number", n, f[1])
		}
		set.Add(f[0], Tuple{Rel: f[2], Args: f[3:], Conf: conf})
		return nil
	})
	return set, err
}

// Key is the normalised sentence key under which gold and predicted
// sentences are matched: spaces removed, -LRB- style brackets turned into
// their characters, then ASCII punctuation removed.
func Key(s string) string {
	s = strings.ReplaceAll(s, " ", "")
	s = bracketReplacer.Replace(s)
	return strings.Map(func(r rune) rune {
		if r < 0x80 && strings.ContainsRune(asciiPunct, r) {
			return -1
		}
		return r
	}, s)
}

const asciiPunct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

var bracketReplacer = strings.NewReplacer("-LRB-", "(", "-RRB-", ")", "-LSB-", "[", "-RSB-", "]", "-LCB-", "{", "-RCB-", "}")

// keyed re-keys a set by Key. When two raw sentences share a key, the one
// that first appeared later replaces the earlier one's tuples (the
// original's dict semantics). It returns the keys in order of first
// appearance.
func (s *Set) keyed() (keys []string, byKey map[string][]Tuple) {
	byKey = map[string][]Tuple{}
	for _, raw := range s.Sentences {
		k := Key(raw)
		if _, ok := byKey[k]; !ok {
			keys = append(keys, k)
		}
		byKey[k] = s.Tuples[raw]
	}
	return keys, byKey
}

// Options select the scorer variant.
type Options struct {
	// SingleMatch scores recall with a 1-to-1 greedy assignment
	// (OpenIE6's "CaRB(1-1)", "(s,s)") instead of the default multi-match.
	SingleMatch bool
}

// Point is one point of the precision-recall curve: the scores of the
// extractions with confidence >= Threshold.
type Point struct {
	Threshold float64
	P, R, F1  float64
}

// Result is the outcome of scoring.
type Result struct {
	Curve []Point // one point per distinct confidence, ascending threshold
	Best  Point   // the lowest threshold with the highest F1
	AUC   float64 // area under the PR curve, closed at (recall 0, precision 1)
	Last  Point   // the lowest threshold: every extraction kept (zero if none)
	Gold  int     // number of gold tuples
	Pred  int     // number of predicted tuples, after re-keying
}

// Score compares predictions with gold the way CaRB does.
func Score(gold, pred *Set, opt Options) Result {
	gkeys, gmap := gold.keyed()
	pkeys, pmap := pred.keyed()
	var res Result
	var all []float64
	for _, k := range pkeys {
		for _, t := range pmap[k] {
			all = append(all, t.Conf)
			res.Pred++
		}
	}
	for _, k := range gkeys {
		res.Gold += len(gmap[k])
	}
	T := distinct(all)
	if len(T) == 0 {
		return res
	}
	index := make(map[float64]int, len(T))
	for i, c := range T {
		index[c] = i
	}
	pNum := make([]float64, len(T))
	pDen := make([]float64, len(T))
	rNum := make([]float64, len(T))
	rDen := make([]float64, len(T))
	for _, k := range gkeys {
		G := gmap[k]
		P := pmap[k]
		n := len(G)
		S := make([][]pair, n)
		for i := range G {
			S[i] = make([]pair, len(P))
			for j := range P {
				S[i][j] = match(G[i], P[j])
			}
		}
		confs := make([]float64, len(P))
		for j, p := range P {
			confs[j] = p.Conf
		}
		lo := 0
		for _, c := range distinct(confs) {
			hi := index[c]
			var sel []int
			for j, p := range P {
				if p.Conf >= c {
					sel = append(sel, j)
				}
			}
			precNum := greedy(S, sel, func(p pair) float64 { return p.prec })
			var recNum float64
			if opt.SingleMatch {
				recNum = greedy(S, sel, func(p pair) float64 { return p.rec })
			} else {
				for i := range G {
					best := 0.0
					for _, j := range sel {
						best = math.Max(best, S[i][j].rec)
					}
					recNum += best
				}
			}
			for t := lo; t <= hi; t++ {
				pNum[t] += precNum
				pDen[t] += float64(len(sel))
				rNum[t] += recNum
				rDen[t] += float64(n)
			}
			lo = hi + 1
		}
		for t := lo; t < len(T); t++ {
			rDen[t] += float64(n)
		}
	}
	res.Curve = make([]Point, len(T))
	bestF := math.Inf(-1)
	for t := range T {
		p := Point{Threshold: T[t], P: 1}
		if pDen[t] > 0 {
			p.P = pNum[t] / pDen[t]
		}
		if rDen[t] > 0 {
			p.R = rNum[t] / rDen[t]
		}
		if p.P+p.R > 0 {
			p.F1 = 2 * p.P * p.R / (p.P + p.R)
		}
		res.Curve[t] = p
		if p.F1 > bestF {
			bestF = p.F1
			res.Best = p
		}
	}
	res.Last = res.Curve[0]
	for t := range T {
		x0, y0 := res.Curve[t].R, res.Curve[t].P
		x1, y1 := 0.0, 1.0
		if t+1 < len(T) {
			x1, y1 = res.Curve[t+1].R, res.Curve[t+1].P
		}
		res.AUC += (x0 - x1) * (y0 + y1) / 2
	}
	return res
}

// distinct returns the distinct values of xs in ascending order.
func distinct(xs []float64) []float64 {
	ys := append([]float64(nil), xs...)
	sort.Float64s(ys)
	out := ys[:0]
	for i, y := range ys {
		if i == 0 || y != ys[i-1] {
			out = append(out, y)
		}
	}
	return out
}

// greedy is the 1-to-1 greedy assignment: min(n, len(sel)) rounds, each
// taking the highest value of a free (row, column) pair, rows in gold
// order and columns in selection order, the first maximum winning.
func greedy(S [][]pair, sel []int, val func(pair) float64) float64 {
	n := len(S)
	usedRow := make([]bool, n)
	usedCol := make(map[int]bool, len(sel))
	total := 0.0
	for round := 0; round < min(n, len(sel)); round++ {
		best, bi, bj := -1.0, -1, -1
		for i := 0; i < n; i++ {
			if usedRow[i] {
				continue
			}
			for _, j := range sel {
				if usedCol[j] {
					continue
				}
				if v := val(S[i][j]); v > best {
					best, bi, bj = v, i, j
				}
			}
		}
		usedRow[bi] = true
		usedCol[bj] = true
		total += best
	}
	return total
}

// pair is the (precision, recall) score of one gold-predicted pair.
type pair struct{ prec, rec float64 }

// less orders pairs lexicographically: precision first, then recall.
func (a pair) less(b pair) bool { return a.prec < b.prec || (a.prec == b.prec && a.rec < b.rec) }

var saidWords = []string{"said", "told", "added", "adds", "says"}

// Match scores a predicted tuple against a gold tuple with CaRB's lenient
// matcher and returns the pair's (precision, recall).
func Match(gold, pred Tuple) (prec, rec float64) {
	s := match(gold, pred)
	return s.prec, s.rec
}

// ByKey returns the tuples keyed by Key of their sentence, with CaRB's
// collision rule (the later sentence wins).
func (s *Set) ByKey() map[string][]Tuple {
	_, m := s.keyed()
	return m
}

// match is CaRB's binary_linient_tuple_match.
func match(g, p Tuple) pair {
	G := collapse(g.Args)
	s := lenient(g.Rel, G, p.Rel, collapse(p.Args))
	for _, w := range saidWords {
		if strings.Contains(g.Rel, w) {
			P2 := p.Args
			if len(p.Args) >= 2 {
				P2 = []string{strings.Join(p.Args[1:], " "), p.Args[0]}
			}
			if s2 := lenient(g.Rel, G, p.Rel, P2); s.less(s2) {
				s = s2
			}
			break
		}
	}
	return s
}

// collapse keeps the subject and joins every further argument into one.
func collapse(args []string) []string {
	if len(args) < 2 {
		return args
	}
	return []string{args[0], strings.Join(args[1:], " ")}
}

var beForms = map[string]bool{"be": true, "is": true, "am": true, "are": true, "was": true, "were": true, "been": true, "being": true}

// lenient scores a predicted (relation, slots) against a gold one.
func lenient(grel string, G []string, prel string, P []string) pair {
	gw, pw := fields(grel), fields(prel)
	pDen, rDen := len(pw), len(gw)
	m, rest := overlap(gw, pw)
	if contains(rest, "be") && anyBe(gw) { // the "be" rule, at most once
		m++
	}
	if m == 0 {
		return pair{}
	}
	pNum, rNum := m, m
	for i := range G {
		gt := fields(G[i])
		rDen += len(gt)
		if len(P) <= i {
			return pair{}
		}
		pt := fields(P[i])
		pDen += len(pt)
		k, _ := overlap(gt, pt)
		pNum += k
		rNum += k
	}
	var s pair
	if pDen > 0 {
		s.prec = float64(pNum) / float64(pDen)
	}
	if rDen > 0 {
		s.rec = float64(rNum) / float64(rDen)
	}
	return s
}

func contains(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

func anyBe(ws []string) bool {
	for _, w := range ws {
		if beForms[w] {
			return true
		}
	}
	return false
}

// overlap counts the multiset intersection of gold and predicted tokens,
// consuming the first equal predicted token for each gold token, and
// returns the predicted tokens left over.
func overlap(gold, pred []string) (int, []string) {
	rest := append([]string(nil), pred...)
	n := 0
	for _, g := range gold {
		for j, p := range rest {
			if p == g {
				n++
				rest = append(rest[:j], rest[j+1:]...)
				break
			}
		}
	}
	return n, rest
}
