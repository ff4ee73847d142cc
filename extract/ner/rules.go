package ner

import (
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/nlp"
)

// Rule-found types: NORP (demonyms from the gazetteer), DATE, TIME,
// PERCENT, MONEY and QUANTITY. Rules only fill tokens the model left
// outside its spans, and work within a sentence.

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "jan.": true, "feb": true, "feb.": true, "mar.": true, "apr": true, "apr.": true,
	"jun.": true, "jul.": true, "aug": true, "aug.": true, "sep": true, "sep.": true, "sept": true,
	"sept.": true, "oct": true, "oct.": true, "nov": true, "nov.": true, "dec": true, "dec.": true,
}

var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true,
}

var relDays = map[string]bool{"today": true, "yesterday": true, "tomorrow": true, "tonight": true}

var datePeriods = map[string]bool{
	"week": true, "weeks": true, "month": true, "months": true, "year": true, "years": true,
	"decade": true, "decades": true, "century": true, "centuries": true, "weekend": true, "day": true, "days": true,
	"spring": true, "summer": true, "autumn": true, "fall": true, "winter": true,
}

var dateDeterminers = map[string]bool{"last": true, "next": true, "this": true, "past": true, "coming": true, "previous": true, "recent": true, "early": true, "late": true}

var timeWords = map[string]bool{"a.m.": true, "p.m.": true, "am": true, "pm": true, "a.m": true, "p.m": true, "gmt": true, "utc": true, "bst": true, "cet": true, "est": true, "edt": true, "pst": true}

var dayParts = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true, "midnight": true, "noon": true, "midday": true, "dawn": true}

var currencySymbols = map[string]bool{"$": true, "£": true, "€": true, "¥": true, "us$": true, "c$": true, "a$": true, "₽": true, "₴": true}

var currencyWords = map[string]bool{
	"dollar": true, "dollars": true, "euro": true, "euros": true, "pound": true, "pounds": true, "sterling": true,
	"yen": true, "yuan": true, "renminbi": true, "rouble": true, "roubles": true, "ruble": true, "rubles": true,
	"hryvnia": true, "hryvnias": true, "rupee": true, "rupees": true, "franc": true, "francs": true,
	"cent": true, "cents": true, "pence": true, "p": false, "usd": true, "eur": true, "gbp": true, "bitcoin": true,
}

var scaleWords = map[string]bool{
	"hundred": true, "thousand": true, "million": true, "billion": true, "trillion": true,
	"m": true, "bn": true, "mn": true, "k": true, "tn": true,
}

var units = map[string]bool{
	"km": true, "kilometre": true, "kilometres": true, "kilometer": true, "kilometers": true, "mile": true, "miles": true,
	"metre": true, "metres": true, "meter": true, "meters": true, "m2": true, "cm": true, "mm": true,
	"ft": true, "feet": true, "foot": true, "inch": true, "inches": true, "yard": true, "yards": true,
	"kg": true, "kilogram": true, "kilograms": true, "kilogrammes": true, "tonne": true, "tonnes": true, "ton": true, "tons": true,
	"pound-weight": true, "lb": true, "lbs": true, "ounce": true, "ounces": true, "gram": true, "grams": true,
	"litre": true, "litres": true, "liter": true, "liters": true, "gallon": true, "gallons": true, "barrel": true, "barrels": true,
	"hectare": true, "hectares": true, "acre": true, "acres": true, "sq": true, "square": true,
	"degree": true, "degrees": true, "°c": true, "°f": true, "mph": true, "km/h": true, "kph": true,
	"megawatt": true, "megawatts": true, "mw": true, "gw": true, "kwh": true,
}

var numberWords = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "fifteen": true, "twenty": true,
	"thirty": true, "forty": true, "fifty": true, "hundred": true, "thousand": true, "dozen": true, "dozens": true,
	"hundreds": true, "thousands": true, "millions": true, "billions": true, "half": true, "a": false,
}

// isNumber reports whether a token is written as a number: "5", "5.6",
// "1,000", "3/4".
func isNumber(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
		case r == '.' || r == ',' || r == '/':
		default:
			return false
		}
	}
	return digits > 0
}

func isYear(s string) bool {
	if len(s) != 4 || !isNumber(s) {
		return false
	}
	return (s[0] == '1' && (s[1] == '8' || s[1] == '9')) || (s[0] == '2' && s[1] == '0')
}

// isDecade: "1990s", "90s", "'90s".
func isDecade(s string) bool {
	s = strings.TrimLeft(s, "'’")
	return strings.HasSuffix(s, "0s") && isNumber(strings.TrimSuffix(s, "s"))
}

func isClock(s string) bool {
	i := strings.IndexByte(s, ':')
	return i > 0 && i < len(s)-2 && isNumber(s[:i]) && isNumber(s[i+1:i+3])
}

func isNumeric(lw string) bool { return isNumber(lw) || numberWords[lw] }

// ruleSpans finds rule-based spans in tokens [s, e) of doc, skipping
// tokens marked in taken.
func ruleSpans(doc *nlp.Document, s, e int, taken []bool) []nlp.Span {
	var out []nlp.Span
	lw := func(i int) string {
		if i < s || i >= e {
			return ""
		}
		return strings.ToLower(doc.Tokens[i].Form)
	}
	free := func(i, j int) bool {
		if i < s || j > e {
			return false
		}
		for k := i; k < j; k++ {
			if taken[k] {
				return false
			}
		}
		return true
	}
	emit := func(i, j int, label string) {
		for k := i; k < j; k++ {
			taken[k] = true
		}
		out = append(out, nlp.Span{Start: i, End: j, Label: label})
	}
	// number phrase: digits or number words, then scale words
	numEnd := func(i int) int {
		j := i
		for j < e && (isNumeric(lw(j)) || (j > i && scaleWords[lw(j)])) {
			j++
		}
		return j
	}
	for i := s; i < e; i++ {
		if taken[i] {
			continue
		}
		w := lw(i)
		switch {
		// MONEY: "$ 5 million", "US$5", "5 billion dollars"
		case currencySymbols[w] && i+1 < e && isNumber(lw(i+1)):
			j := numEnd(i + 1)
			if free(i, j) {
				emit(i, j, "MONEY")
				i = j - 1
				continue
			}
		case isNumeric(w) && w != "one" && w != "half":
			j := numEnd(i)
			switch {
			case j < e && currencyWords[lw(j)]:
				if free(i, j+1) {
					emit(i, j+1, "MONEY")
					i = j
					continue
				}
			case j < e && (lw(j) == "%" || lw(j) == "percent"):
				if free(i, j+1) {
					emit(i, j+1, "PERCENT")
					i = j
					continue
				}
			case j+1 < e && lw(j) == "per" && lw(j+1) == "cent":
				if free(i, j+2) {
					emit(i, j+2, "PERCENT")
					i = j + 1
					continue
				}
			case j < e && units[lw(j)] && isNumber(w):
				if free(i, j+1) {
					emit(i, j+1, "QUANTITY")
					i = j
					continue
				}
			case j < e && (timeWords[lw(j)]) && isNumber(w):
				if free(i, j+1) {
					emit(i, j+1, "TIME")
					i = j
					continue
				}
			}
		}
		if j := dateEnd(lw, i, e); j > i && free(i, j) {
			emit(i, j, "DATE")
			i = j - 1
			continue
		}
		if isClock(w) {
			j := i + 1
			if j < e && timeWords[lw(j)] {
				j++
			}
			if free(i, j) {
				emit(i, j, "TIME")
				i = j - 1
				continue
			}
		}
		if (w == "this" || w == "last" || w == "tomorrow" || w == "yesterday") && i+1 < e && dayParts[lw(i+1)] && free(i, i+2) {
			emit(i, i+2, "TIME")
			i++
			continue
		}
		if f := doc.Tokens[i].Form; isCap(f) {
			if _, ok := gazetteer.Demonym(f); ok && free(i, i+1) {
				emit(i, i+1, "NORP")
			}
		}
	}
	return out
}

// dateEnd returns the end of a date expression starting at i, or i.
func dateEnd(lw func(int) string, i, e int) int {
	w := lw(i)
	j := i
	switch {
	case weekdays[w]:
		j = i + 1
		if lw(j) == "," && (months[lw(j+1)] || isNumber(lw(j+1))) {
			j++
		}
		if months[lw(j)] || isNumber(lw(j)) {
			if k := dateEnd(lw, j, e); k > j {
				j = k
			}
		}
	case relDays[w]:
		j = i + 1
	case months[w] && (w != "may" && w != "march" || isNumber(lw(i+1)) || isYear(lw(i+1))) && !(w == "may" && !isNumber(lw(i+1))):
		j = i + 1
		if isNumber(lw(j)) && len(lw(j)) <= 2 || isOrdinal(lw(j)) {
			j++
		}
		if lw(j) == "," && isYear(lw(j+1)) {
			j++
		}
		if isYear(lw(j)) {
			j++
		}
	case (isNumber(w) && len(w) <= 2 || isOrdinal(w)) && months[lw(i+1)]:
		j = i + 2
		if isYear(lw(j)) {
			j++
		}
	case dateDeterminers[w] && datePeriods[lw(i+1)]:
		j = i + 2
	case dateDeterminers[w] && (weekdays[lw(i+1)] || months[lw(i+1)] && lw(i+1) != "may"):
		j = i + 2
	case isYear(w) && !(lw(i+1) != "" && units[lw(i+1)]):
		j = i + 1
	case isDecade(w):
		j = i + 1
	case strings.Count(w, "/") == 2 && isNumber(w):
		j = i + 1
	}
	if j > e {
		j = e
	}
	return j
}

func isOrdinal(s string) bool {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(s, suf) && isNumber(strings.TrimSuffix(s, suf)) {
			return true
		}
	}
	return false
}

// addRuleSpans adds the rule-found types to the model's spans.
func addRuleSpans(doc *nlp.Document, spans []nlp.Span) []nlp.Span {
	taken := make([]bool, len(doc.Tokens))
	for _, sp := range spans {
		for k := sp.Start; k < sp.End && k < len(taken); k++ {
			taken[k] = true
		}
	}
	for _, s := range doc.Sentences {
		spans = append(spans, ruleSpans(doc, s.Start, s.End, taken)...)
	}
	return spans
}
