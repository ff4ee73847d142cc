package graph

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// toValue converts a schema node to a Cayley value. Typed literals stay
// TypedStrings with full datatype IRIs, so nothing is shortened or
// converted on the way in.
func toValue(n schema.Node) quad.Value {
	switch n.Kind {
	case schema.KindIRI:
		return quad.IRI(n.Value)
	case schema.KindBlank:
		return quad.BNode(n.Value)
	case schema.KindLiteral:
		switch {
		case n.Lang != "":
			return quad.LangString{Value: quad.String(n.Value), Lang: n.Lang}
		case n.Datatype != "" && n.Datatype != schema.XSD+"string":
			return quad.TypedString{Value: quad.String(n.Value), Type: quad.IRI(n.Datatype)}
		}
		return quad.String(n.Value)
	}
	return nil
}

func toQuad(q schema.Quad) quad.Quad {
	return quad.Quad{Subject: toValue(q.S), Predicate: toValue(q.P), Object: toValue(q.O), Label: toValue(q.G)}
}

// fullIRI expands the short xsd:/rdf: forms Cayley uses for its own types.
func fullIRI(i quad.IRI) string {
	s := string(i)
	if c := strings.IndexByte(s, ':'); c >= 0 && strings.HasPrefix(s[c+1:], "//") {
		return s // already a full IRI with an authority: skip Cayley's prefix scan
	}
	return string(i.Full())
}

// fromValue converts a Cayley value, whatever wrote it, to a schema node
// with full datatype IRIs. Blank node labels and IRIs are not repaired
// here; the exporter does that.
func fromValue(v quad.Value) (schema.Node, error) {
	switch v := v.(type) {
	case nil:
		return schema.Node{}, nil
	case quad.IRI:
		return schema.IRI(fullIRI(v)), nil
	case quad.BNode:
		return schema.Blank(string(v)), nil
	case quad.String:
		return schema.Str(string(v)), nil
	case quad.LangString:
		return schema.Lang(string(v.Value), v.Lang), nil
	case quad.TypedString:
		return schema.Typed(string(v.Value), fullIRI(v.Type)), nil
	case quad.Int:
		return schema.Typed(strconv.FormatInt(int64(v), 10), schema.XSD+"integer"), nil
	case quad.Float:
		return schema.Typed(strconv.FormatFloat(float64(v), 'E', -1, 64), schema.XSD+"double"), nil
	case quad.Bool:
		return schema.Bool(bool(v)), nil
	case quad.Time:
		return schema.Typed(time.Time(v).UTC().Format(time.RFC3339Nano), schema.XSD+"dateTime"), nil
	}
	return schema.Node{}, fmt.Errorf("unsupported value type %T", v)
}

func fromQuad(q quad.Quad) (schema.Quad, error) {
	var out schema.Quad
	var err error
	if out.S, err = fromValue(q.Subject); err != nil {
		return out, err
	}
	if out.P, err = fromValue(q.Predicate); err != nil {
		return out, err
	}
	if out.O, err = fromValue(q.Object); err != nil {
		return out, err
	}
	out.G, err = fromValue(q.Label)
	return out, err
}
