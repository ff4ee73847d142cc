package ner

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
)

const (
	modelName = "ner"
	// featureSet is the version of the feature templates below; a model
	// trained with other templates is refused on load.
	featureSet = 8
)

// labels are the entity types the sequence model predicts; the other
// types come from rules.
var labels = []string{"PERSON", "ORG", "GPE", "LOC"}

// classNames are the BILOU classes: "O", then B-, I-, L-, U- per label.
var classNames = buildClasses()

func buildClasses() []string {
	cs := []string{"O"}
	for _, l := range labels {
		cs = append(cs, "B-"+l, "I-"+l, "L-"+l, "U-"+l)
	}
	return cs
}

// class parts: 0 O, then per label 4 classes.
const (
	posB = iota
	posI
	posL
	posU
)

func classOf(label string, pos int) int {
	for i, l := range labels {
		if l == label {
			return 1 + 4*i + pos
		}
	}
	return 0
}

func classPos(c int) int      { return (c - 1) % 4 }
func classLabel(c int) string { return labels[(c-1)/4] }

// allowed reports whether class c may follow class prev (-1 at sentence
// start); last says c is the last token of the sentence.
func allowed(prev, c int, last bool) bool {
	if prev >= -1 && prev < len(classNames) && c >= 0 && c < len(classNames) {
		k := 0
		if last {
			k = 1
		}
		return allowedTab[k][prev+1][c]
	}
	return allowedSlow(prev, c, last)
}

// allowedTab caches allowed for every (last, prev+1, c): the Viterbi
// decoder asks it for every pair of classes at every token.
var allowedTab = func() (t [2][][]bool) {
	for k := range t {
		t[k] = make([][]bool, len(classNames)+1)
		for p := -1; p < len(classNames); p++ {
			t[k][p+1] = make([]bool, len(classNames))
			for c := range classNames {
				t[k][p+1][c] = allowedSlow(p, c, k == 1)
			}
		}
	}
	return t
}()

// allowedSlow is allowed computed from the BILOU rules.
func allowedSlow(prev, c int, last bool) bool {
	open := prev > 0 && (classPos(prev) == posB || classPos(prev) == posI)
	if open {
		if c == 0 || classLabel(c) != classLabel(prev) {
			return false
		}
		p := classPos(c)
		return p == posL || (p == posI && !last)
	}
	if c == 0 {
		return true
	}
	p := classPos(c)
	return p == posU || (p == posB && !last)
}

// Feature templates. Each feature is a 32-bit FNV-1a hash of its template
// number and its string parts.
const (
	fBias byte = iota + 1
	fWord
	fLower
	fShape
	fPrefix
	fSuffix
	fPrev1
	fNext1
	fPrev2
	fNext2
	fShapePrev
	fShapeNext
	fShapePrevCur
	fShapeCurNext
	fBigramPrev
	fBigramNext
	fCasing
	fCasingShape
	fCasingPrev
	fCasingNext
	fFirstShape
	fGaz
	fGazPrev
	fGazNext
	fSentCase
	fTagPrev
	fTagPrev2
	fTagPrevLower
	fTagPrevShape
	fLen // unused; kept so that the template numbers after it, and so the hashes, stay put
	fNextIsPoss
	fGiven
	fGivenPrev
	fPrevWordShape
	fNextWordShape
	fPrev2WordShape
	fShapeCasingNext
	fCluster
	fClusterShape
	fClusterPrev
	fClusterNext
	fPOS
	fXPOS
	fPOSPrev
	fPOSNext
	fPOSPrev2
	fPOSNext2
	fPOSTri
	fPOSShape
	fPOSCasing
	fPOSPrevWord
	fPOSNextWord
	fDoc
	fDocShape
	fGroupPrevLower
	fGroupPrevShape
	fEmb
	fEmbShape
	fEmbPrev
	fEmbNext
	fEmbCap
)

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func hstr(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= fnvPrime
	}
	return h
}

func hbyte(h uint32, b byte) uint32 {
	h ^= uint32(b)
	return h * fnvPrime
}

func feat1(t byte, a string) uint32 { return hstr(hbyte(fnvOffset, t), a) }

func feat2(t byte, a, b string) uint32 {
	return hstr(hbyte(hstr(hbyte(fnvOffset, t), a), 0), b)
}

func featN(t byte, xs ...byte) uint32 {
	h := hbyte(fnvOffset, t)
	for _, x := range xs {
		h = hbyte(h, x)
	}
	return h
}

// wordKey is the hash under which the casing profile stores a folded word.
func wordKey(lower string) uint32 { return feat1(0, lower) }

// Casing buckets: how a word is written mid-sentence in the training text.
const (
	caseUnseen byte = iota
	caseLower       // almost always lower case
	caseMostlyLower
	caseMixed
	caseMostlyCap
	caseCap // almost always capitalised
)

func casingBucket(capN, total int) byte {
	if total < 2 {
		return caseUnseen
	}
	r := float64(capN) / float64(total)
	switch {
	case r < 0.05:
		return caseLower
	case r < 0.3:
		return caseMostlyLower
	case r < 0.7:
		return caseMixed
	case r < 0.95:
		return caseMostlyCap
	default:
		return caseCap
	}
}

// shape maps letters to X/x, digits to d, keeps other characters, and
// collapses runs of the same class longer than two: "McCain" → "XxXxx",
// "1990s" → "ddx", "U.S." → "X.X.".
func shape(s string) string {
	var b [24]byte
	n := 0
	var last byte
	run := 0
	for _, r := range s {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			run++
			if run >= 2 {
				continue
			}
		} else {
			run = 0
		}
		last = c
		if n < len(b) {
			b[n] = c
			n++
		}
	}
	return string(b[:n])
}

func isCap(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// prefix and suffix of n runes.
func prefix(s string, n int) (string, bool) {
	i := 0
	for k := 0; k < n; k++ {
		if i >= len(s) {
			return "", false
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return s[:i], true
}

func suffix(s string, n int) (string, bool) {
	i := len(s)
	for k := 0; k < n; k++ {
		if i <= 0 {
			return "", false
		}
		_, w := utf8.DecodeLastRuneInString(s[:i])
		i -= w
	}
	return s[i:], true
}

// gazetteer phrases, tokenised like UD (hyphens split off), lower case,
// with a bit per kind.
const (
	gCountry uint16 = 1 << iota
	gSubdivision
	gCity
	gOrg
	gDemonym
	gContinent
	gPerson // WordNet person names
	gPlace  // WordNet place names
	gGroup  // WordNet group names
	gLast   = gGroup
)

type gazIndex struct {
	phrases map[string]uint16 // "united states" -> kinds
	first   map[string]int    // first word -> longest phrase length
	given   map[string]bool   // folded given names
}

var (
	gazOnce sync.Once
	gazIdx  *gazIndex
)

func gazTokens(s string) []string {
	s = strings.ReplaceAll(s, "-", " - ")
	return strings.Fields(strings.ToLower(s))
}

func loadGaz() *gazIndex {
	gazOnce.Do(func() {
		g := &gazIndex{phrases: map[string]uint16{}, first: map[string]int{}, given: map[string]bool{}}
		add := func(text string, k uint16) {
			ws := gazTokens(text)
			if len(ws) == 0 || len(ws) > 8 {
				return
			}
			g.phrases[strings.Join(ws, " ")] |= k
			if len(ws) > g.first[ws[0]] {
				g.first[ws[0]] = len(ws)
			}
		}
		for _, n := range gazetteer.Names() {
			var k uint16
			switch {
			case n.Demonym:
				k = gDemonym
			case n.Kind == gazetteer.Country:
				k = gCountry
			case n.Kind == gazetteer.Subdivision:
				k = gSubdivision
			case n.Kind == gazetteer.City:
				k = gCity
			case n.Kind == gazetteer.Org:
				k = gOrg
			}
			add(n.Text, k)
			if strings.HasPrefix(n.Text, "the ") {
				add(n.Text[4:], k)
			}
		}
		for c := range continents {
			add(c, gContinent)
		}
		for _, l := range []struct {
			list gazetteer.List
			kind uint16
		}{{gazetteer.PersonNames, gPerson}, {gazetteer.PlaceNames, gPlace}, {gazetteer.GroupNames, gGroup}} {
			for _, name := range gazetteer.ListNames(l.list) {
				add(name, l.kind)
			}
		}
		for _, name := range gazetteer.ListNames(gazetteer.GivenNames) {
			g.given[strings.ToLower(name)] = true
		}
		gazIdx = g
	})
	return gazIdx
}

// gazMatch marks, for each token, the kinds and BILOU position of the
// longest gazetteer phrase covering it. Matching is on folded text; a
// lower-case match of a short acronym is ignored.
func (g *gazIndex) match(lower, words []string, out []uint32) {
	for i := range out {
		out[i] = 0
	}
	var sb strings.Builder
	for i := 0; i < len(lower); {
		maxN := g.first[lower[i]]
		found := 0
		var kinds uint16
		for n := min(maxN, len(lower)-i); n >= 1; n-- {
			sb.Reset()
			for j := i; j < i+n; j++ {
				if j > i {
					sb.WriteByte(' ')
				}
				sb.WriteString(lower[j])
			}
			if k, ok := g.phrases[sb.String()]; ok {
				if n == 1 && len(words[i]) <= 4 && !isCap(words[i]) {
					continue // "us", "who"
				}
				found, kinds = n, k
				break
			}
		}
		if found == 0 {
			i++
			continue
		}
		for j := i; j < i+found; j++ {
			var pos uint32
			switch {
			case found == 1:
				pos = posU
			case j == i:
				pos = posB
			case j == i+found-1:
				pos = posL
			default:
				pos = posI
			}
			out[j] = uint32(kinds) | pos<<16 | 1<<20
		}
		i += found
	}
}

// sentFeats holds the static features of a sentence's tokens.
type sentFeats struct {
	feats    []uint32
	off      []int  // token i's features are feats[off[i]:off[i+1]]
	nid      []int  // the first nid[i] features after the bias are the word's own (word, affixes, bigrams)
	drop     []bool // the word's own features are hidden (training only)
	lower    []string
	shape    []string
	gaz      []uint32
	clu      []uint16 // each word's cluster (lexicon.clusters)
	emb      []uint64 // each word's word-vector clusters (lexicon.emb)
	cas      []uint8  // each word's casing bucket (lexicon.casing)
	words    []string // the sentence's words as written
	sentCase string   // "upper" or "lower" when every word with a letter is (at least three), else "mixed"
}

// casingNames are the casing buckets as feature strings.
var casingNames = func() (out [256]string) {
	for b := range out {
		out[b] = string(rune('0' + b))
	}
	return
}()

// tagged is a sentence's words and their part-of-speech tags (UPOS and
// Penn XPOS, from extract/tag).
type tagged struct {
	words, upos, xpos []string
}

// lexicon holds the word tables learnt from text: the casing profile
// (folded word hash → casing bucket) and the word clusters (folded word
// hash → cluster + 1). Either may be nil.
type lexicon struct {
	casing   map[uint32]uint8
	clusters map[uint32]uint16
	emb      map[uint32]uint64 // folded word hash → word-vector clusters (embed.go), nil without
	tags     bool              // the features include part-of-speech tags (Meta.Tags)
}

func blanks(n int) []string { return make([]string, n) }

// extract computes the static features of a sentence.
func (sf *sentFeats) extract(ts tagged, lex *lexicon) {
	words, upos, xpos := ts.words, ts.upos, ts.xpos
	sf.words = words
	casing := lex.casing
	n := len(words)
	if len(upos) != n || len(xpos) != n {
		upos, xpos = blanks(n), blanks(n) // untagged (tiny tests)
	}
	sf.feats = sf.feats[:0]
	sf.off = append(sf.off[:0], 0)
	sf.nid = sf.nid[:0]
	sf.drop = sf.drop[:0]
	sf.lower = sf.lower[:0]
	sf.shape = sf.shape[:0]
	if cap(sf.gaz) < n {
		sf.gaz = make([]uint32, n)
	}
	sf.gaz = sf.gaz[:n]
	upper, lowerN, letters := 0, 0, 0
	for _, w := range words {
		lw := strings.ToLower(w)
		sf.lower = append(sf.lower, lw)
		sf.shape = append(sf.shape, shape(w))
		if hasLetter(w) {
			letters++
			if strings.ToUpper(w) == w {
				upper++
			}
			if lw == w {
				lowerN++
			}
		}
	}
	gz := loadGaz()
	gz.match(sf.lower, words, sf.gaz)
	sentCase := "mixed"
	switch {
	case letters >= 3 && upper == letters:
		sentCase = "upper"
	case letters >= 3 && lowerN == letters:
		sentCase = "lower"
	}
	sf.sentCase = sentCase
	// each word's table entries, looked up once: its cluster, word-vector
	// clusters and casing bucket
	sf.clu, sf.emb, sf.cas = sf.clu[:0], sf.emb[:0], sf.cas[:0]
	for _, lw := range sf.lower {
		k := wordKey(lw)
		sf.clu = append(sf.clu, lex.clusters[k])
		sf.emb = append(sf.emb, lex.emb[k])
		sf.cas = append(sf.cas, casing[k])
	}
	clu := func(i int) uint16 {
		if i < 0 || i >= n || lex.clusters == nil {
			return 0xffff
		}
		return sf.clu[i]
	}
	// embAt is word j's word-vector cluster at level l (0xffff outside
	// the sentence, 0 for a word without a vector)
	embAt := func(j, l int) uint16 {
		if j < 0 || j >= n {
			return 0xffff
		}
		return uint16(sf.emb[j] >> (16 * l))
	}
	cas := func(i int) string {
		if i < 0 || i >= n || casing == nil {
			return "-"
		}
		return casingNames[sf.cas[i]]
	}
	at := func(xs []string, i int) string {
		switch {
		case i < 0:
			return "<s>"
		case i >= n:
			return "</s>"
		}
		return xs[i]
	}
	for i, w := range words {
		lw, sh := sf.lower[i], sf.shape[i]
		add := func(f uint32) { sf.feats = append(sf.feats, f) }
		add(feat1(fBias, ""))
		add(feat1(fWord, w))
		add(feat1(fLower, lw))
		add(feat1(fShape, sh))
		for k := 1; k <= 3; k++ {
			if p, ok := prefix(lw, k); ok {
				add(feat1(fPrefix, p))
			}
		}
		for k := 1; k <= 4; k++ {
			if s, ok := suffix(lw, k); ok {
				add(feat1(fSuffix, s))
			}
		}
		add(feat2(fBigramPrev, at(sf.lower, i-1), lw))
		add(feat2(fBigramNext, lw, at(sf.lower, i+1)))
		sf.nid = append(sf.nid, len(sf.feats)-sf.off[i]-1)
		sf.drop = append(sf.drop, false)
		add(feat1(fPrev1, at(sf.lower, i-1)))
		add(feat1(fNext1, at(sf.lower, i+1)))
		add(feat1(fPrev2, at(sf.lower, i-2)))
		add(feat1(fNext2, at(sf.lower, i+2)))
		add(feat1(fShapePrev, at(sf.shape, i-1)))
		add(feat1(fShapeNext, at(sf.shape, i+1)))
		add(feat2(fShapePrevCur, at(sf.shape, i-1), sh))
		add(feat2(fShapeCurNext, sh, at(sf.shape, i+1)))
		c := cas(i)
		add(feat1(fCasing, c))
		add(feat2(fCasingShape, c, sh))
		add(feat2(fCasingPrev, cas(i-1), at(sf.shape, i-1)))
		add(feat2(fCasingNext, cas(i+1), at(sf.shape, i+1)))
		if i == 0 {
			add(feat1(fFirstShape, sh))
		}
		if lex.clusters != nil {
			c0, cp, cn := clu(i), clu(i-1), clu(i+1)
			add(featN(fCluster, byte(c0), byte(c0>>8)))
			add(hstr(featN(fClusterShape, byte(c0), byte(c0>>8)), sh))
			add(featN(fClusterPrev, byte(cp), byte(cp>>8)))
			add(featN(fClusterNext, byte(cn), byte(cn>>8)))
		}
		capd := byte(0)
		if isCap(w) {
			capd = 1
		}
		if lex.emb != nil {
			e0 := sf.emb[i]
			for l := 0; l < MaxEmbeddingLevels; l++ {
				c := uint16(e0 >> (16 * l))
				if c == 0 && l > 0 {
					break
				}
				add(featN(fEmb, byte(l), byte(c), byte(c>>8)))
			}
			c1 := uint16(e0 >> 16)
			add(hstr(featN(fEmbShape, byte(c1), byte(c1>>8)), sh))
			c2 := uint16(e0 >> 32)
			add(featN(fEmbCap, byte(c2), byte(c2>>8), capd))
			ep, en := embAt(i-1, 1), embAt(i+1, 1)
			add(featN(fEmbPrev, byte(ep), byte(ep>>8)))
			add(featN(fEmbNext, byte(en), byte(en>>8)))
			a, b := embAt(i-1, 2), embAt(i+1, 2)
			add(featN(fEmbPrev, 2, byte(a), byte(a>>8)))
			add(featN(fEmbNext, 2, byte(b), byte(b>>8)))
			a, b = embAt(i-2, 1), embAt(i+2, 1)
			add(featN(fEmbPrev, 3, byte(a), byte(a>>8)))
			add(featN(fEmbNext, 3, byte(b), byte(b>>8)))
			add(featN(fEmbShape, 4, byte(ep), byte(ep>>8), byte(c1), byte(c1>>8)))
			add(featN(fEmbShape, 5, byte(c1), byte(c1>>8), byte(en), byte(en>>8)))
		}
		if g := sf.gaz[i]; g != 0 {
			kinds, pos := uint16(g), byte(g>>16&0xf)
			for k, bit := byte(0), uint16(1); bit <= gLast; k, bit = k+1, bit<<1 {
				if kinds&bit != 0 {
					add(featN(fGaz, k, pos, capd))
				}
			}
		}
		if i > 0 && sf.gaz[i-1] != 0 {
			g := sf.gaz[i-1]
			add(featN(fGazPrev, byte(g), byte(g>>8), byte(g>>16&0xf)))
		}
		if i+1 < n && sf.gaz[i+1] != 0 {
			g := sf.gaz[i+1]
			add(featN(fGazNext, byte(g), byte(g>>8), byte(g>>16&0xf)))
		}
		if gz.given[lw] {
			add(featN(fGiven, capd))
			if i+1 < n && isCap(words[i+1]) {
				add(featN(fGiven, capd, 2))
			}
		}
		if i > 0 && gz.given[sf.lower[i-1]] && isCap(words[i-1]) {
			add(featN(fGivenPrev, capd))
		}
		add(feat2(fSentCase, sentCase, sh))
		// conjunctions that generalise to unknown names: "in Xxxx", "Xxxx said"
		add(feat2(fPrevWordShape, at(sf.lower, i-1), sh))
		add(feat2(fNextWordShape, sh, at(sf.lower, i+1)))
		add(hstr(feat2(fPrev2WordShape, at(sf.lower, i-2), at(sf.lower, i-1)), sh))
		add(feat2(fShapeCasingNext, sh, cas(i+1)+at(sf.shape, i+1)))
		if i+1 < n && (words[i+1] == "'s" || words[i+1] == "’s") {
			add(feat1(fNextIsPoss, sh))
		}
		// part of speech: PROPN is a strong cue, above all in lower-case text
		pos := at(upos, i)
		if !lex.tags {
			goto done
		}
		add(feat1(fPOS, pos))
		add(feat1(fXPOS, at(xpos, i)))
		add(feat1(fPOSPrev, at(upos, i-1)))
		add(feat1(fPOSNext, at(upos, i+1)))
		add(feat1(fPOSPrev2, at(upos, i-2)))
		add(feat1(fPOSNext2, at(upos, i+2)))
		add(hstr(feat2(fPOSTri, at(upos, i-1), pos), at(upos, i+1)))
		add(feat2(fPOSShape, pos, sh))
		add(feat2(fPOSCasing, at(xpos, i), c))
		add(feat2(fPOSPrevWord, at(sf.lower, i-1), pos))
		add(feat2(fPOSNextWord, pos, at(sf.lower, i+1)))
	done:
		sf.off = append(sf.off, len(sf.feats))
	}
}

// dynamic appends the tag-history features of token i given the classes
// of the two tokens before it (-1 when there is none).
func (sf *sentFeats) dynamic(dst []uint32, i, p1, p2 int) []uint32 {
	b1, b2 := byte(p1+1), byte(p2+1)
	lw := sf.lower[i]
	if sf.drop[i] {
		lw = "\x00unk"
	}
	dst = append(dst,
		featN(fTagPrev, b1),
		featN(fTagPrev2, b1, b2),
		hstr(featN(fTagPrevLower, b1), lw),
		hstr(featN(fTagPrevShape, b1), sf.shape[i]),
	)
	return dst
}

// dropWords hides, with probability p per token, the token's own word
// features (replacing them with unknown-word features), for training.
func (sf *sentFeats) dropWords(rng interface{ Float64() float64 }, p float64) {
	for i := range sf.nid {
		if rng.Float64() >= p {
			continue
		}
		b := sf.off[i]
		sf.drop[i] = true
		for k := 1; k <= sf.nid[i]; k++ {
			sf.feats[b+k] = featN(fWord, 0, byte(k))
		}
	}
}
