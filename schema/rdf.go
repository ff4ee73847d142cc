package schema

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// NodeKind tells IRIs, blank nodes and literals apart.
type NodeKind uint8

// The kinds of RDF terms. The zero Node (KindNone) is the default graph.
const (
	KindNone NodeKind = iota
	KindIRI
	KindBlank
	KindLiteral
)

// Node is one RDF term, independent of any store. For literals Datatype is
// a full IRI ("" means xsd:string) and Lang a BCP 47 tag ("" for none).
type Node struct {
	Kind     NodeKind
	Value    string
	Datatype string
	Lang     string
}

// IRI, Blank, Str, Lang and Typed build Nodes.
func IRI(s string) Node             { return Node{Kind: KindIRI, Value: s} }
func Blank(label string) Node       { return Node{Kind: KindBlank, Value: label} }
func Str(s string) Node             { return Node{Kind: KindLiteral, Value: s} }
func Lang(s, tag string) Node       { return Node{Kind: KindLiteral, Value: s, Lang: tag} }
func Typed(s, datatype string) Node { return Node{Kind: KindLiteral, Value: s, Datatype: datatype} }

// Int, Bool and Decimal build xsd literals in canonical form.
func Int(i int) Node   { return Typed(strconv.Itoa(i), XSD+"integer") }
func Bool(b bool) Node { return Typed(strconv.FormatBool(b), XSD+"boolean") }
func Decimal(f float64) Node {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return Typed(s, XSD+"decimal")
}

// IsZero reports whether n is the zero Node (the default graph).
func (n Node) IsZero() bool { return n.Kind == KindNone }

// Quad is one RDF statement in a named graph; G is zero for the default graph.
type Quad struct{ S, P, O, G Node }

// ErrRDF is wrapped by every error about a malformed RDF term.
var ErrRDF = errors.New("malformed RDF term")

// Check reports whether n can be written as N-Quads as it is: absolute IRIs
// with no characters N-Quads forbids, blank node labels of the allowed
// characters, valid UTF-8 literals, well-formed language tags and absolute
// datatype IRIs.
func (n Node) Check() error {
	switch n.Kind {
	case KindIRI:
		return CheckIRI(n.Value)
	case KindBlank:
		if !validBlank(n.Value) {
			return fmt.Errorf("%w: blank node label %q", ErrRDF, n.Value)
		}
	case KindLiteral:
		if !utf8.ValidString(n.Value) {
			return fmt.Errorf("%w: literal %q is not valid UTF-8", ErrRDF, n.Value)
		}
		if n.Lang != "" {
			if !ValidLang(n.Lang) {
				return fmt.Errorf("%w: language tag %q", ErrRDF, n.Lang)
			}
			if n.Datatype != "" && n.Datatype != RDF+"langString" {
				return fmt.Errorf("%w: literal has both language %q and datatype %q", ErrRDF, n.Lang, n.Datatype)
			}
		} else if n.Datatype != "" {
			if n.Datatype == RDF+"langString" {
				return fmt.Errorf("%w: rdf:langString literal without a language tag", ErrRDF)
			}
			if err := CheckIRI(n.Datatype); err != nil {
				return fmt.Errorf("datatype: %w", err)
			}
		}
	default:
		return fmt.Errorf("%w: empty term", ErrRDF)
	}
	return nil
}

// Check validates a quad: subject an IRI or blank node, predicate an IRI,
// graph empty, an IRI or a blank node.
func (q Quad) Check() error {
	if q.S.Kind != KindIRI && q.S.Kind != KindBlank {
		return fmt.Errorf("%w: subject must be an IRI or blank node", ErrRDF)
	}
	if q.P.Kind != KindIRI {
		return fmt.Errorf("%w: predicate must be an IRI", ErrRDF)
	}
	if q.G.Kind == KindLiteral {
		return fmt.Errorf("%w: graph label must be an IRI or blank node", ErrRDF)
	}
	for _, n := range []Node{q.S, q.P, q.O} {
		if err := n.Check(); err != nil {
			return err
		}
	}
	if !q.G.IsZero() {
		return q.G.Check()
	}
	return nil
}

// CheckIRI reports whether s is an absolute IRI that N-Quads can hold
// without escaping: a scheme, valid UTF-8, and none of the characters
// space, <, >, ", {, }, |, ^, `, \ or controls.
func CheckIRI(s string) error {
	if !hasScheme(s) {
		return fmt.Errorf("%w: IRI %q is not absolute", ErrRDF, s)
	}
	for _, prefix := range []string{"xsd:", "rdf:", "rdfs:", "owl:"} {
		if strings.HasPrefix(s, prefix) {
			return fmt.Errorf("%w: %q is a prefixed name, not an IRI (write the full IRI)", ErrRDF, s)
		}
	}
	if !utf8.ValidString(s) {
		return fmt.Errorf("%w: IRI %q is not valid UTF-8", ErrRDF, s)
	}
	for _, r := range s {
		if iriForbidden(r) {
			return fmt.Errorf("%w: IRI %q contains %q", ErrRDF, s, r)
		}
	}
	return nil
}

func hasScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case c == ':' && i > 0:
			return true
		default:
			return false
		}
	}
	return false
}

func iriForbidden(r rune) bool {
	if r <= 0x20 || r == 0x7f {
		return true
	}
	switch r {
	case '<', '>', '"', '{', '}', '|', '^', '`', '\\':
		return true
	}
	return false
}

// FixIRI percent-encodes the characters N-Quads forbids in an IRI (and the
// bytes of invalid UTF-8), leaving everything else alone. The result passes
// CheckIRI if s has a scheme.
func FixIRI(s string) string {
	clean := utf8.ValidString(s)
	if clean {
		for _, r := range s {
			if iriForbidden(r) {
				clean = false
				break
			}
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || iriForbidden(r) {
			for j := 0; j < size; j++ {
				fmt.Fprintf(&b, "%%%02X", s[i+j])
			}
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// ValidLang reports whether tag is a well-formed language tag in the
// N-Quads grammar: [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*, each part at most 8 long.
func ValidLang(tag string) bool {
	if tag == "" {
		return false
	}
	for i, part := range strings.Split(tag, "-") {
		if part == "" || len(part) > 8 {
			return false
		}
		for j := 0; j < len(part); j++ {
			c := part[j]
			alpha := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
			if !alpha && (i == 0 || c < '0' || c > '9') {
				return false
			}
		}
	}
	return true
}

func validBlank(s string) bool {
	if s == "" || s[len(s)-1] == '.' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_':
		case i > 0 && (c == '-' || c == '.'):
		default:
			return false
		}
	}
	return true
}

// String writes n in N-Quads syntax. Literals are escaped; IRIs are written
// as they are, so call Check (or FixIRI) first.
func (n Node) String() string {
	var b strings.Builder
	n.write(&b)
	return b.String()
}

func (n Node) write(b *strings.Builder) {
	switch n.Kind {
	case KindIRI:
		b.WriteByte('<')
		b.WriteString(n.Value)
		b.WriteByte('>')
	case KindBlank:
		b.WriteString("_:")
		b.WriteString(n.Value)
	case KindLiteral:
		b.WriteByte('"')
		escapeLiteral(b, n.Value)
		b.WriteByte('"')
		switch {
		case n.Lang != "":
			b.WriteByte('@')
			b.WriteString(n.Lang)
		case n.Datatype != "" && n.Datatype != XSD+"string":
			b.WriteString("^^<")
			b.WriteString(n.Datatype)
			b.WriteByte('>')
		}
	}
}

func escapeLiteral(b *strings.Builder, s string) {
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x7f || r == 0xfffe || r == 0xffff {
				fmt.Fprintf(b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
}

// String writes q as one N-Quads line without the newline.
func (q Quad) String() string {
	var b strings.Builder
	q.AppendTo(&b)
	return b.String()
}

// AppendTo writes q as one N-Quads line, with its newline, to b.
func (q Quad) AppendTo(b *strings.Builder) {
	q.S.write(b)
	b.WriteByte(' ')
	q.P.write(b)
	b.WriteByte(' ')
	q.O.write(b)
	if !q.G.IsZero() {
		b.WriteByte(' ')
		q.G.write(b)
	}
	b.WriteString(" .\n")
}
