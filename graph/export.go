package graph

import (
	"bufio"
	"context"
	"encoding/hex"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Export writes N-Quads to w: the whole store in store order when docID is
// empty (streaming: memory does not grow with the store), or one article's
// graph sorted line by line. It returns the number of quads written.
//
// Every term is checked and repaired on the way out, whatever wrote it:
// characters N-Quads forbids in IRIs are percent-encoded, literals are
// escaped, datatypes are written as full IRIs, blank node labels outside
// [A-Za-z0-9_.-] are hex-encoded. A relative IRI or a malformed language
// tag in the store is an error (with the quad), not broken output.
func (s *Store) Export(ctx context.Context, w io.Writer, docID string) (n int, err error) {
	defer recoverCorrupt(&err)
	return s.export(ctx, w, docID)
}

func (s *Store) export(ctx context.Context, w io.Writer, docID string) (int, error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	var b strings.Builder
	n := 0
	if docID != "" {
		qs, err := s.graphQuads(ctx, quad.IRI(s.minter.Article(docID)))
		if err != nil {
			return 0, err
		}
		if len(qs) == 0 {
			return 0, fmt.Errorf("article %q: %w", docID, ErrNotFound)
		}
		lines := make([]string, 0, len(qs))
		for _, q := range qs {
			b.Reset()
			if err := appendExport(&b, q); err != nil {
				return 0, err
			}
			lines = append(lines, b.String())
		}
		sort.Strings(lines)
		for _, l := range lines {
			if _, err := bw.WriteString(l); err != nil {
				return n, err
			}
			n++
		}
		return n, bw.Flush()
	}
	err := s.eachNodes(ctx, nil, true, func(ns [4]*node) error {
		for d, nd := range ns {
			if nd != nil && nd.err != nil {
				return fmt.Errorf("cannot export a quad with %v: %w", nd.v, nd.err)
			}
			if nd != nil && !kindAllowed(d, nd.kind) {
				return fmt.Errorf("cannot export quad %v %v %v: %w", ns[0].v, ns[1].v, ns[2].v, schema.ErrRDF)
			}
		}
		bw.WriteString(ns[0].nq)
		bw.WriteByte(' ')
		bw.WriteString(ns[1].nq)
		bw.WriteByte(' ')
		bw.WriteString(ns[2].nq)
		if ns[3] != nil {
			bw.WriteByte(' ')
			bw.WriteString(ns[3].nq)
		}
		if _, err := bw.WriteString(" .\n"); err != nil {
			return err
		}
		n++
		return nil
	})
	if err != nil {
		return n, err
	}
	return n, bw.Flush()
}

// appendExport repairs and checks q and appends its N-Quads line.
func appendExport(b *strings.Builder, q schema.Quad) error {
	q.S, q.P, q.O, q.G = repair(q.S), repair(q.P), repair(q.O), repair(q.G)
	if err := q.Check(); err != nil {
		return fmt.Errorf("cannot export quad %s %s %s: %w", q.S.Value, q.P.Value, q.O.Value, err)
	}
	q.AppendTo(b)
	return nil
}

func repair(n schema.Node) schema.Node {
	switch n.Kind {
	case schema.KindIRI:
		n.Value = schema.FixIRI(n.Value)
	case schema.KindBlank:
		if n.Check() != nil {
			n.Value = "x" + hex.EncodeToString([]byte(n.Value))
		}
	case schema.KindLiteral:
		if n.Datatype != "" {
			n.Datatype = schema.FixIRI(n.Datatype)
		}
		if n.Lang != "" && n.Datatype == schema.RDF+"langString" {
			n.Datatype = ""
		}
	}
	return n
}

// kindAllowed reports whether a term of kind k may stand in position d
// (subject, predicate, object, label).
func kindAllowed(d int, k schema.NodeKind) bool {
	switch d {
	case 0, 3:
		return k == schema.KindIRI || k == schema.KindBlank
	case 1:
		return k == schema.KindIRI
	}
	return k != schema.KindNone
}
