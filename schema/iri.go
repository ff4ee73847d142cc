package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Minter mints the IRIs of articles, entities, propositions and statements
// under one base. Minting is deterministic: the same input gives the same
// IRI in every run.
type Minter struct {
	Base string // ends in "/" or "#"
}

// NewMinter checks base and returns a Minter; "" means DefaultBase.
func NewMinter(base string) (Minter, error) {
	if base == "" {
		base = DefaultBase
	}
	if err := CheckIRI(base); err != nil {
		return Minter{}, fmt.Errorf("base: %w", err)
	}
	if !strings.HasSuffix(base, "/") && !strings.HasSuffix(base, "#") {
		return Minter{}, fmt.Errorf("base %q must end in / or #", base)
	}
	return Minter{Base: base}, nil
}

func (m Minter) base() string {
	if m.Base == "" {
		return DefaultBase
	}
	return m.Base
}

// Article returns the IRI of an article and of its named graph.
func (m Minter) Article(id string) string { return m.base() + "article/" + EscapeKey(id) }

// Graph returns the IRI of a named graph that is not an article's: what
// newsgraph derives from the whole store ("person-links").
func (m Minter) Graph(name string) string { return m.base() + "graph/" + EscapeKey(name) }

// Entity returns the IRI of an entity: entity/ for actors, territories and
// things, proposal/ for proposals, event/ for events. The key is the
// entity's identity key, percent-encoded; the class is not part of it, so a
// state and a territory of the same name are one node.
func (m Minter) Entity(e *Entity) string {
	return m.base() + EntityKind(e.Class) + "/" + EscapeKey(e.IdentityKey())
}

// EntityKind returns the IRI path segment of a class: "entity",
// "proposal" or "event".
func EntityKind(c Class) string {
	switch c {
	case ClassProposal, ClassCeasefire, ClassPeaceAgreement, ClassSecurityGuarantee, ClassOffer, ClassDemand:
		return "proposal"
	case ClassEvent:
		return "event"
	}
	return "entity"
}

// Prop returns the IRI of a proposition: a hash of its structure (terms,
// predicate, relation and arguments), not of its evidence, so the same
// proposition in two articles is one node.
func (m Minter) Prop(f *Fact) string {
	h := sha256.New()
	m.writeStructure(h, f)
	return m.base() + "prop/" + hex.EncodeToString(h.Sum(nil)[:12])
}

// Activity returns the IRI of the extraction run that produced statements:
// a hash of the extractor's name and version and of the model versions it
// ran on, so every statement of one build shares one activity node.
func (m Minter) Activity(extractor, model string) string {
	h := sha256.New()
	for _, s := range []string{"activity", extractor, model} {
		writeField(h, s)
	}
	return m.base() + "activity/" + hex.EncodeToString(h.Sum(nil)[:12])
}

// Statement returns the IRI of the statement node of a fact: a hash of its
// structure and of all its evidence.
func (m Minter) Statement(f *Fact) string {
	h := sha256.New()
	m.writeStructure(h, f)
	ev := &f.Evidence
	att := ""
	if ev.AttributedTo != nil {
		att = m.Entity(ev.AttributedTo)
	}
	for _, s := range []string{"evidence", ev.Doc, strconv.Itoa(ev.Sentence), strconv.Itoa(ev.Start), strconv.Itoa(ev.End),
		ev.Text, ev.Extractor, ev.Model, strconv.FormatFloat(ev.Conf, 'g', -1, 64), strconv.FormatBool(ev.Negated),
		string(ev.Modality), strconv.FormatBool(ev.Hedged), att, ev.Date} {
		writeField(h, s)
	}
	return m.base() + "stmt/" + hex.EncodeToString(h.Sum(nil)[:12])
}

type byteWriter interface{ Write([]byte) (int, error) }

// writeField writes a length-prefixed field so that field boundaries can
// never be confused.
func writeField(h byteWriter, s string) {
	h.Write([]byte(strconv.Itoa(len(s))))
	h.Write([]byte{':'})
	h.Write([]byte(s))
}

func (m Minter) writeStructure(h byteWriter, f *Fact) {
	writeField(h, "fact")
	m.writeTerm(h, f.Subject)
	writeField(h, string(f.Predicate))
	writeField(h, f.Relation)
	m.writeTerm(h, f.Object)
	writeField(h, strconv.Itoa(len(f.Args)))
	for _, a := range f.Args {
		writeField(h, string(a.Role))
		m.writeTerm(h, a.Value)
	}
}

func (m Minter) writeTerm(h byteWriter, t Term) {
	switch {
	case t.Entity != nil:
		writeField(h, "E")
		writeField(h, m.Entity(t.Entity))
	case t.Literal != nil:
		writeField(h, "L")
		writeField(h, t.Literal.Value)
		writeField(h, t.Literal.Datatype)
		writeField(h, t.Literal.Lang)
	case t.Prop != nil:
		writeField(h, "P")
		m.writeStructure(h, t.Prop)
	default:
		writeField(h, "-")
	}
}

// EscapeKey percent-encodes a key for use as the last segment of an IRI:
// ASCII letters, digits, "-", ".", "_", "~" and non-ASCII letters and
// digits stay, every other byte becomes %XX.
func EscapeKey(key string) string {
	var b strings.Builder
	for i := 0; i < len(key); {
		r, size := utf8.DecodeRuneInString(key[i:])
		switch {
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.' || r == '_' || r == '~'):
			b.WriteRune(r)
		case r >= utf8.RuneSelf && r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)):
			b.WriteString(key[i : i+size])
		default:
			for j := 0; j < size; j++ {
				fmt.Fprintf(&b, "%%%02X", key[i+j])
			}
		}
		i += size
	}
	return b.String()
}
