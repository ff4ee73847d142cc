package coref

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

// role resolves a role description ("the president", "the US president",
// "Ukraine's president", "the Ukrainian president") against a name
// introduced earlier with that role as a title ("US President X",
// "Ukrainian President Y") or as an appositive ("X, the British prime
// minister"): some proper mention of the candidate's cluster
// must contain the anaphor's head noun as a word before its own head, and
// every country the anaphor names (a modifier or a possessor) must be
// named there too, compared through Resolver.Country when set.
func (s *state) role(i, j int) bool {
	m := s.ms[i]
	if m.num == plural || m.anim != animate {
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
				titled = true // "US President X"
				break
			}
		}
		for _, k := range s.kids[c.head] {
			if s.doc.Tokens[k].Rel == "appos" && k < c.end && s.lemma(k) == roleWord {
				titled = true // "X, the British prime minister"
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
// other than the head: runs of proper nouns ("United States"), single
// proper nouns and capitalised adjectives (demonyms), including a
// possessor ("Ukraine's").
func (s *state) countries(start, end, head int) map[string]bool {
	out := map[string]bool{}
	look := func(text string) {
		if s.country != nil {
			if key, ok := s.country(text); ok {
				out[key] = true
			}
			return
		}
		out[strings.ToLower(text)] = true
	}
	for t := start; t < end; t++ {
		if t == head {
			continue
		}
		tok := s.doc.Tokens[t]
		switch {
		case tok.UPOS == "PROPN":
			run := t
			for run+1 < end && run+1 != head && s.doc.Tokens[run+1].UPOS == "PROPN" {
				run++
			}
			if run > t && s.country != nil {
				look(s.doc.Forms(t, run+1))
			}
			look(tok.Form)
		case tok.UPOS == "ADJ" && startsUpper(tok.Form):
			look(tok.Form)
		}
	}
	return out
}

func startsUpper(w string) bool {
	return w != "" && strings.ToUpper(w[:1]) == w[:1] && strings.ToLower(w[:1]) != w[:1]
}
