package perceptron

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ptbForms maps Penn Treebank escapes to the characters they stand for,
// so that text tokenised PTB-style gets the same features as raw text.
var ptbForms = map[string]string{
	"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
	"``": "\"", "''": "\"", "`": "'",
	// British style writes these abbreviations without the full stop
	// that the (mostly American) treebanks give them.
	"Mr": "Mr.", "Mrs": "Mrs.", "Ms": "Ms.", "Dr": "Dr.", "MR": "MR.", "MRS": "MRS.",
}

// Norm returns the feature form of a word: PTB escapes undone, British
// honorifics without a full stop given one ("Mr" -> "Mr."), curly
// quotes and apostrophes made straight, and numbers collapsed (a four-digit
// number to "!YEAR", other words that start with a digit to "!DIGITS" plus
// their shape), case kept. Lower(Norm(w)) is the usual word feature.
func Norm(form string) string {
	if r, ok := ptbForms[form]; ok {
		return r
	}
	if strings.ContainsAny(form, "‘’‚‛“”„‟′″") {
		form = strings.NewReplacer("‘", "'", "’", "'", "‚", "'", "‛", "'", "“", "\"", "”", "\"", "„", "\"", "‟", "\"", "′", "'", "″", "\"").Replace(form)
	}
	if form != "" && form[0] >= '0' && form[0] <= '9' {
		if len(form) == 4 && allDigits(form) {
			return "!YEAR"
		}
		return "!DIGITS" + Shape(form)
	}
	return form
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Shape maps letters to X or x, digits to d and keeps other characters,
// collapsing runs of the same class beyond two ("Obama" -> "Xxx",
// "4.25" -> "d.dd", "U.S." -> "X.X.").
func Shape(s string) string {
	var b strings.Builder
	var last rune
	run := 0
	for _, r := range s {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c == last {
			run++
		} else {
			run = 1
			last = c
		}
		if run <= 2 {
			b.WriteRune(c)
		}
		if b.Len() > 12 {
			break
		}
	}
	return b.String()
}

// Suffix returns the last n runes of s (all of s when it is shorter).
func Suffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// Prefix returns the first n runes of s (all of s when it is shorter).
func Prefix(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}
