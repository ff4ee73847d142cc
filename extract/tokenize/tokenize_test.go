package tokenize

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

// render writes tokens as the surface tokens separated by spaces, the
// words of a multiword token joined by "|".
func render(toks []nlp.Token) string {
	var b strings.Builder
	for i := 0; i < len(toks); {
		if i > 0 {
			b.WriteByte(' ')
		}
		n := max(toks[i].MWT, 1)
		for j := i; j < i+n && j < len(toks); j++ {
			if j > i {
				b.WriteByte('|')
			}
			b.WriteString(toks[j].Form)
		}
		i += n
	}
	return b.String()
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"negation", "They don't know and can't say, and won't.", "They do|n't know and ca|n't say , and wo|n't ."},
		{"cannot", "The minister cannot comment.", "The minister can|not comment ."},
		{"be and have", "It's late; I'm sure you're right, I've seen it, I'll go, I'd stay.",
			"It|'s late ; I|'m sure you|'re right , I|'ve seen it , I|'ll go , I|'d stay ."},
		{"curly", "It’s what the mayor’s aides didn’t say.", "It|’s what the mayor|’s aides did|n’t say ."},
		{"possessive", "The council's vote and the players' union.", "The council|'s vote and the players|' union ."},
		{"gonna", "We're gonna win, they wanna know.", "We|'re gon|na win , they wan|na know ."},
		{"hyphen split", "A so-called deal with al-Shabaab in a well-being plan.",
			"A so - called deal with al - Shabaab in a well - being plan ."},
		{"prefixes", "An e-mail from the non-profit's co-founder about anti-war and re-election.",
			"An e-mail from the non-profit|'s co-founder about anti-war and re-election ."},
		{"bare prefix", "Both pre- and post-war budgets.", "Both pre- and post-war budgets ."},
		{"phone and range", "Call 555-201-3344 between 9-5 on weekdays.", "Call 555-201-3344 between 9 - 5 on weekdays ."},
		{"money percent", "Prices rose 4.25% to $5,000.50 or €300 in 2019.", "Prices rose 4.25 % to $ 5,000.50 or € 300 in 2019 ."},
		{"dates fractions", "On 11/28/2000 about 1/2 of voters, at 10:30, left.", "On 11/28/2000 about 1/2 of voters , at 10:30 , left ."},
		{"abbreviations", "Mr. Smith and Dr. Jones of the U.S. Senate met Sen. Lee at 3 p.m. on Jan. 5, etc.",
			"Mr. Smith and Dr. Jones of the U.S. Senate met Sen. Lee at 3 p.m. on Jan. 5 , etc."},
		{"initials", "The author J. R. Hartley wrote it.", "The author J. R. Hartley wrote it ."},
		{"sentence end", "They met in the city.", "They met in the city ."},
		{"quotes straight", `He said "no" and 'maybe'.`, `He said " no " and ' maybe ' .`},
		{"quotes curly", "She called it “a disgrace.”", "She called it “ a disgrace . ”"},
		{"brackets", "The agency (WHO) [said] {so}.", "The agency ( WHO ) [ said ] { so } ."},
		{"dashes", "Peace—or not – is near -- maybe... or…", "Peace — or not – is near -- maybe ... or …"},
		{"url email file", "See https://example.org/a/b?x=1, mail press@example.com or open report.pdf.",
			"See https://example.org/a/b?x=1 , mail press@example.com or open report.pdf ."},
		{"www", "Visit www.example.com.", "Visit www.example.com ."},
		{"units", "A 5km run at 6pm in the 1990s, 3rd time.", "A 5 km run at 6 pm in the 1990s , 3rd time ."},
		{"emoticon", "Great news :) really :-).", "Great news :) really :-) ."},
		{"hashtag", "Trending #election2024 and @newsdesk.", "Trending #election2024 and @newsdesk ."},
		{"bangs", "What?! No way!!!", "What ?! No way !!!"},
		{"slash words", "Members and/or guests.", "Members and / or guests ."},
		{"apostrophe names", "O'Neill met D'Souza in the '90s.", "O'Neill met D'Souza in the '90s ."},
		{"AT&T", "AT&T and Q&A, rock & roll.", "AT&T and Q&A , rock & roll ."},
		{"U.S.-led", "A U.S.-led force.", "A U.S. - led force ."},
		{"abbreviation possessive", "The U.S.'s allies.", "The U.S.|'s allies ."},
		{"number abbreviation", "At No. 10 he said no.", "At No. 10 he said no ."},
		{"party label", "Rep. Jane Roe (D-Calif.) voted.", "Rep. Jane Roe ( D - Calif. ) voted ."},
		{"local phone", "Dial 853-3242 now.", "Dial 853-3242 now ."},
		{"codes", "ZIP 16802-6601, resolution 36-01, years 1990-91.", "ZIP 16802-6601 , resolution 36-01 , years 1990 - 91 ."},
		{"possessive in double quotes", `the "players' union"`, `the " players|' union "`},
		{"lone clitic", "the Smiths ' house", "the Smiths ' house"},
		{"quoted possessive", "the 'Jones' case", "the ' Jones ' case"},
		{"whitespace", "  Two\tspaces\n\nand lines  ", "Two spaces and lines"},
		{"empty", "", ""},
		{"invalid utf8", "bad\xff\xfebytes ok", "bad \xff \xfe bytes ok"},
		{"non-latin", "Мир и война. 北京", "Мир и война . 北京"},
	}
	tok := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := tok.Tokens(tt.text)
			if got := render(toks); got != tt.want {
				t.Errorf("Tokens(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
			if err := checkOffsets(tt.text, toks); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestSpaceAfterAndMWT(t *testing.T) {
	text := "I don't ($5)."
	got := New().Tokens(text)
	want := []nlp.Token{
		{Start: 0, End: 1, Form: "I", SpaceAfter: true, Head: -1},
		{Start: 2, End: 4, Form: "do", MWT: 2, Head: -1},
		{Start: 4, End: 7, Form: "n't", SpaceAfter: true, Head: -1},
		{Start: 8, End: 9, Form: "(", Head: -1},
		{Start: 9, End: 10, Form: "$", Head: -1},
		{Start: 10, End: 11, Form: "5", Head: -1},
		{Start: 11, End: 12, Form: ")", Head: -1},
		{Start: 12, End: 13, Form: ".", Head: -1},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d tokens %q, want %d", len(got), render(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("token %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestStage(t *testing.T) {
	doc := nlp.New("d", "Hello, world.")
	doc.Sentences = []nlp.Sentence{{Start: 0, End: 1}}
	tk := New()
	if err := tk.Process(doc); err != nil {
		t.Fatal(err)
	}
	if got, want := render(doc.Tokens), "Hello , world ."; got != want {
		t.Errorf("tokens = %q, want %q", got, want)
	}
	if doc.Sentences != nil {
		t.Errorf("stale sentences kept: %v", doc.Sentences)
	}
	if got, want := doc.Layers, nlp.Tokens; got != want {
		t.Errorf("layers = %v, want %v", got, want)
	}
	if tk.Needs() != 0 || tk.Adds() != nlp.Tokens || tk.Name() == "" {
		t.Errorf("stage contract: needs %v adds %v name %q", tk.Needs(), tk.Adds(), tk.Name())
	}
}

// checkOffsets verifies the invariants every tokenization must keep:
// tokens inside the text and ordered; each word's Form is its text; the
// words of a multiword token tile the surface token; surface tokens do not
// overlap; every non-space character is covered by exactly one surface
// token and no token covers white space; SpaceAfter tells the truth.
func checkOffsets(text string, toks []nlp.Token) error {
	covered := make([]int, len(text)+1)
	prevEnd := 0
	for i := 0; i < len(toks); {
		n := max(toks[i].MWT, 1)
		if i+n > len(toks) {
			return fmt.Errorf("token %d: MWT %d runs past the end", i, n)
		}
		start, end := toks[i].Start, toks[i+n-1].End
		if start < prevEnd {
			return fmt.Errorf("token %d [%d,%d) overlaps the previous token ending at %d", i, start, end, prevEnd)
		}
		for j := i; j < i+n; j++ {
			t := toks[j]
			if t.Start < 0 || t.End > len(text) || t.Start >= t.End {
				return fmt.Errorf("token %d: bad span [%d,%d) in %d bytes", j, t.Start, t.End, len(text))
			}
			if t.Form != text[t.Start:t.End] {
				return fmt.Errorf("token %d: form %q is not the text %q", j, t.Form, text[t.Start:t.End])
			}
			if j > i && t.Start != toks[j-1].End {
				return fmt.Errorf("token %d: word does not continue the multiword token", j)
			}
			if j > i && t.MWT != 0 {
				return fmt.Errorf("token %d: MWT set on a later word", j)
			}
			if j < i+n-1 && t.SpaceAfter {
				return fmt.Errorf("token %d: SpaceAfter inside a multiword token", j)
			}
		}
		for k := start; k < end; k++ {
			covered[k]++
		}
		last := toks[i+n-1]
		space := false
		if end < len(text) {
			r, sz := utf8.DecodeRuneInString(text[end:])
			space = (r != utf8.RuneError || sz > 1) && unicode.IsSpace(r)
		}
		if last.SpaceAfter != space {
			return fmt.Errorf("token %d %q: SpaceAfter = %v, want %v", i+n-1, last.Form, last.SpaceAfter, space)
		}
		prevEnd = end
		i += n
	}
	for k := 0; k < len(text); {
		r, sz := utf8.DecodeRuneInString(text[k:])
		isSp := (r != utf8.RuneError || sz > 1) && unicode.IsSpace(r)
		for m := k; m < k+sz; m++ {
			switch {
			case isSp && covered[m] != 0:
				return fmt.Errorf("byte %d: a token covers white space", m)
			case !isSp && covered[m] != 1:
				return fmt.Errorf("byte %d (%q): covered %d times, want once", m, text[k:k+sz], covered[m])
			}
		}
		k += sz
	}
	return nil
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{
		"They don't know, Mr. Smith's U.S.-led e-mail (call 555-201-3344) costs $5.",
		"It’s “fine” — really… :-) #tag @who www.example.com/a?b=c x@y.org 11/28/2000 4.25% 1,000",
		"bad\xff\xfebytes\xe2\x80", "'s n't - -- ... !!! ?! ’", "a\u00a0b\u2028c\u200bd", "",
	} {
		f.Add(s)
	}
	tok := New()
	f.Fuzz(func(t *testing.T, text string) {
		toks := tok.Tokens(text)
		if err := checkOffsets(text, toks); err != nil {
			t.Fatalf("%q: %v\n%q", text, err, render(toks))
		}
	})
}

func ExampleTokenizer_Tokens() {
	for _, t := range New().Tokens("The mayor's aides didn't pay $5.") {
		fmt.Printf("%d-%d %s mwt=%d\n", t.Start, t.End, t.Form, t.MWT)
	}
	// Output:
	// 0-3 The mwt=0
	// 4-9 mayor mwt=2
	// 9-11 's mwt=0
	// 12-17 aides mwt=0
	// 18-21 did mwt=2
	// 21-24 n't mwt=0
	// 25-28 pay mwt=0
	// 29-30 $ mwt=0
	// 30-31 5 mwt=0
	// 31-32 . mwt=0
}
