package graph

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func fixtureStore(t testing.TB, o Options) *Store {
	t.Helper()
	if o.Backend == "" {
		o.Backend = Memstore
	}
	s := mustOpen(t, o)
	ctx := context.Background()
	if _, err := s.WriteArticle(ctx, article1, facts1()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.WriteArticle(ctx, article2, facts2()); err != nil {
		t.Fatal(err)
	}
	return s
}

func queryAll(t testing.TB, s *Store, q string, limit int) ([]string, error) {
	t.Helper()
	var out []string
	err := s.Query(context.Background(), q, limit, func(r Result) error {
		out = append(out, r.String())
		return nil
	})
	return out, err
}

func TestQuery(t *testing.T) {
	s := fixtureStore(t, Options{})
	tests := []struct {
		name  string
		query string
		limit int
		want  []string
	}{
		{"out", `g.V("<https://w3id.org/newsgraph/id/entity/sylvania>").Out("<https://w3id.org/newsgraph/ns#controls>").All()`, 0,
			[]string{"id=https://w3id.org/newsgraph/id/entity/east-marsh"}},
		{"tags", `g.V().Has("<http://www.w3.org/2000/01/rdf-schema#label>", "Freedonia").Tag("x").Out("<https://w3id.org/newsgraph/ns#iso3166>").All()`, 0,
			// one path per (label quad, iso3166 quad): both are in both articles' graphs
			[]string{"id=FD\tx=https://w3id.org/newsgraph/id/entity/freedonia", "id=FD\tx=https://w3id.org/newsgraph/id/entity/freedonia",
				"id=FD\tx=https://w3id.org/newsgraph/id/entity/freedonia", "id=FD\tx=https://w3id.org/newsgraph/id/entity/freedonia"}},
		{"limit", `g.V().All()`, 3, nil},
		{"emit", `g.Emit({a: 1}); g.Emit("two")`, 0, []string{"map[a:1]", "two"}},
		// The script's own value, when it is data, is a result too (as in
		// Cayley's REPL): a count needs no g.Emit.
		{"value", `g.V("<https://w3id.org/newsgraph/id/entity/sylvania>").Out("<https://w3id.org/newsgraph/ns#controls>").Count()`, 0, []string{"1"}},
		{"value array", `var n = 2; [n, "x", {k: true}]`, 0, []string{"[2 x map[k:true]]"}},
		{"value not data", `g.V("<https://w3id.org/newsgraph/id/entity/sylvania>")`, 0, nil},
		{"value after emit", `g.Emit("a"); 7`, 0, []string{"a", "7"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := queryAll(t, s, tt.query, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			if tt.limit > 0 {
				if len(got) != tt.limit {
					t.Errorf("got %d results, want limit %d", len(got), tt.limit)
				}
				return
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestQueryReuse runs many queries on one store: the stock REPL fails every
// query after the first with "iterator closed".
func TestQueryReuse(t *testing.T) {
	s := fixtureStore(t, Options{})
	for i := 0; i < 5; i++ {
		got, err := queryAll(t, s, `g.V("<https://w3id.org/newsgraph/id/entity/sylvania>").Out("<https://w3id.org/newsgraph/ns#controls>").All()`, 0)
		if err != nil || len(got) != 1 {
			t.Fatalf("query %d: %v, %d results", i, err, len(got))
		}
	}
}

// TestQueryBadInput: malformed queries give a QueryError and never crash
// the process. Several of these panic inside Gizmo's goroutine in stock
// Cayley and kill the process.
func TestQueryBadInput(t *testing.T) {
	s := fixtureStore(t, Options{})
	bad := []string{
		`g.V().Out({a:1}).All()`,
		`g.V().In({a:1}).All()`,
		`g.V().Both([{}]).All()`,
		`g.V().Out("p", 1).All()`,
		`g.V().Tag(1).All()`,
		`g.V().Tag(g.V()).All()`,
		`g.V().Out(function(){}).All()`,
		`g.V().Has({}).All()`,
		`g.V().Save({}, "x").All()`,
		`g.V().Save("p", 3).All()`,
		`g.V().FollowRecursive({}).All()`,
		`g.V().LabelContext({}).All()`,
		`g.V().Follow("x").All()`,
		`g.V().Filter({}).All()`,
		`g.V().Filter(regex(1)).All()`,
		`g.V().Is({}).All()`,
		`g.V().ForEach(function(d){ this.Out({a:1}).All() })`,
		`g.V().Out(["a", {}]).All()`,
		`g.V().Skip("x").All()`,
		`g.V().Limit({}).All()`,
		`g.M().Out({}).All()`,
		`lang(1, 2)`,
		`g.V(`,
		`throw new Error("boom")`,
		`g.V().Nope().All()`,
	}
	for _, q := range bad {
		_, err := queryAll(t, s, q, 0)
		var qe *QueryError
		if !errors.As(err, &qe) {
			t.Errorf("%s: err = %v, want a QueryError", q, err)
		}
	}
}

func TestQuerySyntaxErrorLine(t *testing.T) {
	s := fixtureStore(t, Options{})
	_, err := queryAll(t, s, "g.V()\n.All(\n)(", 0)
	if err == nil || !strings.Contains(err.Error(), "Line 3") {
		t.Errorf("err = %v, want a syntax error on line 3", err)
	}
}

func TestQueryTimeout(t *testing.T) {
	s := fixtureStore(t, Options{})
	for _, q := range []string{`while (true) {}`, `for (;;) { g.V().All() }`} {
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		start := time.Now()
		err := s.Query(ctx, q, 0, func(Result) error { return nil })
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("%s: err = %v, want DeadlineExceeded", q, err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: stopped after %v", q, d)
		}
	}
	// The store still answers afterwards.
	if got, err := queryAll(t, s, `g.V().Limit(1).All()`, 0); err != nil || len(got) != 1 {
		t.Errorf("after timeout: %v %v", got, err)
	}
}

func TestQueryMemoryCap(t *testing.T) {
	s := fixtureStore(t, Options{QueryMemory: 64 << 20})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := s.Query(ctx, `var a = []; while (true) { a.push("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + a.length) }`, 0, func(Result) error { return nil })
	if !errors.Is(err, ErrQueryMemory) {
		t.Errorf("err = %v, want ErrQueryMemory", err)
	}
}
