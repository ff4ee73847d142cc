package tokenize

import (
	"math/rand"
	"strings"
	"testing"
)

// TestRandomInvariants runs the offset invariants over many short random
// strings built from the characters the rules care about (a cheap,
// deterministic complement to FuzzTokens).
func TestRandomInvariants(t *testing.T) {
	alpha := []string{"a", "s", "n", "t", "I", "'", "’", "-", ".", "1", "/", "@", "#", "+", ":", ")", "(", "$", "%",
		"\xff", "\xe2", "\x80", " ", "\n", "U", "&", ",", "e", "x", "_", "!", "?", "“", "”", "—", "…", "\u00a0", "İ", "\u212a"}
	rng := rand.New(rand.NewSource(1))
	tok := New()
	var b strings.Builder
	for it := 0; it < 30000; it++ {
		b.Reset()
		for n := rng.Intn(14); n > 0; n-- {
			b.WriteString(alpha[rng.Intn(len(alpha))])
		}
		text := b.String()
		toks := tok.Tokens(text)
		if err := checkOffsets(text, toks); err != nil {
			t.Fatalf("%q: %v\n%q", text, err, render(toks))
		}
	}
}

// TestLongInputs feeds long runs of the characters the rules join or
// split on; a rule that rescans its piece would make this test crawl.
func TestLongInputs(t *testing.T) {
	tok := New()
	for _, unit := range []string{"1-", "a.", "1,", "(", ")", "'", "a'", "x-", "1/", "-", ".", "—", "\xff", "a", "U.S.", "n't", "1:"} {
		text := strings.Repeat(unit, 30000/len(unit))
		toks := tok.Tokens(text)
		if err := checkOffsets(text, toks); err != nil {
			t.Fatalf("%q x %d: %v", unit, 30000/len(unit), err)
		}
	}
}
