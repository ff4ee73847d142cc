package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// SameAs is owl:sameAs, which LinkPersons writes.
const SameAs = schema.OWL + "sameAs"

// PersonLink says that the person node From, named by a surname alone in
// the articles that mention it, is the person node To, the only person in
// the store with a full name ending in that surname.
type PersonLink struct {
	From, To string // IRIs
	Surname  string
	ToName   string // the full name that decided it
}

// LinksGraph is the named graph that holds the links LinkPersons writes.
func (s *Store) LinksGraph() string { return s.minter.Graph("person-links") }

// LinkPersons joins person nodes across articles. An article that names a
// person by surname alone ("Mr Dubois said") gets a node of its own, since
// nothing in that article gives the full name; when exactly one person
// node in the whole store has a full name (two words or more) whose last
// word is that surname, the two are the same person and LinkPersons
// records it as From owl:sameAs To. A surname that ends two full names
// ("Dubois" with Anna Dubois and Paul Dubois) links nothing, nor does a
// full name with a lower-case word other than a name particle ("praised
// Dubois", a misread name), nor a word for which notSurname returns true
// (build passes the given names: "Paul" alone is a first name, not Paul
// Dubois's surname).
//
// The links are derived from the store as it is: LinkPersons replaces the
// whole links graph (LinksGraph) each time, so after adding or deleting
// articles it gives the same links as on a fresh build of the same
// articles. The named queries follow the links.
func (s *Store) LinkPersons(ctx context.Context, notSurname func(string) bool) ([]PersonLink, error) {
	names, err := s.personLabels(ctx)
	if err != nil {
		return nil, fmt.Errorf("link persons: %w", err)
	}
	// Full names by their last word; nodes known by one word only.
	bySurname := map[string][]string{}
	full := map[string]string{}
	var single []string
	for p, ls := range names {
		multi := false
		for l := range ls {
			ws := strings.Fields(l)
			if len(ws) < 2 || !nameWords(ws) {
				continue
			}
			multi = true
			last := ws[len(ws)-1]
			if !slices.Contains(bySurname[last], p) {
				bySurname[last] = append(bySurname[last], p)
				full[p+" "+last] = l
			}
		}
		if !multi {
			single = append(single, p)
		}
	}
	slices.Sort(single)
	var links []PersonLink
	for _, p := range single {
		var target, surname string
		for l := range names[p] {
			if c := bySurname[l]; len(c) == 1 && isSurname(l) && (notSurname == nil || !notSurname(l)) {
				if target != "" && target != c[0] {
					target = "" // its labels point at different people
					break
				}
				target, surname = c[0], l
			}
		}
		if target != "" {
			links = append(links, PersonLink{From: p, To: target, Surname: surname, ToName: full[target+" "+surname]})
		}
	}
	g := schema.IRI(s.LinksGraph())
	var quads []schema.Quad
	for _, l := range links {
		quads = append(quads, schema.Quad{S: schema.IRI(l.From), P: schema.IRI(SameAs), O: schema.IRI(l.To), G: g})
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if err := s.editGraph(ctx, g, func([]schema.Quad) []schema.Quad { return quads }); err != nil {
		return nil, fmt.Errorf("link persons: %w", err)
	}
	return links, nil
}

// isSurname reports whether a one-word label can be a surname: capitalised
// and with a lower-case letter ("Dubois", not "UN" or "dubois").
func isSurname(w string) bool {
	if w == "" || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	return strings.ToUpper(w) != w
}

// nameWords reports whether every word of a full name is capitalised or a
// name particle.
func nameWords(ws []string) bool {
	for _, w := range ws {
		if !schema.IsNameParticle(w) && (w[0] < 'A' || w[0] > 'Z') {
			return false
		}
	}
	return true
}

// personLabels returns the labels (rdfs:label, skos:altLabel) of every
// person node, by IRI. It walks Cayley's indexes in this goroutine (not
// through a Gizmo query, which runs in Cayley's own), so that a damaged
// store gives an error here instead of ending the process.
func (s *Store) personLabels(ctx context.Context) (names map[string]map[string]bool, err error) {
	defer recoverCorrupt(&err)
	names = map[string]map[string]bool{}
	person, err := s.qs.ValueOf(quad.IRI(schema.ClassIRI(schema.ClassPerson)))
	if err != nil || person == nil {
		return names, err
	}
	var keys [3]any
	for i, p := range []string{schema.RDF + "type", schema.RDFS + "label", schema.SKOS + "altLabel"} {
		r, err := s.qs.ValueOf(quad.IRI(p))
		if err != nil {
			return nil, err
		}
		keys[i] = refs.ToKey(r)
	}
	each := func(dir quad.Direction, v refs.Ref, fn func(q refs.Ref) error) error {
		it := s.qs.QuadIterator(dir, v).Iterate()
		defer it.Close()
		for it.Next(ctx) {
			if err := fn(it.Result()); err != nil {
				return err
			}
		}
		return it.Err()
	}
	var people []refs.Ref
	seen := map[any]bool{}
	err = each(quad.Object, person, func(q refs.Ref) error {
		p, err := s.qs.QuadDirection(q, quad.Predicate)
		if err != nil || refs.ToKey(p) != keys[0] {
			return err
		}
		sub, err := s.qs.QuadDirection(q, quad.Subject)
		if err == nil && !seen[refs.ToKey(sub)] {
			seen[refs.ToKey(sub)] = true
			people = append(people, sub)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, p := range people {
		pv, err := s.qs.NameOf(p)
		if err != nil {
			return nil, err
		}
		iri, ok := pv.(quad.IRI)
		if !ok {
			continue
		}
		err = each(quad.Subject, p, func(q refs.Ref) error {
			pr, err := s.qs.QuadDirection(q, quad.Predicate)
			if err != nil || refs.ToKey(pr) != keys[1] && refs.ToKey(pr) != keys[2] {
				return err
			}
			o, err := s.qs.QuadDirection(q, quad.Object)
			if err != nil {
				return err
			}
			ov, err := s.qs.NameOf(o)
			if err != nil {
				return err
			}
			if l, ok := ov.(quad.String); ok && l != "" {
				k := fullIRI(iri)
				if names[k] == nil {
					names[k] = map[string]bool{}
				}
				names[k][string(l)] = true
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return names, nil
}
