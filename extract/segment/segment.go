package segment

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

// Segmenter is the sentence splitter. It is read-only once built and safe
// for concurrent use.
type Segmenter struct {
	model *Model // nil: rules only
	err   error  // why the model could not be loaded
}

//go:embed segment.model
var modelData []byte

var (
	loadOnce     sync.Once
	defaultModel *Model
	loadErr      error
)

// New returns the sentence splitter with its embedded boundary model: an
// averaged perceptron over boundary candidates whose features include the
// rule decision. The model is decoded once per process.
func New() *Segmenter {
	loadOnce.Do(func() { defaultModel, loadErr = Decode(modelData) })
	return &Segmenter{model: defaultModel, err: loadErr}
}

// NewRules returns the sentence splitter that uses the rules alone.
func NewRules() *Segmenter { return &Segmenter{} }

// NewWithModel returns a sentence splitter that uses m (from Train or
// Decode).
func NewWithModel(m *Model) *Segmenter { return &Segmenter{model: m} }

// Name returns the stage name and version.
func (g *Segmenter) Name() string {
	if g.model == nil {
		return "segment/1" // the rules alone
	}
	return "segment/2"
}

// Needs returns the layers the stage reads: nlp.Tokens.
func (*Segmenter) Needs() nlp.Layer { return nlp.Tokens }

// Adds returns the layers the stage fills: nlp.Sentences.
func (*Segmenter) Adds() nlp.Layer { return nlp.Sentences }

// Process fills doc.Sentences from doc.Tokens and doc.Text. It returns an
// error, and leaves doc alone, when the embedded model could not be
// loaded.
func (g *Segmenter) Process(doc *nlp.Document) error {
	if g.err != nil {
		return g.err
	}
	doc.Sentences = g.Sentences(doc.Text, doc.Tokens)
	return nil
}

// Sentences returns sentences tiling toks, whose offsets index text. A
// multiword token is never split. Tokens whose offsets fall outside text
// are tolerated (they never end a sentence on their own account).
func (g *Segmenter) Sentences(text string, toks []nlp.Token) []nlp.Sentence {
	var out []nlp.Sentence
	var z featurizer
	start := 0
	for i := 0; i+1 < len(toks); i++ {
		if inside(toks, i) {
			continue
		}
		var end bool
		if g.model == nil || strings.Contains(gap(text, toks, i), "\n") {
			end = boundary(text, toks, i)
		} else if candidate(text, toks, i) {
			end = g.model.score(z.features(text, toks, i, i+1-start)) > 0
		}
		if end {
			out = append(out, nlp.Sentence{Start: start, End: i + 1})
			start = i + 1
		}
	}
	if start < len(toks) {
		out = append(out, nlp.Sentence{Start: start, End: len(toks)})
	}
	return out
}

// inside reports whether the boundary after token i would cut a multiword
// token: the next token starts before token i ends.
func inside(toks []nlp.Token, i int) bool {
	return toks[i+1].Start < toks[i].End
}

// gap returns the text between tokens i and i+1, clamped to the text.
func gap(text string, toks []nlp.Token, i int) string {
	a, b := toks[i].End, toks[i+1].Start
	if a < 0 || b > len(text) || a >= b {
		return ""
	}
	return text[a:b]
}

// boundary reports whether a sentence ends after token i (i+1 exists).
func boundary(text string, toks []nlp.Token, i int) bool {
	g := gap(text, toks, i)
	nl := strings.Count(g, "\n")
	cur, next := toks[i].Form, toks[i+1].Form
	if nl >= 2 {
		return true
	}
	if nl == 1 && (startsUpper(next) || isOpener(next) || endsSentence(cur) || isClose(cur)) {
		return true
	}
	if g == "" {
		// No space: the next token is glued to this one (a closing quote
		// after the full stop, U.S.-led); "end.Next" is too rare to split.
		return false
	}
	if isCitation(toks, i+1) || isEmoticon(next) {
		return false // the citation or smiley belongs to this sentence
	}
	switch {
	case cur == "]" && i >= 3 && isCitation(toks, i-2):
		j := i - 3
		for j > 0 && isClose(toks[j].Form) {
			j--
		}
		return endsSentence(toks[j].Form) && canStart(next)
	case isClose(cur) || isEmoticon(cur):
		// A closing quote, bracket or smiley ends the sentence when the
		// full stop before it does.
		j := i
		for j > 0 && (isClose(toks[j].Form) || isEmoticon(toks[j].Form)) && toks[j].Start <= toks[j-1].End+1 {
			j--
		}
		if j == i || !endsSentence(toks[j].Form) {
			return false
		}
		return canStart(next)
	case cur == "." || isBangs(cur):
		return canStart(next)
	case cur == "..." || cur == "…" || cur == "....":
		return startsUpper(next)
	case strings.HasSuffix(cur, ".") && len(cur) > 1:
		return abbrevEnds(cur, next)
	}
	return false
}

// isCitation reports whether tokens i, i+1, i+2 are a reference mark such
// as [12].
func isCitation(toks []nlp.Token, i int) bool {
	if i+2 >= len(toks) || toks[i].Form != "[" || toks[i+2].Form != "]" {
		return false
	}
	n := toks[i+1].Form
	for k := 0; k < len(n); k++ {
		if n[k] < '0' || n[k] > '9' {
			return false
		}
	}
	return n != "" && len(n) <= 3
}

func isEmoticon(w string) bool {
	switch w {
	case ":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":-P", ":p", ":/", "<3", "^_^", "=)", "XD":
		return true
	}
	return false
}

func isBangs(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] != '!' && w[i] != '?' {
			return false
		}
	}
	return true
}

// endsSentence reports whether w is a full stop, a run of ! and ?, or an
// ellipsis.
func endsSentence(w string) bool {
	return w == "." || isBangs(w) || w == "..." || w == "…"
}

func isClose(w string) bool {
	switch w {
	case "\"", "'", "”", "’", ")", "]", "»", "''":
		return true
	}
	return false
}

func isOpener(w string) bool {
	switch w {
	case "\"", "'", "“", "‘", "(", "[", "«", "``", "-", "—", "–", "*", "•":
		return true
	}
	return false
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

func startsLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// canStart reports whether w can begin a sentence after a full stop. A
// lowercase word can: after a full stop that is its own token, web text
// and careless writing often start sentences in lowercase.
func canStart(w string) bool {
	return w != "," && w != ";" && w != ":" && w != ")" && w != "%"
}

// abbrevEnds decides whether the abbreviation or initial cur (ending in a
// period) also ends the sentence, given the next token.
func abbrevEnds(cur, next string) bool {
	lc := strings.ToLower(cur)
	if titles[lc] {
		return false
	}
	body := cur[:len(cur)-1]
	if r, n := utf8.DecodeRuneInString(body); n == len(body) && unicode.IsUpper(r) {
		return false // an initial: A. Noel
	}
	if !startsUpper(next) && !isOpener(next) {
		return false
	}
	if lc == "u.s." || lc == "u.k." || lc == "u.n." || lc == "e.u." {
		// Often a modifier (U.S. President); ends a sentence only before
		// a word that usually starts one.
		return starters[strings.ToLower(next)]
	}
	return true
}

// titles precede a name and never end a sentence.
var titles = set("mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "rev.", "hon.", "fr.", "gov.", "sen.", "rep.", "gen.", "col.",
	"lt.", "sgt.", "capt.", "adm.", "maj.", "cmdr.", "cpl.", "pvt.", "supt.", "insp.", "det.", "atty.", "pres.", "messrs.",
	"no.", "nos.", "vs.", "v.", "e.g.", "i.e.", "cf.", "viz.", "mt.", "ft.", "pp.", "p.", "vol.", "ch.", "fig.", "approx.", "ca.",
	"c.", "ca.", "assoc.", "ext.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.")

// starters are words that commonly begin an English sentence.
var starters = set("the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there",
	"but", "and", "in", "on", "at", "for", "as", "if", "when", "while", "after", "before", "his", "her", "their", "its", "our",
	"some", "many", "most", "no", "one", "two", "meanwhile", "however", "still", "yet", "so", "then", "also", "what", "who", "why", "how")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
