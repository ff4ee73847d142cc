package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// NamedQuery is a Gizmo query from the library, with its documentation.
type NamedQuery struct {
	Name string
	Args string // usage of its arguments, "" for none; [X] is optional
	Doc  string
	// Tags lists the result columns, in a sensible order.
	Tags []string
	text func(arg string) string
}

// Gizmo returns the query's Gizmo text for an argument ("" for none).
func (q NamedQuery) Gizmo(arg string) string { return q.text(arg) }

// js quotes s as a JavaScript string literal (JSON strings are JS strings;
// encoding/json escapes U+2028 and U+2029).
func js(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// jsIRI quotes an IRI the way Gizmo reads one: "<iri>".
func jsIRI(s string) string { return js("<" + s + ">") }

func jsList(iris ...string) string {
	q := make([]string, len(iris))
	for i, s := range iris {
		q[i] = jsIRI(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func preds(ps ...schema.Predicate) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = schema.PredicateIRI(p)
	}
	return jsList(s...)
}

var (
	jsType      = jsIRI(schema.RDF + "type")
	jsSubject   = jsIRI(schema.RDF + "subject")
	jsPredicate = jsIRI(schema.RDF + "predicate")
	jsObject    = jsIRI(schema.RDF + "object")
	jsLabel     = jsIRI(schema.RDFS + "label")
	jsStatement = jsIRI(schema.ClassIRI(schema.ClassStatement))
)

// jsEntities is a Gizmo prelude that defines `who`: the entity nodes an
// argument names, by IRI, rdfs:label or skos:altLabel, with the nodes
// linked to them by owl:sameAs (LinkPersons), each once. A
// label is written in every article graph that names the entity; with
// each node repeated as often, "entity Blair" on the BBC folder took 38 s
// instead of 0.5 s.
func jsEntities(arg string) string {
	return fmt.Sprintf(`var arg = %s; var who = arg.indexOf("://") > 0 ? ["<" + arg + ">"] : g.V(arg).In([%s, %s]).Unique().ToArray();`+"\n"+
		`if (who.length > 0) { who = g.V(who).Union(g.V(who).Out(%[4]s)).Union(g.V(who).In(%[4]s)).Unique().ToArray(); }`+"\n",
		js(arg), jsLabel, jsIRI(schema.SKOS+"altLabel"), jsIRI(SameAs))
}

// provenance saves the columns every statement query shows.
var provenance = fmt.Sprintf(`.Save(%s, "negated").SaveOpt(%s, "modality").Save(%s, "hedged").SaveOpt(%s, "attributedTo").Save(%s, "evidence").Save(%s, "article")`,
	jsIRI(schema.PredicateIRI(schema.PropNegated)), jsIRI(schema.PredicateIRI(schema.PropModality)),
	jsIRI(schema.PredicateIRI(schema.PropHedged)), jsIRI(schema.PredicateIRI(schema.PropAttributedTo)),
	jsIRI(schema.PredicateIRI(schema.PropEvidence)), jsIRI(schema.PROV+"wasDerivedFrom"))

// statementsBy builds a query over statements whose predicate is one of
// ps: subject tagged subjTag, object tagged objTag, with labels and
// provenance. filter names the tag an argument restricts ("" for none).
func statementsBy(ps string, subjTag, objTag, predTag, filter, objExtra string) func(string) string {
	return func(arg string) string {
		var b strings.Builder
		subjFilter, objFilter := "", ""
		if arg != "" {
			b.WriteString(jsEntities(arg))
			b.WriteString("if (who.length > 0) {\n")
			if filter == subjTag {
				subjFilter = ".Is(who)"
			} else {
				objFilter = ".Is(who)"
			}
		}
		fmt.Fprintf(&b, `g.V(%s).In(%s).Tag("statement")`+
			`.Out(%s).Is(%s).Tag(%q).Back("statement")`+
			`.Out(%s)%s.Tag(%q).Save(%s, %q).Back("statement")`+
			`.Out(%s)%s%s.Tag(%q).SaveOpt(%s, %q).Back("statement")`+
			`%s.All()`,
			jsStatement, jsType,
			jsPredicate, ps, predTag,
			jsSubject, subjFilter, subjTag, jsLabel, subjTag+"Label",
			jsObject, objFilter, objExtra, objTag, jsLabel, objTag+"Label",
			provenance)
		if arg != "" {
			b.WriteString("\n}")
		}
		return b.String()
	}
}

var proposalClasses = func() string {
	var cs []string
	for _, c := range []schema.Class{schema.ClassProposal, schema.ClassCeasefire, schema.ClassPeaceAgreement,
		schema.ClassSecurityGuarantee, schema.ClassOffer, schema.ClassDemand} {
		cs = append(cs, jsIRI(schema.ClassIRI(c)))
	}
	return strings.Join(cs, ", ")
}()

var namedQueries = []NamedQuery{
	{
		Name: "stances", Args: "[ACTOR]",
		Doc: "Actors and their stances: every statement that an actor supports, opposes, proposes, rejects, agrees to, " +
			"demands or offers something, with the article's evidence and whether the text negates, hedges or attributes it. " +
			"ACTOR (a label, alias or IRI) restricts it to one actor.",
		Tags: []string{"actorLabel", "stance", "targetLabel", "target", "negated", "modality", "hedged", "attributedTo", "evidence", "article"},
		text: statementsBy(preds(schema.Supports, schema.Opposes, schema.Proposes, schema.Rejects, schema.AgreesTo, schema.Demands, schema.Offers),
			"actor", "target", "stance", "actor", ""),
	},
	{
		Name: "territories", Args: "[TERRITORY]",
		Doc: "Territories and who controls, claims, occupies, annexed, invaded or withdraws from them, with evidence. " +
			"TERRITORY restricts it to one territory.",
		Tags: []string{"territoryLabel", "relation", "actorLabel", "negated", "modality", "hedged", "attributedTo", "evidence", "article"},
		text: statementsBy(preds(schema.Controls, schema.Claims, schema.Occupies, schema.Annexed, schema.Invaded, schema.WithdrawsFrom),
			"actor", "territory", "relation", "territory", ""),
	},
	{
		Name: "proposals", Args: "[PROPOSAL]",
		Doc: "Proposals (ceasefires, peace agreements, security guarantees, offers, demands) and who proposes, supports, " +
			"agrees to, rejects, opposes, demands or offers them, with evidence. PROPOSAL restricts it to one proposal.",
		Tags: []string{"proposalLabel", "stance", "actorLabel", "negated", "modality", "hedged", "attributedTo", "evidence", "article"},
		text: statementsBy(preds(schema.Proposes, schema.Supports, schema.AgreesTo, schema.Rejects, schema.Opposes, schema.Demands, schema.Offers),
			"actor", "proposal", "stance", "proposal", fmt.Sprintf(".Has(%s, %s)", jsType, proposalClasses)),
	},
	{
		Name: "entity", Args: "ENTITY",
		Doc: "Everything said about one entity (a label, alias or IRI): every statement with it as subject or object, or " +
			"attributed to it, with predicate, surface relation, evidence, polarity, modality and article.",
		Tags: []string{"entity", "subject", "predicate", "relation", "object", "negated", "modality", "hedged", "attributedTo", "evidence", "article"},
		text: func(arg string) string {
			var b strings.Builder
			b.WriteString(jsEntities(arg))
			b.WriteString("if (who.length > 0) {\n")
			for _, role := range []struct{ pred string }{
				{schema.RDF + "subject"}, {schema.RDF + "object"}, {schema.PredicateIRI(schema.PropAttributedTo)},
			} {
				fmt.Fprintf(&b, `g.V(who).Tag("entity").In(%s).Has(%s, %s).Tag("statement")`+
					`.Save(%s, "subject").Save(%s, "predicate").SaveOpt(%s, "relation").Save(%s, "object")%s.All();`+"\n",
					jsIRI(role.pred), jsType, jsStatement,
					jsSubject, jsPredicate, jsIRI(schema.PredicateIRI(schema.PropRelation)), jsObject, provenance)
			}
			b.WriteString("}")
			return b.String()
		},
	},
}

// NamedQueries returns the library of named queries.
func NamedQueries() []NamedQuery { return append([]NamedQuery(nil), namedQueries...) }

// Named returns the named query called name.
func Named(name string) (NamedQuery, bool) {
	for _, q := range namedQueries {
		if q.Name == name {
			return q, true
		}
	}
	return NamedQuery{}, false
}

// RunNamed runs a named query with an argument ("" for none) and calls fn
// for each distinct result row. The same fact stated in two articles gives
// two rows (their evidence and article differ); a row repeated only
// because a label is written in several article graphs is given once.
func (s *Store) RunNamed(ctx context.Context, name, arg string, limit int, fn func(Result) error) error {
	q, ok := Named(name)
	if !ok {
		return fmt.Errorf("no named query %q", name)
	}
	if arg == "" && !strings.HasPrefix(q.Args, "[") && q.Args != "" {
		return fmt.Errorf("named query %s needs an argument: %s", name, q.Args)
	}
	seen := map[string]bool{}
	n := 0
	stop := fmt.Errorf("limit reached")
	err := s.Query(ctx, q.Gizmo(arg), 0, func(r Result) error {
		delete(r.Tags, "statement")
		k := r.String()
		if seen[k] {
			return nil
		}
		seen[k] = true
		if err := fn(r); err != nil {
			return err
		}
		n++
		if limit > 0 && n >= limit {
			return stop
		}
		return nil
	})
	if err == stop {
		return nil
	}
	return err
}
