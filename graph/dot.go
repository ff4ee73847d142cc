package graph

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// DOTResult counts what WriteDOT drew.
type DOTResult struct {
	Nodes, Edges int
}

// WriteDOT draws the vocabulary facts of one article (docID), or of the
// whole store when docID is empty, as a Graphviz DOT graph: one node per
// entity, proposal or proposition (shape and colour by class, roles under
// a person's name), one edge per distinct fact labelled with its
// predicate. Asserted facts are solid; negated ones red and labelled
// "not"; hypothetical, desired, hedged or attributed ones dashed with the
// flag in the label. Each edge's tooltip is its evidence, so an SVG made
// with "dot -Tsvg" shows the sentence on hover. Open relations are left
// out: the picture is the analyst's summary, the N-Quads the full record.
func (s *Store) WriteDOT(ctx context.Context, w io.Writer, docID string) (DOTResult, error) {
	var quads []schema.Quad
	var err error
	if docID != "" {
		quads, err = s.graphQuads(ctx, quad.IRI(s.minter.Article(docID)))
		if err == nil && len(quads) == 0 {
			err = fmt.Errorf("article %q: %w", docID, ErrNotFound)
		}
	} else {
		err = s.eachQuad(ctx, nil, func(q quad.Quad) error {
			sq, err := fromQuad(q)
			if err == nil {
				quads = append(quads, sq)
			}
			return err
		})
	}
	if err != nil {
		return DOTResult{}, err
	}
	return writeDOT(w, quads)
}

// dotEdge is one drawn fact; count is how many statements state it.
type dotEdge struct {
	from, to, label, style, color, tooltip string
	count                                  int
}

func writeDOT(w io.Writer, quads []schema.Quad) (DOTResult, error) {
	by := map[string][]schema.Quad{}
	for _, q := range quads {
		by[q.S.Value] = append(by[q.S.Value], q)
	}
	first := func(subj, pred string) (schema.Node, bool) {
		for _, q := range by[subj] {
			if q.P.Value == pred {
				return q.O, true
			}
		}
		return schema.Node{}, false
	}
	class := func(iri string) schema.Class {
		best := schema.Class("")
		for _, q := range by[iri] {
			if q.P.Value != schema.RDF+"type" {
				continue
			}
			if c, ok := strings.CutPrefix(q.O.Value, schema.NS); ok && (best == "" || best == schema.ClassThing) {
				best = schema.Class(c)
			}
		}
		return best
	}
	roles := map[string][]string{}
	edges := map[string]*dotEdge{}
	used := map[string]bool{}
	for subj, qs := range by {
		if !isStatement(qs) {
			continue
		}
		p, _ := first(subj, schema.RDF+"predicate")
		pred, ok := strings.CutPrefix(p.Value, schema.NS)
		if !ok || pred == string(schema.PropOpenRelation) {
			continue
		}
		sn, _ := first(subj, schema.RDF+"subject")
		on, _ := first(subj, schema.RDF+"object")
		if sn.Kind != schema.KindIRI {
			continue
		}
		if on.Kind == schema.KindLiteral {
			if pred == string(schema.HasRole) && !contains(roles[sn.Value], on.Value) {
				roles[sn.Value] = append(roles[sn.Value], on.Value)
				used[sn.Value] = true
			}
			continue
		}
		if on.Kind != schema.KindIRI {
			continue
		}
		flag := func(p schema.Predicate) string {
			v, _ := first(subj, schema.PredicateIRI(p))
			return v.Value
		}
		e := dotEdge{from: sn.Value, to: on.Value, label: pred, style: "solid", color: "#444444"}
		var notes []string
		if flag(schema.PropNegated) == "true" {
			e.label, e.color = "not "+pred, "#cc0000"
		}
		if m := flag(schema.PropModality); m != "" {
			notes = append(notes, m)
		}
		if flag(schema.PropHedged) == "true" {
			notes = append(notes, "hedged")
		}
		if a, ok := first(subj, schema.PredicateIRI(schema.PropAttributedTo)); ok {
			notes = append(notes, "said by "+nodeLabel(by, a.Value))
		}
		if len(notes) > 0 {
			e.style = "dashed"
			e.label += " (" + strings.Join(notes, ", ") + ")"
		}
		if ev, ok := first(subj, schema.PredicateIRI(schema.PropEvidence)); ok {
			e.tooltip = ev.Value
		}
		key := e.from + "\x00" + e.to + "\x00" + e.label
		if old, ok := edges[key]; ok {
			old.count++
			continue
		}
		e.count = 1
		edges[key] = &e
		used[e.from], used[e.to] = true, true
	}

	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "digraph newsgraph {")
	fmt.Fprintln(bw, "  graph [rankdir=LR, overlap=false, fontname=\"Helvetica\"];")
	fmt.Fprintln(bw, "  node [fontname=\"Helvetica\", fontsize=11, style=filled];")
	fmt.Fprintln(bw, "  edge [fontname=\"Helvetica\", fontsize=9];")
	ids := make([]string, 0, len(used))
	for iri := range used {
		ids = append(ids, iri)
	}
	sort.Strings(ids)
	for _, iri := range ids {
		shape, fill := dotStyle(class(iri))
		label := clip(nodeLabel(by, iri), 60)
		if rs := roles[iri]; len(rs) > 0 {
			sort.Strings(rs)
			label += "\n(" + strings.Join(rs, ", ") + ")"
		}
		fmt.Fprintf(bw, "  %s [label=%s, shape=%s, fillcolor=%s];\n", dotID(iri), dotID(label), shape, dotID(fill))
	}
	keys := make([]string, 0, len(edges))
	for k := range edges {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		e := edges[k]
		label := e.label
		if e.count > 1 {
			label += fmt.Sprintf(" ×%d", e.count)
		}
		fmt.Fprintf(bw, "  %s -> %s [label=%s, style=%s, color=%s, fontcolor=%s, tooltip=%s];\n",
			dotID(e.from), dotID(e.to), dotID(label), e.style, dotID(e.color), dotID(e.color), dotID(clip(e.tooltip, 300)))
	}
	fmt.Fprintln(bw, "}")
	return DOTResult{Nodes: len(ids), Edges: len(keys)}, bw.Flush()
}

// nodeLabel is a node's canonical name ("France" for a node first named
// "French"), else its rdfs:label, else the last segment of its IRI.
func nodeLabel(by map[string][]schema.Quad, iri string) string {
	label := ""
	for _, q := range by[iri] {
		switch q.P.Value {
		case schema.PredicateIRI(schema.PropCanonical):
			return q.O.Value
		case schema.RDFS + "label":
			if label == "" {
				label = q.O.Value
			}
		}
	}
	if label != "" {
		return label
	}
	return iri[strings.LastIndexAny(iri, "/#")+1:]
}

// dotStyle gives the shape and fill of a class.
func dotStyle(c schema.Class) (shape, fill string) {
	switch c {
	case schema.ClassPerson:
		return "ellipse", "#cfe2f3"
	case schema.ClassState:
		return "box", "#d9ead3"
	case schema.ClassOrganization, schema.ClassGroup:
		return "box", "#fff2cc"
	case schema.ClassTerritory:
		return "hexagon", "#d9ead3"
	case schema.ClassProposal, schema.ClassCeasefire, schema.ClassPeaceAgreement, schema.ClassSecurityGuarantee, schema.ClassOffer, schema.ClassDemand:
		return "note", "#fce5cd"
	case schema.ClassEvent:
		return "diamond", "#ead1dc"
	case schema.ClassProposition:
		return "box", "#f3f3f3"
	}
	return "plaintext", "#ffffff"
}

// dotID quotes s as a DOT string: backslashes and quotes escaped, line
// breaks as \n.
func dotID(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\r", "", "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

// clip shortens s to at most n runes, with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
