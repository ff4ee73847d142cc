package openie

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/schema"
)

// Phrase is a set of words of one sentence: document token indices in
// ascending order (not always contiguous: a subject split off a
// coordination, a noun without its relative clause), and its head word.
type Phrase struct {
	Head   int   // document index of the head word, -1 for an empty phrase
	Tokens []int // document token indices, ascending
}

// Empty reports whether the phrase has no words.
func (p Phrase) Empty() bool { return len(p.Tokens) == 0 }

// Span returns the smallest token range [start, end) that holds the phrase.
func (p Phrase) Span() (start, end int) {
	if len(p.Tokens) == 0 {
		return 0, 0
	}
	return p.Tokens[0], p.Tokens[len(p.Tokens)-1] + 1
}

// Text returns the phrase's words as written in the document text, joined
// by single spaces.
func (p Phrase) Text(doc *nlp.Document) string {
	var b strings.Builder
	for i, t := range p.Tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(doc.TokenText(t))
	}
	return b.String()
}

// Role says what an argument does in its clause.
type Role string

// The argument roles.
const (
	Object     Role = "object"     // direct or indirect object, or a clausal object
	Complement Role = "complement" // subject or object complement: "is [president]", "made him [angry]"
	Prep       Role = "prep"       // prepositional or other adverbial argument
	Time       Role = "time"       // temporal adjunct: "on Monday", "last year"
	Place      Role = "place"      // locative adjunct: "in Paris"
)

// Arg is one argument after the subject.
type Arg struct {
	Role Role
	Phrase
}

// ClauseType is ClausIE's clause type.
type ClauseType string

// The clause types.
const (
	SV   ClauseType = "SV"
	SVA  ClauseType = "SVA"
	SVC  ClauseType = "SVC"
	SVO  ClauseType = "SVO"
	SVOO ClauseType = "SVOO"
	SVOA ClauseType = "SVOA"
	SVOC ClauseType = "SVOC"
)

// Kind says where an extraction comes from.
type Kind string

// The kinds of extraction.
const (
	Verbal        Kind = "verbal"        // a clause with a verb or a copula
	Appositive    Kind = "appositive"    // "X, the Y of Z," -> (X; is; the Y of Z)
	Possessive    Kind = "possessive"    // "X's Y" -> (X; has; Y)
	Prepositional Kind = "prepositional" // "X in Y", "demand for Y" between nouns -> (X; be in; Y)
)

// Attribution is who states an attributed extraction: the speaker and the
// attributing verb group ("said", "told", "according to").
type Attribution struct {
	Speaker Phrase
	Verb    Phrase
}

// Extraction is one n-ary statement of a sentence.
type Extraction struct {
	Sentence int    // index of the sentence in the document
	Subject  Phrase // ARG1
	// Relation holds the relation's words in the text: the verb group with
	// auxiliaries, negation and particles, and the preposition of the first
	// prepositional argument when the clause has no object. Implicit is a
	// word the text does not spell, put before them ("is" for
	// appositives); the relation reads Implicit + Relation.
	Relation Phrase
	Implicit string
	Args     []Arg // objects, complements and adjuncts in text order

	Clause ClauseType
	Kind   Kind

	Negated     bool            // "not", "never", "n't", "no", "failed to", "refused to", "ruled out"
	Modality    schema.Modality // future, hypothetical, conditional, desired or realis
	Hedged      bool            // "reportedly", "allegedly", "is said to"
	Attribution *Attribution    // nil when the text asserts it

	Conf float64 // confidence in [0, 1]

	feats []Feature // what the confidence model sees, sorted by name
}

// RelationText returns the relation as written, with the implicit word.
func (e *Extraction) RelationText(doc *nlp.Document) string {
	t := e.Relation.Text(doc)
	switch {
	case e.Implicit == "":
		return t
	case t == "":
		return e.Implicit
	}
	return e.Implicit + " " + t
}

// Span returns the token range [start, end) covered by every word of the
// extraction (attribution excluded).
func (e *Extraction) Span() (start, end int) {
	start, end = -1, -1
	add := func(p Phrase) {
		if p.Empty() {
			return
		}
		s, t := p.Span()
		if start < 0 || s < start {
			start = s
		}
		if t > end {
			end = t
		}
	}
	add(e.Subject)
	add(e.Relation)
	for _, a := range e.Args {
		add(a.Phrase)
	}
	return start, end
}

// Extract returns the extractions of sentence sent of doc, in a
// deterministic order. doc must have Tokens, Sentences, Tags and Deps; a
// malformed tree (a head outside the sentence, a cycle) yields no
// extractions for the words it affects, never a panic.
func Extract(doc *nlp.Document, sent int) []Extraction {
	if sent < 0 || sent >= len(doc.Sentences) {
		return nil
	}
	s := newSentence(doc, sent)
	if s == nil {
		return nil
	}
	var out []Extraction
	for p := s.start; p < s.end; p++ {
		if s.isPredicate(p) {
			out = append(out, s.clause(p)...)
		}
	}
	out = append(out, s.appositives()...)
	out = append(out, s.nominals()...)
	for i := range out {
		out[i].Sentence = sent
		out[i].Conf = confidence(&out[i])
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, _ := out[i].Relation.Span()
		b, _ := out[j].Relation.Span()
		if out[i].Relation.Empty() {
			a, _ = out[i].Subject.Span()
		}
		if out[j].Relation.Empty() {
			b, _ = out[j].Subject.Span()
		}
		return a < b
	})
	return dedupe(doc, out)
}

// dedupe drops extractions whose text repeats an earlier one.
func dedupe(doc *nlp.Document, xs []Extraction) []Extraction {
	seen := map[string]bool{}
	out := xs[:0]
	for _, x := range xs {
		k := x.Subject.Text(doc) + "\t" + x.RelationText(doc)
		for _, a := range x.Args {
			k += "\t" + a.Text(doc)
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, x)
	}
	return out
}
