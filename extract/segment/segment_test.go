package segment_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/extract/segment"
	"github.com/newsgraph/newsgraph/extract/tokenize"
)

// split tokenizes and segments text and returns the sentences' text.
func split(text string) []string {
	toks := tokenize.New().Tokens(text)
	var out []string
	for _, s := range segment.New().Sentences(text, toks) {
		out = append(out, text[toks[s.Start].Start:toks[s.End-1].End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"plain", "The vote passed. Critics objected.", []string{"The vote passed.", "Critics objected."}},
		{"title", "Mr. Adams spoke to Dr. Lee. Then he left.", []string{"Mr. Adams spoke to Dr. Lee.", "Then he left."}},
		{"initial", "The novelist A. Noel Carter won. She thanked her editor.",
			[]string{"The novelist A. Noel Carter won.", "She thanked her editor."}},
		{"U.S. modifier", "The U.S. Senate voted. It was late.", []string{"The U.S. Senate voted.", "It was late."}},
		{"U.S. at end", "Troops left the U.S. The ships sailed.", []string{"Troops left the U.S.", "The ships sailed."}},
		{"quote after stop", `"We will win." The crowd cheered.`, []string{`"We will win."`, "The crowd cheered."}},
		{"curly quote after stop", "“It is over.” She said nothing else.", []string{"“It is over.”", "She said nothing else."}},
		{"question exclamation", "Why now? Nobody knows! Stay tuned.", []string{"Why now?", "Nobody knows!", "Stay tuned."}},
		{"ellipsis", "He paused... Then he spoke. It was… odd.", []string{"He paused...", "Then he spoke.", "It was… odd."}},
		{"headline", "Markets Rally on Rate Hopes\nStocks rose on Monday.\n\nBonds fell.",
			[]string{"Markets Rally on Rate Hopes", "Stocks rose on Monday.", "Bonds fell."}},
		{"wrapped line", "The minister said the plan\nwould be delayed.", []string{"The minister said the plan\nwould be delayed."}},
		{"numbers", "Growth was 4.25 percent in 2019. Prices rose 3.1%.", []string{"Growth was 4.25 percent in 2019.", "Prices rose 3.1%."}},
		{"etc", "They sell fruit, bread, etc. The shop opens at 9 a.m. on Monday.",
			[]string{"They sell fruit, bread, etc.", "The shop opens at 9 a.m. on Monday."}},
		{"bracket", "(The talks failed.) Both sides left.", []string{"(The talks failed.)", "Both sides left."}},
		{"citation", "It was built in 1850. [3] It burned later.", []string{"It was built in 1850. [3]", "It burned later."}},
		{"no final stop", "No full stop here", []string{"No full stop here"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := split(tt.text)
			if strings.Join(got, " || ") != strings.Join(tt.want, " || ") {
				t.Errorf("sentences of %q\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestStage(t *testing.T) {
	doc := nlp.New("d", "One. Two.")
	tok, seg := tokenize.New(), segment.New()
	if err := tok.Process(doc); err != nil {
		t.Fatal(err)
	}
	if err := seg.Process(doc); err != nil {
		t.Fatal(err)
	}
	doc.Layers |= seg.Adds()
	if err := doc.Validate(); err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(doc.Sentences), "[{0 2} {2 4}]"; got != want {
		t.Errorf("sentences = %s, want %s", got, want)
	}
	if seg.Needs() != nlp.Tokens || seg.Adds() != nlp.Sentences || seg.Name() == "" {
		t.Errorf("stage contract: needs %v adds %v name %q", seg.Needs(), seg.Adds(), seg.Name())
	}
}

// checkTiling verifies that sentences tile the tokens, are non-empty, and
// never cut a multiword token.
func checkTiling(toks []nlp.Token, sents []nlp.Sentence) error {
	next := 0
	for i, s := range sents {
		if s.Start != next || s.End <= s.Start {
			return fmt.Errorf("sentence %d [%d,%d) does not continue at %d", i, s.Start, s.End, next)
		}
		for j := s.Start; j < s.End; j++ {
			if m := toks[j].MWT; m > 1 && j+m > s.End {
				return fmt.Errorf("sentence %d cuts the multiword token at %d", i, j)
			}
		}
		next = s.End
	}
	if next != len(toks) {
		return fmt.Errorf("sentences end at token %d of %d", next, len(toks))
	}
	return nil
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"Mr. Smith didn't go. \"Why?\" he asked... (It's late.) [2]\n\nNew paragraph",
		"A. B. C. U.S. etc. ... … !? ?! :) ’s", "bad\xff\n\xfe. x", "",
	} {
		f.Add(s)
	}
	tok, seg := tokenize.New(), segment.New()
	f.Fuzz(func(t *testing.T, text string) {
		toks := tok.Tokens(text)
		if err := checkTiling(toks, seg.Sentences(text, toks)); err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		// Tokens from elsewhere (stale or hand-made) must not crash it.
		odd := []nlp.Token{{Start: 5, End: 2}, {Start: len(text) + 3, End: len(text) + 9, MWT: 7}, {Start: 0, End: 0}}
		if sents := seg.Sentences(text, odd); len(sents) == 0 || sents[len(sents)-1].End != len(odd) {
			t.Fatalf("odd tokens: sentences %v do not cover the %d tokens", sents, len(odd))
		}
	})
}

func ExampleSegmenter_Sentences() {
	text := "Mr. Lee met the U.S. envoy. “It went well.” Talks resume today"
	toks := tokenize.New().Tokens(text)
	for _, s := range segment.New().Sentences(text, toks) {
		fmt.Println(text[toks[s.Start].Start:toks[s.End-1].End])
	}
	// Output:
	// Mr. Lee met the U.S. envoy.
	// “It went well.”
	// Talks resume today
}
