package ner

import (
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		text, span string
		name, role string
		of         string // canonical name of the owner, "" for none
		honorifics string
	}{
		{"Brazilian President Ana Lopez arrived .", "Ana Lopez", "Ana Lopez", "President", "Brazil", ""},
		{"Brazilian President Ana Lopez arrived .", "President Ana Lopez", "Ana Lopez", "President", "Brazil", ""},
		{"Sir Tom Baker , the British prime minister , spoke .", "Sir Tom Baker", "Tom Baker", "Prime Minister", "United Kingdom", "Sir"},
		{"Sir Tom Baker , the British prime minister , spoke .", "Tom Baker", "Tom Baker", "Prime Minister", "United Kingdom", "Sir"},
		{"Nato Secretary-General Jan Berg said so .", "Jan Berg", "Jan Berg", "Secretary-General", "North Atlantic Treaty Organization", ""},
		{"Chile 's foreign minister Rosa Vidal left .", "Rosa Vidal", "Rosa Vidal", "Foreign Minister", "Chile", ""},
		{"UN Secretary - General Jan Berg said so .", "Jan Berg", "Jan Berg", "Secretary-General", "United Nations", ""},
		{"Mr Lee , a senator , voted .", "Mr Lee", "Lee", "Senator", "", "Mr"},
		{"Ursula van der Berg spoke .", "Ursula van der Berg", "Ursula van der Berg", "", "", ""},
		{"Prime Minister Ana Lopez of Peru spoke .", "Prime Minister Ana Lopez", "Ana Lopez", "Prime Minister", "", ""},
	}
	for _, tt := range tests {
		d := docOf(tt.text)
		sp := spanOf(d, tt.span, "PERSON")
		got := Normalize(d, sp)
		of := ""
		if got.Of != nil {
			of = got.Of.Name
		}
		if got.Text != tt.name || got.Role != tt.role || of != tt.of || strings.Join(got.Honorifics, " ") != tt.honorifics {
			t.Errorf("Normalize(%q, %q) = {%q role %q of %q hon %q}, want {%q role %q of %q hon %q}",
				tt.text, tt.span, got.Text, got.Role, of, got.Honorifics, tt.name, tt.role, tt.of, tt.honorifics)
		}
	}
}

func TestNormalizeBadSpan(t *testing.T) {
	d := docOf("a b")
	if got := Normalize(d, spanOf(d, "zzz", "PERSON")); got.Start != got.End || got.Text != "" {
		t.Errorf("Normalize on a span outside the doc = %+v, want zero", got)
	}
}

func TestPossessiveRole(t *testing.T) {
	tests := []struct {
		text, span, role, of string
	}{
		{"Chile 's president said", "Chile", "President", "Chile"},
		{"the UN 's secretary-general said", "UN", "Secretary-General", "United Nations"},
		{"Chile 's capital is", "Chile", "", ""},
	}
	for _, tt := range tests {
		d := docOf(tt.text)
		role, of, _, ok := PossessiveRole(d, spanOf(d, tt.span, "GPE"))
		ofName := ""
		if of != nil {
			ofName = of.Name
		}
		if role != tt.role || ofName != tt.of || ok != (tt.role != "") {
			t.Errorf("PossessiveRole(%q) = %q %q %v, want %q %q", tt.text, role, ofName, ok, tt.role, tt.of)
		}
	}
}

func TestLink(t *testing.T) {
	d := docOf("Ukrainian troops and U.S. officials met Nato envoys in Alaska and Atlantis .")
	tests := []struct {
		span, label string
		want        string // entry code, "" for none
	}{
		{"Ukrainian", "NORP", "UA"},
		{"U.S.", "GPE", "US"},
		{"Nato", "ORG", "NATO"},
		{"Alaska", "GPE", "US-AK"},
		{"Atlantis", "GPE", ""},
		{"troops", "PERSON", ""},
	}
	for _, tt := range tests {
		e, ok := Link(d, spanOf(d, tt.span, tt.label))
		got := ""
		if ok {
			got = e.Code
		}
		if got != tt.want {
			t.Errorf("Link(%s %q) = %q, want %q", tt.label, tt.span, got, tt.want)
		}
	}
}
