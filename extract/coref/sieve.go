package coref

import (
	"sort"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

// A sieve decides whether mention i (the first of its cluster) corefers
// with an earlier candidate j.
type sieve struct {
	name     string
	anaphors func(s *state, i int) bool // which mentions the sieve resolves
	link     func(s *state, i, j int) bool
	maxSent  int // how many sentences back to look; 0 means the whole document
}

func (s *state) sieves() []sieve {
	return []sieve{
		{name: "speaker", anaphors: isLocalPronoun, link: (*state).speaker},
		{name: "exact", anaphors: isDefiniteNonPronoun, link: (*state).exactMatch},
		{name: "appositive", anaphors: notPronoun, link: (*state).appositive},
		{name: "acronym", anaphors: isProper, link: (*state).acronym},
		{name: "role", anaphors: isDefiniteNominal, link: (*state).role},
		{name: "relaxed", anaphors: isDefiniteNonPronoun, link: (*state).relaxedMatch},
		{name: "strict-head", anaphors: isDefiniteNonPronoun, link: (*state).strictHead},
		{name: "proper-head", anaphors: isProper, link: (*state).properHead},
		{name: "pronoun", anaphors: isThirdPronoun, link: (*state).pronoun, maxSent: 3},
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
func notPronoun(s *state, i int) bool { return s.ms[i].kind != nlp.Pronoun }
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
	for _, sv := range s.sieves() {
		for i := range s.ms {
			if !sv.anaphors(s, i) || !s.first(i) {
				continue
			}
			m := s.ms[i]
		search:
			for si := m.sent; si >= 0; si-- {
				if sv.maxSent > 0 && m.sent-si > sv.maxSent {
					break
				}
				for _, j := range bySent[si] {
					c := s.ms[j]
					if c.start >= m.start && !(c.start == m.start && c.end > m.end) {
						continue // only earlier mentions
					}
					if s.same(i, j) || (sv.name != "appositive" && nested(m, c)) {
						continue
					}
					if sv.link(s, i, j) {
						s.merge(i, j)
						break search
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
	return c.kind != nlp.Pronoun && m.text == c.text && !m.coord && !c.coord
}

// relaxedMatch: the same words up to the head, ignoring determiners and
// what follows the head ("the study of X" ~ "the study").
func (s *state) relaxedMatch(i, j int) bool {
	m, c := s.ms[i], s.ms[j]
	if c.kind == nlp.Pronoun || m.coord || c.coord || m.core == "" {
		return false
	}
	if m.kind == nlp.Proper || c.kind == nlp.Proper {
		return m.core == c.core
	}
	return m.core == c.core && s.clusterAgrees(i, j)
}

// appositive links a noun phrase to its appositive ("X, the leader of Y").
func (s *state) appositive(i, j int) bool {
	m, c := s.ms[i], s.ms[j]
	t := s.doc.Tokens[m.head]
	if t.Rel != "appos" || t.Head != c.head || c.kind == nlp.Pronoun || m.coord || c.coord {
		return false
	}
	return s.attrsAgree(m, c)
}

// acronym links "EU" to "European Union": an all-capitals word whose
// letters are the initials of the capitalised words of the other name.
func (s *state) acronym(i, j int) bool {
	m, c := s.ms[i], s.ms[j]
	if c.kind != nlp.Proper {
		return false
	}
	return isAcronymOf(s.doc, m, c) || isAcronymOf(s.doc, c, m)
}

func isAcronymOf(doc *nlp.Document, short, long mention) bool {
	if short.end-short.start != 1 {
		return false
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
		if len(w) > 0 && unicode.IsUpper(w[0]) {
			initials = append(initials, w[0])
		}
	}
	return string(initials) == a
}

// strictHead: same head word, every content word of the anaphor's cluster
// appears in the antecedent's cluster, and the anaphor adds no modifier
// (Lee et al. 2013, sieve 5).
func (s *state) strictHead(i, j int) bool {
	m, c := s.ms[i], s.ms[j]
	if c.kind == nlp.Pronoun || m.coord || c.coord {
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

// properHead: two names with the same head word ("Vladimir Putin" ~
// "Putin", "the Kremlin" ~ "Kremlin") whose numbers do not differ.
func (s *state) properHead(i, j int) bool {
	m, c := s.ms[i], s.ms[j]
	if c.kind != nlp.Proper || c.coord || m.headLower != c.headLower {
		return false
	}
	if m.num != numberUnknown && c.num != numberUnknown && m.num != c.num {
		return false
	}
	// A number in one and a different number in the other: "Flight 101"/"Flight 202".
	return !numberMismatch(s.doc, m, c) && s.clusterAgrees(i, j)
}

func numberMismatch(doc *nlp.Document, a, b mention) bool {
	na, nb := numerals(doc, a), numerals(doc, b)
	if len(na) == 0 || len(nb) == 0 {
		return false
	}
	for k := range na {
		if !nb[k] {
			return true
		}
	}
	return false
}

func numerals(doc *nlp.Document, m mention) map[string]bool {
	out := map[string]bool{}
	for k := m.start; k < m.end; k++ {
		if doc.Tokens[k].UPOS == "NUM" {
			out[strings.ToLower(doc.Tokens[k].Form)] = true
		}
	}
	return out
}

// clusterHasHead reports whether a mention of j's cluster has head word w.
func (s *state) clusterHasHead(j int, w string) bool {
	for _, k := range s.members[s.find(j)] {
		if s.ms[k].kind != nlp.Pronoun && s.ms[k].headLower == w {
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
			out = append(out, strings.ToLower(s.doc.Tokens[t].Form))
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

// clusterAgrees requires every pair across the two clusters to agree.
func (s *state) clusterAgrees(i, j int) bool {
	for _, a := range s.members[s.find(i)] {
		for _, b := range s.members[s.find(j)] {
			if !s.attrsAgree(s.ms[a], s.ms[b]) {
				return false
			}
		}
	}
	return true
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
	if c.indefinite && c.kind == nlp.Nominal && c.sent != m.sent {
		// generic descriptions are poor antecedents across sentences
	}
	if c.coord && m.num != plural {
		return false
	}
	info := pronouns[m.headLower]
	tm, tc := s.doc.Tokens[m.head], s.doc.Tokens[c.head]
	sameClause := tm.Head == tc.Head && tm.Head >= 0 && strings.HasPrefix(tc.Rel, "nsubj")
	if info.refl != sameClause && info.refl {
		return false
	}
	if !info.refl && sameClause && !info.poss {
		return false
	}
	return s.clusterAgrees(i, j)
}
