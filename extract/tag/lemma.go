package tag

import (
	"bufio"
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/internal/perceptron"
)

// maxSuffix is the longest suffix (in runes) the lemma rules look at.
const maxSuffix = 6

// lemmatizer predicts a lemma from a form and its XPOS tag: first a lexicon
// of forms the rules get wrong in training, then the edit script of the
// longest known (xpos, suffix) key.
type lemmatizer struct {
	rules      map[string]string            // xpos + "\x00" + lowercase suffix -> edit script
	exceptions map[string]string            // form + "\x00" + xpos -> lemma
	byTag      map[string]map[string]string // xpos -> lowercase suffix -> edit script, for lookups
}

// index builds byTag from rules.
func (l *lemmatizer) index() {
	l.byTag = map[string]map[string]string{}
	for k, v := range l.rules {
		x, suf, _ := strings.Cut(k, "\x00")
		if l.byTag[x] == nil {
			l.byTag[x] = map[string]string{}
		}
		l.byTag[x][suf] = v
	}
}

// editScript returns the edit that turns form into lemma: "L" (lowercase
// first) or "" (keep case), the number of bytes to strip from the end and
// the string to append, as "mode|strip|append". Of the two modes it picks
// the one that strips less, lowercasing on a tie.
func editScript(form, lemma string) string {
	best := ""
	bestStrip := -1
	for _, mode := range []string{"L", ""} {
		src := form
		if mode == "L" {
			src = strings.ToLower(form)
		}
		p := 0
		for p < len(src) && p < len(lemma) && src[p] == lemma[p] {
			p++
		}
		for p > 0 && p < len(lemma) && !utf8.RuneStart(lemma[p]) {
			p--
		}
		strip := len(src) - p
		if bestStrip < 0 || strip < bestStrip {
			best = mode + "|" + strconv.Itoa(strip) + "|" + lemma[p:]
			bestStrip = strip
		}
	}
	return best
}

// applyScript applies an edit script to form; ok is false when it does not
// fit.
func applyScript(form, script string) (string, bool) {
	mode, rest, _ := strings.Cut(script, "|")
	n, app, _ := strings.Cut(rest, "|")
	strip, err := strconv.Atoi(n)
	if err != nil {
		return "", false
	}
	src := form
	if mode == "L" {
		src = strings.ToLower(form)
	}
	if strip > len(src) {
		return "", false
	}
	out := src[:len(src)-strip] + app
	if out == "" || !utf8.ValidString(out) {
		return "", false
	}
	return out, true
}

func suffixKey(xpos, lower string, k int) string {
	return xpos + "\x00" + perceptron.Suffix(lower, k)
}

// byRules predicts a lemma by the edit script of the longest known suffix.
func (l *lemmatizer) byRules(form, xpos string) string {
	lower := strings.ToLower(form)
	n := utf8.RuneCountInString(lower)
	rules := l.byTag[xpos]
	for k := min(n, maxSuffix); k >= 0 && rules != nil; k-- {
		if s, ok := rules[perceptron.Suffix(lower, k)]; ok {
			if out, ok := applyScript(form, s); ok {
				return out
			}
		}
	}
	return lower
}

// lemma returns the lemma of form tagged xpos.
func (l *lemmatizer) lemma(form, xpos string) string {
	if lem, ok := l.exceptions[form+"\x00"+xpos]; ok {
		return lem
	}
	return l.byRules(form, xpos)
}

type lemmaSample struct{ form, xpos, lemma string }

// trainLemmatizer learns rules and exceptions from gold samples.
func trainLemmatizer(samples []lemmaSample) *lemmatizer {
	counts := map[string]map[string]int{}
	pairs := map[string]map[string]int{}
	for _, s := range samples {
		if s.lemma == "" {
			continue
		}
		script := editScript(s.form, s.lemma)
		lower := strings.ToLower(s.form)
		n := utf8.RuneCountInString(lower)
		for k := 0; k <= min(n, maxSuffix); k++ {
			key := suffixKey(s.xpos, lower, k)
			if counts[key] == nil {
				counts[key] = map[string]int{}
			}
			counts[key][script]++
		}
		pk := s.form + "\x00" + s.xpos
		if pairs[pk] == nil {
			pairs[pk] = map[string]int{}
		}
		pairs[pk][s.lemma]++
	}
	l := &lemmatizer{rules: map[string]string{}, exceptions: map[string]string{}}
	best := func(m map[string]int) (string, int) {
		b, bc, total := "", -1, 0
		for k, c := range m {
			total += c
			if c > bc || (c == bc && k < b) {
				b, bc = k, c
			}
		}
		return b, total
	}
	for key, m := range counts {
		b, total := best(m)
		_, suf, _ := strings.Cut(key, "\x00")
		if total < 2 && suf != "" {
			continue
		}
		l.rules[key] = b
	}
	// Drop keys whose rule equals that of their parent suffix.
	var drop []string
	for key, r := range l.rules {
		x, suf, _ := strings.Cut(key, "\x00")
		if suf == "" {
			continue
		}
		parent := x + "\x00" + perceptron.Suffix(suf, utf8.RuneCountInString(suf)-1)
		if pr, ok := l.rules[parent]; ok && pr == r {
			drop = append(drop, key)
		}
	}
	// Dropping a key is safe only if no longer key relies on it being there:
	// lookups go longest first, so a dropped key just falls back to its
	// parent, which has the same rule.
	for _, k := range drop {
		delete(l.rules, k)
	}
	l.index()
	for pk, m := range pairs {
		lem, _ := best(m)
		form, xpos, _ := strings.Cut(pk, "\x00")
		if l.byRules(form, xpos) != lem {
			l.exceptions[pk] = lem
		}
	}
	return l
}

// encode writes the lemmatizer as sorted text lines.
func (l *lemmatizer) encode() []byte {
	var lines []string
	for k, v := range l.rules {
		lines = append(lines, "r\x00"+k+"\x00"+v)
	}
	for k, v := range l.exceptions {
		lines = append(lines, "e\x00"+k+"\x00"+v)
	}
	sort.Strings(lines)
	return []byte(strings.Join(lines, "\n"))
}

func decodeLemmatizer(b []byte) (*lemmatizer, error) {
	l := &lemmatizer{rules: map[string]string{}, exceptions: map[string]string{}}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 1<<16), 1<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\x00")
		if len(f) != 4 {
			return nil, fmt.Errorf("tag: bad lemma line %q", sc.Text())
		}
		switch f[0] {
		case "r":
			l.rules[f[1]+"\x00"+f[2]] = f[3]
		case "e":
			l.exceptions[f[1]+"\x00"+f[2]] = f[3]
		default:
			return nil, fmt.Errorf("tag: bad lemma line %q", sc.Text())
		}
	}
	l.index()
	return l, sc.Err()
}
