package ner

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/nlp"
)

// particles are the lower-case words inside personal names ("Ludwig van
// Beethoven", "Charles de Gaulle", "Osama bin Laden").
var particles = map[string]bool{
	"van": true, "von": true, "der": true, "den": true, "de": true, "du": true, "des": true, "la": true,
	"le": true, "da": true, "di": true, "del": true, "della": true, "dos": true, "das": true, "do": true,
	"bin": true, "ibn": true, "al": true, "el": true, "ter": true, "zu": true, "y": true,
}

// postprocess fixes two things a greedy tagger gets wrong, with rules that
// hold for English names in general:
//
//   - a PERSON span followed by name particles and a capitalised word
//     takes them in ("Johanna von der Heide");
//   - in "X - Y" pairs ("the Lopez-Silva talks", "US-Mexico trade") where
//     X is a PERSON or GPE and the capitalised Y is left untagged, Y gets
//     X's label (for GPE only when the gazetteer knows Y as a place).
func postprocess(doc *nlp.Document, spans []nlp.Span, casing map[uint32]uint8) []nlp.Span {
	taken := make([]bool, len(doc.Tokens))
	for _, s := range spans {
		for k := s.Start; k < s.End; k++ {
			taken[k] = true
		}
	}
	sentEnd := func(i int) int {
		if s := doc.SentenceOf(i); s >= 0 {
			return doc.Sentences[s].End
		}
		return len(doc.Tokens)
	}
	var extra []nlp.Span
	for si := range spans {
		s := &spans[si]
		end := sentEnd(s.Start)
		if s.Label == "PERSON" {
			j := s.End
			for j < end && particles[doc.Tokens[j].Form] && !taken[j] {
				j++
			}
			if j > s.End && j < end && isCap(doc.Tokens[j].Form) && !taken[j] {
				for k := s.End; k <= j; k++ {
					taken[k] = true
				}
				s.End = j + 1
			}
		}
		if (s.Label == "PERSON" || s.Label == "GPE") && s.End+1 < end && doc.Tokens[s.End].Form == "-" {
			y := s.End + 1
			f := doc.Tokens[y].Form
			if taken[y] || !isCap(f) {
				continue
			}
			switch s.Label {
			case "GPE":
				if _, ok := gazetteer.LookupPlace(f); !ok {
					continue
				}
			case "PERSON":
				if b := casing[wordKey(strings.ToLower(f))]; b == caseLower || b == caseMostlyLower {
					continue
				}
			}
			taken[y] = true
			extra = append(extra, nlp.Span{Start: y, End: y + 1, Label: s.Label})
		}
	}
	spans = append(spans, extra...)
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	return spans
}
