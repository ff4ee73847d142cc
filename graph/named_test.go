package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
)

// TestNamed checks each named query's answer on the fixture; docs/graph.md
// quotes these answers.
func TestNamed(t *testing.T) {
	s := fixtureStore(t, Options{})
	tests := []struct {
		name, arg string
		cols      []string
		want      []string
	}{
		{"stances", "", []string{"actorLabel", "stance", "targetLabel", "hedged"}, []string{
			"Freedonia supports thirty-day ceasefire false",
			"Rufus Firefly proposes thirty-day ceasefire false",
			"Sylvania agreesTo Freedonia true",
			"Sylvania rejects thirty-day ceasefire false",
		}},
		{"stances", "the Republic of Freedonia", []string{"actorLabel", "stance", "targetLabel"}, []string{
			"Freedonia supports thirty-day ceasefire",
		}},
		{"territories", "", []string{"territoryLabel", "relation", "actorLabel"}, []string{
			"East Marsh claims Freedonia",
			"East Marsh controls Sylvania",
		}},
		{"territories", "Nowhere", nil, nil},
		{"proposals", "thirty-day ceasefire", []string{"proposalLabel", "stance", "actorLabel", "article"}, []string{
			"thirty-day ceasefire proposes Rufus Firefly fd-001",
			"thirty-day ceasefire rejects Sylvania fd-001",
			"thirty-day ceasefire supports Freedonia fd%2F002%20b",
		}},
		{"entity", "Firefly", []string{"predicate", "relation", "object", "evidence"}, []string{
			"proposes proposed thirty-day-ceasefire Rufus Firefly proposed a thirty-day ceasefire",
			"says said 6e916253aa4f5e4247ed5431 Firefly said Sylvania would never join the Northern Alliance",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.arg, func(t *testing.T) {
			var got []string
			err := s.RunNamed(context.Background(), tt.name, tt.arg, 0, func(r Result) error {
				var f []string
				for _, c := range tt.cols {
					v := r.Tags[c].Value
					if i := strings.LastIndexAny(v, "#/"); i >= 0 && strings.Contains(v, "://") {
						v = v[i+1:]
					}
					f = append(f, v)
				}
				got = append(got, strings.Join(f, " "))
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			sort.Strings(got)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
	if err := s.RunNamed(context.Background(), "entity", "", 0, func(Result) error { return nil }); err == nil {
		t.Errorf("entity without argument: no error")
	}
	if err := s.RunNamed(context.Background(), "nope", "", 0, func(Result) error { return nil }); err == nil {
		t.Errorf("unknown named query: no error")
	}
}

func TestStats(t *testing.T) {
	s := fixtureStore(t, Options{})
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprintf("%+v", st)
	want := "{Quads:203 Articles:2 Statements:9 Asserted:6 " +
		"Entities:[{Name:State N:2} {Name:Ceasefire N:1} {Name:Organization N:1} {Name:Person N:1} {Name:Territory N:1}] " +
		"Predicates:[{Name:agreesTo N:1} {Name:claims N:1} {Name:controls N:1} {Name:meetsWith N:1} {Name:openRelation N:1} {Name:proposes N:1} {Name:rejects N:1} {Name:says N:1} {Name:supports N:1}]}"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestNamedEntityOnce: the entity an argument names is listed once, though
// both fixture articles write its label.
func TestNamedEntityOnce(t *testing.T) {
	s := fixtureStore(t, Options{})
	var got []string
	err := s.Query(context.Background(), jsEntities("Freedonia")+"g.Emit(who)", 0, func(r Result) error {
		got = append(got, r.String())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := "[<https://w3id.org/newsgraph/id/entity/freedonia>]"; len(got) != 1 || got[0] != want {
		t.Errorf("who = %q, want %s", got, want)
	}
}
