package ner

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

// orgHeads are words that end the names of organisations in English
// ("... University", "... Corp.", "... Ministry"), from general usage.
var orgHeads = map[string]bool{
	"inc": true, "inc.": true, "corp": true, "corp.": true, "corporation": true, "co": true, "co.": true,
	"ltd": true, "ltd.": true, "llc": true, "plc": true, "gmbh": true, "ag": true, "sa": true,
	"company": true, "group": true, "holdings": true, "bank": true, "university": true, "college": true,
	"institute": true, "association": true, "society": true,
	"foundation": true, "council": true, "committee": true, "commission": true, "ministry": true,
	"department": true, "agency": true, "authority": true, "party": true, "union": true, "federation": true,
	"league": true, "organization": true, "organisation": true, "orchestra": true, "club": true,
	"army": true, "navy": true, "police": true, "parliament": true, "senate": true,
	"congress": true, "bureau": true, "service": true, "services": true,
	"airlines": true, "airways": true, "motors": true, "industries": true, "systems": true,
	"technologies": true, "laboratories": true, "labs": true, "partners": true, "associates": true,
	"times": true, "post": true, "news": true, "press": true, "network": true,
}

// legalForms are the suffixes of a company's legal form: they end its
// name ("Acme Corp. of Delaware" is Acme Corp., incorporated in Delaware).
var legalForms = map[string]bool{
	"inc": true, "inc.": true, "corp": true, "corp.": true, "co": true, "co.": true,
	"ltd": true, "ltd.": true, "llc": true, "llp": true, "l.p.": true, "plc": true, "gmbh": true, "ag": true, "sa": true,
}

// knownPlace reports whether tokens [s, e) spell a place name that the
// gazetteer knows and not an organisation.
func knownPlace(doc *nlp.Document, s, e int) bool {
	var ws []string
	for i := s; i < e; i++ {
		ws = append(ws, strings.ToLower(doc.Tokens[i].Form))
	}
	k := loadGaz().phrases[strings.Join(ws, " ")]
	return k&(gCountry|gSubdivision|gCity|gContinent|gPlace) != 0 && k&gOrg == 0
}

// orgSpans tags capitalised runs that end in an organisation head word
// ("Georgetown University", "Defence Ministry", "Enron Corp."), or in
// one followed by "of" or "for" and a name ("Ministry of Defence",
// "Commission for Fair Trade and Industry"), as ORG.
// A model span inside the run is replaced; a run that overlaps a model
// span reaching outside it is left alone.
func orgSpans(doc *nlp.Document, spans []nlp.Span) []nlp.Span {
	owner := make([]int, len(doc.Tokens))
	for i := range owner {
		owner[i] = -1
	}
	for k, s := range spans {
		for i := s.Start; i < s.End; i++ {
			owner[i] = k
		}
	}
	drop := map[int]bool{} // model spans replaced
	dropAdd := map[int]bool{}
	var add []nlp.Span
	for _, sent := range doc.Sentences {
		for e := sent.Start; e < sent.End; e++ {
			f := doc.Tokens[e].Form
			if !orgHeads[strings.ToLower(f)] || !isCap(f) {
				continue
			}
			// extend left over capitalised words and name-internal "of", "and", "&"
			legal := legalForms[strings.ToLower(f)]
			s := e
			for s > sent.Start {
				p := doc.Tokens[s-1].Form
				if isCap(p) && !(s-1 == sent.Start && !strings.ContainsAny(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")) {
					s--
					continue
				}
				if (p == "of" || p == "and" || p == "&" || p == "for") && s-2 >= sent.Start && isCap(doc.Tokens[s-2].Form) {
					s--
					continue
				}
				break
			}
			for s < e && (doc.Tokens[s].Form == "The" || IsTitle(doc.Tokens[s].Form)) {
				s++
			}
			// "Ministry of Defence", "University of Lima", "Department for
			// Trade and Industry"
			r := e + 1
			if !legal && r+1 < sent.End && (doc.Tokens[r].Form == "of" || doc.Tokens[r].Form == "for") {
				k := r + 1
				if doc.Tokens[k].Form == "the" && k+1 < sent.End {
					k++
				}
				if isCap(doc.Tokens[k].Form) {
					for k < sent.End && (isCap(doc.Tokens[k].Form) ||
						(doc.Tokens[k].Form == "and" || doc.Tokens[k].Form == "&") && k+1 < sent.End && isCap(doc.Tokens[k+1].Form)) {
						k++
					}
					r = k
				}
			}
			if s == e && r == e+1 {
				continue // a head word alone: "University", "Party"
			}
			if r == e+1 && knownPlace(doc, s, r) {
				continue // "West Bank" is a place, not a bank
			}
			e = r - 1
			at := func(k int) nlp.Span {
				if k < len(spans) {
					return spans[k]
				}
				return add[k-len(spans)]
			}
			ok := true
			for i := s; i <= e; i++ {
				if k := owner[i]; k >= 0 && (at(k).Start < s || at(k).End > e+1) {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			for i := s; i <= e; i++ {
				if k := owner[i]; k >= 0 && k < len(spans) {
					drop[k] = true
				} else if k >= len(spans) {
					dropAdd[k-len(spans)] = true
				}
				owner[i] = len(spans) + len(add)
			}
			add = append(add, nlp.Span{Start: s, End: e + 1, Label: "ORG"})
		}
	}
	if len(add) == 0 {
		return spans
	}
	out := spans[:0:0]
	for k, s := range spans {
		if !drop[k] {
			out = append(out, s)
		}
	}
	for k, s := range add {
		if !dropAdd[k] {
			out = append(out, s)
		}
	}
	return out
}
