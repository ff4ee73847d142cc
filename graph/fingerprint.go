package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"

	"github.com/newsgraph/newsgraph/schema"
)

// FingerprintsGraph is the named graph in which "newsgraph build" records,
// for each article it wrote, a fingerprint of everything the article's
// facts depend on (its text and metadata, the program and its models), so
// that a later build can skip the articles that have not changed.
func (s *Store) FingerprintsGraph() string { return s.minter.Graph("build-fingerprints") }

var fingerprintPred = schema.IRI(schema.PredicateIRI(schema.PropFingerprint))

// Fingerprints returns the recorded fingerprint of every article, by the
// article's IRI (Minter().Article(id)).
func (s *Store) Fingerprints(ctx context.Context) (fps map[string]string, err error) {
	defer recoverCorrupt(&err)
	qs, err := s.graphQuads(ctx, toValue(schema.IRI(s.FingerprintsGraph())))
	if err != nil {
		return nil, err
	}
	fps = make(map[string]string, len(qs))
	for _, q := range qs {
		if q.P == fingerprintPred {
			fps[q.S.Value] = q.O.Value
		}
	}
	return fps, nil
}

// SetFingerprints records the fingerprints of articles (by id), replacing
// what was recorded for them, in one batch. An empty fingerprint removes
// the record (DeleteArticle does that too).
func (s *Store) SetFingerprints(ctx context.Context, fps map[string]string) (err error) {
	defer recoverCorrupt(&err)
	s.wmu.Lock()
	defer s.wmu.Unlock()
	return s.setFingerprints(ctx, fps)
}

// setFingerprints is SetFingerprints for a caller that holds s.wmu.
func (s *Store) setFingerprints(ctx context.Context, fps map[string]string) error {
	if len(fps) == 0 {
		return nil
	}
	g := schema.IRI(s.FingerprintsGraph())
	old, err := s.graphQuads(ctx, toValue(g))
	if err != nil {
		return err
	}
	bySubject := make(map[string][]schema.Quad, len(old))
	for _, q := range old {
		bySubject[q.S.Value] = append(bySubject[q.S.Value], q)
	}
	var deltas []cgraph.Delta
	for id, fp := range fps {
		art := schema.IRI(s.minter.Article(id))
		want := schema.Quad{S: art, P: fingerprintPred, O: schema.Str(fp), G: g}
		kept := false
		for _, q := range bySubject[art.Value] {
			if q == want {
				kept = true
				continue
			}
			deltas = append(deltas, cgraph.Delta{Quad: toQuad(q), Action: cgraph.Delete})
		}
		if fp != "" && !kept {
			deltas = append(deltas, cgraph.Delta{Quad: toQuad(want), Action: cgraph.Add})
		}
	}
	if len(deltas) == 0 {
		return nil
	}
	if err := s.applyDeltas(deltas); err != nil {
		return fmt.Errorf("record build fingerprints: %w", err)
	}
	return nil
}
