package coref

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

// role resolves a role description ("the president", "the US president",
// "Ukraine's president", "the Ukrainian president") against a name
// introduced earlier with that role as a title ("US President X",
// "Ukrainian President Y"): some proper mention of the candidate's cluster
// must contain the anaphor's head noun as a word before its own head, and
// every country the anaphor names (a modifier or a possessor) must be
// named there too, compared through Resolver.Country when set.
func (s *state) role(i, j int) bool {
	m := s.ms[i]
	if m.num == plural {
		return false
	}
	roleWord := s.lemma(m.head)
	anaCountries := s.countries(m.start, m.end, m.head)
	for _, k := range s.members[s.find(j)] {
		c := s.ms[k]
		if c.kind != nlp.Proper || c.coord {
			continue
		}
		titled := false
		for t := c.start; t < c.head; t++ {
			if s.lemma(t) == roleWord {
				titled = true
				break
			}
		}
		if !titled {
			continue
		}
		have := s.countries(c.start, c.end, c.head)
		ok := true
		for key := range anaCountries {
			if !have[key] {
				ok = false
				break
			}
		}
		if ok {
			return s.clusterAgrees(i, j)
		}
	}
	return false
}

func (s *state) lemma(t int) string {
	tok := s.doc.Tokens[t]
	l := tok.Lemma
	if l == "" || l == "_" {
		l = tok.Form
	}
	return strings.ToLower(l)
}

// countries returns the country keys named by the words of [start, end)
// other than the head: proper nouns and adjectives (demonyms), including a
// possessor ("Ukraine's").
func (s *state) countries(start, end, head int) map[string]bool {
	out := map[string]bool{}
	for t := start; t < end; t++ {
		if t == head {
			continue
		}
		tok := s.doc.Tokens[t]
		if tok.UPOS != "PROPN" && tok.UPOS != "ADJ" {
			continue
		}
		if s.country != nil {
			if key, ok := s.country(tok.Form); ok {
				out[key] = true
			}
			continue
		}
		if tok.UPOS == "PROPN" || startsUpper(tok.Form) {
			out[strings.ToLower(tok.Form)] = true
		}
	}
	return out
}

func startsUpper(w string) bool {
	return w != "" && strings.ToUpper(w[:1]) == w[:1] && strings.ToLower(w[:1]) != w[:1]
}
