package kg

import (
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/extract/openie"
	"github.com/newsgraph/newsgraph/schema"
)

var weekdays = map[string]time.Weekday{"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday}

var months = map[string]time.Month{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12}

// date resolves a time phrase against the document's date: "on Friday"
// (the last Friday before the article, or the next one when the fact is
// stated as future), "tomorrow", "yesterday", "today", "in 2014" (a year)
// and "17 August 2025" / "August 17, 2025".
func (db *docBuilder) date(p openie.Phrase, future bool) (schema.Literal, bool) {
	var words []string
	for _, t := range p.Tokens {
		words = append(words, strings.ToLower(strings.Trim(db.doc.Tokens[t].Form, ".,")))
	}
	return resolveDate(db.doc.Date, words, future)
}

func resolveDate(docDate string, words []string, future bool) (schema.Literal, bool) {
	var ref time.Time
	haveRef := false
	if t, err := time.Parse("2006-01-02", docDate); err == nil {
		ref, haveRef = t, true
	}
	day, year := 0, 0
	var month time.Month
	for _, w := range words {
		if haveRef {
			switch w {
			case "today", "tonight":
				return dateLit(ref), true
			case "tomorrow":
				return dateLit(ref.AddDate(0, 0, 1)), true
			case "yesterday":
				return dateLit(ref.AddDate(0, 0, -1)), true
			}
			if wd, ok := weekdays[w]; ok {
				delta := int(wd - ref.Weekday())
				if future {
					if delta <= 0 {
						delta += 7
					}
				} else if delta > 0 {
					delta -= 7 // the same weekday as the article is that day
				}
				return dateLit(ref.AddDate(0, 0, delta)), true
			}
		}
		if m, ok := months[w]; ok {
			month = m
			continue
		}
		if n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "th"), "st"), "nd"), "rd")); err == nil {
			switch {
			case len(w) == 4 && n >= 1000 && n <= 2999:
				year = n
			case n >= 1 && n <= 31:
				day = n
			}
		}
	}
	switch {
	case year > 0 && month > 0 && day > 0:
		return dateLit(time.Date(year, month, day, 0, 0, 0, 0, time.UTC)), true
	case month > 0 && day > 0 && haveRef:
		y := ref.Year()
		t := time.Date(y, month, day, 0, 0, 0, 0, time.UTC)
		if !future && t.After(ref) {
			t = t.AddDate(-1, 0, 0)
		}
		return dateLit(t), true
	case year > 0 && month == 0:
		return schema.Literal{Value: strconv.Itoa(year), Datatype: "gYear"}, true
	}
	return schema.Literal{}, false
}

func dateLit(t time.Time) schema.Literal {
	return schema.Literal{Value: t.Format("2006-01-02"), Datatype: "date"}
}
