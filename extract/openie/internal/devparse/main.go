// Command devparse is a stopgap: a small averaged-perceptron tagger and
// greedy arc-standard parser (static oracle, projective sentences only)
// that parses the CaRB sentences so the Open IE extractor can be measured
// and its confidence model fitted before the project's own tagger and
// parser (extract/tag, extract/parse) land. It is not a pipeline stage and
// ships no model; delete it once extract/parse is on main.
//
// Usage:
//
//	go run ./extract/openie/internal/devparse TRAIN.conllu[,TRAIN2...] DEV.conllu SENTENCES.txt OUT.conllu
//
// It trains (5 tagger and 8 parser iterations, deterministic), prints dev
// tagging and attachment scores to stderr, and writes OUT.conllu with the
// sentences' original tokens as FORM.
package main

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph/extract/conllu"
)

type model struct {
	nclass int
	w      map[uint64][]float32
	tot    map[uint64][]float32
	ts     map[uint64][]int
	t      int
}

func newModel(n int) *model {
	return &model{nclass: n, w: map[uint64][]float32{}, tot: map[uint64][]float32{}, ts: map[uint64][]int{}}
}

func h(s string) uint64 { f := fnv.New64a(); f.Write([]byte(s)); return f.Sum64() }

func (m *model) scores(fs []uint64) []float32 {
	sc := make([]float32, m.nclass)
	for _, f := range fs {
		if w, ok := m.w[f]; ok {
			for i, x := range w {
				sc[i] += x
			}
		}
	}
	return sc
}

func (m *model) upd(f uint64, c int, v float32) {
	w, ok := m.w[f]
	if !ok {
		w = make([]float32, m.nclass)
		m.w[f] = w
		m.tot[f] = make([]float32, m.nclass)
		m.ts[f] = make([]int, m.nclass)
	}
	m.tot[f][c] += float32(m.t-m.ts[f][c]) * w[c]
	m.ts[f][c] = m.t
	w[c] += v
}

func (m *model) update(fs []uint64, gold, guess int) {
	m.t++
	if gold == guess {
		return
	}
	for _, f := range fs {
		m.upd(f, gold, 1)
		m.upd(f, guess, -1)
	}
}

func (m *model) average() {
	for f, w := range m.w {
		for c := range w {
			tot := m.tot[f][c] + float32(m.t-m.ts[f][c])*w[c]
			w[c] = tot / float32(m.t)
		}
	}
}

type sent struct {
	forms, tags []string
	heads       []int // 0 root, 1-based
	rels        []string
}

func load(path string) []sent {
	ss, err := conllu.ReadFile(path)
	if err != nil {
		fail(err)
	}
	var out []sent
	for _, s := range ss {
		var x sent
		for _, w := range s.Words {
			x.forms = append(x.forms, w.Form)
			x.tags = append(x.tags, w.UPOS+"|"+w.XPOS)
			x.heads = append(x.heads, w.Head)
			x.rels = append(x.rels, w.Rel)
		}
		out = append(out, x)
	}
	return out
}

func shape(w string) string {
	var b strings.Builder
	last := rune(0)
	for _, r := range w {
		c := 'x'
		switch {
		case r >= 'A' && r <= 'Z':
			c = 'X'
		case r >= '0' && r <= '9':
			c = 'd'
		case r >= 'a' && r <= 'z':
			c = 'x'
		default:
			c = r
		}
		if c != last {
			b.WriteRune(c)
		}
		last = c
	}
	return b.String()
}

func suf(w string, n int) string {
	if len(w) <= n {
		return w
	}
	return w[len(w)-n:]
}

func tagFeats(ws []string, i int, p1, p2 string) []uint64 {
	get := func(j int) string {
		if j < 0 {
			return "<s>"
		}
		if j >= len(ws) {
			return "</s>"
		}
		return strings.ToLower(ws[j])
	}
	w := ws[i]
	lw := strings.ToLower(w)
	fs := []string{"b", "w=" + lw, "s3=" + suf(lw, 3), "s2=" + suf(lw, 2), "s4=" + suf(lw, 4), "sh=" + shape(w),
		"p1=" + p1, "p12=" + p1 + p2, "p1w=" + p1 + lw, "w-1=" + get(i-1), "w-2=" + get(i-2), "w+1=" + get(i+1), "w+2=" + get(i+2),
		"s3w-1=" + suf(get(i-1), 3), "s3w+1=" + suf(get(i+1), 3), "cap=" + fmt.Sprint(i == 0, w != lw)}
	out := make([]uint64, len(fs))
	for k, f := range fs {
		out[k] = h(f)
	}
	return out
}

type tagger struct {
	m    *model
	tags []string
	idx  map[string]int
}

func (t *tagger) tag(ws []string) []string {
	out := make([]string, len(ws))
	p1, p2 := "<s>", "<s>"
	for i := range ws {
		sc := t.m.scores(tagFeats(ws, i, p1, p2))
		best := 0
		for c := range sc {
			if sc[c] > sc[best] {
				best = c
			}
		}
		out[i] = t.tags[best]
		p2, p1 = p1, out[i]
	}
	return out
}

func trainTagger(data []sent, iters int) *tagger {
	idx := map[string]int{}
	var tags []string
	for _, s := range data {
		for _, t := range s.tags {
			if _, ok := idx[t]; !ok {
				idx[t] = len(tags)
				tags = append(tags, t)
			}
		}
	}
	t := &tagger{m: newModel(len(tags)), tags: tags, idx: idx}
	for it := 0; it < iters; it++ {
		for _, s := range data {
			p1, p2 := "<s>", "<s>"
			for i := range s.forms {
				fs := tagFeats(s.forms, i, p1, p2)
				sc := t.m.scores(fs)
				best := 0
				for c := range sc {
					if sc[c] > sc[best] {
						best = c
					}
				}
				t.m.update(fs, idx[s.tags[i]], best)
				p2, p1 = p1, tags[best]
			}
		}
		fmt.Fprintln(os.Stderr, "tagger iter", it)
	}
	t.m.average()
	return t
}

// parser: arc-standard. classes: 0 shift, 1+2k left-k, 2+2k right-k
type parser struct {
	m      *model
	labels []string
	lidx   map[string]int
}

type state struct {
	stack, buf []int // 1-based token ids; 0 = root
	heads      []int
	rels       []string
	lc, rc     [][]int
	n          int
}

func newState(n int) *state {
	s := &state{n: n, stack: []int{0}, heads: make([]int, n+1), rels: make([]string, n+1), lc: make([][]int, n+1), rc: make([][]int, n+1)}
	for i := 1; i <= n; i++ {
		s.buf = append(s.buf, i)
		s.heads[i] = -1
	}
	return s
}

func (p *parser) feats(s *state, ws, ts []string) []uint64 {
	w := func(i int) string {
		if i < 0 {
			return "-"
		}
		if i == 0 {
			return "ROOT"
		}
		return strings.ToLower(ws[i-1])
	}
	t := func(i int) string {
		if i < 0 {
			return "-"
		}
		if i == 0 {
			return "ROOT"
		}
		return ts[i-1]
	}
	st := func(k int) int {
		if len(s.stack) > k {
			return s.stack[len(s.stack)-1-k]
		}
		return -1
	}
	bf := func(k int) int {
		if len(s.buf) > k {
			return s.buf[k]
		}
		return -1
	}
	lc := func(i int) int {
		if i < 0 || len(s.lc[i]) == 0 {
			return -1
		}
		return s.lc[i][0]
	}
	rc := func(i int) int {
		if i < 0 || len(s.rc[i]) == 0 {
			return -1
		}
		return s.rc[i][len(s.rc[i])-1]
	}
	rl := func(i int) string {
		if i <= 0 {
			return "-"
		}
		return s.rels[i]
	}
	s0, s1, s2, b0, b1, b2 := st(0), st(1), st(2), bf(0), bf(1), bf(2)
	dist := "-"
	if s0 > 0 && s1 > 0 {
		d := s0 - s1
		if d > 5 {
			d = 5
		}
		dist = fmt.Sprint(d)
	}
	fs := []string{"b",
		"s0w" + w(s0), "s0t" + t(s0), "s0wt" + w(s0) + t(s0),
		"s1w" + w(s1), "s1t" + t(s1), "s1wt" + w(s1) + t(s1),
		"b0w" + w(b0), "b0t" + t(b0), "b0wt" + w(b0) + t(b0),
		"b1w" + w(b1), "b1t" + t(b1), "b2t" + t(b2), "s2t" + t(s2),
		"s0s1w" + w(s0) + "|" + w(s1), "s0s1t" + t(s0) + "|" + t(s1),
		"s0ts1tb0t" + t(s0) + t(s1) + t(b0), "s0ts1ts2t" + t(s0) + t(s1) + t(s2),
		"s0tb0t" + t(s0) + t(b0), "s0wb0w" + w(s0) + "|" + w(b0),
		"s0ts1w" + t(s0) + w(s1), "s0ws1t" + w(s0) + t(s1),
		"s0lc" + t(lc(s0)) + rl(lc(s0)), "s0rc" + t(rc(s0)) + rl(rc(s0)),
		"s1lc" + t(lc(s1)) + rl(lc(s1)), "s1rc" + t(rc(s1)) + rl(rc(s1)),
		"s0ts1t-s1lc" + t(s0) + t(s1) + rl(lc(s1)), "s0ts1t-s0rc" + t(s0) + t(s1) + rl(rc(s0)),
		"dist" + dist + t(s0) + t(s1), "dw" + dist + w(s0) + t(s1), "dw2" + dist + t(s0) + w(s1),
		"b0tb1t" + t(b0) + t(b1), "s0tb0tb1t" + t(s0) + t(b0) + t(b1),
		"nb" + fmt.Sprint(len(s.buf) == 0), "s1ws1lc" + w(s1) + rl(lc(s1)),
	}
	out := make([]uint64, len(fs))
	for k, f := range fs {
		out[k] = h(f)
	}
	return out
}

func (p *parser) legal(s *state, c int) bool {
	if c == 0 {
		return len(s.buf) > 0
	}
	if len(s.stack) < 2 {
		return false
	}
	if c%2 == 1 { // left: s1 <- s0 ; s1 must not be root
		return s.stack[len(s.stack)-2] != 0
	}
	// right: s1 -> s0; if s1 is root, only when buffer empty
	if s.stack[len(s.stack)-2] == 0 && len(s.buf) > 0 {
		return false
	}
	return true
}

func (p *parser) apply(s *state, c int) {
	if c == 0 {
		s.stack = append(s.stack, s.buf[0])
		s.buf = s.buf[1:]
		return
	}
	s0 := s.stack[len(s.stack)-1]
	s1 := s.stack[len(s.stack)-2]
	lab := p.labels[(c-1)/2]
	if c%2 == 1 {
		s.heads[s1] = s0
		s.rels[s1] = lab
		s.lc[s0] = append([]int{s1}, s.lc[s0]...)
		s.stack = append(s.stack[:len(s.stack)-2], s0)
	} else {
		s.heads[s0] = s1
		s.rels[s0] = lab
		s.rc[s1] = append(s.rc[s1], s0)
		s.stack = s.stack[:len(s.stack)-1]
	}
}

// static oracle for arc-standard
func (p *parser) oracle(s *state, heads []int, rels []string) int {
	if len(s.stack) >= 2 {
		s0 := s.stack[len(s.stack)-1]
		s1 := s.stack[len(s.stack)-2]
		if s1 != 0 && heads[s1-1] == s0 {
			return 1 + 2*p.lidx[rels[s1-1]]
		}
		if s0 != 0 && heads[s0-1] == s1 {
			done := true
			for _, b := range s.buf {
				if heads[b-1] == s0 {
					done = false
				}
			}
			for i := 1; i <= s.n; i++ {
				if heads[i-1] == s0 && s.heads[i] == -1 && i < s0 {
					done = false
				}
			}
			if done {
				return 2 + 2*p.lidx[rels[s0-1]]
			}
		}
	}
	return 0
}

func projective(heads []int) bool {
	for i := range heads {
		a, b := i+1, heads[i]
		if a > b {
			a, b = b, a
		}
		for j := range heads {
			c, d := j+1, heads[j]
			if c > d {
				c, d = d, c
			}
			if (c > a && c < b && (d > b || d < a)) || (d > a && d < b && (c < a || c > b)) {
				return false
			}
		}
	}
	return true
}

func (p *parser) parse(ws, ts []string) ([]int, []string) {
	s := newState(len(ws))
	for len(s.buf) > 0 || len(s.stack) > 1 {
		sc := p.m.scores(p.feats(s, ws, ts))
		best := -1
		for c := range sc {
			if p.legal(s, c) && (best < 0 || sc[c] > sc[best]) {
				best = c
			}
		}
		if best < 0 {
			break
		}
		p.apply(s, best)
	}
	heads := make([]int, len(ws))
	rels := make([]string, len(ws))
	for i := 1; i <= len(ws); i++ {
		heads[i-1] = s.heads[i]
		rels[i-1] = s.rels[i]
		if heads[i-1] < 0 {
			heads[i-1] = 0
			rels[i-1] = "dep"
		}
	}
	// exactly one root labelled root
	return heads, rels
}

func trainParser(data []sent, tg *tagger, iters int) *parser {
	lidx := map[string]int{}
	var labels []string
	for _, s := range data {
		for _, r := range s.rels {
			if _, ok := lidx[r]; !ok {
				lidx[r] = len(labels)
				labels = append(labels, r)
			}
		}
	}
	p := &parser{m: newModel(1 + 2*len(labels)), labels: labels, lidx: lidx}
	// jackknife-free: train on predicted tags from the (trained) tagger
	ptags := make([][]string, len(data))
	for i, s := range data {
		ptags[i] = tg.tag(s.forms)
	}
	for it := 0; it < iters; it++ {
		for i, s := range data {
			if !projective(s.heads) {
				continue
			}
			st := newState(len(s.forms))
			for len(st.buf) > 0 || len(st.stack) > 1 {
				g := p.oracle(st, s.heads, s.rels)
				if !p.legal(st, g) {
					break
				}
				fs := p.feats(st, s.forms, ptags[i])
				sc := p.m.scores(fs)
				best := -1
				for c := range sc {
					if p.legal(st, c) && (best < 0 || sc[c] > sc[best]) {
						best = c
					}
				}
				p.m.update(fs, g, best)
				p.apply(st, g)
			}
		}
		fmt.Fprintln(os.Stderr, "parser iter", it)
	}
	p.m.average()
	return p
}

var ptb = map[string]string{"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}", "``": "\"", "''": "\"", "`": "'"}

func main() {
	if len(os.Args) != 5 {
		fail(fmt.Errorf("usage: devparse TRAIN.conllu[,...] DEV.conllu SENTENCES.txt OUT.conllu"))
	}
	var train []sent
	for _, f := range strings.Split(os.Args[1], ",") {
		train = append(train, load(f)...)
	}
	tg := trainTagger(train, 5)
	ps := trainParser(train, tg, 8)
	// eval on dev
	dev := load(os.Args[2])
	var n, tagOK, uas, las int
	for _, s := range dev {
		ts := tg.tag(s.forms)
		hs, rs := ps.parse(s.forms, ts)
		for i := range s.forms {
			n++
			if ts[i] == s.tags[i] {
				tagOK++
			}
			if hs[i] == s.heads[i] {
				uas++
				if rs[i] == s.rels[i] {
					las++
				}
			}
		}
	}
	fmt.Fprintf(os.Stderr, "dev tag %.4f UAS %.4f LAS %.4f\n", float64(tagOK)/float64(n), float64(uas)/float64(n), float64(las)/float64(n))
	// parse tokenized input
	in, err := os.Open(os.Args[3])
	if err != nil {
		fail(err)
	}
	out, err := os.Create(os.Args[4])
	if err != nil {
		fail(err)
	}
	w := bufio.NewWriter(out)
	sc := bufio.NewScanner(in)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		line := sc.Text()
		raw := strings.Fields(line)
		if len(raw) == 0 {
			continue
		}
		ws := make([]string, len(raw))
		for i, r := range raw {
			ws[i] = r
			if m, ok := ptb[r]; ok {
				ws[i] = m
			}
		}
		ts := tg.tag(ws)
		hs, rs := ps.parse(ws, ts)
		fmt.Fprintf(w, "# text = %s\n", line)
		for i := range ws {
			up, xp, _ := strings.Cut(ts[i], "|")
			fmt.Fprintf(w, "%d\t%s\t_\t%s\t%s\t_\t%d\t%s\t_\t_\n", i+1, raw[i], up, xp, hs[i], rs[i])
		}
		fmt.Fprintln(w)
	}
	if err := w.Flush(); err != nil {
		fail(err)
	}
	if err := out.Close(); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "devparse:", err)
	os.Exit(1)
}
