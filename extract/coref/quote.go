package coref

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

// sayVerbs are verbs that attribute a quotation to their subject.
var sayVerbs = map[string]bool{
	"say": true, "tell": true, "add": true, "state": true, "explain": true, "write": true,
	"ask": true, "reply": true, "answer": true, "insist": true, "declare": true, "announce": true,
	"claim": true, "warn": true, "note": true, "argue": true, "recall": true, "continue": true,
	"respond": true, "remark": true, "comment": true, "conclude": true, "admit": true,
	"acknowledge": true, "suggest": true, "stress": true, "emphasise": true, "emphasize": true,
	"tweet": true, "post": true, "shout": true, "whisper": true, "cry": true,
}

// quoteSpeakers finds, for each quotation, the mention that utters it: the
// subject of a verb of saying outside the quotation that governs a word of
// it or is governed by one (`"...," she said` / `she said: "..."`).
func (s *state) quoteSpeakers() map[int]int {
	quotes := quoteIndex(s.doc)
	byHead := map[int]int{}
	for i, m := range s.ms {
		if m.coord {
			continue
		}
		if _, ok := byHead[m.head]; !ok || m.end-m.start < s.ms[byHead[m.head]].end-s.ms[byHead[m.head]].start {
			byHead[m.head] = i
		}
	}
	speakers := map[int]int{}
	for v, t := range s.doc.Tokens {
		if quotes[v] >= 0 || t.UPOS != "VERB" || !sayVerbs[s.lemma(v)] {
			continue
		}
		q := -1
		if h := t.Head; h >= 0 && quotes[h] >= 0 {
			q = quotes[h] // the quotation governs "she said"
		}
		for _, k := range s.kids[v] {
			if quotes[k] >= 0 && q < 0 {
				q = quotes[k] // "she said" governs the quotation
			}
		}
		if q < 0 {
			continue
		}
		if _, done := speakers[q]; done {
			continue
		}
		for _, k := range s.kids[v] {
			if strings.HasPrefix(s.doc.Tokens[k].Rel, "nsubj") && quotes[k] < 0 {
				if mi, ok := byHead[k]; ok {
					speakers[q] = mi
				}
			}
		}
	}
	return speakers
}

// quoteSpeaker links the first-person singular pronouns of a quotation to
// the mention that utters it.
func (s *state) linkQuoteSpeakers() {
	speakers := s.quoteSpeakers()
	if len(speakers) == 0 {
		return
	}
	for i, m := range s.ms {
		if m.kind != nlp.Pronoun || m.person != 1 || m.num != singular || m.quote < 0 {
			continue
		}
		sp, ok := speakers[m.quote]
		if !ok || s.same(i, sp) || !s.clusterAgrees(i, sp) {
			continue
		}
		if s.trace != nil {
			s.trace("quote", i, sp)
		}
		s.merge(i, sp)
	}
}
