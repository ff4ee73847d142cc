package coref

import (
	"sort"
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
// it, directly or through its complement, or is governed by one (`"...,"
// she said` / `she said: "..."` / `she said that X had agreed to "..."`).
// Deeper verbs of saying claim their quotations first, so a speaker
// quoted inside a report keeps her own words.
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
	type verb struct{ v, depth, subj int }
	var verbs []verb
	for v, t := range s.doc.Tokens {
		if quotes[v] >= 0 || t.UPOS != "VERB" || !sayVerbs[s.lemma(v)] {
			continue
		}
		subj := -1
		for _, k := range s.kids[v] {
			if strings.HasPrefix(s.doc.Tokens[k].Rel, "nsubj") && quotes[k] < 0 {
				if mi, ok := byHead[k]; ok {
					subj = mi
				}
			}
		}
		if subj < 0 {
			// No subject in the parse: "… X said" with X mis-attached;
			// take a name or description that ends right before the verb.
			for mi, m := range s.ms {
				if m.end == v && m.kind != nlp.Pronoun && !m.coord && quotes[m.head] < 0 && m.anim != inanimate {
					if subj < 0 || m.end-m.start < s.ms[subj].end-s.ms[subj].start {
						subj = mi
					}
				}
			}
		}
		if subj < 0 {
			continue
		}
		d := 0
		for h := t.Head; h >= 0 && d <= len(s.doc.Tokens); h = s.doc.Tokens[h].Head {
			d++
		}
		verbs = append(verbs, verb{v, d, subj})
	}
	sort.SliceStable(verbs, func(a, b int) bool { return verbs[a].depth > verbs[b].depth })
	speakers := map[int]int{}
	for _, vb := range verbs {
		if h := s.doc.Tokens[vb.v].Head; h >= 0 && quotes[h] >= 0 {
			if _, done := speakers[quotes[h]]; !done {
				speakers[quotes[h]] = vb.subj // the quotation governs "she said"
			}
		}
		sent := s.doc.Sentences[s.ms[vb.subj].sent]
		for k := sent.Start; k < sent.End; k++ {
			q := quotes[k]
			if q < 0 || k == vb.v {
				continue
			}
			if _, done := speakers[q]; done {
				continue
			}
			if s.dominates(vb.v, k) {
				speakers[q] = vb.subj
			}
		}
	}
	return speakers
}

// dominates reports whether token a is an ancestor of token b.
func (s *state) dominates(a, b int) bool {
	for steps := 0; b >= 0 && steps <= len(s.doc.Tokens); steps++ {
		b = s.doc.Tokens[b].Head
		if b == a {
			return true
		}
	}
	return false
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
