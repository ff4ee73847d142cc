package coref

import (
	"sort"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

// maxSearch is how many sentences back any sieve looks for an antecedent.
// It bounds the work per mention, which made a document of 4,000 sentences
// take minutes (every mention against every earlier one, per sieve); no
// document in the training or dev data is this long (GUM's longest has 216
// sentences), so no score depends on it.
const maxSearch = 300

// A sieve decides whether mention i (the first of its cluster) corefers
// with an earlier candidate j.
type sieve struct {
	name     string
	anaphors func(s *state, i int) bool // which mentions the sieve resolves
	link     func(s *state, i, j int) bool
	maxSent  int // how many sentences back to look; 0 means maxSearch
	// salience, when set, chooses among all accepted candidates the
	// cluster with the highest salience instead of taking the first.
	salience bool
	// perCluster says that link depends on the candidate's cluster only,
	// not on which of its mentions is tried, so a cluster that failed
	// once is not tried again for the same anaphor.
	perCluster bool
	// candidate, when set, filters candidate mentions before link (and
	// before the per-cluster memory).
	candidate func(s *state, i, j int) bool
}

func (s *state) sieves() []sieve {
	return []sieve{
		{name: "speaker", anaphors: isLocalPronoun, link: (*state).speaker},
		{name: "exact", anaphors: isDefiniteNonPronoun, link: (*state).exactMatch},
		{name: "acronym", anaphors: isProper, link: (*state).acronym},
		{name: "role", anaphors: isDefiniteNominal, link: (*state).role, perCluster: true},
		{name: "category", anaphors: isDefiniteNominal, link: (*state).category},
		{name: "relaxed", anaphors: isProper, link: (*state).relaxedMatch},
		{name: "strict-head", anaphors: isDefiniteNonPronoun, link: (*state).strictHead, perCluster: true, candidate: headCandidate},
		{name: "pronoun", anaphors: isThirdPronoun, link: (*state).pronoun, maxSent: 3, salience: true},
	}
}

func isLocalPronoun(s *state, i int) bool {
	m := s.ms[i]
	return m.kind == nlp.Pronoun && m.person < 3
}
func isThirdPronoun(s *state, i int) bool {
	m := s.ms[i]
	return m.kind == nlp.Pronoun && m.person == 3
}
func isDefiniteNonPronoun(s *state, i int) bool {
	m := s.ms[i]
	return m.kind != nlp.Pronoun && !m.indefinite
}
func isDefiniteNominal(s *state, i int) bool {
	m := s.ms[i]
	return m.kind == nlp.Nominal && !m.indefinite && !m.coord
}
func isProper(s *state, i int) bool { return s.ms[i].kind == nlp.Proper && !s.ms[i].coord }

// run applies the sieves in order. For each anaphor that is the first
// mention of its cluster, candidates are tried in salience order: earlier
// mentions of the same sentence by depth in the tree then position, then
// the mentions of each earlier sentence likewise, most recent sentence
// first. The first candidate the sieve accepts is merged.
func (s *state) run() {
	bySent := make([][]int, len(s.doc.Sentences))
	for i, m := range s.ms {
		bySent[m.sent] = append(bySent[m.sent], i)
	}
	for si := range bySent {
		ids := bySent[si]
		sort.SliceStable(ids, func(a, b int) bool {
			ma, mb := s.ms[ids[a]], s.ms[ids[b]]
			if ma.depth != mb.depth {
				return ma.depth < mb.depth
			}
			return ma.start < mb.start
		})
	}
	failedAt := make([]int, len(s.ms))
	stamp := 0
	for _, sv := range s.sieves() {
		if s.skip[sv.name] {
			continue
		}
		if sv.name == "exact" && !s.skip["quote"] {
			s.linkQuoteSpeakers() // after the speaker sieve has grouped each voice
		}
		for i := range s.ms {
			if !sv.anaphors(s, i) || !s.first(i) {
				continue
			}
			m := s.ms[i]
			if sv.salience {
				if j := s.mostSalient(sv, i, bySent); j >= 0 {
					if s.trace != nil {
						s.trace(sv.name, i, j)
					}
					s.merge(i, j)
				}
				continue
			}
			// The clusters that failed for this anaphor: failedAt[c] ==
			// anaphor stamp (one slice for the whole run, no map per
			// anaphor: those were most of the allocation on long documents).
			stamp++
			window := sv.maxSent
			if window <= 0 {
				window = maxSearch
			}
		search:
			for si := m.sent; si >= 0 && m.sent-si <= window; si-- {
				for _, j := range bySent[si] {
					c := s.ms[j]
					if c.start >= m.start && !(c.start == m.start && c.end > m.end) {
						continue // only earlier mentions
					}
					if s.same(i, j) || nested(m, c) {
						continue
					}
					if sv.candidate != nil && !sv.candidate(s, i, j) {
						continue
					}
					if sv.perCluster && failedAt[s.find(j)] == stamp {
						continue
					}
					if sv.link(s, i, j) {
						if s.trace != nil {
							s.trace(sv.name, i, j)
						}
						s.merge(i, j)
						break search
					}
					if sv.perCluster {
						failedAt[s.find(j)] = stamp
					}
				}
			}
		}
	}
}

func nested(a, b mention) bool {
	return a.start <= b.start && b.end <= a.end || b.start <= a.start && a.end <= b.end
}

// speaker links first- and second-person pronouns of the same person and
// number within one voice: the narrator's (outside quotes) or one
// quotation's.
func (s *state) speaker(i, j int) bool {
	m, c := s.ms[i], s.ms[j]
	if c.kind != nlp.Pronoun || c.person != m.person || c.quote != m.quote {
		return false
	}
	if m.person == 2 {
		return true
	}
	return c.num == m.num
}

func (s *state) exactMatch(i, j int) bool {
	m, c := s.ms[i], s.ms[j]
	return c.kind != nlp.Pronoun && m.text == c.text && !m.coord && !c.coord && !c.quantified && s.clusterAgrees(i, j)
}

// relaxedMatch: names with the same words up to the head, ignoring
// determiners and what follows the head ("the Bank of X" ~ "the Bank"),
// or a one-word name inside a longer personal name ("Thomas" ~ "Thomas
// Sam").
func (s *state) relaxedMatch(i, j int) bool {
	m, c := s.ms[i], s.ms[j]
	if c.kind == nlp.Pronoun || m.coord || c.coord || m.core == "" {
		return false
	}
	if m.core == c.core || s.nameIncluded(m, c) {
		return s.clusterAgrees(i, j)
	}
	return false
}

// standalone reports whether the name mention m is not part of a longer
// run of proper nouns in the text (a parser may split "Heaven Sent
// Gaming").
func (s *state) standalone(m mention) bool {
	return (m.start == 0 || s.doc.Tokens[m.start-1].UPOS != "PROPN") &&
		(m.end >= len(s.doc.Tokens) || s.doc.Tokens[m.end].UPOS != "PROPN")
}

// nameIncluded: a one-word name, standing alone, that is the first or the
// last word of a longer flat name ("Thomas" ~ "Thomas Sam"); UD writes
// personal names as flat. The longer name must not be known as anything
// but a person.
func (s *state) nameIncluded(m, c mention) bool {
	if len(m.nameWords) != 1 || len(c.nameWords) < 2 || !s.standalone(m) {
		return false
	}
	if c.label != "" && c.label != "PERSON" {
		return false
	}
	w := m.nameWords[0]
	return w == c.nameWords[0] || w == c.nameWords[len(c.nameWords)-1]
}

// acronym links "EU" to "European Union": an all-capitals word whose
// letters are the initials of the capitalised words of the other name, or
// two names that Resolver.Alias gives the same key ("UK", "Britain").
func (s *state) acronym(i, j int) bool {
	m, c := s.ms[i], s.ms[j]
	if c.kind != nlp.Proper {
		return false
	}
	if isAcronymOf(s.doc, m, c) || isAcronymOf(s.doc, c, m) {
		return true
	}
	if s.alias == nil || m.text == c.text {
		return false
	}
	a := s.aliasKey(i)
	return a != "" && a == s.aliasKey(j)
}

// aliasKey is Resolver.Alias of mention i's words, computed once; "" when
// the name is unknown.
func (s *state) aliasKey(i int) string {
	if s.aliases == nil {
		s.aliases = make([]*string, len(s.ms))
	}
	if p := s.aliases[i]; p != nil {
		return *p
	}
	key, ok := s.alias(s.doc.Forms(s.ms[i].start, s.ms[i].end))
	if !ok {
		key = ""
	}
	s.aliases[i] = &key
	return key
}

func isAcronymOf(doc *nlp.Document, short, long mention) bool {
	for k := short.start; k < short.end; k++ {
		if k != short.head && doc.Tokens[k].UPOS != "DET" {
			return false // only "EU" or "the EU"
		}
	}
	a := doc.Tokens[short.head].Form
	if len(a) < 2 {
		return false
	}
	for _, r := range a {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	var initials []rune
	for k := long.start; k < long.end; k++ {
		w := []rune(doc.Tokens[k].Form)
		if len(w) > 0 && unicode.IsUpper(w[0]) && doc.Tokens[k].UPOS != "DET" {
			initials = append(initials, w[0])
		}
	}
	return string(initials) == a
}

// strictHead: same head word, every content word of the anaphor's cluster
// appears in the antecedent's cluster, and the anaphor adds no modifier
// (Lee et al. 2013, sieve 5).
func (s *state) strictHead(i, j int) bool {
	m := s.ms[i]
	if m.coord || m.quantified || !headCandidate(s, i, j) {
		return false
	}
	if !s.clusterHasHead(j, m.headLower) {
		return false
	}
	if !s.wordsIncluded(i, j) {
		return false
	}
	return s.clusterAgrees(i, j)
}

// headCandidate: a head-match antecedent is a plain description or name,
// not a pronoun, a coordination or a quantified phrase, and has the same
// kind of possessive determiner as an anaphor that has one.
func headCandidate(s *state, i, j int) bool {
	m, c := s.ms[i], s.ms[j]
	if m.possessor != "" && m.possessor != c.possessor {
		return false // "your jeans" is not "my jeans", "his cards" not "cards"
	}
	return c.kind != nlp.Pronoun && !c.coord && !c.quantified
}

// clusterHasHead reports whether a mention of j's cluster has head word w.
func (s *state) clusterHasHead(j int, w string) bool {
	for _, k := range s.members[s.find(j)] {
		if s.ms[k].kind != nlp.Pronoun && (s.ms[k].headLower == w || s.ms[k].apposHead == w) {
			return true
		}
	}
	return false
}

// wordsIncluded: the content words of i's cluster are among those of j's.
func (s *state) wordsIncluded(i, j int) bool {
	have := map[string]bool{}
	for _, k := range s.members[s.find(j)] {
		for _, w := range s.contentWords(k) {
			have[w] = true
		}
	}
	for _, k := range s.members[s.find(i)] {
		for _, w := range s.contentWords(k) {
			if !have[w] {
				return false
			}
		}
	}
	return true
}

func (s *state) contentWords(k int) []string {
	m := s.ms[k]
	if m.kind == nlp.Pronoun {
		return nil
	}
	var out []string
	for t := m.start; t < m.end; t++ {
		switch s.doc.Tokens[t].UPOS {
		case "NOUN", "PROPN", "ADJ", "NUM", "VERB":
			w := strings.ToLower(s.doc.Tokens[t].Form)
			if _, title := titles[w]; title && t < m.head {
				continue // "Miss Chaworth" ~ "Mary Chaworth"
			}
			out = append(out, w)
		}
	}
	return out
}

// attrsAgree compares two mentions' number, gender, animacy and label,
// treating unknown values as compatible.
func (s *state) attrsAgree(a, b mention) bool {
	if a.num != numberUnknown && b.num != numberUnknown && a.num != b.num {
		return false
	}
	if a.gen != genderUnknown && b.gen != genderUnknown && a.gen != b.gen {
		return false
	}
	if a.anim != animacyUnknown && b.anim != animacyUnknown && a.anim != b.anim {
		return false
	}
	if a.label != "" && b.label != "" && a.label != b.label {
		return false
	}
	return true
}

// clusterAgrees requires every pair across the two clusters to agree:
// for each attribute, the known values of both clusters together number
// at most one.
func (s *state) clusterAgrees(i, j int) bool {
	a, b := s.attrs[s.find(i)], s.attrs[s.find(j)]
	return single(a.num|b.num) && single(a.gen|b.gen) && single(a.anim|b.anim)
}

func single(bits uint8) bool { return bits&(bits-1) == 0 }

// clusterAttrs holds the known values of a cluster's attributes as bit
// sets (bit v for value v, unknown values left out); label is the one
// entity label of the cluster, "" when none, "*" when mixed.
type clusterAttrs struct {
	num, gen, anim uint8
	label          string
}

func attrsOf(m mention) clusterAttrs {
	var a clusterAttrs
	if m.num != numberUnknown {
		a.num = 1 << m.num
	}
	if m.gen != genderUnknown {
		a.gen = 1 << m.gen
	}
	if m.anim != animacyUnknown {
		a.anim = 1 << m.anim
	}
	a.label = m.label
	return a
}

func (a clusterAttrs) union(b clusterAttrs) clusterAttrs {
	out := clusterAttrs{num: a.num | b.num, gen: a.gen | b.gen, anim: a.anim | b.anim, label: a.label}
	switch {
	case a.label == "":
		out.label = b.label
	case b.label != "" && b.label != a.label:
		out.label = "*"
	}
	return out
}

// pronoun resolves a third-person pronoun to the first salient candidate
// that agrees in number, gender, animacy and person with its whole
// cluster, respecting binding: a plain pronoun does not take the subject
// of its own clause, a reflexive takes only that.
func (s *state) pronoun(i, j int) bool {
	m, c := s.ms[i], s.ms[j]
	if c.kind == nlp.Pronoun && c.person != 3 {
		return false
	}
	if c.coord && m.num != plural {
		return false
	}
	info := pronouns[m.headLower]
	tm, tc := s.doc.Tokens[m.head], s.doc.Tokens[c.head]
	sameClause := tm.Head == tc.Head && tm.Head >= 0 && strings.HasPrefix(tc.Rel, "nsubj")
	if info.refl && c.sent != m.sent {
		return false // a reflexive is bound in its sentence
	}
	if !info.refl && sameClause && !info.poss {
		return false
	}
	return s.clusterAgrees(i, j)
}

// mostSalient returns the mention to link anaphor i to under sieve sv:
// among the clusters with a mention that sv accepts within sv.maxSent
// sentences, the one whose accepted mentions weigh most (in the manner of
// Lappin and Leass 1994: recency, grammatical role, not embedded, not
// adverbial, each halved per sentence of distance, summed over the
// cluster), and within it its most recent accepted mention. When sv
// accepts the subject of a clause that governs the anaphor's (see
// governingSubjects), only the clusters of such subjects compete. It
// returns -1 when no candidate is accepted.
func (s *state) mostSalient(sv sieve, i int, bySent [][]int) int {
	gov := s.governingSubjects(sv, i)
	m := s.ms[i]
	weight := map[int]float64{}
	latest := map[int]int{}
	maxSent := sv.maxSent
	if pronouns[m.headLower].gen == neuter {
		maxSent = neuterWindow
	}
	for si := m.sent; si >= 0 && m.sent-si <= maxSent; si-- {
		for _, j := range bySent[si] {
			c := s.ms[j]
			if c.start >= m.start || nested(m, c) || !sv.link(s, i, j) {
				continue
			}
			r := s.find(j)
			if len(gov) > 0 && !gov[r] {
				continue
			}
			w := s.mentionWeight(c, m)
			for d := m.sent - si; d > 0; d-- {
				w /= 2
			}
			weight[r] += w
			if l, ok := latest[r]; !ok || later(c, s.ms[l]) {
				latest[r] = j
			}
		}
	}
	// Ties go to the most recent mention, then the longer (a coordination
	// over its first conjunct); mentions differ in (start, end), so the
	// choice does not depend on map order.
	info := pronouns[m.headLower]
	best, bestW := -1, 0.0
	for r, w := range weight {
		j := latest[r]
		// Known agreement beats agreement by default: "he" prefers a
		// cluster known to be masculine, then one known to be animate.
		a := s.attrs[r]
		switch {
		case info.gen != genderUnknown && a.gen&(1<<info.gen) != 0:
			w += 100
		case info.anim != animacyUnknown && a.anim&(1<<info.anim) != 0:
			w += 50
		}
		if best < 0 || w > bestW || w == bestW && later(s.ms[j], s.ms[best]) {
			best, bestW = j, w
		}
	}
	return best
}

// governingSubjects returns the clusters (by root) of the subjects that
// a subject pronoun i takes before anything else: the earlier subjects,
// in the same sentence and accepted by sv, of the clauses above the
// pronoun's own, which is a complement, adverbial, relative or
// coordinated clause attached to them directly or through the phrase it
// modifies ("X said he …", "X went to Y, where he …", "X arrived and he
// …"). It returns nil when there are none.
//
// Hobbs (1978) searches the pronoun's sentence, climbing from its clause
// through the clauses that dominate it and proposing their subjects,
// before it turns to earlier sentences; a subject pronoun placed so
// continues the subject of its sentence (Kameyama 1986). Lappin and
// Leass's weights, summed over a cluster, can instead let an entity
// mentioned often in the sentences just before outweigh that subject
// ("X said he expected …. But Y said he rejected …"). Salience still
// chooses among several governing subjects ("X said Y thought he …").
// Binding already keeps out the subject of the pronoun's own clause. A
// pronoun inside a quotation that the subject is not in is the subject's
// speech about someone else ("X said: "… he …"") and gets no preference.
// Object and possessive pronouns are left to salience: preferring
// governing subjects for them too gained links on OntoGUM train but lost
// some on dev.
func (s *state) governingSubjects(sv sieve, i int) map[int]bool {
	m := s.ms[i]
	toks := s.doc.Tokens
	if !strings.HasPrefix(toks[m.head].Rel, "nsubj") || pronouns[m.headLower].refl {
		return nil
	}
	var gov map[int]bool
	crossed := false // above a clause boundary
	for h, steps := m.head, 0; toks[h].Head >= 0 && steps < len(toks); steps++ {
		rel, _, _ := strings.Cut(toks[h].Rel, ":")
		if clauseLinks[rel] {
			crossed = true
		}
		h = toks[h].Head
		if !crossed {
			continue // the pronoun's own clause
		}
		for _, k := range s.kids[h] {
			if k >= m.head || !strings.HasPrefix(toks[k].Rel, "nsubj") {
				continue
			}
			for _, j := range s.byHead[k] {
				c := s.ms[j]
				if c.start >= m.start || nested(m, c) || c.quote != m.quote || !sv.link(s, i, j) {
					continue
				}
				if gov == nil {
					gov = map[int]bool{}
				}
				gov[s.find(j)] = true
			}
		}
	}
	return gov
}

// clauseLinks are the relations (without subtype) that attach a clause to
// the clause or phrase above it.
var clauseLinks = map[string]bool{
	"ccomp": true, "xcomp": true, "csubj": true, "advcl": true, "acl": true,
	"conj": true, "parataxis": true,
}

func later(a, b mention) bool {
	if a.start != b.start {
		return a.start > b.start
	}
	return a.end > b.end
}

// mentionWeight is the salience of candidate c for the pronoun m.
//
// The weights are those of Lappin and Leass (1994), with the possessive
// weight of Kennedy and Boguraev (1996). A subject pronoun continues the
// topic of what precedes it, and a mention inside a subjectless
// non-finite adverbial clause ("…, before meeting X, but he …") is not
// that topic: the clause is backgrounded and its implicit subject is
// controlled by the main clause. Such a candidate keeps its
// recency and head-noun weight but gets no grammatical-role or
// non-adverbial emphasis for a subject pronoun; other pronouns (an object
// "him", a possessive "his") still weigh it in full.
func (s *state) mentionWeight(c, m mention) float64 {
	w := 100.0 // recency
	rel := s.doc.Tokens[c.head].Rel
	if i := strings.IndexByte(rel, ':'); i >= 0 && !strings.HasPrefix(rel, "nmod:poss") {
		rel = rel[:i]
	}
	mrel := s.doc.Tokens[m.head].Rel
	background := c.adjunct && strings.HasPrefix(mrel, "nsubj")
	if !background {
		switch rel {
		case "nsubj":
			w += 80
		case "nmod:poss":
			w += 65 // a possessor ("X's demands", "his meeting")
		case "obj":
			w += 50
		case "iobj":
			w += 40
		}
	}
	switch rel {
	case "nmod", "nmod:poss", "compound":
	default:
		w += 80 // head noun, not embedded in another noun phrase
	}
	if rel != "obl" && rel != "advmod" && !background {
		w += 50 // not in an adverbial
	}
	if strings.HasPrefix(mrel, "nsubj") && rel == "nsubj" && !background {
		w += 35 // parallel roles
	}
	if pronouns[m.headLower].refl && s.doc.Tokens[c.head].Head == s.doc.Tokens[m.head].Head && rel == "nsubj" {
		w += 200 // a reflexive takes the subject of its clause
	}
	return w
}

// neuterWindow is how many sentences back "it" looks: neuter pronouns
// refer locally far more often than personal ones, and a distant "it" is
// usually an event or a clause, which are not mentions here.
const neuterWindow = 1
