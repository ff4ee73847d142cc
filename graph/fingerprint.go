package graph

import (
	"context"
	"fmt"

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
	set := make(map[string]string, len(fps)) // article IRI -> fingerprint
	for id, fp := range fps {
		set[s.minter.Article(id)] = fp
	}
	err := s.editGraph(ctx, g, func(old []schema.Quad) []schema.Quad {
		var keep []schema.Quad
		for _, q := range old {
			if _, changed := set[q.S.Value]; !changed {
				keep = append(keep, q)
			}
		}
		for art, fp := range set {
			if fp != "" {
				keep = append(keep, schema.Quad{S: schema.IRI(art), P: fingerprintPred, O: schema.Str(fp), G: g})
			}
		}
		return keep
	})
	if err != nil {
		return fmt.Errorf("record build fingerprints: %w", err)
	}
	return nil
}
