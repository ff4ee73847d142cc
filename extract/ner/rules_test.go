package ner

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

func TestRules(t *testing.T) {
	tests := []struct {
		text string
		want string // label:forms, space-separated spans joined by " | "
	}{
		{"They paid $ 5 million on Monday .", "MONEY:$ 5 million | DATE:Monday"},
		{"Prices rose 3.5 % in March 2024 .", "PERCENT:3.5 % | DATE:March 2024"},
		{"It fell 12 per cent last week .", "PERCENT:12 per cent | DATE:last week"},
		{"The convoy drove 40 km at 10:30 a.m. on 15 August .", "QUANTITY:40 km | TIME:10:30 a.m. | DATE:15 August"},
		{"The Ukrainian and French delegations met in the 1990s .", "NORP:Ukrainian | NORP:French | DATE:1990s"},
		{"He may come .", ""},
		{"Europeans paid 20 billion euros .", "NORP:Europeans | MONEY:20 billion euros"},
	}
	for _, tt := range tests {
		d := docOf(tt.text)
		spans := addRuleSpans(d, nil)
		var got []string
		for _, s := range spans {
			got = append(got, s.Label+":"+d.Forms(s.Start, s.End))
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("rules(%q) = %q, want %q", tt.text, g, tt.want)
		}
	}
}

func TestRulesRespectModelSpans(t *testing.T) {
	d := docOf("American Airlines said so .")
	spans := addRuleSpans(d, []nlp.Span{{Start: 0, End: 2, Label: "ORG"}})
	if len(spans) != 1 {
		t.Errorf("got %v, want only the model's ORG span", spans)
	}
}
