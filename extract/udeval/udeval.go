package udeval

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

// Score counts one metric: Gold and System are the number of gold and
// system units, Correct the number that match, Aligned the number of
// aligned word pairs the metric was judged on (only set for the
// word-level attributes).
type Score struct {
	Gold, System, Correct, Aligned int
}

// Precision is Correct / System (0 when there is no system unit).
func (s Score) Precision() float64 { return ratio(s.Correct, s.System) }

// Recall is Correct / Gold (0 when there is no gold unit).
func (s Score) Recall() float64 { return ratio(s.Correct, s.Gold) }

// F1 is the harmonic mean of precision and recall, 2C / (G + S).
func (s Score) F1() float64 { return ratio(2*s.Correct, s.Gold+s.System) }

// AlignedAccuracy is Correct / Aligned: the accuracy over aligned words.
func (s Score) AlignedAccuracy() float64 { return ratio(s.Correct, s.Aligned) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (s *Score) add(o Score) {
	s.Gold += o.Gold
	s.System += o.System
	s.Correct += o.Correct
	s.Aligned += o.Aligned
}

// Scores holds every metric of one evaluation. LAS compares the universal
// part of the relation (before ":") as the CoNLL 2018 scorer does; LASFull
// compares the full relation with its subtype for the words whose head is
// right (LAS with subtypes).
type Scores struct {
	Tokens, Sentences, Words Score
	UPOS, XPOS, Lemma        Score
	UAS, LAS, LASFull        Score
}

// Add sums o into s, so a corpus of documents can be scored one by one.
func (s *Scores) Add(o Scores) {
	s.Tokens.add(o.Tokens)
	s.Sentences.add(o.Sentences)
	s.Words.add(o.Words)
	s.UPOS.add(o.UPOS)
	s.XPOS.add(o.XPOS)
	s.Lemma.add(o.Lemma)
	s.UAS.add(o.UAS)
	s.LAS.add(o.LAS)
	s.LASFull.add(o.LASFull)
}

// String prints one line per metric: precision, recall, F1 and aligned
// accuracy in percent.
func (s Scores) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-9s %7s %7s %7s %9s\n", "metric", "P", "R", "F1", "AlignAcc")
	for _, m := range []struct {
		name string
		s    Score
	}{
		{"Tokens", s.Tokens}, {"Sentences", s.Sentences}, {"Words", s.Words},
		{"UPOS", s.UPOS}, {"XPOS", s.XPOS}, {"Lemma", s.Lemma},
		{"UAS", s.UAS}, {"LAS", s.LAS}, {"LASFull", s.LASFull},
	} {
		acc := ""
		if m.s.Aligned > 0 {
			acc = fmt.Sprintf("%9.2f", 100*m.s.AlignedAccuracy())
		}
		fmt.Fprintf(&b, "%-9s %7.2f %7.2f %7.2f %s\n", m.name, 100*m.s.Precision(), 100*m.s.Recall(), 100*m.s.F1(), acc)
	}
	return b.String()
}

// Check reports whether gold and system can be compared: both must be
// structurally valid and cover the same text, ignoring whitespace as the
// CoNLL 2018 scorer does.
func Check(gold, system *nlp.Document) error {
	if err := gold.Validate(); err != nil {
		return fmt.Errorf("udeval: gold: %w", err)
	}
	if err := system.Validate(); err != nil {
		return fmt.Errorf("udeval: system: %w", err)
	}
	if gold.Text == system.Text {
		return nil
	}
	g, s := strings.Join(strings.Fields(gold.Text), ""), strings.Join(strings.Fields(system.Text), "")
	if g != s {
		i := 0
		for i < len(g) && i < len(s) && g[i] == s[i] {
			i++
		}
		return fmt.Errorf("udeval: gold and system texts differ at non-space byte %d", i)
	}
	return fmt.Errorf("udeval: gold and system texts differ in whitespace; offsets cannot be compared")
}

// span is a byte range of the text.
type span struct{ start, end int }

// surface returns the surface tokens of doc as spans, and for each word the
// index of its surface token. A word with MWT = n starts a surface token
// that covers it and the next n-1 words.
func surface(doc *nlp.Document) (toks []span, tokOf []int) {
	tokOf = make([]int, len(doc.Tokens))
	for i := 0; i < len(doc.Tokens); {
		n := doc.Tokens[i].MWT
		if n < 1 {
			n = 1
		}
		if i+n > len(doc.Tokens) {
			n = len(doc.Tokens) - i
		}
		sp := span{doc.Tokens[i].Start, doc.Tokens[i].End}
		for j := i; j < i+n; j++ {
			sp.start = min(sp.start, doc.Tokens[j].Start)
			sp.end = max(sp.end, doc.Tokens[j].End)
			tokOf[j] = len(toks)
		}
		toks = append(toks, sp)
		i += n
	}
	return toks, tokOf
}

// sentences returns the character span of every non-empty sentence.
func sentences(doc *nlp.Document) []span {
	var out []span
	for _, s := range doc.Sentences {
		if s.Start < 0 || s.End > len(doc.Tokens) || s.Start >= s.End {
			continue
		}
		sp := span{doc.Tokens[s.Start].Start, doc.Tokens[s.End-1].End}
		for j := s.Start; j < s.End; j++ {
			sp.start = min(sp.start, doc.Tokens[j].Start)
			sp.end = max(sp.end, doc.Tokens[j].End)
		}
		out = append(out, sp)
	}
	return out
}

// matchSpans counts the spans present in both sorted lists.
func matchSpans(g, s []span) Score {
	sc := Score{Gold: len(g), System: len(s)}
	i, j := 0, 0
	for i < len(g) && j < len(s) {
		switch {
		case g[i] == s[j]:
			sc.Correct++
			i++
			j++
		case g[i].start < s[j].start || (g[i].start == s[j].start && g[i].end < s[j].end):
			i++
		default:
			j++
		}
	}
	return sc
}

// Evaluate scores system against gold. Surface tokens and sentences match
// when they cover the same characters. Words match when their surface
// tokens cover the same characters; inside a multiword token the words are
// paired by their own character slice when they have one (do + n't), and
// otherwise by their order within the surface token. Word attributes are
// then compared over the aligned pairs; a head is right when the system
// head is aligned to the gold head (or both are roots). Evaluate assumes
// Check(gold, system) is nil; on other input it still returns without
// panicking, with scores that are not meaningful.
func Evaluate(gold, system *nlp.Document) Scores {
	var sc Scores
	gt, gTok := surface(gold)
	st, sTok := surface(system)
	sc.Tokens = matchSpans(gt, st)
	if gold.Layers.Has(nlp.Sentences) || len(gold.Sentences) > 0 {
		sc.Sentences = matchSpans(sentences(gold), sentences(system))
	}

	// Pair surface tokens with the same span.
	tokPair := make([]int, len(gt)) // gold token -> system token or -1
	for i := range tokPair {
		tokPair[i] = -1
	}
	for i, j := 0, 0; i < len(gt) && j < len(st); {
		switch {
		case gt[i] == st[j]:
			tokPair[i] = j
			i++
			j++
		case gt[i].start < st[j].start || (gt[i].start == st[j].start && gt[i].end < st[j].end):
			i++
		default:
			j++
		}
	}
	// Words of each system surface token.
	sWords := make([][]int, len(st))
	for w, t := range sTok {
		sWords[t] = append(sWords[t], w)
	}
	g2s := make([]int, len(gold.Tokens))
	for i := range g2s {
		g2s[i] = -1
	}
	s2g := make([]int, len(system.Tokens))
	for i := range s2g {
		s2g[i] = -1
	}
	// Words with a slice of their own (unique in their document) pair by
	// equal span: this aligns do + n't whether or not the surface tokens
	// agree.
	gu, su := uniqueSpans(gold), uniqueSpans(system)
	for i, j := 0, 0; i < len(gold.Tokens) && j < len(system.Tokens); {
		g, s := gold.Tokens[i], system.Tokens[j]
		switch {
		case g.Start == s.Start && g.End == s.End:
			if gu[i] && su[j] {
				g2s[i], s2g[j] = j, i
			}
			i++
			j++
		case g.Start < s.Start || (g.Start == s.Start && g.End < s.End):
			i++
		default:
			j++
		}
	}
	// The other words of surface tokens that cover the same characters.
	for w := 0; w < len(gold.Tokens); {
		t := gTok[w]
		e := w
		for e < len(gold.Tokens) && gTok[e] == t {
			e++
		}
		if j := tokPair[t]; j >= 0 {
			alignWords(gold, system, w, e, sWords[j], g2s, s2g)
		}
		w = e
	}

	sc.Words = Score{Gold: len(gold.Tokens), System: len(system.Tokens)}
	for _, p := range []*Score{&sc.UPOS, &sc.XPOS, &sc.Lemma, &sc.UAS, &sc.LAS, &sc.LASFull} {
		*p = Score{Gold: len(gold.Tokens), System: len(system.Tokens)}
	}
	for gi, si := range g2s {
		if si < 0 {
			continue
		}
		g, s := gold.Tokens[gi], system.Tokens[si]
		sc.Words.Correct++
		for _, p := range []*Score{&sc.Words, &sc.UPOS, &sc.XPOS, &sc.Lemma, &sc.UAS, &sc.LAS, &sc.LASFull} {
			p.Aligned++
		}
		if g.UPOS == s.UPOS {
			sc.UPOS.Correct++
		}
		if g.XPOS == s.XPOS {
			sc.XPOS.Correct++
		}
		if g.Lemma == "" || g.Lemma == "_" || g.Lemma == s.Lemma {
			sc.Lemma.Correct++
		}
		if headAligned(g.Head, s.Head, g2s, len(system.Tokens)) {
			sc.UAS.Correct++
			if universal(g.Rel) == universal(s.Rel) {
				sc.LAS.Correct++
			}
			if g.Rel == s.Rel {
				sc.LASFull.Correct++
			}
		}
	}
	return sc
}

// headAligned reports whether the system head sh is the word aligned to
// the gold head gh (both -1 for a root).
func headAligned(gh, sh int, g2s []int, nSys int) bool {
	if gh < 0 || gh >= len(g2s) {
		return sh < 0 || sh >= nSys
	}
	return g2s[gh] >= 0 && g2s[gh] == sh
}

func universal(rel string) string {
	r, _, _ := strings.Cut(rel, ":")
	return r
}

// uniqueSpans marks the words whose span no other word shares.
func uniqueSpans(doc *nlp.Document) []bool {
	u := make([]bool, len(doc.Tokens))
	for i, t := range doc.Tokens {
		u[i] = t.Start < t.End &&
			(i == 0 || doc.Tokens[i-1].Start != t.Start || doc.Tokens[i-1].End != t.End) &&
			(i+1 == len(doc.Tokens) || doc.Tokens[i+1].Start != t.Start || doc.Tokens[i+1].End != t.End)
	}
	return u
}

// alignWords pairs the still unpaired gold words [gw, ge) of one surface
// token with the unpaired system words sw of the surface token that covers
// the same characters: in order when both sides have the same number left,
// else by a longest common subsequence of their forms.
func alignWords(gold, system *nlp.Document, gw, ge int, sw []int, g2s, s2g []int) {
	var gl, sl []int
	for g := gw; g < ge; g++ {
		if g2s[g] < 0 {
			gl = append(gl, g)
		}
	}
	for _, s := range sw {
		if s2g[s] < 0 {
			sl = append(sl, s)
		}
	}
	if len(gl) == len(sl) {
		for k := range gl {
			g2s[gl[k]], s2g[sl[k]] = sl[k], gl[k]
		}
		return
	}
	lcsPair(gold, system, gl, sl, g2s, s2g)
}

func lcsPair(gold, system *nlp.Document, gl, sl []int, g2s, s2g []int) {
	n, m := len(gl), len(sl)
	if n == 0 || m == 0 || n*m > 1<<16 {
		return // nothing to pair, or a malformed token too long to compare
	}
	l := make([][]int, n+1)
	for i := range l {
		l[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if strings.EqualFold(gold.Tokens[gl[i]].Form, system.Tokens[sl[j]].Form) {
				l[i][j] = 1 + l[i+1][j+1]
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case strings.EqualFold(gold.Tokens[gl[i]].Form, system.Tokens[sl[j]].Form):
			g2s[gl[i]], s2g[sl[j]] = sl[j], gl[i]
			i++
			j++
		case l[i+1][j] >= l[i][j+1]:
			i++
		default:
			j++
		}
	}
}
