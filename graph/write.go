package graph

import (
	"context"
	"errors"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// ErrNotFound is returned when an article is not in the store.
var ErrNotFound = errors.New("not found")

// WriteResult counts what a write changed.
type WriteResult struct {
	Quads   int // quads the article's graph holds now
	Added   int // quads added
	Removed int // quads removed (from an earlier version of the article)
}

// WriteArticle writes one article and its facts as the article's named
// graph, replacing whatever that graph held, in one batch (one transaction
// on bolt, leveldb and postgres): a crash never leaves half an article.
// Writing the same article twice changes nothing the second time; quads
// that are already there are never written again. Facts are validated
// first (schema.Fact.Validate against a.Text when it is set); one invalid
// fact rejects the whole article and nothing is written.
func (s *Store) WriteArticle(ctx context.Context, a schema.Article, facts []schema.Fact) (WriteResult, error) {
	quads, err := articleQuads(s.minter, a, facts)
	if err != nil {
		return WriteResult{}, err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	g := quad.IRI(s.minter.Article(a.ID))
	old, err := s.graphQuads(ctx, g)
	if err != nil {
		return WriteResult{}, err
	}
	want := make(map[schema.Quad]bool, len(quads))
	for _, q := range quads {
		want[q] = true
	}
	var deltas []cgraph.Delta
	var res WriteResult
	for _, q := range old {
		if !want[q] {
			deltas = append(deltas, cgraph.Delta{Quad: toQuad(q), Action: cgraph.Delete})
			res.Removed++
		}
		delete(want, q)
	}
	for _, q := range quads {
		if want[q] {
			deltas = append(deltas, cgraph.Delta{Quad: toQuad(q), Action: cgraph.Add})
			res.Added++
		}
	}
	res.Quads = len(quads)
	if len(deltas) == 0 {
		return res, nil
	}
	if err := ctx.Err(); err != nil {
		return WriteResult{}, err
	}
	if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{}); err != nil {
		return WriteResult{}, fmt.Errorf("write article %s: %w", a.ID, err)
	}
	return res, nil
}

// DeleteArticle removes an article's named graph (its facts, statements,
// labels and metadata) in one batch and nothing else. It returns the number
// of quads removed, or an error wrapping ErrNotFound when the store has no
// such article.
func (s *Store) DeleteArticle(ctx context.Context, id string) (int, error) {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	old, err := s.graphQuads(ctx, quad.IRI(s.minter.Article(id)))
	if err != nil {
		return 0, err
	}
	if len(old) == 0 {
		return 0, fmt.Errorf("article %q: %w", id, ErrNotFound)
	}
	deltas := make([]cgraph.Delta, len(old))
	for i, q := range old {
		deltas[i] = cgraph.Delta{Quad: toQuad(q), Action: cgraph.Delete}
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{}); err != nil {
		return 0, fmt.Errorf("delete article %s: %w", id, err)
	}
	return len(old), nil
}

// graphQuads returns the quads of one named graph, in store order.
func (s *Store) graphQuads(ctx context.Context, g quad.Value) ([]schema.Quad, error) {
	var out []schema.Quad
	err := s.eachQuad(ctx, g, func(q quad.Quad) error {
		sq, err := fromQuad(q)
		if err != nil {
			return err
		}
		out = append(out, sq)
		return nil
	})
	return out, err
}

// eachQuad calls fn for every quad in graph g, or in the whole store when g
// is nil.
func (s *Store) eachQuad(ctx context.Context, g quad.Value, fn func(quad.Quad) error) error {
	var sc interface {
		Next(context.Context) bool
		Result() cgraph.Ref
		Err() error
		Close() error
	}
	if g == nil {
		sc = s.qs.QuadsAllIterator().Iterate()
	} else {
		ref, err := s.qs.ValueOf(g)
		if err != nil {
			return err
		}
		if ref == nil {
			return nil
		}
		sc = s.qs.QuadIterator(quad.Label, ref).Iterate()
	}
	defer sc.Close()
	for sc.Next(ctx) {
		q, err := s.qs.Quad(sc.Result())
		if err != nil {
			return err
		}
		if !q.IsValid() {
			continue
		}
		if err := fn(q); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return ctx.Err()
}
