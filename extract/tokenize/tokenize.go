package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

// Tokenizer is the rule tokenizer. It holds no state and is safe for
// concurrent use.
type Tokenizer struct{}

// New returns the tokenizer stage.
func New() *Tokenizer { return &Tokenizer{} }

// Name returns the stage name and rule version.
func (*Tokenizer) Name() string { return "tokenize/1" }

// Needs returns the layers the stage reads: none.
func (*Tokenizer) Needs() nlp.Layer { return 0 }

// Adds returns the layers the stage fills: nlp.Tokens.
func (*Tokenizer) Adds() nlp.Layer { return nlp.Tokens }

// Process replaces doc.Tokens with the tokens of doc.Text. Later layers
// that index tokens (sentences, entities, mentions) are cleared.
func (t *Tokenizer) Process(doc *nlp.Document) error {
	doc.Tokens = t.Tokens(doc.Text)
	doc.Sentences, doc.Entities, doc.Mentions, doc.Chains = nil, nil, nil, nil
	doc.Layers = nlp.Tokens
	return nil
}

// Tokens returns the tokens of text. Head is -1 on every token.
func (*Tokenizer) Tokens(text string) []nlp.Token {
	s := scanner{text: text, toks: make([]nlp.Token, 0, len(text)/4+1)}
	for i := 0; i < len(text); {
		r, n := decode(text, i)
		if isSpace(r, n) {
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r, n := decode(text, j)
			if isSpace(r, n) {
				break
			}
			j += n
		}
		s.chunk(i, j)
		i = j
	}
	s.splitIts()
	for k := range s.toks {
		tok := &s.toks[k]
		tok.Head = -1
		if tok.End < len(text) {
			r, n := decode(text, tok.End)
			tok.SpaceAfter = isSpace(r, n)
		}
	}
	// The words of a multiword token other than the last get no space.
	for k := range s.toks {
		if m := s.toks[k].MWT; m > 1 {
			for j := k; j < k+m-1 && j < len(s.toks); j++ {
				s.toks[j].SpaceAfter = false
			}
		}
	}
	return s.toks
}

// splitIts splits "its" written for "it's" (it + s, as UD does) when the
// next word is one that a possessive cannot precede: its not, its a, its
// been.
func (s *scanner) splitIts() {
	rest := 0 // words left in the current multiword token
	for k := 0; k+1 < len(s.toks); k++ {
		t := s.toks[k]
		if t.MWT > 1 {
			rest = t.MWT
		}
		if rest > 0 {
			rest--
			continue
		}
		if (t.Form == "its" || t.Form == "Its") && itsFollowers[s.toks[k+1].Form] {
			s.toks = append(s.toks, nlp.Token{})
			copy(s.toks[k+2:], s.toks[k+1:])
			s.toks[k] = nlp.Token{Start: t.Start, End: t.Start + 2, Form: t.Form[:2], MWT: 2}
			s.toks[k+1] = nlp.Token{Start: t.Start + 2, End: t.End, Form: t.Form[2:]}
			k++
		}
	}
}

func decode(text string, i int) (rune, int) {
	c := text[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

// isSpace reports whether the rune decoded with size n is white space. An
// invalid byte (RuneError of size 1) is not.
func isSpace(r rune, n int) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\v'
	}
	return n > 1 && unicode.IsSpace(r)
}

func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r))
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isApos(r rune) bool { return r == '\'' || r == '’' }

type scanner struct {
	text string
	toks []nlp.Token
}

func (s *scanner) emit(a, b int) {
	if a < b {
		s.toks = append(s.toks, nlp.Token{Start: a, End: b, Form: s.text[a:b]})
	}
}

// emitMWT emits the words split at the given inner offsets as one
// multiword token.
func (s *scanner) emitMWT(a int, cuts []int, b int) {
	first := len(s.toks)
	p := a
	for _, c := range cuts {
		s.emit(p, c)
		p = c
	}
	s.emit(p, b)
	s.toks[first].MWT = len(s.toks) - first
}

// lastRune returns the last rune of text[a:b] and its size.
func (s *scanner) lastRune(a, b int) (rune, int) {
	r, n := utf8.DecodeLastRuneInString(s.text[a:b])
	return r, n
}

// maxAtom bounds the length of a chunk checked against the whole-chunk
// patterns, so that long junk stays linear.
const maxAtom = 256

// chunk tokenizes the non-space run text[a:b].
func (s *scanner) chunk(a, b int) {
	var tail [][2]int // tokens split off the end, last first
	openQuote := false
	for a < b {
		if b-a <= maxAtom && s.atom(a, b) {
			s.emit(a, b)
			a = b
			break
		}
		r, n := decode(s.text, a)
		if e := s.emoticonPrefix(a, b); e > a {
			s.emit(a, e)
			a = e
			continue
		}
		if !isAlnum(r) && !s.keepLeading(a, b, r, n) {
			e := s.punctRun(a, b, r, n)
			if isApos(r) || r == '‘' || r == '`' {
				openQuote = true // a single quote opens: 'Jones' is not a possessive
			}
			s.emit(a, e)
			a = e
			continue
		}
		lr, ln := s.lastRune(a, b)
		if lr == '.' && b-a > 2 && s.abbrevTail(a, b) {
			s.word(a, b) // D-Calif.: the body keeps the period on Calif.
			break
		}
		if !isAlnum(lr) && !s.keepTrailing(a, b, lr, ln, openQuote) {
			st := s.punctRunBack(a, b, lr, ln)
			tail = append(tail, [2]int{st, b})
			b = st
			continue
		}
		if lr == '-' {
			s.emit(a, b) // a bare prefix or a broken-off word: pre-, kn-
		} else {
			s.word(a, b)
		}
		break
	}
	for k := len(tail) - 1; k >= 0; k-- {
		s.emit(tail[k][0], tail[k][1])
	}
}

// abbrevTail reports whether text[a:b], which ends in a period, ends with
// a known abbreviation after a hyphen or slash (D-Calif.).
func (s *scanner) abbrevTail(a, b int) bool {
	k := b - 1
	for k > a && isAlnumByte(s.text[k-1]) {
		k--
	}
	if k == a || k == b-1 || (s.text[k-1] != '-' && s.text[k-1] != '/') {
		return false
	}
	return abbrevs[strings.ToLower(s.text[k:b])]
}

// emoticonPrefix returns the end of an emoticon that starts text[a:b] and
// is followed by punctuation or nothing, or a.
func (s *scanner) emoticonPrefix(a, b int) int {
	for l := min(b-a, 3); l >= 2; l-- {
		if emoticons[s.text[a:a+l]] {
			if a+l == b {
				return a + l
			}
			if r, _ := decode(s.text, a+l); !isAlnum(r) {
				return a + l
			}
		}
	}
	return a
}

// keepLeading reports whether the non-alphanumeric rune r at the start of
// text[a:b] belongs to the word that follows: decimals (.5), signed
// numbers (+44), years ('71), hashtags and handles (#tag, @name).
func (s *scanner) keepLeading(a, b int, r rune, n int) bool {
	if a+n >= b {
		return false
	}
	next, _ := decode(s.text, a+n)
	switch r {
	case '.', '+':
		return isDigit(next)
	case '\'', '’':
		if isDigit(next) {
			e := a + n
			for e < b && isDigit(rune(s.text[e])) {
				e++
			}
			return e-a-n == 2
		}
		return false
	case '#', '@':
		return isLetter(next)
	}
	return false
}

// keepTrailing reports whether the non-alphanumeric rune r ending
// text[a:b] stays in the word: a possessive apostrophe after s, or the
// hyphen of a bare prefix (pre- and post-war).
func (s *scanner) keepTrailing(a, b int, r rune, n int, openQuote bool) bool {
	switch {
	case isApos(r):
		if openQuote || b-n-a < 2 {
			return false
		}
		p, _ := s.lastRune(a, b-n)
		return p == 's' || p == 'S'
	case r == '-':
		// A bare prefix (pre- and post-war) or a word broken off (w-).
		if isPrefix(s.text[a : b-n]) {
			return true
		}
		p, _ := s.lastRune(a, b-n)
		return isLetter(p) && strings.IndexByte(s.text[a:b-n], '-') < 0 && b-n-a <= 4
	}
	return false
}

// punctRun returns the end of the punctuation token that starts at a with
// rune r: a run of the same character for . - ! ? * = _ ~ and a mixed run
// of ! and ?.
func (s *scanner) punctRun(a, b int, r rune, n int) int {
	e := a + n
	if !repeats(r) {
		return e
	}
	for e < b {
		q, m := decode(s.text, e)
		if q != r && !(isBang(r) && isBang(q)) {
			break
		}
		e += m
	}
	return e
}

// punctRunBack is punctRun from the end of text[a:b].
func (s *scanner) punctRunBack(a, b int, r rune, n int) int {
	st := b - n
	if !repeats(r) {
		return st
	}
	for st > a {
		q, m := s.lastRune(a, st)
		if q != r && !(isBang(r) && isBang(q)) {
			break
		}
		st -= m
	}
	return st
}

func repeats(r rune) bool {
	switch r {
	case '.', '-', '!', '?', '*', '=', '_', '~', '$', '—', '–', '…', '/', '>', '<', '+', '#':
		return true
	}
	return false
}

func isBang(r rune) bool { return r == '!' || r == '?' }

// atom reports whether the whole of text[a:b] is one token: a URL, an
// e-mail address, an abbreviation with its period, an emoticon, a lone
// clitic or a bare prefix such as "non-".
func (s *scanner) atom(a, b int) bool {
	w := s.text[a:b]
	if len(w) <= 6 && (!isAlnumByte(w[0]) || w[0] == 'n' || w[0] == 'N' || w[0] == 'b' || w[0] == 'w' || w[0] == 'X' || w[0] == 'x') &&
		(emoticons[w] || clitics[strings.ToLower(strings.ReplaceAll(w, "’", "'"))]) {
		return true
	}
	last := w[len(w)-1]
	if last == '.' {
		return isAbbrev(w) || (len(w) <= 5 && numAbbrevs[strings.ToLower(w)] && s.digitFollows(b))
	}
	if last == '-' {
		return isPrefix(w[:len(w)-1])
	}
	if !(isAlnumByte(last) || last == '/') || last >= utf8.RuneSelf {
		return false
	}
	return isURL(w) || isEmail(w)
}

// digitFollows reports whether the next non-space character after b is a
// digit (No. 10, pp. 5).
func (s *scanner) digitFollows(b int) bool {
	for k := b; k < len(s.text); k++ {
		switch c := s.text[k]; {
		case c == ' ' || c == '\t':
			continue
		default:
			return '0' <= c && c <= '9'
		}
	}
	return false
}

func isAlnumByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func hasPrefixFold(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
}

func isURL(w string) bool {
	for _, p := range []string{"http://", "https://", "ftp://", "www."} {
		if hasPrefixFold(w, p) && len(w) > len(p)+1 {
			return true
		}
	}
	// A bare domain with a path: example.com/page
	if i := strings.IndexByte(w, '/'); i > 0 {
		host := w[:i]
		if d := strings.LastIndexByte(host, '.'); d > 0 && tlds[strings.ToLower(host[d+1:])] {
			return true
		}
	}
	return false
}

func isEmail(w string) bool {
	at := strings.IndexByte(w, '@')
	if at <= 0 || at != strings.LastIndexByte(w, '@') {
		return false
	}
	dom := w[at+1:]
	d := strings.LastIndexByte(dom, '.')
	if d <= 0 || d == len(dom)-1 {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(isAlnumByte(c) || c == '.' || c == '_' || c == '-' || c == '+' || c == '@') {
			return false
		}
	}
	return true
}

// isAbbrev reports whether w, which ends in a period, is an abbreviation
// that keeps its period: a known abbreviation (Mr., etc., Jan.), an
// initial (A.), or a run of letters each followed by a period (U.S., e.g.,
// Ph.D.).
func isAbbrev(w string) bool {
	if abbrevs[strings.ToLower(w)] {
		return true
	}
	// Letter-period runs.
	body := w[:len(w)-1]
	if body == "" {
		return false
	}
	parts := strings.Split(body, ".")
	if len(parts) == 1 {
		// A single letter: an initial.
		r, n := utf8.DecodeRuneInString(body)
		return n == len(body) && unicode.IsUpper(r)
	}
	for _, p := range parts {
		if p == "" || len(p) > 2 {
			return false
		}
		for i := 0; i < len(p); i++ {
			if !('a' <= p[i] && p[i] <= 'z' || 'A' <= p[i] && p[i] <= 'Z') {
				return false
			}
		}
	}
	return true
}

func isPrefix(w string) bool {
	return len(w) <= 8 && prefixes[strings.ToLower(w)]
}

// word tokenizes text[a:b], which starts and ends with a character that
// belongs to a word: clitics become multiword tokens, and the rest is
// split at punctuation that does not join its neighbours.
func (s *scanner) word(a, b int) {
	w := s.text[a:b]
	if b-a <= 16 {
		if cuts := fused(w); cuts != nil {
			for k := range cuts {
				cuts[k] += a
			}
			s.emitMWT(a, cuts, b)
			return
		}
	}
	// Clitic suffixes.
	if c := cliticStart(w); c > 0 {
		first := len(s.toks)
		s.body(a, a+c)
		if len(s.toks) > first {
			// The clitic joins the last piece of the host.
			last := s.toks[len(s.toks)-1]
			if lr := lastRuneOf(last.Form); isAlnum(lr) || lr == '.' {
				s.toks = s.toks[:len(s.toks)-1]
				s.emitMWT(last.Start, []int{a + c}, b)
				return
			}
		}
		s.emit(a+c, b)
		return
	}
	s.body(a, b)
}

func lastRuneOf(w string) rune {
	r, _ := utf8.DecodeLastRuneInString(w)
	return r
}

// cliticStart returns the offset in w where a clitic suffix starts (n't,
// 's, 'm, 're, 've, 'll, 'd, and the bare ' of a plural possessive), or 0.
func cliticStart(w string) int {
	n := len(w)
	switch {
	case hasSuffixFold(w, "n't") && n > 3:
		return n - 3
	case hasSuffixFold(w, "n’t") && n > 5:
		return n - 5
	}
	for _, suf := range cliticSuffixes {
		if hasSuffixFold(w, suf) && n > len(suf) {
			return hostEnd(w, n-len(suf))
		}
	}
	for _, suf := range []string{"s'", "s’"} {
		if hasSuffixFold(w, suf) && n > len(suf) {
			return n - len(suf) + 1
		}
	}
	return 0
}

// cliticSuffixes are the clitics split off their host, with either
// apostrophe.
var cliticSuffixes = []string{"'s", "’s", "'m", "’m", "'d", "’d", "'re", "’re", "'ve", "’ve", "'ll", "’ll"}

// hasSuffixFold reports whether w ends with the ASCII-lowercase suffix,
// ignoring ASCII case.
func hasSuffixFold(w, suf string) bool {
	if len(w) < len(suf) {
		return false
	}
	tail := w[len(w)-len(suf):]
	for i := 0; i < len(suf); i++ {
		c := tail[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != suf[i] {
			return false
		}
	}
	return true
}

// hostEnd returns c when the host w[:c] ends in a letter or digit, else 0.
func hostEnd(w string, c int) int {
	r, _ := utf8.DecodeLastRuneInString(w[:c])
	if isAlnum(r) || (r == '.' && isAbbrev(w[:c])) {
		return c // Bush's, U.S.'s
	}
	return 0
}

// fused returns the inner split points of a whole word that UD writes as
// several words without an apostrophe (cannot, gonna, dont), or nil.
func fused(w string) []int {
	if w == "im" {
		return []int{1} // i + m; "IM" and "Im" are left alone
	}
	lw := strings.ToLower(w)
	if c, ok := fusedWords[lw]; ok && len(lw) == len(w) {
		return []int{c}
	}
	return nil
}

// body splits text[a:b] (no clitics) at punctuation, keeping together
// numbers (4.25, 1,000, 11/28/2000, 10:30, 713-853-3989), abbreviations
// and domains (U.S., amazon.com), words with a common prefix (e-mail,
// non-profit), names with apostrophes (O'Brien) and AT&T.
func (s *scanner) body(a, b int) {
	p := a
	for i := a; i < b; {
		r, n := decode(s.text, i)
		if isAlnum(r) || (i == a && s.keepLeading(a, b, r, n)) {
			i += n
			continue
		}
		if i > p && i+n < b {
			prev, _ := s.lastRune(p, i)
			next, _ := decode(s.text, i+n)
			if s.joins(p, i, r, n, b, prev, next) {
				i += n
				continue
			}
		}
		if r == '.' && i > p && s.abbrevEnd(p, i+1) {
			// U.S.-led: the period ends an abbreviation.
			s.emit(p, i+1)
			p, i = i+1, i+1
			continue
		}
		if i > p {
			s.splitUnit(p, i)
		}
		e := s.punctRun(i, b, r, n)
		if r == utf8.RuneError {
			e = i + n
		}
		s.emit(i, e)
		p, i = e, e
	}
	if p < b {
		s.splitUnit(p, b)
	}
}

func (s *scanner) abbrevEnd(p, e int) bool {
	w := s.text[p:e]
	return (strings.Count(w, ".") > 1 && isAbbrev(w)) || (e-p <= 8 && abbrevs[strings.ToLower(w)])
}

// joins reports whether the punctuation rune r at i (size n) joins the
// piece text[p:i] to what follows.
func (s *scanner) joins(p, i int, r rune, n, b int, prev, next rune) bool {
	switch r {
	case '.':
		return isAlnum(next)
	case ',':
		if !isDigit(prev) || !isDigit(next) {
			return false
		}
		k := i + 1
		for k < b && isDigit(rune(s.text[k])) {
			k++
		}
		return k-i-1 == 3
	case ':':
		return isDigit(prev) && isDigit(next)
	case '/':
		return isDigit(prev) && isDigit(next)
	case '-':
		if isDigit(next) && s.numeric(p, i) {
			return s.idRun(p, b)
		}
		return isAlnum(next) && isPrefix(s.text[p:i])
	case '\'', '’':
		return isLetter(prev) && isLetter(next)
	case '&':
		return isLetter(prev) && isLetter(next) && unicode.IsUpper(prev) && unicode.IsUpper(next)
	case '_', '@':
		return isAlnum(next)
	}
	return false
}

// numeric reports whether text[p:i] is a number or an ID: digits with
// joining punctuation, or a digit-bearing code.
func (s *scanner) numeric(p, i int) bool {
	if i-p > maxID {
		return false
	}
	hasDigit := false
	for k := p; k < i; k++ {
		c := s.text[k]
		if isDigit(rune(c)) {
			hasDigit = true
		} else if !isAlnumByte(c) && c != '-' && c != '.' {
			return false
		}
	}
	return hasDigit
}

// maxID bounds the length of a number or ID joined across hyphens, which
// keeps pathological input linear.
const maxID = 40

// idRun reports whether the run of letters, digits and hyphens starting
// at p is a phone number or an ID (713-853-3989): two hyphens or more. A
// single hyphen between numbers is a range (13-17) and splits.
func (s *scanner) idRun(p, b int) bool {
	hy := 0
	for k := p; k < b && k-p <= maxID; k++ {
		c := s.text[k]
		if c == '-' {
			hy++
		} else if !isAlnumByte(c) {
			break
		}
	}
	if hy >= 2 {
		return true
	}
	// Two digit groups: a local phone number (853-3242), a ZIP+4 code
	// (16802-6601) or a code whose second group has a leading zero
	// (36-01) is one token; other pairs are ranges (13-17, 1990-91).
	h := strings.IndexByte(s.text[p:b], '-')
	if h <= 0 {
		return false
	}
	e := p + h + 1
	for e < b && isAlnumByte(s.text[e]) {
		e++
	}
	left, right := s.text[p:p+h], s.text[p+h+1:e]
	if !allDigits(left) || !allDigits(right) {
		return false
	}
	return len(left) == 3 && len(right) == 4 || len(left) == 5 && len(right) == 4 || len(right) >= 2 && right[0] == '0'
}

func allDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// splitUnit emits a piece, splitting a unit of measure or a time suffix
// off a number (5pm = 5 + pm, 10km = 10 + km) but not an ordinal or a
// decade (3rd, 1990s).
func (s *scanner) splitUnit(a, b int) {
	w := s.text[a:b]
	k := 0
	for k < len(w) && (isDigit(rune(w[k])) || (k > 0 && (w[k] == '.' || w[k] == ',') && k+1 < len(w) && isDigit(rune(w[k+1])))) {
		k++
	}
	if k > 0 && k < len(w) && units[strings.ToLower(w[k:])] {
		s.emit(a, a+k)
		s.emit(a+k, b)
		return
	}
	s.emit(a, b)
}
