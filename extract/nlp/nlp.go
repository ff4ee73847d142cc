package nlp

import (
	"fmt"
	"strings"
)

// Layer is a set of annotation layers. Stages declare the layers they need
// and the layers they add; a Document records the layers it has.
type Layer uint32

// The annotation layers, in pipeline order.
const (
	Tokens    Layer = 1 << iota // Token.Start, End, Form, SpaceAfter, MWT
	Sentences                   // Document.Sentences
	Tags                        // Token.UPOS, XPOS, Feats
	Lemmas                      // Token.Lemma
	Deps                        // Token.Head, Rel
	Entities                    // Document.Entities
	Coref                       // Document.Mentions, Document.Chains
)

var layerNames = []string{"tokens", "sentences", "tags", "lemmas", "deps", "entities", "coref"}

// String lists the layers in the set, joined by "+".
func (l Layer) String() string {
	if l == 0 {
		return "none"
	}
	var parts []string
	for i, name := range layerNames {
		if l&(1<<i) != 0 {
			parts = append(parts, name)
		}
	}
	return strings.Join(parts, "+")
}

// Has reports whether l contains every layer in want.
func (l Layer) Has(want Layer) bool { return l&want == want }

// Token is one syntactic word. Start and End are byte offsets into
// Document.Text. A word that is part of a multiword token (don't = do + n't)
// covers its own slice of the surface token when the word is spelled there
// (it is for every English clitic), otherwise the whole surface token.
type Token struct {
	Start, End int    // byte span in Document.Text
	Form       string // the word as the treebank spells it (usually Text[Start:End])
	SpaceAfter bool   // whitespace follows the surface token in the text
	// MWT is set on the first word of a multiword token to the number of
	// words in it (2 for do+n't); 0 for ordinary words and later parts.
	MWT int

	UPOS  string // universal part of speech
	XPOS  string // Penn Treebank tag
	Feats string // UD morphological features, "_" or "" when none
	Lemma string

	// Head is the document index of the syntactic head, or -1 for a
	// sentence root. Meaningful only when the document has the Deps layer.
	Head int
	Rel  string // UD dependency relation, with subtype ("nmod:poss")
}

// Sentence is a range [Start, End) of token indices.
type Sentence struct {
	Start, End int
}

// Len is the number of tokens in the sentence.
func (s Sentence) Len() int { return s.End - s.Start }

// Span is a range [Start, End) of token indices with a label, used for
// named entities and other typed spans.
type Span struct {
	Start, End int
	Label      string // PERSON, ORG, GPE, LOC, NORP, DATE, TIME, PERCENT, MONEY, QUANTITY, ...
}

// Mention is a span of tokens that refers to something, and the chain it
// belongs to (-1 when unresolved). Head is the token index of its syntactic
// head.
type Mention struct {
	Start, End int
	Head       int
	Chain      int
	Kind       MentionKind
}

// MentionKind says how a mention refers.
type MentionKind uint8

// The kinds of mention.
const (
	Proper  MentionKind = iota // a name: "Anna Dubois"
	Nominal                    // a description: "the US president"
	Pronoun                    // "he", "its"
)

// Chain is a coreference chain: indices into Document.Mentions, in text
// order, and the index (into Document.Mentions) of the representative
// mention, the longest proper name when there is one.
type Chain struct {
	Mentions []int
	Rep      int
}

// Document is one text and its annotations.
type Document struct {
	ID   string
	Text string // the original text, never rewritten
	Date string // publication date (YYYY-MM-DD) when known, for resolving "on Monday"

	Tokens    []Token
	Sentences []Sentence
	Entities  []Span
	Mentions  []Mention
	Chains    []Chain

	Layers Layer // the layers that have been filled
}

// New returns a document with the given id and text and no annotations.
func New(id, text string) *Document { return &Document{ID: id, Text: text} }

// TokenText returns the original characters of token i.
func (d *Document) TokenText(i int) string {
	t := d.Tokens[i]
	return d.Text[t.Start:t.End]
}

// SpanText returns the original characters covered by tokens [start, end).
func (d *Document) SpanText(start, end int) string {
	if start >= end {
		return ""
	}
	return d.Text[d.Tokens[start].Start:d.Tokens[end-1].End]
}

// Forms returns the word forms of tokens [start, end) joined by single spaces.
func (d *Document) Forms(start, end int) string {
	var b strings.Builder
	for i := start; i < end; i++ {
		if i > start {
			b.WriteByte(' ')
		}
		b.WriteString(d.Tokens[i].Form)
	}
	return b.String()
}

// SentenceOf returns the index of the sentence that holds token i, or -1.
func (d *Document) SentenceOf(i int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		switch s := d.Sentences[m]; {
		case i < s.Start:
			hi = m
		case i >= s.End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// Children returns the dependents of token i in text order.
func (d *Document) Children(i int) []int {
	s := d.SentenceOf(i)
	if s < 0 {
		return nil
	}
	var kids []int
	for j := d.Sentences[s].Start; j < d.Sentences[s].End; j++ {
		if d.Tokens[j].Head == i && j != i {
			kids = append(kids, j)
		}
	}
	return kids
}

// Subtree returns the smallest token range [start, end) that holds token i
// and all its descendants. For projective trees it is exactly the subtree.
func (d *Document) Subtree(i int) (start, end int) {
	s := d.SentenceOf(i)
	if s < 0 {
		return i, i + 1
	}
	sent := d.Sentences[s]
	start, end = i, i+1
	for j := sent.Start; j < sent.End; j++ {
		if j >= start && j < end {
			continue
		}
		if d.dominates(i, j, sent) {
			if j < start {
				start = j
			}
			if j+1 > end {
				end = j + 1
			}
		}
	}
	return start, end
}

// dominates reports whether a is an ancestor of b (or b itself).
func (d *Document) dominates(a, b int, sent Sentence) bool {
	for steps := 0; b >= 0 && steps <= sent.Len(); steps++ {
		if b == a {
			return true
		}
		b = d.Tokens[b].Head
	}
	return false
}

// Validate checks the structural invariants of the filled layers: offsets in
// range and ordered, sentences tiling the tokens, heads inside their
// sentence, spans inside the document. It returns the first problem found.
func (d *Document) Validate() error {
	for i, t := range d.Tokens {
		if t.Start < 0 || t.End > len(d.Text) || t.Start > t.End {
			return fmt.Errorf("token %d: span [%d,%d) outside text of %d bytes", i, t.Start, t.End, len(d.Text))
		}
		if i > 0 && t.Start < d.Tokens[i-1].Start {
			return fmt.Errorf("token %d: starts at %d, before token %d", i, t.Start, i-1)
		}
	}
	if d.Layers.Has(Sentences) {
		next := 0
		for i, s := range d.Sentences {
			if s.Start != next || s.End <= s.Start {
				return fmt.Errorf("sentence %d: range [%d,%d) does not continue at %d", i, s.Start, s.End, next)
			}
			next = s.End
		}
		if next != len(d.Tokens) {
			return fmt.Errorf("sentences end at token %d of %d", next, len(d.Tokens))
		}
	}
	if d.Layers.Has(Deps) {
		for si, s := range d.Sentences {
			for j := s.Start; j < s.End; j++ {
				h := d.Tokens[j].Head
				if h != -1 && (h < s.Start || h >= s.End || h == j) {
					return fmt.Errorf("sentence %d token %d: head %d outside sentence", si, j, h)
				}
			}
		}
	}
	for i, e := range d.Entities {
		if e.Start < 0 || e.End > len(d.Tokens) || e.Start >= e.End {
			return fmt.Errorf("entity %d: range [%d,%d) outside %d tokens", i, e.Start, e.End, len(d.Tokens))
		}
	}
	return nil
}
