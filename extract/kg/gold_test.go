package kg

import (
	"strings"
	"testing"
)

func TestReadGoldErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"d\ta\tb\n", "line 1: 3 fields"},
		{"d\ta\topposes\tc\tneg,maybe\n", `unknown flag "maybe"`},
		{"#exhaustive\n", "needs a document id"},
		{"d\t \topposes\tc\n", "empty field"},
	}
	for _, tt := range tests {
		_, err := ReadGold(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ReadGold(%q) err = %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestScore(t *testing.T) {
	gold, err := ReadGold(strings.NewReader(`# a comment
#exhaustive d1
d1	Alice Smith|Smith	opposes|rejects	the treaty	neg
d1	Bob	meetsWith	Alice
d2	Carol	controls	the north
`))
	if err != nil {
		t.Fatal(err)
	}
	sys := []SystemFact{
		{Doc: "d1", Subject: []string{"Alice Smith"}, Predicate: "rejects", Object: []string{"Treaty of X", "the treaty"}, Flags: Flags{Neg: true}},
		{Doc: "d1", Subject: []string{"Bob Jones"}, Predicate: "meetsWith", Object: []string{"Alice Smith"}, Flags: Flags{Modal: true}}, // wrong flags
		{Doc: "d1", Subject: []string{"Bob"}, Predicate: "supports", Object: []string{"Alice"}},                                         // spurious
		{Doc: "d2", Subject: []string{"Carol"}, Predicate: "controls", Object: []string{"North"}},                                       // not exhaustive: ignored for precision
		{Doc: "d2", Subject: []string{"Carol"}, Predicate: "claims", Object: []string{"the south"}},
	}
	got, per := Score(gold, sys)
	if got.Gold != 3 || got.GoldFound != 1 {
		t.Errorf("recall counts = %d/%d, want 1/3 (the article 'the' must be in a label: 'North' lacks it)", got.GoldFound, got.Gold)
	}
	if got.Sys != 3 || got.SysCorrect != 1 {
		t.Errorf("precision counts = %d/%d, want 1/3", got.SysCorrect, got.Sys)
	}
	if c := per["opposes"]; c == nil || c.GoldFound != 1 {
		t.Errorf("per-predicate opposes = %+v, want 1 found", c)
	}
	if len(got.Missing) != 2 || len(got.Spurious) != 2 {
		t.Errorf("missing %v, spurious %v; want 2 and 2", got.Missing, got.Spurious)
	}
}
