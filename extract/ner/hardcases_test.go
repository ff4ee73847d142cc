package ner

import (
	"strings"
	"testing"
)

// The hard cases, on invented sentences with the real embedded model:
// titles before names, name particles, acronyms in capitals and in title
// case, hyphenated pairs. Each entry lists the entities the stage must
// find, label:text; titles stay outside PERSON spans.
func TestHardCases(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string
	}{
		{"President Maria Gomez met Nato officials in Brussels on Tuesday .",
			[]string{"PERSON:Maria Gomez", "ORG:Nato", "GPE:Brussels", "DATE:Tuesday"}},
		{"The NATO summit opened in Madrid .", []string{"ORG:NATO", "GPE:Madrid"}},
		{"Commissioner Johanna von der Heide spoke in Berlin .", []string{"PERSON:Johanna von der Heide", "GPE:Berlin"}},
		{"Mr Tom Baker and Prime Minister Rosa Vidal met .", []string{"PERSON:Tom Baker", "PERSON:Rosa Vidal"}},
		{"Brazilian President Ana Lopez and UN Secretary - General Jan Berg met .", []string{"NORP:Brazilian", "PERSON:Ana Lopez", "ORG:UN", "PERSON:Jan Berg"}},
		{"The Lopez - Silva meeting took place in Lima .", []string{"PERSON:Lopez", "PERSON:Silva", "GPE:Lima"}},
	}
	for _, tt := range tests {
		d := docOf(tt.text)
		if err := r.Process(d); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range d.Entities {
			got = append(got, e.Label+":"+d.SpanText(e.Start, e.End))
		}
		if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
			t.Errorf("%q:\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}
