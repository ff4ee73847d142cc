package graph

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// ParseError is an error in N-Quads input, with its line (from 1).
type ParseError struct {
	Line int
	Col  int // byte column, from 1
	Msg  string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Col, e.Msg)
}

// Reader reads N-Quads strictly (the W3C grammar, with \u and \U escapes
// decoded in IRIs and literals), one quad at a time.
type Reader struct {
	sc   *bufio.Scanner
	line int
}

// NewReader returns a Reader of r.
func NewReader(r io.Reader) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 64<<20)
	return &Reader{sc: sc}
}

// Read returns the next quad, or io.EOF at the end.
func (r *Reader) Read() (schema.Quad, error) {
	for r.sc.Scan() {
		r.line++
		q, ok, err := parseLine(r.sc.Text())
		if err != nil {
			var pe *ParseError
			if errors.As(err, &pe) {
				pe.Line = r.line
			}
			return q, err
		}
		if ok {
			return q, nil
		}
	}
	if err := r.sc.Err(); err != nil {
		return schema.Quad{}, fmt.Errorf("line %d: %w", r.line+1, err)
	}
	return schema.Quad{}, io.EOF
}

// Line returns the line of the last quad read.
func (r *Reader) Line() int { return r.line }

type lineParser struct {
	s string
	i int
}

func (p *lineParser) errf(format string, args ...any) error {
	return &ParseError{Col: p.i + 1, Msg: fmt.Sprintf(format, args...)}
}

func (p *lineParser) ws() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\r') {
		p.i++
	}
}

func parseLine(s string) (schema.Quad, bool, error) {
	p := &lineParser{s: s}
	p.ws()
	if p.i == len(s) || s[p.i] == '#' {
		return schema.Quad{}, false, nil
	}
	if !utf8.ValidString(s) {
		return schema.Quad{}, false, p.errf("invalid UTF-8")
	}
	var q schema.Quad
	var err error
	if q.S, err = p.term(false); err != nil {
		return q, false, err
	}
	if q.S.Kind == schema.KindLiteral {
		return q, false, &ParseError{Col: 1, Msg: "subject is a literal"}
	}
	p.ws()
	col := p.i
	if q.P, err = p.term(false); err != nil {
		return q, false, err
	}
	if q.P.Kind != schema.KindIRI {
		p.i = col
		return q, false, p.errf("predicate must be an IRI")
	}
	p.ws()
	if q.O, err = p.term(true); err != nil {
		return q, false, err
	}
	p.ws()
	if p.i < len(s) && s[p.i] != '.' {
		col = p.i
		if q.G, err = p.term(false); err != nil {
			return q, false, err
		}
		if q.G.Kind == schema.KindLiteral {
			p.i = col
			return q, false, p.errf("graph label is a literal")
		}
		p.ws()
	}
	if p.i >= len(s) || s[p.i] != '.' {
		return q, false, p.errf("expected '.' at end of statement")
	}
	p.i++
	p.ws()
	if p.i < len(s) && s[p.i] != '#' {
		return q, false, p.errf("unexpected text after '.'")
	}
	return q, true, nil
}

func (p *lineParser) term(literal bool) (schema.Node, error) {
	if p.i >= len(p.s) {
		return schema.Node{}, p.errf("unexpected end of line")
	}
	switch {
	case p.s[p.i] == '<':
		v, err := p.iri()
		return schema.IRI(v), err
	case strings.HasPrefix(p.s[p.i:], "_:"):
		p.i += 2
		start := p.i
		for p.i < len(p.s) {
			c := p.s[p.i]
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' ||
				(p.i > start && (c == '-' || c == '.')) {
				p.i++
				continue
			}
			break
		}
		// a label cannot end in '.'; give the dot back to the statement
		for p.i > start && p.s[p.i-1] == '.' {
			p.i--
		}
		if p.i == start {
			return schema.Node{}, p.errf("empty or malformed blank node label")
		}
		if p.i < len(p.s) && p.s[p.i] != ' ' && p.s[p.i] != '\t' && p.s[p.i] != '.' {
			return schema.Node{}, p.errf("unsupported character %q in blank node label", p.s[p.i])
		}
		return schema.Blank(p.s[start:p.i]), nil
	case p.s[p.i] == '"' && literal:
		return p.literal()
	}
	return schema.Node{}, p.errf("expected %s, found %q", map[bool]string{false: "an IRI or blank node", true: "an IRI, blank node or literal"}[literal], p.s[p.i])
}

func (p *lineParser) iri() (string, error) {
	start := p.i
	// Fast path: no escapes and no forbidden characters up to '>'.
	if end := strings.IndexByte(p.s[p.i+1:], '>'); end >= 0 {
		v := p.s[p.i+1 : p.i+1+end]
		clean := true
		for j := 0; j < len(v); j++ {
			if c := v[j]; c <= 0x20 || c == '\\' || c == '<' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`' {
				clean = false
				break
			}
		}
		if clean {
			if err := schema.CheckIRI(v); err != nil {
				return "", p.errf("%s", iriProblem(v, err))
			}
			p.i += end + 2
			return v, nil
		}
	}
	p.i++ // '<'
	var b strings.Builder
	for {
		if p.i >= len(p.s) {
			p.i = start
			return "", p.errf("unterminated IRI")
		}
		c := p.s[p.i]
		switch {
		case c == '>':
			p.i++
			v := b.String()
			v = schema.FixIRI(v)
			if err := schema.CheckIRI(v); err != nil {
				p.i = start
				return "", p.errf("%s", iriProblem(v, err))
			}
			return v, nil
		case c == '\\':
			r, err := p.uchar()
			if err != nil {
				return "", err
			}
			b.WriteRune(r)
		case c <= 0x20 || strings.IndexByte("<\"{}|^`", c) >= 0:
			return "", p.errf("character %q not allowed in IRI", c)
		default:
			b.WriteByte(c)
			p.i++
		}
	}
}

// iriProblem words why an IRI was refused.
func iriProblem(v string, err error) string {
	if !strings.Contains(v, ":") {
		return fmt.Sprintf("relative IRI <%s> (N-Quads needs absolute IRIs)", v)
	}
	return err.Error()
}

// uchar decodes \uXXXX or \UXXXXXXXX at p.i.
func (p *lineParser) uchar() (rune, error) {
	if p.i+1 >= len(p.s) {
		return 0, p.errf("bad escape")
	}
	n := 0
	switch p.s[p.i+1] {
	case 'u':
		n = 4
	case 'U':
		n = 8
	default:
		return 0, p.errf("bad escape \\%c in IRI", p.s[p.i+1])
	}
	if p.i+2+n > len(p.s) {
		return 0, p.errf("short \\%c escape", p.s[p.i+1])
	}
	v, err := strconv.ParseUint(p.s[p.i+2:p.i+2+n], 16, 32)
	if err != nil || v > utf8.MaxRune || (v >= 0xD800 && v <= 0xDFFF) {
		return 0, p.errf("bad \\%c escape %q", p.s[p.i+1], p.s[p.i:p.i+2+n])
	}
	p.i += 2 + n
	return rune(v), nil
}

func (p *lineParser) literal() (schema.Node, error) {
	start := p.i
	p.i++
	var b strings.Builder
	// Fast path: no escapes before the closing quote.
	if end := strings.IndexAny(p.s[p.i:], "\"\\\n\r"); end >= 0 && p.s[p.i+end] == '"' {
		b.WriteString(p.s[p.i : p.i+end])
		p.i += end
	}
	for {
		if p.i >= len(p.s) {
			p.i = start
			return schema.Node{}, p.errf("unterminated literal")
		}
		c := p.s[p.i]
		if c == '"' {
			p.i++
			break
		}
		if c == '\\' {
			if p.i+1 >= len(p.s) {
				return schema.Node{}, p.errf("bad escape at end of line")
			}
			switch e := p.s[p.i+1]; e {
			case 't':
				b.WriteByte('\t')
			case 'b':
				b.WriteByte('\b')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 'f':
				b.WriteByte('\f')
			case '"', '\'', '\\':
				b.WriteByte(e)
			case 'u', 'U':
				r, err := p.uchar()
				if err != nil {
					return schema.Node{}, err
				}
				b.WriteRune(r)
				continue
			default:
				return schema.Node{}, p.errf("bad escape \\%c in literal", e)
			}
			p.i += 2
			continue
		}
		if c == '\n' || c == '\r' {
			return schema.Node{}, p.errf("raw line break in literal")
		}
		b.WriteByte(c)
		p.i++
	}
	n := schema.Str(b.String())
	if p.i < len(p.s) && p.s[p.i] == '@' {
		p.i++
		st := p.i
		for p.i < len(p.s) && (isAlnumByte(p.s[p.i]) || p.s[p.i] == '-') {
			p.i++
		}
		n.Lang = p.s[st:p.i]
		if !schema.ValidLang(n.Lang) {
			p.i = st
			return n, p.errf("malformed language tag %q", n.Lang)
		}
	} else if strings.HasPrefix(p.s[p.i:], "^^") {
		p.i += 2
		if p.i >= len(p.s) || p.s[p.i] != '<' {
			return n, p.errf("datatype must be an IRI in <>")
		}
		dt, err := p.iri()
		if err != nil {
			return n, err
		}
		if dt == schema.RDF+"langString" {
			return n, p.errf("rdf:langString literal without a language tag")
		}
		if dt != schema.XSD+"string" {
			n.Datatype = dt
		}
	}
	if !utf8.ValidString(n.Value) {
		return n, p.errf("literal is not valid UTF-8")
	}
	return n, nil
}

func isAlnumByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// ImportResult counts what Import read.
type ImportResult struct {
	Quads int // quads read (duplicates included); the store skips those it holds
}

// importBatch is the number of quads per write batch of Import on the kv
// backends; sqlImportBatch on PostgreSQL, where smaller transactions load
// faster (7,450 against 5,282 quads/s for 200,000 quads in BenchmarkLoad).
const (
	importBatch    = 50000
	sqlImportBatch = 10000
)

// Import reads N-Quads from r and adds them to the store. The whole input
// is parsed and checked before anything is written: an error (with its
// line number) leaves the store as it was. Input that is not a seekable
// file is spooled to a temporary file first, so memory stays flat. Quads
// the store already holds, and duplicates in the input, are skipped, never
// written twice.
func (s *Store) Import(ctx context.Context, r io.Reader) (res ImportResult, err error) {
	defer recoverCorrupt(&err)
	return s.importQuads(ctx, r)
}

func (s *Store) importQuads(ctx context.Context, r io.Reader) (ImportResult, error) {
	var src io.ReadSeeker
	if f, ok := r.(*os.File); ok {
		if _, err := f.Seek(0, io.SeekCurrent); err == nil {
			src = f
		}
	}
	var start int64
	if src == nil {
		tmp, err := os.CreateTemp("", "newsgraph-import-*.nq")
		if err != nil {
			return ImportResult{}, err
		}
		defer os.Remove(tmp.Name())
		defer tmp.Close()
		n, err := count(ctx, io.TeeReader(r, tmp))
		if err != nil {
			return ImportResult{}, err
		}
		if n == 0 {
			return ImportResult{}, nil
		}
		src = tmp
	} else {
		var err error
		if start, err = src.Seek(0, io.SeekCurrent); err != nil {
			return ImportResult{}, err
		}
		if _, err := count(ctx, src); err != nil {
			return ImportResult{}, err
		}
	}
	if _, err := src.Seek(start, io.SeekStart); err != nil {
		return ImportResult{}, err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	rd := NewReader(src)
	var res ImportResult
	if s.backend == Memstore {
		return s.importMemstore(ctx, rd)
	}
	// Batches of importBatch quads, each one transaction: on bolt the
	// store's own adder (kvwrite.go; 20,000 quads per batch measured
	// slower, 150,000 the same with more memory), elsewhere Cayley's
	// ApplyDeltas. The input is parsed
	// in a second goroutine, one batch ahead of the writer.
	size := importBatch
	if s.backend == Postgres {
		size = sqlImportBatch
	}
	batches := make(chan []quad.Quad, 1)
	parseErr := make(chan error, 1)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(batches)
		batch := make([]quad.Quad, 0, size)
		send := func() bool {
			select {
			case batches <- batch:
				batch = make([]quad.Quad, 0, size)
				return true
			case <-stop:
				return false
			}
		}
		for {
			q, err := rd.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				parseErr <- fmt.Errorf("import: input changed between passes: %w", err)
				return
			}
			batch = append(batch, toQuad(q))
			if len(batch) == size && !send() {
				return
			}
		}
		if len(batch) > 0 {
			send()
		}
		parseErr <- nil
	}()
	for batch := range batches {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		var err error
		if s.adder != nil {
			_, err = s.adder.add(batch, true)
		} else {
			ds := make([]cgraph.Delta, len(batch))
			for i, q := range batch {
				ds[i] = cgraph.Delta{Quad: q, Action: cgraph.Add}
			}
			err = s.qs.ApplyDeltas(ds, cgraph.IgnoreOpts{IgnoreDup: true})
		}
		if err != nil {
			return res, fmt.Errorf("import: write batch of %d quads after %d: %w", len(batch), res.Quads, err)
		}
		res.Quads += len(batch)
	}
	return res, <-parseErr
}

// importMemstore adds quads through memstore's quad writer (AddQuad skips
// quads it holds), which is faster there than ApplyDeltas.
func (s *Store) importMemstore(ctx context.Context, rd *Reader) (ImportResult, error) {
	var res ImportResult
	qw, err := s.qs.NewQuadWriter()
	if err != nil {
		return res, err
	}
	defer qw.Close()
	for {
		q, err := rd.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return res, fmt.Errorf("import: input changed between passes: %w", err)
		}
		if err := qw.WriteQuad(toQuad(q)); err != nil {
			return res, fmt.Errorf("import: line %d: %w", rd.Line(), err)
		}
		if res.Quads++; res.Quads%65536 == 0 {
			if err := ctx.Err(); err != nil {
				return res, err
			}
		}
	}
	return res, qw.Close()
}

// count parses all of r and returns the number of quads, or the first
// error.
func count(ctx context.Context, r io.Reader) (int, error) {
	rd := NewReader(r)
	n := 0
	for {
		q, err := rd.Read()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, fmt.Errorf("import: %w", err)
		}
		if err := q.Check(); err != nil {
			return n, fmt.Errorf("import: line %d: %w", rd.Line(), err)
		}
		n++
		if n%65536 == 0 {
			if err := ctx.Err(); err != nil {
				return n, err
			}
		}
	}
}
