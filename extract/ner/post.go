package ner

import (
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/schema"
)

// postprocess fixes things a greedy tagger gets wrong, with rules that
// hold for English names in general:
//
//   - titles, honorifics and what precedes them leave PERSON spans
//     ("Brazilian President Ana Lopez" → "Ana Lopez"), and an ORG or GPE
//     span that runs on through a title into a name is split there
//     ("Lima Council President Ana" → ORG "Lima Council", PERSON "Ana");
//   - a capitalised run ending in an organisation head word ("Georgetown
//     University", "Defence Ministry") is an ORG (orgs.go);
//   - a PERSON span followed by name particles and a capitalised word
//     takes them in ("Johanna von der Heide"), and joins a PERSON span
//     after it that starts with a particle or follows particles;
//   - in "X - Y" pairs ("the Lopez-Silva talks", "US-Mexico trade") where
//     X is a PERSON or GPE and the capitalised Y is left untagged, Y gets
//     X's label (for GPE only when the gazetteer knows Y as a place);
//   - a name after "Mr", "Mrs", "Dr" and the like is a person's, whatever
//     the model made of it ("Mr Houston"), and takes in a hyphenated second
//     part ("Mr Kilroy-Silk").
func postprocess(doc *nlp.Document, spans []nlp.Span, casing map[uint32]uint8) []nlp.Span {
	// "Johanna" + "von der Heide", "Johanna" + "von" + "der Heide": join a
	// PERSON to the PERSON after it when only particles lie between them
	// and there is at least one particle, between or leading the second.
	merged := spans[:0]
	for _, s := range spans {
		if k := len(merged) - 1; k >= 0 && s.Label == "PERSON" && merged[k].Label == "PERSON" &&
			merged[k].End <= s.Start && doc.SentenceOf(merged[k].Start) == doc.SentenceOf(s.Start) &&
			(merged[k].End < s.Start || schema.IsNameParticle(doc.Tokens[s.Start].Form)) {
			gap := true
			for i := merged[k].End; i < s.Start; i++ {
				gap = gap && schema.IsNameParticle(doc.Tokens[i].Form)
			}
			if gap {
				merged[k].End = s.End
				continue
			}
		}
		merged = append(merged, s)
	}
	spans = merged
	// "Robert Kilroy" + "-Silk", "Mr Kilroy" + "-Silk": a person's name of
	// two or more words, or one after an honorific, goes on over a hyphen
	// joined to a capitalised word no entity holds ("Trump-Putin" keeps
	// two names: Putin is one of its own).
	held := coveredTokens(doc, spans)
	for i := range spans {
		s := &spans[i]
		if s.Label != "PERSON" {
			continue
		}
		if s.End-s.Start < 2 && (s.Start == 0 || !isHonorific(doc.Tokens[s.Start-1].Form) || middleInitial(doc, s.Start-1)) {
			continue
		}
		for s.End+1 < len(doc.Tokens) && doc.Tokens[s.End].Form == "-" && !held[s.End+1] &&
			doc.Tokens[s.End-1].End == doc.Tokens[s.End].Start && doc.Tokens[s.End].End == doc.Tokens[s.End+1].Start &&
			isCap(doc.Tokens[s.End+1].Form) && doc.SentenceOf(s.End+1) == doc.SentenceOf(s.Start) {
			held[s.End], held[s.End+1] = true, true
			s.End += 2
		}
	}
	personAfterAddress(doc, spans)
	spans = splitTitles(doc, spans)
	spans = orgSpans(doc, spans)
	spans = dropPluralDemonyms(doc, spans)
	trimLowerTails(doc, spans)
	taken := coveredTokens(doc, spans)
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
			for j < end && schema.IsNameParticle(doc.Tokens[j].Form) && !taken[j] {
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
	spans = knownOrgs(doc, spans, taken)
	spans = propagate(doc, spans, taken, casing)
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	return spans
}

// orgNames indexes the gazetteer's organisation names (WordNet's
// agencies, parties, churches: "Labour Party", "NASA", "Labour") by their
// tokens as written, hyphens split off as the tokenizer does. The
// generator leaves out the names WordNet also gives to other things ("the
// United States" is a government there too); names the gazetteer knows
// as places are left out here as well.
var orgNames = sync.OnceValue(func() orgIndex {
	places := map[string]bool{}
	for _, n := range gazetteer.ListNames(gazetteer.PlaceNames) {
		places[n] = true
	}
	x := orgIndex{names: map[string]bool{}, first: map[string]int{}}
	for _, n := range gazetteer.ListNames(gazetteer.OrgNames) {
		if _, ok := gazetteer.LookupPlace(n); ok || places[n] {
			continue
		}
		ws := strings.Fields(strings.ReplaceAll(n, "-", " - "))
		x.names[strings.Join(ws, " ")] = true
		x.first[ws[0]] = max(x.first[ws[0]], len(ws))
	}
	return x
})

// orgIndex holds the organisation names and, for each first word, the
// most words of a name that starts with it.
type orgIndex struct {
	names map[string]bool
	first map[string]int
}

// knownOrgs tags as ORG the longest runs of tokens written exactly as a
// known organisation's name that no entity holds, and retags a span that
// is exactly such a name ("Labour", which the model takes for a person or
// misses in British news, the "Labour Party", the "FBI"). taken is updated.
func knownOrgs(doc *nlp.Document, spans []nlp.Span, taken []bool) []nlp.Span {
	x := orgNames()
	exact := map[[2]int]int{}
	for k, s := range spans {
		exact[[2]int{s.Start, s.End}] = k
	}
	var b strings.Builder
	for _, sn := range doc.Sentences {
		for i := sn.Start; i < sn.End; {
			found := 0
			for n := min(x.first[doc.Tokens[i].Form], sn.End-i); n >= 1; n-- {
				b.Reset()
				for j := i; j < i+n; j++ {
					if j > i {
						b.WriteByte(' ')
					}
					b.WriteString(doc.Tokens[j].Form)
				}
				if x.names[b.String()] {
					found = n
					break
				}
			}
			if found == 0 {
				i++
				continue
			}
			if k, ok := exact[[2]int{i, i + found}]; ok {
				spans[k].Label = "ORG"
			} else {
				free := true
				for j := i; j < i+found; j++ {
					free = free && !taken[j]
				}
				if free {
					spans = append(spans, nlp.Span{Start: i, End: i + found, Label: "ORG"})
					for j := i; j < i+found; j++ {
						taken[j] = true
					}
				}
			}
			i += found
		}
	}
	return spans
}

// personalAddress holds the forms of address that come only before a
// person's name: "Mr Houston" is a man, not the city. (Not "St", "Lord",
// "Lady" or "Miss": "St Helens", "Lord's", "Lady Bay", "Miss Saigon".)
var personalAddress = map[string]bool{
	"mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true, "ms.": true,
	"dr": true, "dr.": true, "sir": true, "dame": true, "herr": true, "frau": true, "mme": true,
}

// personAfterAddress relabels as PERSON a place or organisation span of
// at most three words right after such a form of address.
func personAfterAddress(doc *nlp.Document, spans []nlp.Span) {
	for i := range spans {
		s := &spans[i]
		if s.Label != "PERSON" && s.Start > 0 && s.End-s.Start <= 3 &&
			personalAddress[strings.ToLower(doc.Tokens[s.Start-1].Form)] &&
			doc.SentenceOf(s.Start-1) == doc.SentenceOf(s.Start) {
			s.Label = "PERSON"
		}
	}
}

// dropPluralDemonyms drops PERSON spans that are one plural demonym
// ("Americans", "Palestinians"): a nationality in the plural names a
// group, not a person (the rules tag it NORP). A singular demonym can
// be a surname ("Judith French") and is kept.
func dropPluralDemonyms(doc *nlp.Document, spans []nlp.Span) []nlp.Span {
	out := spans[:0]
	for _, s := range spans {
		if s.Label == "PERSON" && s.End-s.Start == 1 {
			f := doc.Tokens[s.Start].Form
			if sg, ok := strings.CutSuffix(f, "s"); ok && len(sg) > 1 {
				_, pl := gazetteer.Demonym(f)
				_, one := gazetteer.Demonym(sg)
				if pl && one {
					continue
				}
			}
		}
		out = append(out, s)
	}
	return out
}

// trimLowerTails ends a capitalised person's name before lower-case words
// at its end ("Ana Lopez talks" → "Ana Lopez"): in text that capitalises
// names, a name's last word is capitalised; name particles come before
// the surname, not after it.
func trimLowerTails(doc *nlp.Document, spans []nlp.Span) {
	for i := range spans {
		s := &spans[i]
		if s.Label != "PERSON" || !isCap(doc.Tokens[s.Start].Form) {
			continue
		}
		for s.End-s.Start > 1 {
			f := doc.Tokens[s.End-1].Form
			if !strings.ContainsFunc(f, unicode.IsLetter) || strings.ContainsFunc(f, unicode.IsUpper) {
				break
			}
			s.End--
		}
	}
}

// propagate tags later untagged repetitions of a name found elsewhere in
// the document with the same label (one sense per discourse). Only names
// that start with a capital letter, whose words are not usually lower
// case, are propagated, and only to occurrences written the same way.
func propagate(doc *nlp.Document, spans []nlp.Span, taken []bool, casing map[uint32]uint8) []nlp.Span {
	type name struct {
		forms string
		n     int
	}
	label := map[name]string{}
	var order []name
	for _, s := range spans {
		if !isCap(doc.Tokens[s.Start].Form) {
			continue
		}
		common := false
		for k := s.Start; k < s.End; k++ {
			b := casing[wordKey(strings.ToLower(doc.Tokens[k].Form))]
			if b == caseLower || b == caseMostlyLower {
				common = true
			}
		}
		if common {
			continue
		}
		key := name{doc.Forms(s.Start, s.End), s.End - s.Start}
		if l, ok := label[key]; ok {
			if l != s.Label {
				label[key] = "" // conflicting labels: leave it alone
			}
			continue
		}
		label[key] = s.Label
		order = append(order, key)
	}
	if len(order) == 0 {
		return spans
	}
	at := map[string][]int{} // first word of a name -> its positions
	for _, key := range order {
		first, _, _ := strings.Cut(key.forms, " ")
		at[first] = nil
	}
	for i, t := range doc.Tokens {
		if ps, ok := at[t.Form]; ok {
			at[t.Form] = append(ps, i)
		}
	}
	for _, key := range order {
		l := label[key]
		if l == "" {
			continue
		}
		first, _, _ := strings.Cut(key.forms, " ")
		for _, i := range at[first] {
			if i+key.n > len(doc.Tokens) {
				continue
			}
			free := true
			for k := i; k < i+key.n; k++ {
				if taken[k] {
					free = false
					break
				}
			}
			if !free || doc.Forms(i, i+key.n) != key.forms {
				continue
			}
			if s := doc.SentenceOf(i); s < 0 || doc.SentenceOf(i+key.n-1) != s {
				continue
			}
			for k := i; k < i+key.n; k++ {
				taken[k] = true
			}
			spans = append(spans, nlp.Span{Start: i, End: i + key.n, Label: l})
		}
	}
	return spans
}

// coveredTokens marks the tokens inside any of the spans.
func coveredTokens(doc *nlp.Document, spans []nlp.Span) []bool {
	in := make([]bool, len(doc.Tokens))
	for _, s := range spans {
		for k := s.Start; k < s.End && k < len(in); k++ {
			in[k] = true
		}
	}
	return in
}

// titleAt reports whether token i is a title or honorific, or a hyphen
// inside a hyphenated title ("Secretary - General").
func titleAt(doc *nlp.Document, i int) bool {
	f := doc.Tokens[i].Form
	if IsTitle(f) || isHonorific(f) && !middleInitial(doc, i) {
		return true
	}
	return f == "-" && i > 0 && i+1 < len(doc.Tokens) && IsTitle(doc.Tokens[i-1].Form) && IsTitle(doc.Tokens[i+1].Form)
}

// splitTitles keeps titles out of names (Normalize reads them from the
// words before the name).
func splitTitles(doc *nlp.Document, spans []nlp.Span) []nlp.Span {
	covered := coveredTokens(doc, spans)
	var out []nlp.Span
	for _, s := range spans {
		switch s.Label {
		case "PERSON":
			// the name starts after the last title in the span's
			// capitalised lead: "US President Ana Lopez", "Vice President
			// Lopez", "Secretary - General Jan Berg"
			if s.End-s.Start > 1 && roleSet[strings.ToLower(doc.Forms(s.Start, s.End))] {
				continue // "Prime Minister" alone
			}
			last := -1
			for k := s.Start; k < s.End-1; k++ {
				f := doc.Tokens[k].Form
				if titleAt(doc, k) {
					last = k
				} else if !isCap(f) {
					break
				}
			}
			if last >= 0 {
				s.Start = last + 1
			}
			// What is left completes a title with the word before it ("Lord
			// Chief Justice"), or is an honorific alone: no name at all. A
			// title word after an honorific or another title stays a name
			// ("Mr King", "General King").
			if s.End-s.Start == 1 && s.Start > 0 && roleSet[strings.ToLower(doc.Tokens[s.Start-1].Form+" "+doc.Tokens[s.Start].Form)] {
				continue
			}
			if s.End-s.Start == 1 && isHonorific(doc.Tokens[s.Start].Form) {
				// "Lord" alone: the name is the capitalised run after it
				// ("Lord Falconer" tagged on its first word), if any.
				end := s.Start + 1
				for end < len(doc.Tokens) && end-s.Start <= 3 && !covered[end] && isCap(doc.Tokens[end].Form) &&
					!titleAt(doc, end) && doc.Tokens[end].UPOS != "PUNCT" {
					end++
				}
				// "Ms King said": a title word that ends the run after an
				// honorific is a surname, unless the two make a title
				// ("Lord Chancellor").
				if n := s.Start + 1; end == n && n < len(doc.Tokens) && !covered[n] && isCap(doc.Tokens[n].Form) && IsTitle(doc.Tokens[n].Form) &&
					(n+1 == len(doc.Tokens) || !isCap(doc.Tokens[n+1].Form)) &&
					!roleSet[strings.ToLower(doc.Tokens[s.Start].Form+" "+doc.Tokens[n].Form)] {
					end = n + 1
				}
				if end == s.Start+1 {
					continue
				}
				s.Start, s.End = s.Start+1, end
			}
			out = append(out, s)
		case "ORG", "GPE":
			k := -1
			for j := s.Start; j < s.End-1; j++ {
				if IsTitle(doc.Tokens[j].Form) && isCap(doc.Tokens[j].Form) && isCap(doc.Tokens[j+1].Form) {
					k = j
				}
			}
			// not when the name goes on to a place or organisation head:
			// "King Street", "Prince Edward Island", "President Hotel Group"
			if lw := strings.ToLower(doc.Tokens[s.End-1].Form); k >= 0 && (geoWords[lw] || orgHeads[lw]) {
				k = -1
			}
			if k < 0 {
				out = append(out, s)
				continue
			}
			if k > s.Start {
				out = append(out, nlp.Span{Start: s.Start, End: k, Label: s.Label})
			}
			out = append(out, nlp.Span{Start: k + 1, End: s.End, Label: "PERSON"})
		default:
			out = append(out, s)
		}
	}
	return out
}
