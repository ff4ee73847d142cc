package schema

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Class is the local name of a class in the ng: namespace ("Person").
type Class string

// Predicate is the local name of a property in the ng: namespace ("opposes").
type Predicate string

// Entity is a real-world thing: an actor, a territory, a proposal, an event.
// Two entities with the same Class and Key are the same node; the IRI is
// minted from them, so the same thing gets the same IRI in every run and
// every article.
type Entity struct {
	Class   Class    // the most specific class: Person, State, Territory, Ceasefire, ...
	Name    string   // the preferred label, as written in some article
	Key     string   // identity key; empty means KeyOf(Name)
	Aliases []string // other labels seen for it (skos:altLabel)
	// Canonical is the name a gazetteer gives it ("United Kingdom" for a
	// mention "British"), which need not occur in the article; written as
	// ng:canonicalName, while labels always quote the article.
	Canonical string
	ISO3166   string // ISO 3166-1 alpha-2 or 3166-2 code for states and subdivisions
}

// IdentityKey returns e.Key, or the normalised name when Key is empty.
func (e *Entity) IdentityKey() string {
	if e.Key != "" {
		return e.Key
	}
	return KeyOf(e.Name)
}

// KeyOf normalises a name into an identity key: lower case, runs of
// anything but letters and digits collapsed to one "-".
func KeyOf(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if isAlnum(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// Literal is a typed value. Datatype is an XSD local name ("string",
// "decimal", "integer", "date", "boolean", "dateTime"); empty means a plain
// string, with Lang as its language tag when set.
type Literal struct {
	Value    string
	Datatype string
	Lang     string
}

// Term is the subject or object of a fact: exactly one of an entity, a
// literal, or a proposition (a nested fact, as in "Dubois opposes [Ukraine
// joining NATO]").
type Term struct {
	Entity  *Entity
	Literal *Literal
	Prop    *Fact
}

// EntityTerm, LiteralTerm and PropTerm build Terms.
func EntityTerm(e *Entity) Term  { return Term{Entity: e} }
func LiteralTerm(l Literal) Term { return Term{Literal: &l} }
func PropTerm(f *Fact) Term      { return Term{Prop: f} }

// IsZero reports whether no slot is set.
func (t Term) IsZero() bool { return t.Entity == nil && t.Literal == nil && t.Prop == nil }

// Arg is a further argument of an n-ary fact: a role and its value, for
// example (inReturnFor, [Russia freezes the front lines]) or (onDate, 2014).
type Arg struct {
	Role  Predicate
	Value Term
}

// Modality says whether a fact is stated as real or otherwise.
type Modality string

// The modalities. Realis is the zero value.
const (
	Realis       Modality = ""             // stated as happening or true
	Future       Modality = "future"       // "will", "is to"
	Hypothetical Modality = "hypothetical" // "would", "could", "may", "might"
	Conditional  Modality = "conditional"  // inside an "if" clause or its consequent
	Desired      Modality = "desired"      // "wants", "hopes", "seeks"
)

// Evidence is where a fact comes from and how the text states it.
type Evidence struct {
	Doc      string // article id
	Sentence int    // sentence index in the article, from 0
	Start    int    // byte offsets of the supporting text in the article
	End      int
	Text     string // the article's text at [Start, End)

	Extractor string  // name/version of the extractor ("openie/1")
	Model     string  // versions of the models that fed it ("parse/3 tag/2")
	Conf      float64 // confidence in [0, 1]

	Negated      bool     // "not", "never", "failed to", "ruled out"
	Modality     Modality // how the fact is stated
	Hedged       bool     // "reportedly", "allegedly"
	AttributedTo *Entity  // who said it; nil when the article asserts it
	Date         string   // xsd:date the fact refers to, when resolved
}

// Fact is one statement extracted from text: subject, predicate, object,
// optional further arguments, and its evidence. Predicate is a vocabulary
// predicate, or empty for an open relation, in which case Relation alone
// names it. Relation always keeps the surface words.
type Fact struct {
	Subject   Term
	Predicate Predicate
	Relation  string
	Object    Term
	Args      []Arg
	Evidence  Evidence
}

// Asserted reports whether the article itself states the fact as true:
// affirmative, realis, unhedged and not attributed to a speaker. Only
// asserted facts become direct triples in the graph.
func (f *Fact) Asserted() bool {
	ev := &f.Evidence
	return !ev.Negated && ev.Modality == Realis && !ev.Hedged && ev.AttributedTo == nil
}

// Article is one input document's metadata.
type Article struct {
	ID    string
	Title string
	Date  string // xsd:date (YYYY-MM-DD), when known
	URL   string
	Text  string
}

// ErrInvalid is wrapped by every validation error.
var ErrInvalid = errors.New("invalid fact")

// Validate checks that a fact can be written: a subject and object, a
// known or open predicate, grounded evidence (the text at the offsets
// equals Evidence.Text), a confidence in [0, 1], valid UTF-8 everywhere and
// well-formed nested propositions and arguments. text is the article's
// text; pass "" to skip the grounding check.
func (f *Fact) Validate(text string) error {
	return f.validate(text, 0)
}

func (f *Fact) validate(text string, depth int) error {
	if depth > 8 {
		return fmt.Errorf("%w: propositions nested deeper than 8", ErrInvalid)
	}
	if f.Predicate == "" && strings.TrimSpace(f.Relation) == "" {
		return fmt.Errorf("%w: no predicate and no relation", ErrInvalid)
	}
	if f.Predicate != "" && !KnownPredicate(f.Predicate) {
		return fmt.Errorf("%w: unknown predicate %q", ErrInvalid, f.Predicate)
	}
	if err := f.Subject.validate("subject", text, depth); err != nil {
		return err
	}
	if f.Subject.Literal != nil {
		return fmt.Errorf("%w: subject is a literal", ErrInvalid)
	}
	if err := f.Object.validate("object", text, depth); err != nil {
		return err
	}
	for i, a := range f.Args {
		if a.Role == "" || !KnownPredicate(a.Role) {
			return fmt.Errorf("%w: argument %d has unknown role %q", ErrInvalid, i, a.Role)
		}
		if err := a.Value.validate(fmt.Sprintf("argument %d", i), text, depth); err != nil {
			return err
		}
	}
	if !utf8.ValidString(f.Relation) {
		return fmt.Errorf("%w: relation is not valid UTF-8", ErrInvalid)
	}
	return f.Evidence.validate(text)
}

func (t Term) validate(what, text string, depth int) error {
	n := 0
	if t.Entity != nil {
		n++
		if strings.TrimSpace(t.Entity.Name) == "" || !utf8.ValidString(t.Entity.Name) {
			return fmt.Errorf("%w: %s entity has no valid name", ErrInvalid, what)
		}
		if t.Entity.Class == "" || !KnownClass(t.Entity.Class) {
			return fmt.Errorf("%w: %s %q has unknown class %q", ErrInvalid, what, t.Entity.Name, t.Entity.Class)
		}
		if t.Entity.IdentityKey() == "" {
			return fmt.Errorf("%w: %s %q has an empty identity key", ErrInvalid, what, t.Entity.Name)
		}
	}
	if t.Literal != nil {
		n++
		if !utf8.ValidString(t.Literal.Value) {
			return fmt.Errorf("%w: %s literal is not valid UTF-8", ErrInvalid, what)
		}
	}
	if t.Prop != nil {
		n++
		if err := t.Prop.validate(text, depth+1); err != nil {
			return fmt.Errorf("%s proposition: %w", what, err)
		}
	}
	if n != 1 {
		return fmt.Errorf("%w: %s must have exactly one of entity, literal, proposition (has %d)", ErrInvalid, what, n)
	}
	return nil
}

func (ev *Evidence) validate(text string) error {
	if ev.Doc == "" {
		return fmt.Errorf("%w: evidence has no document", ErrInvalid)
	}
	if ev.Start < 0 || ev.End < ev.Start || ev.Sentence < 0 {
		return fmt.Errorf("%w: evidence span [%d,%d) sentence %d", ErrInvalid, ev.Start, ev.End, ev.Sentence)
	}
	if ev.Conf < 0 || ev.Conf > 1 || ev.Conf != ev.Conf {
		return fmt.Errorf("%w: confidence %v outside [0, 1]", ErrInvalid, ev.Conf)
	}
	if !utf8.ValidString(ev.Text) {
		return fmt.Errorf("%w: evidence text is not valid UTF-8", ErrInvalid)
	}
	if text != "" {
		if ev.End > len(text) || text[ev.Start:ev.End] != ev.Text {
			return fmt.Errorf("%w: evidence text %q is not the article's text at [%d,%d)", ErrInvalid, ev.Text, ev.Start, ev.End)
		}
	}
	switch ev.Modality {
	case Realis, Future, Hypothetical, Conditional, Desired:
	default:
		return fmt.Errorf("%w: unknown modality %q", ErrInvalid, ev.Modality)
	}
	if ev.AttributedTo != nil && strings.TrimSpace(ev.AttributedTo.Name) == "" {
		return fmt.Errorf("%w: attribution has no name", ErrInvalid)
	}
	return nil
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
