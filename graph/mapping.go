package graph

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// mapper turns one article and its facts into quads, in a fixed order,
// without duplicates.
type mapper struct {
	m     schema.Minter
	g     schema.Node
	quads []schema.Quad
	seen  map[schema.Quad]bool
}

func iri(s string) schema.Node { return schema.IRI(s) }
func ng(p schema.Predicate) schema.Node {
	return schema.IRI(schema.PredicateIRI(p))
}

var (
	rdfType      = iri(schema.RDF + "type")
	rdfSubject   = iri(schema.RDF + "subject")
	rdfPredicate = iri(schema.RDF + "predicate")
	rdfObject    = iri(schema.RDF + "object")
	rdfsLabel    = iri(schema.RDFS + "label")
	skosAlt      = iri(schema.SKOS + "altLabel")
)

func (mp *mapper) add(s, p, o schema.Node) {
	q := schema.Quad{S: s, P: p, O: o, G: mp.g}
	if mp.seen[q] {
		return
	}
	mp.seen[q] = true
	mp.quads = append(mp.quads, q)
}

// articleQuads maps an article and its facts to quads in the article's
// named graph. See doc.go for the mapping.
func articleQuads(m schema.Minter, a schema.Article, facts []schema.Fact) ([]schema.Quad, error) {
	if a.ID == "" {
		return nil, fmt.Errorf("article has no id")
	}
	if a.Date != "" && !dateRE.MatchString(a.Date) {
		return nil, fmt.Errorf("article %s: date %q is not YYYY-MM-DD", a.ID, a.Date)
	}
	art := iri(m.Article(a.ID))
	mp := &mapper{m: m, g: art, seen: map[schema.Quad]bool{}}
	mp.add(art, rdfType, iri(schema.ClassIRI(schema.ClassArticle)))
	mp.add(art, rdfType, iri(schema.SDO+"NewsArticle"))
	mp.add(art, iri(schema.DCT+"identifier"), schema.Str(a.ID))
	if a.Title != "" {
		mp.add(art, iri(schema.SDO+"headline"), schema.Str(a.Title))
		mp.add(art, rdfsLabel, schema.Str(a.Title))
	}
	if a.Date != "" {
		mp.add(art, iri(schema.SDO+"datePublished"), schema.Typed(a.Date, schema.XSD+"date"))
	}
	if a.URL != "" {
		if err := schema.CheckIRI(schema.FixIRI(a.URL)); err != nil {
			return nil, fmt.Errorf("article %s: url: %w", a.ID, err)
		}
		mp.add(art, iri(schema.SDO+"url"), iri(schema.FixIRI(a.URL)))
	}
	for i := range facts {
		f := &facts[i]
		if err := f.Validate(a.Text); err != nil {
			return nil, fmt.Errorf("article %s: fact %d: %w", a.ID, i, err)
		}
		if f.Evidence.Doc != a.ID {
			return nil, fmt.Errorf("article %s: fact %d: evidence names document %q", a.ID, i, f.Evidence.Doc)
		}
		if f.Evidence.Date != "" && !dateRE.MatchString(f.Evidence.Date) {
			return nil, fmt.Errorf("article %s: fact %d: date %q is not YYYY-MM-DD", a.ID, i, f.Evidence.Date)
		}
		mp.fact(art, f)
	}
	for _, q := range mp.quads {
		if err := q.Check(); err != nil {
			return nil, fmt.Errorf("article %s: %w", a.ID, err)
		}
	}
	return mp.quads, nil
}

func predicateNode(f *schema.Fact) schema.Node {
	if f.Predicate == "" {
		return ng(schema.PropOpenRelation)
	}
	return ng(f.Predicate)
}

func (mp *mapper) fact(art schema.Node, f *schema.Fact) {
	st := iri(mp.m.Statement(f))
	s := mp.term(f.Subject)
	o := mp.term(f.Object)
	if f.Asserted() && f.Predicate != "" {
		mp.add(s, ng(f.Predicate), o)
	}
	ev := &f.Evidence
	mp.add(st, rdfType, iri(schema.ClassIRI(schema.ClassStatement)))
	mp.add(st, rdfSubject, s)
	mp.add(st, rdfPredicate, predicateNode(f))
	mp.add(st, rdfObject, o)
	if f.Relation != "" {
		mp.add(st, ng(schema.PropRelation), schema.Str(f.Relation))
	}
	for _, a := range f.Args {
		mp.add(st, ng(a.Role), mp.term(a.Value))
	}
	mp.add(st, ng(schema.PropEvidence), schema.Str(ev.Text))
	mp.add(st, ng(schema.PropStart), schema.Int(ev.Start))
	mp.add(st, ng(schema.PropEnd), schema.Int(ev.End))
	mp.add(st, ng(schema.PropSentence), schema.Int(ev.Sentence))
	mp.add(st, ng(schema.PropNegated), schema.Bool(ev.Negated))
	if ev.Modality != schema.Realis {
		mp.add(st, ng(schema.PropModality), schema.Str(string(ev.Modality)))
	}
	mp.add(st, ng(schema.PropHedged), schema.Bool(ev.Hedged))
	mp.add(st, ng(schema.PropAsserted), schema.Bool(f.Asserted()))
	if ev.AttributedTo != nil {
		mp.add(st, ng(schema.PropAttributedTo), mp.entity(ev.AttributedTo))
	}
	mp.add(st, ng(schema.PropConfidence), schema.Decimal(ev.Conf))
	if ev.Extractor != "" {
		mp.add(st, ng(schema.PropExtractor), schema.Str(ev.Extractor))
		mp.add(st, iri(schema.PROV+"wasGeneratedBy"), iri(mp.m.Base+"extractor/"+schema.EscapeKey(ev.Extractor)))
	}
	if ev.Model != "" {
		mp.add(st, ng(schema.PropModel), schema.Str(ev.Model))
	}
	if ev.Date != "" {
		mp.add(st, ng(schema.PropDate), schema.Typed(ev.Date, schema.XSD+"date"))
	}
	mp.add(st, iri(schema.PROV+"wasDerivedFrom"), art)
}

// term returns the node of a term, adding the quads that describe it.
func (mp *mapper) term(t schema.Term) schema.Node {
	switch {
	case t.Entity != nil:
		return mp.entity(t.Entity)
	case t.Literal != nil:
		l := t.Literal
		switch {
		case l.Lang != "":
			return schema.Lang(l.Value, l.Lang)
		case l.Datatype != "" && l.Datatype != "string":
			return schema.Typed(l.Value, schema.XSD+l.Datatype)
		}
		return schema.Str(l.Value)
	default:
		return mp.prop(t.Prop)
	}
}

func (mp *mapper) entity(e *schema.Entity) schema.Node {
	n := iri(mp.m.Entity(e))
	mp.add(n, rdfType, iri(schema.ClassIRI(e.Class)))
	if sdo, ok := schema.SchemaOrgClass[e.Class]; ok {
		mp.add(n, rdfType, iri(sdo))
	}
	mp.add(n, rdfsLabel, schema.Str(e.Name))
	for _, a := range e.Aliases {
		if a != "" && a != e.Name {
			mp.add(n, skosAlt, schema.Str(a))
		}
	}
	if e.ISO3166 != "" {
		mp.add(n, ng(schema.PropISO3166), schema.Str(e.ISO3166))
	}
	if e.Canonical != "" {
		mp.add(n, ng(schema.PropCanonical), schema.Str(e.Canonical))
	}
	return n
}

func (mp *mapper) prop(f *schema.Fact) schema.Node {
	n := iri(mp.m.Prop(f))
	mp.add(n, rdfType, iri(schema.ClassIRI(schema.ClassProposition)))
	if t := strings.TrimSpace(f.Evidence.Text); t != "" {
		mp.add(n, rdfsLabel, schema.Str(t)) // the clause as the article words it
	}
	mp.add(n, rdfSubject, mp.term(f.Subject))
	mp.add(n, rdfPredicate, predicateNode(f))
	mp.add(n, rdfObject, mp.term(f.Object))
	if f.Relation != "" {
		mp.add(n, ng(schema.PropRelation), schema.Str(f.Relation))
	}
	for _, a := range f.Args {
		mp.add(n, ng(a.Role), mp.term(a.Value))
	}
	return n
}
