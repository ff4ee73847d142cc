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
// longest known (xpos, suffix) key. When that script turns an inflected
// verb into a word that is not the lemma of a verb in the training data,
// the other ending scripts of its tag, the most frequent first, may give
// one that is ("owed" makes "ow" by the rule of "showed", and "owe" by
// the rule of "used").
type lemmatizer struct {
	rules      map[string]string            // xpos + "\x00" + lowercase suffix -> edit script
	exceptions map[string]string            // form + "\x00" + xpos -> lemma
	scripts    map[string][]string          // xpos -> its edit scripts, most frequent first
	known      map[string]bool              // lower-case lemmas of the verbs of the training data
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
				if inflectedVerb(xpos) && len(l.known) > 0 && !l.known[strings.ToLower(out)] {
					if alt, ok := l.knownByScripts(form, xpos, len(out)-1); ok {
						return alt
					}
				}
				return out
			}
		}
	}
	return lower
}

// knownByScripts returns the first verb lemma of the training data of at
// least minLen bytes (and 3) that one of the ending scripts of xpos makes
// of form. The bound keeps an unknown verb from losing its stem to a
// short known one ("waived" is not "wai").
func (l *lemmatizer) knownByScripts(form, xpos string, minLen int) (string, bool) {
	for _, s := range l.scripts[xpos] {
		if out, ok := applyScript(form, s); ok && len(out) >= max(minLen, 3) && l.known[strings.ToLower(out)] {
			return out, true
		}
	}
	return "", false
}

// inflectedVerb reports whether xpos is a verb form with an inflectional
// ending (-ed, -s, -ing), the forms whose lemma the fallback to known
// lemmas may correct. Nouns are left out: a known shorter noun is often
// wrong ("trainees" is not "train").
func inflectedVerb(xpos string) bool {
	switch xpos {
	case "VBD", "VBN", "VBZ", "VBG":
		return true
	}
	return false
}

// inflectionScript reports whether an edit script only changes an ending:
// it strips at most 3 bytes and appends at most 2.
func inflectionScript(script string) bool {
	_, rest, _ := strings.Cut(script, "|")
	n, app, _ := strings.Cut(rest, "|")
	strip, err := strconv.Atoi(n)
	return err == nil && strip <= 3 && len(app) <= 2
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
	tagScripts := map[string]map[string]int{}
	l := &lemmatizer{rules: map[string]string{}, exceptions: map[string]string{}, scripts: map[string][]string{}, known: map[string]bool{}}
	for _, s := range samples {
		if s.lemma == "" {
			continue
		}
		script := editScript(s.form, s.lemma)
		if strings.HasPrefix(s.xpos, "VB") {
			l.known[strings.ToLower(s.lemma)] = true
		}
		if tagScripts[s.xpos] == nil {
			tagScripts[s.xpos] = map[string]int{}
		}
		tagScripts[s.xpos][script]++
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
	for x, m := range tagScripts {
		if !inflectedVerb(x) {
			continue
		}
		for sc, c := range m {
			if c >= 2 && inflectionScript(sc) {
				l.scripts[x] = append(l.scripts[x], sc)
			}
		}
		sort.Slice(l.scripts[x], func(i, j int) bool {
			a, b := l.scripts[x][i], l.scripts[x][j]
			if m[a] != m[b] {
				return m[a] > m[b]
			}
			return a < b
		})
	}
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
	for x, scripts := range l.scripts {
		for i, sc := range scripts {
			lines = append(lines, fmt.Sprintf("s\x00%s\x00%04d\x00%s", x, i, sc))
		}
	}
	for w := range l.known {
		lines = append(lines, "k\x00"+w+"\x00\x00")
	}
	sort.Strings(lines)
	return []byte(strings.Join(lines, "\n"))
}

func decodeLemmatizer(b []byte) (*lemmatizer, error) {
	l := &lemmatizer{rules: map[string]string{}, exceptions: map[string]string{}, scripts: map[string][]string{}, known: map[string]bool{}}
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
		case "s": // scripts of a tag in order: the lines sort by rank
			l.scripts[f[1]] = append(l.scripts[f[1]], f[3])
		case "k":
			l.known[f[1]] = true
		default:
			return nil, fmt.Errorf("tag: bad lemma line %q", sc.Text())
		}
	}
	l.index()
	return l, sc.Err()
}
