package graph

import (
	"context"
	"sort"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Count is one named count.
type Count struct {
	Name string
	N    int
}

// Stats counts what the store holds.
type Stats struct {
	Quads      int
	Articles   int
	Statements int
	Asserted   int     // direct triples (asserted facts with a vocabulary predicate)
	Entities   []Count // distinct entity nodes by ng: class, most first
	Predicates []Count // statements by predicate (ng:openRelation for open relations), most first
}

// Stats scans the store once and counts quads, articles, entities by class
// and statements by predicate.
func (s *Store) Stats(ctx context.Context) (st Stats, err error) {
	defer recoverCorrupt(&err)
	return s.stats(ctx)
}

func (s *Store) stats(ctx context.Context) (Stats, error) {
	var st Stats
	typ := schema.RDF + "type"
	pred := schema.RDF + "predicate"
	classOf := map[string]map[string]bool{} // class -> nodes
	articles := map[string]bool{}
	stmts := map[string]bool{}
	byPred := map[string]int{}
	stmtPred := map[string]string{} // subject of rdf:predicate -> predicate
	stmtPrefix, propPrefix := s.minter.Base+"stmt/", s.minter.Base+"prop/"
	err := s.eachQuad(ctx, nil, func(q quad.Quad) error {
		st.Quads++
		p, _ := q.Predicate.(quad.IRI)
		subj := rawString(q.Subject)
		switch string(p) {
		case typ:
			o, _ := q.Object.(quad.IRI)
			switch string(o) {
			case schema.ClassIRI(schema.ClassArticle):
				articles[subj] = true
			case schema.ClassIRI(schema.ClassStatement):
				stmts[subj] = true
			case schema.ClassIRI(schema.ClassProposition):
			default:
				if c, ok := stringsCut(string(o), schema.NS); ok {
					if classOf[c] == nil {
						classOf[c] = map[string]bool{}
					}
					classOf[c][subj] = true
				}
			}
		case pred:
			o, _ := q.Object.(quad.IRI)
			if local, ok := stringsCut(string(o), schema.NS); ok {
				stmtPred[subj] = local
			}
		default:
			if local, ok := stringsCut(string(p), schema.NS); ok && schema.KnownPredicate(schema.Predicate(local)) {
				if _, ok := stringsCut(subj, stmtPrefix); !ok {
					if _, ok := stringsCut(subj, propPrefix); !ok {
						st.Asserted++
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		return st, err
	}
	st.Articles = len(articles)
	// rdf:predicate also describes propositions; count statements only.
	st.Statements = len(stmts)
	for subj, p := range stmtPred {
		if stmts[subj] {
			byPred[p]++
		}
	}
	for c, nodes := range classOf {
		st.Entities = append(st.Entities, Count{c, len(nodes)})
	}
	for p, n := range byPred {
		st.Predicates = append(st.Predicates, Count{p, n})
	}
	sortCounts(st.Entities)
	sortCounts(st.Predicates)
	return st, nil
}

func stringsCut(s, prefix string) (string, bool) {
	if len(s) > len(prefix) && s[:len(prefix)] == prefix {
		return s[len(prefix):], true
	}
	return "", false
}

func sortCounts(cs []Count) {
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].N != cs[j].N {
			return cs[i].N > cs[j].N
		}
		return cs[i].Name < cs[j].Name
	})
}

// rawString returns an IRI or blank node label without its brackets.
func rawString(v quad.Value) string {
	switch v := v.(type) {
	case quad.IRI:
		return string(v)
	case quad.BNode:
		return "_:" + string(v)
	}
	return quad.StringOf(v)
}
