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
		lo, hi := s.nameChunk(c)
		for t := lo; t < hi; t++ {
			if t != c.head && s.lemma(t) == roleWord {
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
		// The head too: a parser may head "Ukrainian President X" on
		// "Ukrainian". And the proper nouns and capitalised adjectives
		// just before the mention when its title chunk starts it: a
		// parser may cut "US" off "US President X" ("a meeting with US
		// President X" parsed with "US" as the object).
		from := c.start
		if lo == c.start {
			sentStart := s.doc.Sentences[c.sent].Start
			for from > sentStart {
				t := s.doc.Tokens[from-1]
				if t.UPOS != "PROPN" && !(t.UPOS == "ADJ" && startsUpper(t.Form)) {
					break
				}
				from--
			}
		}
		have := s.countries(from, c.end, -1)
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

// nameChunk is the run of nouns, proper nouns, adjectives and numbers
// around the head of c, inside c: "US President Karim Nassar" in "US
// President Karim Nassar, who ...". Looking at the run rather than at the
// words before the head keeps titles found when a parser heads the name
// on another word.
func (s *state) nameChunk(c mention) (int, int) {
	in := func(t int) bool {
		switch s.doc.Tokens[t].UPOS {
		case "PROPN", "NOUN", "ADJ", "NUM":
			return true
		}
		return false
	}
	lo, hi := c.head, c.head+1
	for lo > c.start && in(lo-1) {
		lo--
	}
	for hi < c.end && in(hi) {
		hi++
	}
	return lo, hi
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
// other than the token skip: runs of proper nouns ("United States"), single
// proper nouns and capitalised adjectives (demonyms), including a
// possessor ("Ukraine's").
func (s *state) countries(start, end, skip int) map[string]bool {
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
		if t == skip {
			continue
		}
		tok := s.doc.Tokens[t]
		switch {
		case tok.UPOS == "PROPN":
			run := t
			for run+1 < end && run+1 != skip && s.doc.Tokens[run+1].UPOS == "PROPN" {
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
