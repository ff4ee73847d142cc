package coref

import (
	"fmt"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

// mention is a candidate mention with the attributes the sieves compare.
type mention struct {
	start, end, head int
	kind             nlp.MentionKind
	sent             int
	depth            int // distance of the head from the sentence root
	person           int // 1, 2 or 3
	num              number
	gen              gender
	anim             animacy
	label            string // entity label when known (PERSON, ORG, GPE, ...)
	indefinite       bool
	quantified       bool     // "most studies", "all citizens": neither anaphor nor antecedent
	coord            bool     // a coordination ("X and Y")
	nameGendered     bool     // gender from the first-name table
	possessor        string   // person and number of a possessive pronoun determiner ("3s" for "his"), "" when none
	quote            int      // index of the quotation it sits in, -1 outside quotes
	adjunct          bool     // inside a subjectless non-finite adverbial clause ("before meeting X")
	headLower        string   // lower-cased head form
	apposHead        string   // lower-cased name head of an appositive name ("their child, Gloria")
	nameWords        []string // lower-cased words of a flat name ("vladimir", "putin")
	text             string   // lower-cased forms of the span, space-joined
	core             string   // text without determiners and with what follows the head cut
}

// Relations whose dependents are not part of a nominal mention's span.
var outsideRels = map[string]bool{
	"case": true, "punct": true, "cc": true, "conj": true, "mark": true,
	"parataxis": true, "dep": true, "reparandum": true, "discourse": true, "vocative": true,
	"list": true, "dislocated": true, "orphan": true, "cop": true, "aux": true,
	"aux:pass": true, "nsubj": true, "nsubj:pass": true, "csubj": true, "expl": true,
	"advmod": true, "advcl": true, "obl": true, "obl:npmod": true, "obl:tmod": true,
	"obl:unmarked": true, "ccomp": true, "xcomp": true, "obj": true, "iobj": true,
}

// detect finds the candidate mentions of doc, in text order (by start,
// longer first).
func detect(doc *nlp.Document) []mention {
	n := len(doc.Tokens)
	kids := make([][]int, n)
	for i, t := range doc.Tokens {
		if t.Head >= 0 && t.Head < n && t.Head != i {
			kids[t.Head] = append(kids[t.Head], i)
		}
	}
	sentOf := make([]int, n)
	for si, s := range doc.Sentences {
		for i := s.Start; i < s.End && i < n; i++ {
			sentOf[i] = si
		}
	}
	depth := make([]int, n)
	for i := range doc.Tokens {
		d, h := 0, doc.Tokens[i].Head
		for h >= 0 && h < n && d <= n {
			d++
			h = doc.Tokens[h].Head
		}
		depth[i] = d
	}
	quotes := quoteIndex(doc)
	entityOf := make([]int, n) // entity index + 1 covering a token
	for ei, e := range doc.Entities {
		for i := e.Start; i < e.End && i < n; i++ {
			entityOf[i] = ei + 1
		}
	}

	var ms []mention
	seen := map[[2]int]bool{}
	add := func(m mention) {
		key := [2]int{m.start, m.end}
		if m.start >= m.end || seen[key] {
			return
		}
		seen[key] = true
		m.sent, m.depth, m.quote = sentOf[m.head], depth[m.head], quotes[m.head]
		m.headLower = strings.ToLower(doc.Tokens[nameHead(doc, m.head, kids)].Form)
		for _, k := range kids[m.head] {
			if doc.Tokens[k].Rel == "appos" && doc.Tokens[k].UPOS == "PROPN" && k < m.end {
				m.apposHead = strings.ToLower(doc.Tokens[nameHead(doc, k, kids)].Form)
			}
		}
		if doc.Tokens[m.head].UPOS == "PROPN" {
			m.nameWords = append(m.nameWords, strings.ToLower(doc.Tokens[m.head].Form))
			for _, k := range kids[m.head] {
				if doc.Tokens[k].Rel == "flat" && doc.Tokens[k].UPOS == "PROPN" {
					m.nameWords = append(m.nameWords, strings.ToLower(doc.Tokens[k].Form))
				}
			}
		}
		m.text = lowerForms(doc, m.start, m.end)
		m.adjunct = inNonFiniteAdjunct(doc, m.head, kids)
		ms = append(ms, m)
	}
	for i, t := range doc.Tokens {
		low := strings.ToLower(t.Form)
		switch t.UPOS {
		case "PRON":
			p, ok := pronouns[low]
			if !ok || t.Rel == "expl" || (low == "it" && pleonastic(doc, i, kids)) {
				continue
			}
			kind := nlp.Pronoun
			add(mention{start: i, end: i + 1, head: i, kind: kind, person: p.person, num: p.num, gen: p.gen, anim: p.anim})
		case "NOUN", "PROPN", "NUM":
			if t.UPOS == "NUM" && !nominalNum(t) {
				continue
			}
			switch t.Rel {
			case "flat", "fixed", "goeswith", "compound:prt", "nmod:desc":
				continue // inside a name ("Premier" in "Premier Zhou")
			case "appos":
				if t.UPOS != "PROPN" {
					continue // an appositive description stays inside its anchor's span
				}
			case "compound":
				if t.UPOS != "PROPN" {
					continue
				}
				if _, title := titles[low]; title {
					continue // "President" in "President X"
				}
				if e := entityOf[i]; e > 0 && entityOf[t.Head] == e {
					continue // a word inside one named entity: "Health" in "World Health Organisation"
				}
			}
			start, end := span(doc, i, kids)
			m := mention{start: start, end: end, head: i, person: 3}
			attributes(doc, &m, kids, entityOf)
			m.nameGendered = nameGender(doc, &m)
			add(m)
			// A coordination is a mention too ("X and Y"), plural.
			if cs := conjuncts(doc, i, kids); len(cs) > 0 {
				last := cs[len(cs)-1]
				_, e := span(doc, last, kids)
				c := m
				c.end, c.num, c.coord, c.gen, c.kind = e, plural, true, genderUnknown, nlp.Nominal
				add(c)
			}
		}
	}
	sort.SliceStable(ms, func(a, b int) bool {
		if ms[a].start != ms[b].start {
			return ms[a].start < ms[b].start
		}
		return ms[a].end > ms[b].end
	})
	for i := range ms {
		ms[i].core = core(doc, ms[i])
	}
	return ms
}

// inNonFiniteAdjunct reports whether token t lies inside an adverbial
// clause headed by a non-finite verb without a subject of its own
// ("before meeting X", "after signing X", "to win X"): a backgrounded
// clause whose implicit subject the main clause controls.
func inNonFiniteAdjunct(doc *nlp.Document, t int, kids [][]int) bool {
	for h, steps := doc.Tokens[t].Head, 0; h >= 0 && steps < len(doc.Tokens); h, steps = doc.Tokens[h].Head, steps+1 {
		// h is an ancestor of t; t itself heading the clause ("as a
		// child") is a predicate, not an argument inside it.
		if !strings.HasPrefix(doc.Tokens[h].Rel, "advcl") {
			continue
		}
		if !nonFinite(doc.Tokens[h]) {
			continue
		}
		subject := false
		for _, k := range kids[h] {
			if r := doc.Tokens[k].Rel; strings.HasPrefix(r, "nsubj") || strings.HasPrefix(r, "csubj") || r == "expl" {
				subject = true
			}
		}
		if !subject {
			return true
		}
	}
	return false
}

// nonFinite reports whether a verb is an infinitive, a gerund or a
// participle: by its VerbForm feature when it has one, else by its
// Penn tag (VB in an adverbial clause is the bare or "to" infinitive).
func nonFinite(t nlp.Token) bool {
	for _, f := range strings.Split(t.Feats, "|") {
		if v, ok := strings.CutPrefix(f, "VerbForm="); ok {
			return v == "Inf" || v == "Ger" || v == "Part"
		}
	}
	switch t.XPOS {
	case "VB", "VBG", "VBN":
		return true
	}
	return false
}

func nominalNum(t nlp.Token) bool {
	switch t.Rel {
	case "nsubj", "obj", "nsubj:pass", "iobj":
		return true
	}
	return false
}

// span is the range of a nominal head: its subtree without the dependents
// of outsideRels, with leading and trailing punctuation and case markers
// trimmed.
func span(doc *nlp.Document, h int, kids [][]int) (int, int) {
	start, end := h, h+1
	var walk func(i int)
	walk = func(i int) {
		if i < start {
			start = i
		}
		if i+1 > end {
			end = i + 1
		}
		for _, k := range kids[i] {
			walk(k)
		}
	}
	poss := false
	for _, k := range kids[h] {
		if doc.Tokens[k].Rel == "acl" && k < h {
			continue // a fronted participle: "Born in England, Norton ..."
		}
		if outsideRels[doc.Tokens[k].Rel] {
			if doc.Tokens[k].Rel == "case" && k > h && possMarker(doc.Tokens[k].Form) {
				poss = true
				if k+1 > end {
					end = k + 1
				}
			}
			continue
		}
		walk(k)
	}
	for start < h && trimmable(doc.Tokens[start]) {
		start++
	}
	for end-1 > h && trimmable(doc.Tokens[end-1]) && !(poss && possMarker(doc.Tokens[end-1].Form)) {
		end--
	}
	return start, end
}

func trimmable(t nlp.Token) bool {
	switch t.UPOS {
	case "PUNCT", "ADP", "CCONJ", "SCONJ":
		return true
	case "PART":
		return possMarker(t.Form)
	}
	return false
}

func possMarker(w string) bool {
	switch w {
	case "'s", "'", "’s", "’", "s":
		return true
	}
	return false
}

func conjuncts(doc *nlp.Document, h int, kids [][]int) []int {
	var cs []int
	for _, k := range kids[h] {
		if doc.Tokens[k].Rel == "conj" {
			switch doc.Tokens[k].UPOS {
			case "NOUN", "PROPN", "PRON":
				cs = append(cs, k)
			}
		}
	}
	return cs
}

// pleonastic reports whether "it" at i is non-referential: the subject of
// a weather, raising or extraposition verb ("it rains", "it seems", "it
// turns out"), of a weather or time predicate ("it was dark", "it is
// spring"), of "it comes to", or of a predicate with a clausal subject or
// complement ("it is clear that").
func pleonastic(doc *nlp.Document, i int, kids [][]int) bool {
	t := doc.Tokens[i]
	if t.Rel != "nsubj" && t.Rel != "nsubj:pass" || t.Head < 0 {
		return false
	}
	h := t.Head
	lemma := strings.ToLower(doc.Tokens[h].Lemma)
	if lemma == "" || lemma == "_" {
		lemma = strings.ToLower(doc.Tokens[h].Form)
	}
	if weatherVerbs[lemma] {
		return true
	}
	if hasCop(doc, h, kids) && (weatherPredicates[lemma] || weatherPredicates[strings.ToLower(doc.Tokens[h].Form)]) {
		return true
	}
	for _, k := range kids[h] {
		switch doc.Tokens[k].Rel {
		case "csubj", "csubj:pass":
			return true
		case "ccomp", "xcomp":
			if doc.Tokens[h].UPOS == "ADJ" || hasCop(doc, h, kids) {
				return true
			}
		case "obl":
			if lemma == "come" && strings.EqualFold(firstCase(doc, k, kids), "to") {
				return true // "when it comes to sleep"
			}
		}
	}
	return false
}

var weatherVerbs = map[string]bool{
	"seem": true, "appear": true, "rain": true, "snow": true, "drizzle": true, "pour": true,
	"hail": true, "thunder": true, "happen": true, "matter": true, "please": true,
}

var weatherPredicates = map[string]bool{
	"dark": true, "light": true, "hot": true, "cold": true, "warm": true, "warmer": true,
	"cool": true, "sunny": true, "cloudy": true, "rainy": true, "windy": true, "late": true,
	"early": true, "humid": true, "foggy": true, "freezing": true, "spring": true,
	"summer": true, "autumn": true, "winter": true, "day": true, "night": true,
	"morning": true, "evening": true, "afternoon": true, "noon": true, "midnight": true,
	"time": true, "o'clock": true,
}

// firstCase returns the case marker of nominal k, if any.
func firstCase(doc *nlp.Document, k int, kids [][]int) string {
	for _, c := range kids[k] {
		if doc.Tokens[c].Rel == "case" {
			return doc.Tokens[c].Form
		}
	}
	return ""
}

func hasCop(doc *nlp.Document, h int, kids [][]int) bool {
	for _, k := range kids[h] {
		if doc.Tokens[k].Rel == "cop" {
			return true
		}
	}
	return false
}

// attributes fills kind, number, gender, animacy, label and definiteness
// of a nominal mention.
func attributes(doc *nlp.Document, m *mention, kids [][]int, entityOf []int) {
	t := doc.Tokens[m.head]
	m.kind = nlp.Nominal
	if t.UPOS == "PROPN" {
		m.kind = nlp.Proper
	}
	if e := entityOf[m.head]; e > 0 {
		sp := doc.Entities[e-1]
		m.label = sp.Label
		switch sp.Label {
		case "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW":
			if t.UPOS == "PROPN" {
				m.kind = nlp.Proper
			}
		}
	}
	switch {
	case strings.Contains(t.Feats, "Number=Plur"), t.XPOS == "NNS" || t.XPOS == "NNPS":
		m.num = plural
	case strings.Contains(t.Feats, "Number=Sing"), t.XPOS == "NN" || t.XPOS == "NNP":
		m.num = singular
	}
	lemma := strings.ToLower(t.Lemma)
	if lemma == "" || lemma == "_" {
		lemma = strings.ToLower(t.Form)
	}
	if temporalNouns[lemma] || temporalNouns[strings.ToLower(t.Form)] {
		m.anim, m.gen = inanimate, neuter
	} else if g, ok := genderedNouns[lemma]; ok {
		m.gen, m.anim = g, animate
	} else if personNouns[lemma] || learnedPersons[lemma] {
		m.anim = animate
	}
	switch m.label {
	case "PERSON":
		if m.kind == nlp.Proper {
			m.anim = animate
		}
	case "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY":
		m.anim, m.gen = inanimate, neuter
	case "ORG", "GPE", "LOC", "FAC":
		if m.kind == nlp.Proper && m.gen == genderUnknown {
			// "the ministry said she ...": a place or organisation is
			// never "he" or "she" (it may still be "it" or "they").
			m.gen = neuter
		}
	}
	for _, k := range kids[m.head] {
		kt := doc.Tokens[k]
		low := strings.ToLower(kt.Form)
		if g, ok := titles[low]; ok && k < m.head {
			m.anim = animate
			if g != genderUnknown {
				m.gen = g
			}
		}
		if kt.Rel == "nmod:poss" && k < m.head {
			if p, ok := pronouns[low]; ok && p.poss {
				m.possessor = fmt.Sprint(p.person, p.num)
			}
		}
		if kt.Rel == "det" && indefiniteDets[low] && k < m.head {
			m.indefinite = true
			if low != "a" && low != "an" {
				m.quantified = true
			}
		}
		if (kt.Rel == "amod" || kt.Rel == "det") && (low == "most" || low == "all" || low == "both") && k < m.head {
			m.quantified = true
		}
		if kt.Rel == "amod" && (low == "other" || low == "certain") {
			m.indefinite = true
		}
	}
	if m.kind == nlp.Nominal && !hasDet(doc, m.head, kids) {
		m.indefinite = true // a bare noun is generic: "researchers say", "limited exposure"
	}
	if m.anim == animacyUnknown && m.kind == nlp.Nominal && m.gen == genderUnknown {
		m.anim = inanimate // a common noun not known to denote people
	}
}

func hasDet(doc *nlp.Document, h int, kids [][]int) bool {
	for _, k := range kids[h] {
		switch doc.Tokens[k].Rel {
		case "det", "nmod:poss", "det:poss":
			return true
		}
	}
	return false
}

// nameHead is the last word of a flat name headed at h: UD heads
// "Anna Dubois" on its first word, but English names share their last.
func nameHead(doc *nlp.Document, h int, kids [][]int) int {
	if doc.Tokens[h].UPOS != "PROPN" {
		return h
	}
	last := h
	for _, k := range kids[h] {
		if doc.Tokens[k].Rel == "flat" && k > last && doc.Tokens[k].UPOS == "PROPN" {
			last = k
		}
	}
	return last
}

// core is the mention text without leading determiners and without the
// words after the head.
func core(doc *nlp.Document, m mention) string {
	s := m.start
	for s < m.head && (doc.Tokens[s].UPOS == "DET" || doc.Tokens[s].Rel == "det") {
		s++
	}
	h := m.head
	if m.kind == nlp.Proper {
		for k := m.head + 1; k < m.end && doc.Tokens[k].Rel == "flat"; k++ {
			h = k
		}
	}
	return lowerForms(doc, s, h+1)
}

func lowerForms(doc *nlp.Document, start, end int) string {
	var b strings.Builder
	for i := start; i < end; i++ {
		if i > start {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ToLower(doc.Tokens[i].Form))
	}
	return b.String()
}

// quoteIndex gives each token the number of the quotation it sits in, or
// -1. Quotations open at a left double quotation mark (or the treebank
// spelling, two backquotes), close at a right one (or two apostrophes),
// and a straight double quote opens or closes by turn. A quotation left open ends at a paragraph
// break (news opens a quote mark again on each paragraph of a long quote).
func quoteIndex(doc *nlp.Document) []int {
	q := make([]int, len(doc.Tokens))
	in, count := false, 0
	for i, t := range doc.Tokens {
		if in && i > 0 && doc.Tokens[i-1].End <= t.Start && t.Start <= len(doc.Text) &&
			strings.Contains(doc.Text[doc.Tokens[i-1].End:t.Start], "\n") {
			in = false
		}
		q[i] = -1
		switch t.Form {
		case "“", "``":
			in, count = true, count+1
		case "”", "''":
			in = false
		case "\"":
			if in {
				in = false
			} else {
				in, count = true, count+1
			}
		default:
			if in {
				q[i] = count
			}
		}
	}
	return q
}
