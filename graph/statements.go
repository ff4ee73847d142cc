package graph

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Statement is one ng:Statement of an article as the store holds it, with
// the labels of its subject and object, for evaluation and reports.
type Statement struct {
	IRI       string
	Subject   []string // labels, aliases and canonical names of the subject (or a literal's value)
	Predicate string   // vocabulary predicate ("opposes"), "" for an open relation
	Relation  string   // surface words
	Object    []string
	Negated   bool
	Hedged    bool
	Modality  string
	Speaker   string // label of ng:attributedTo, "" when the article asserts it
	Evidence  string
	Sentence  int
	Start     int
	End       int
}

// Statements returns the statements of one article, ordered by position
// in the text.
func (s *Store) Statements(ctx context.Context, docID string) ([]Statement, error) {
	g := quad.IRI(s.minter.Article(docID))
	quads, err := s.graphQuads(ctx, g)
	if err != nil {
		return nil, err
	}
	by := map[string][]schema.Quad{}
	for _, q := range quads {
		by[q.S.Value] = append(by[q.S.Value], q)
	}
	labels := func(n schema.Node) []string {
		if n.Kind == schema.KindLiteral {
			return []string{n.Value}
		}
		var out []string
		for _, q := range by[n.Value] {
			switch q.P.Value {
			case schema.RDFS + "label", schema.SKOS + "altLabel", schema.PredicateIRI(schema.PropCanonical):
				out = append(out, q.O.Value)
			}
		}
		return out
	}
	var out []Statement
	for subj, qs := range by {
		if !isStatement(qs) {
			continue
		}
		st := Statement{IRI: subj}
		for _, q := range qs {
			switch q.P.Value {
			case schema.RDF + "subject":
				st.Subject = labels(q.O)
			case schema.RDF + "object":
				st.Object = labels(q.O)
			case schema.RDF + "predicate":
				if local, ok := strings.CutPrefix(q.O.Value, schema.NS); ok && local != string(schema.PropOpenRelation) {
					st.Predicate = local
				}
			case schema.PredicateIRI(schema.PropRelation):
				st.Relation = q.O.Value
			case schema.PredicateIRI(schema.PropNegated):
				st.Negated = q.O.Value == "true"
			case schema.PredicateIRI(schema.PropHedged):
				st.Hedged = q.O.Value == "true"
			case schema.PredicateIRI(schema.PropModality):
				st.Modality = q.O.Value
			case schema.PredicateIRI(schema.PropAttributedTo):
				if l := labels(q.O); len(l) > 0 {
					st.Speaker = l[0]
				}
			case schema.PredicateIRI(schema.PropEvidence):
				st.Evidence = q.O.Value
			case schema.PredicateIRI(schema.PropSentence):
				st.Sentence, _ = strconv.Atoi(q.O.Value)
			case schema.PredicateIRI(schema.PropStart):
				st.Start, _ = strconv.Atoi(q.O.Value)
			case schema.PredicateIRI(schema.PropEnd):
				st.End, _ = strconv.Atoi(q.O.Value)
			}
		}
		out = append(out, st)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		return a.IRI < b.IRI
	})
	return out, nil
}

// Labels returns every rdfs:label and skos:altLabel an article's graph
// gives the nodes it mentions (not the article node, whose headline may
// come from outside the text): the strings that must quote the article.
func (s *Store) Labels(ctx context.Context, docID string) ([]string, error) {
	art := s.minter.Article(docID)
	quads, err := s.graphQuads(ctx, quad.IRI(art))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, q := range quads {
		if q.S.Value == art {
			continue
		}
		if q.P.Value == schema.RDFS+"label" || q.P.Value == schema.SKOS+"altLabel" {
			out = append(out, q.O.Value)
		}
	}
	return out, nil
}

// isStatement reports whether the quads about one subject type it as an
// ng:Statement.
func isStatement(qs []schema.Quad) bool {
	stmtClass := schema.ClassIRI(schema.ClassStatement)
	for _, q := range qs {
		if q.P.Value == schema.RDF+"type" && q.O.Value == stmtClass {
			return true
		}
	}
	return false
}
