package graph

import (
	"context"
	"errors"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
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
	res, errs := s.WriteArticles(ctx, []ArticleFacts{{Article: a, Facts: facts}})
	return res[0], errs[0]
}

// ArticleFacts is one article with its facts, as WriteArticles takes them.
type ArticleFacts struct {
	Article schema.Article
	Facts   []schema.Fact
}

// WriteArticles writes several articles as WriteArticle does, but in as
// few transactions as it can: the articles go in one batch unless an ID
// repeats, which starts a new batch. Per-transaction costs (page writes,
// fsync, node counts) are paid once per batch instead of once per article,
// which is what makes "newsgraph build" on a folder fast. Each article is
// still all or nothing: an article whose facts are invalid gets its error
// and the others are written; if a batch fails as a whole, its articles
// are retried one by one so that only the failing one is lost. The results
// and errors are in the order of arts.
func (s *Store) WriteArticles(ctx context.Context, arts []ArticleFacts) ([]WriteResult, []error) {
	res := make([]WriteResult, len(arts))
	errs := make([]error, len(arts))
	quads := make([][]schema.Quad, len(arts))
	for i, af := range arts {
		quads[i], errs[i] = articleQuads(s.minter, af.Article, af.Facts)
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	var batch []int
	flush := func() {
		if len(batch) == 0 {
			return
		}
		if err := s.applyArticles(ctx, arts, quads, batch, res); err != nil {
			for _, i := range batch {
				errs[i] = err
				if len(batch) > 1 {
					errs[i] = s.applyArticles(ctx, arts, quads, []int{i}, res)
				}
			}
		}
		batch = batch[:0]
	}
	seen := map[string]bool{}
	for i := range arts {
		if errs[i] != nil {
			continue
		}
		id := arts[i].Article.ID
		if seen[id] {
			flush()
			clear(seen)
		}
		seen[id] = true
		batch = append(batch, i)
	}
	flush()
	return res, errs
}

// applyArticles replaces the named graphs of the articles arts[i], i in
// idx, in one ApplyDeltas call and fills their res; on failure nothing is
// written and res is left alone. The caller holds s.wmu.
func (s *Store) applyArticles(ctx context.Context, arts []ArticleFacts, quads [][]schema.Quad, idx []int, res []WriteResult) (err error) {
	defer recoverCorrupt(&err)
	var deltas []cgraph.Delta
	results := make([]WriteResult, len(idx))
	for k, i := range idx {
		old, err := s.graphQuads(ctx, quad.IRI(s.minter.Article(arts[i].Article.ID)))
		if err != nil {
			return err
		}
		r := &results[k]
		r.Quads = len(quads[i])
		if len(old) == 0 {
			// a new article: every quad is an addition (articleQuads has
			// no duplicates), no need to hash them
			for _, q := range quads[i] {
				deltas = append(deltas, cgraph.Delta{Quad: toQuad(q), Action: cgraph.Add})
			}
			r.Added = len(quads[i])
			continue
		}
		want := make(map[schema.Quad]bool, len(quads[i]))
		for _, q := range quads[i] {
			want[q] = true
		}
		for _, q := range old {
			if !want[q] {
				deltas = append(deltas, cgraph.Delta{Quad: toQuad(q), Action: cgraph.Delete})
				r.Removed++
			}
			delete(want, q)
		}
		for _, q := range quads[i] {
			if want[q] {
				deltas = append(deltas, cgraph.Delta{Quad: toQuad(q), Action: cgraph.Add})
				r.Added++
			}
		}
	}
	if len(deltas) > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.applyDeltas(deltas); err != nil {
			if len(idx) == 1 {
				return fmt.Errorf("write article %s: %w", arts[idx[0]].Article.ID, err)
			}
			return fmt.Errorf("write %d articles: %w", len(idx), err)
		}
	}
	for k, i := range idx {
		res[i] = results[k]
	}
	return nil
}

// applyDeltas applies deltas in one transaction: through the bolt adder
// when they only add and the store has one, else through Cayley.
func (s *Store) applyDeltas(deltas []cgraph.Delta) error {
	if s.adder == nil {
		return s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{})
	}
	qs := make([]quad.Quad, len(deltas))
	for i, d := range deltas {
		if d.Action != cgraph.Add {
			return s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{})
		}
		qs[i] = d.Quad
	}
	_, err := s.adder.add(qs, false)
	return err
}

// editGraph makes the named graph g hold what edit returns for the quads
// it holds now, in one batch. The caller holds s.wmu.
func (s *Store) editGraph(ctx context.Context, g schema.Node, edit func(old []schema.Quad) []schema.Quad) error {
	old, err := s.graphQuads(ctx, toValue(g))
	if err != nil {
		return err
	}
	quads := edit(old)
	want := make(map[schema.Quad]bool, len(quads))
	for _, q := range quads {
		want[q] = true
	}
	var deltas []cgraph.Delta
	for _, q := range old {
		if !want[q] {
			deltas = append(deltas, cgraph.Delta{Quad: toQuad(q), Action: cgraph.Delete})
		}
		delete(want, q)
	}
	for _, q := range quads {
		if want[q] {
			deltas = append(deltas, cgraph.Delta{Quad: toQuad(q), Action: cgraph.Add})
			delete(want, q)
		}
	}
	if len(deltas) == 0 {
		return nil
	}
	return s.applyDeltas(deltas)
}

// DeleteArticle removes an article's named graph (its facts, statements,
// labels and metadata) in one batch and nothing else. It returns the number
// of quads removed, or an error wrapping ErrNotFound when the store has no
// such article.
func (s *Store) DeleteArticle(ctx context.Context, id string) (n int, err error) {
	defer recoverCorrupt(&err)
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
	// A build must not skip the article as unchanged the next time.
	if err := s.setFingerprints(ctx, map[string]string{id: ""}); err != nil {
		return len(old), fmt.Errorf("delete article %s: %w", id, err)
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
// is nil. It reads quads in batches: the node refs of a batch come from
// QuadDirection (free on kv stores) and their values from one batched
// lookup, with a bounded cache for the nodes that repeat (predicates,
// graph labels, classes), instead of one read transaction per quad.
func (s *Store) eachQuad(ctx context.Context, g quad.Value, fn func(quad.Quad) error) error {
	return s.eachNodes(ctx, g, false, func(ns [4]*node) error {
		var q quad.Quad
		for d, dir := range quad.Directions {
			if ns[d] != nil {
				q.Set(dir, ns[d].v)
			}
		}
		return fn(q)
	})
}

// eachNodes is eachQuad with the cached nodes of each quad (subject,
// predicate, object, label; nil for none); render also fills their
// N-Quads form.
func (s *Store) eachNodes(ctx context.Context, g quad.Value, render bool, fn func([4]*node) error) error {
	if g == nil && s.kv != nil {
		return s.scanKV(ctx, render, fn)
	}
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
	r := newQuadReader(s.qs, render)
	batch := readBatch
	refs := make([]cgraph.Ref, 0, batch)
	flush := func() error {
		qs, err := r.quads(ctx, refs)
		if err != nil {
			return err
		}
		refs = refs[:0]
		for _, q := range qs {
			if q[0] == nil || q[1] == nil || q[2] == nil {
				continue // not a valid quad
			}
			if err := fn(q); err != nil {
				return err
			}
		}
		return nil
	}
	for sc.Next(ctx) {
		refs = append(refs, sc.Result())
		if len(refs) == batch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return flush()
}

// node is a value read from the store, with its N-Quads form when the
// reader renders.
type node struct {
	v    quad.Value
	kind schema.NodeKind
	nq   string // N-Quads term, repaired and checked
	err  error  // why it cannot be written as N-Quads
}

// quadReader turns quad refs into nodes in batches.
type quadReader struct {
	qs     cgraph.QuadStore
	batch  refs.BatchNamer // nil when the store has no batch lookup
	render bool
	cache  map[any]*node
}

func newQuadReader(qs cgraph.QuadStore, render bool) *quadReader {
	r := &quadReader{qs: qs, render: render, cache: make(map[any]*node)}
	r.batch, _ = qs.(refs.BatchNamer)
	return r
}

// readBatch is the number of quads eachNodes reads at once (a variable
// for tests).
var readBatch = 4096

// nodeCacheSize bounds the node cache of a quadReader (a variable for tests).
var nodeCacheSize = 1 << 17

func (r *quadReader) newNode(v quad.Value) *node {
	n := &node{v: v}
	sn, err := fromValue(v)
	n.kind = sn.Kind
	if err != nil {
		n.err = err
		return n
	}
	if r.render {
		sn = repair(sn)
		if err := sn.Check(); err != nil {
			n.err = err
		} else {
			n.nq = sn.String()
		}
	}
	return n
}

func (r *quadReader) quads(ctx context.Context, qrefs []cgraph.Ref) ([][4]*node, error) {
	out := make([][4]*node, len(qrefs))
	keys := make([][4]any, len(qrefs))
	var missing []cgraph.Ref
	seen := map[any]bool{}
	for i, qr := range qrefs {
		for d, dir := range quad.Directions {
			nr, err := r.qs.QuadDirection(qr, dir)
			if err != nil {
				return nil, err
			}
			if nr == nil {
				continue
			}
			k := nr.Key()
			if k == nil {
				// A store whose refs have no key: one lookup per quad.
				q, err := r.qs.Quad(qr)
				if err != nil {
					return nil, err
				}
				for d2, dir2 := range quad.Directions {
					if v := q.Get(dir2); v != nil {
						out[i][d2] = r.newNode(v)
					}
				}
				keys[i] = [4]any{}
				break
			}
			keys[i][d] = k
			if _, ok := r.cache[k]; !ok && !seen[k] {
				seen[k] = true
				missing = append(missing, nr)
			}
		}
	}
	if len(missing) > 0 {
		if len(r.cache)+len(missing) > nodeCacheSize {
			// Start over, keeping the nodes this batch needs.
			keep := make(map[any]*node)
			for i := range keys {
				for _, k := range keys[i] {
					if n, ok := r.cache[k]; ok && k != nil {
						keep[k] = n
					}
				}
			}
			r.cache = keep
		}
		var vals []quad.Value
		var err error
		if r.batch != nil {
			vals, err = r.batch.ValuesOf(ctx, missing)
		} else {
			vals = make([]quad.Value, len(missing))
			for i, m := range missing {
				if vals[i], err = r.qs.NameOf(m); err != nil {
					break
				}
			}
		}
		if err != nil {
			return nil, err
		}
		for i, m := range missing {
			if vals[i] == nil {
				continue
			}
			r.cache[m.Key()] = r.newNode(vals[i])
		}
	}
	for i := range qrefs {
		for d := range keys[i] {
			if k := keys[i][d]; k != nil {
				out[i][d] = r.cache[k]
			}
		}
	}
	return out, nil
}
