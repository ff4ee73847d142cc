package ner

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

func TestScorer(t *testing.T) {
	gold := []nlp.Span{{Start: 0, End: 2, Label: "PERSON"}, {Start: 5, End: 6, Label: "GPE"}, {Start: 8, End: 9, Label: "ORG"}}
	pred := []nlp.Span{{Start: 0, End: 2, Label: "PERSON"}, {Start: 5, End: 6, Label: "LOC"}, {Start: 7, End: 9, Label: "ORG"}, {Start: 10, End: 11, Label: "DATE"}}
	var s Scorer
	s.Add(gold, pred)
	if got, want := s.Overall, (Counts{TP: 1, FP: 3, FN: 2}); got != want {
		t.Errorf("overall = %+v, want %+v", got, want)
	}
	u := Scorer{Map: UNERLabel}
	u.Add(gold, pred)
	// GPE and LOC both count as LOC; DATE is not scored.
	if got, want := u.Overall, (Counts{TP: 2, FP: 1, FN: 1}); got != want {
		t.Errorf("UNER overall = %+v, want %+v", got, want)
	}
	if got, want := *u.PerType["LOC"], (Counts{TP: 1}); got != want {
		t.Errorf("UNER LOC = %+v, want %+v", got, want)
	}
	if got, want := Round2(u.Overall.P()), 66.67; got != want {
		t.Errorf("P = %v, want %v", got, want)
	}
	if got, want := Round2(u.Overall.F1()), 66.67; got != want {
		t.Errorf("F1 = %v, want %v", got, want)
	}
	var empty Counts
	if empty.F1() != 0 || empty.P() != 0 || empty.R() != 0 {
		t.Errorf("empty counts score %v/%v/%v, want 0", empty.P(), empty.R(), empty.F1())
	}
}

func TestSpansFromBIO(t *testing.T) {
	got, err := spansFromBIO([]string{"B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG", "I-ORG"})
	if err != nil {
		t.Fatal(err)
	}
	want := []nlp.Span{{Start: 0, End: 2, Label: "PER"}, {Start: 3, End: 4, Label: "LOC"}, {Start: 4, End: 5, Label: "ORG"}, {Start: 5, End: 7, Label: "ORG"}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("span %d = %v, want %v", i, got[i], want[i])
		}
	}
	if _, err := spansFromBIO([]string{"X-PER"}); err == nil {
		t.Error("bad tag accepted")
	}
}
