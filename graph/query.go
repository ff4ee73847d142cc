package graph

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"runtime/metrics"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"

	"github.com/newsgraph/newsgraph/schema"
)

// Result is one result of a Gizmo query: either a path result (Tags maps
// each tag to its node; "id" is the node the path ends on), or a value the
// query emitted with g.Emit (Value). The script's own final value, when it
// is data (a number, string, boolean, or arrays and objects of them, as
// from g.V().Count()), is the last result, as Cayley's REPL shows it.
type Result struct {
	Tags  map[string]schema.Node
	Value any
}

// Plain returns the result as plain Go values for JSON or printing: IRIs
// and blank nodes as their strings, literals as their lexical values.
func (r Result) Plain() any {
	if r.Tags == nil {
		return r.Value
	}
	m := make(map[string]any, len(r.Tags))
	for k, n := range r.Tags {
		m[k] = n.Value
	}
	return m
}

// String writes the result on one line: tags sorted, "k=v" separated by
// tabs, or the emitted value.
func (r Result) String() string {
	if r.Tags == nil {
		return fmt.Sprint(r.Value)
	}
	keys := make([]string, 0, len(r.Tags))
	for k := range r.Tags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte('\t')
		}
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(r.Tags[k].Value)
	}
	return b.String()
}

// Errors of Query.
var (
	ErrQueryMemory = errors.New("query stopped: it used more memory than allowed")
	ErrQueryCrash  = errors.New("query failed inside the query engine")
)

// QueryError is an error the query itself raised: a syntax error or a
// JavaScript exception.
type QueryError struct{ Msg string }

func (e *QueryError) Error() string { return "gizmo: " + e.Msg }

// Query runs a Gizmo query and calls fn for each result, as results come
// (streaming). limit > 0 stops after that many results. Each query runs in
// a fresh Gizmo session. ctx is honoured: when it is cancelled or its
// deadline passes, the query is interrupted, even one that loops forever,
// and Query returns ctx's error. A query whose heap growth passes
// Options.QueryMemory is stopped with ErrQueryMemory. Argument types are
// checked before they reach Cayley (see guardJS), so a malformed call is a
// QueryError, not a crash. If fn returns an error, the query stops and
// Query returns it.
func (s *Store) Query(ctx context.Context, text string, limit int, fn func(Result) error) (err error) {
	if err := ctx.Err(); err != nil {
		return err
	}
	qctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	stopWatch := watchMemory(qctx, cancel, s.opts.QueryMemory)
	defer stopWatch()

	sess := gizmo.NewSession(s.qs)
	it, err := sess.Execute(qctx, guardJS+text, query.Options{Limit: limit, Collation: query.Raw})
	if err != nil {
		return &QueryError{Msg: fixColumn(strings.TrimPrefix(err.Error(), "SyntaxError: "))}
	}
	defer func() {
		// Stop the query and drain what it still sends: Gizmo runs it in
		// a goroutine that holds a read transaction until it finishes, and
		// bolt's Close waits for every transaction. Stopping early at the
		// limit (or on an error) must not leave that goroutine blocked.
		cancel(nil)
		dctx, dcancel := context.WithTimeout(context.Background(), 5*time.Second)
		for it.Next(dctx) {
		}
		dcancel()
		it.Close()
	}()
	n := 0
	for it.Next(qctx) {
		r, ok := it.Result().(*gizmo.Result)
		if !ok || r == nil || r.Meta && !plainData(r.Val) {
			continue
		}
		res := Result{Value: r.Val}
		if r.Val == nil {
			res.Tags = make(map[string]schema.Node, len(r.Tags))
			for k, ref := range r.Tags {
				v, err := s.qs.NameOf(ref)
				if err != nil {
					return err
				}
				node, err := fromValue(v)
				if err != nil {
					return err
				}
				res.Tags[k] = node
			}
		}
		if err := fn(res); err != nil {
			return err
		}
		n++
		if limit > 0 && n >= limit {
			return nil
		}
	}
	if cause := context.Cause(qctx); cause != nil && qctx.Err() != nil {
		if errors.Is(cause, ErrQueryMemory) {
			return ErrQueryMemory
		}
		return ctx.Err()
	}
	if err := it.Err(); err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return err
		}
		return &QueryError{Msg: fixColumn(err.Error())}
	}
	return nil
}

var lineOneRE = regexp.MustCompile(`(Line 1:|<eval>:1:)(\d+)`)

// fixColumn takes the guard's length off columns on line 1 of error
// messages, so they point into the user's query.
func fixColumn(msg string) string {
	return lineOneRE.ReplaceAllStringFunc(msg, func(m string) string {
		sub := lineOneRE.FindStringSubmatch(m)
		col, err := strconv.Atoi(sub[2])
		if err != nil || col <= len(guardJS) {
			return m
		}
		return sub[1] + strconv.Itoa(col-len(guardJS))
	})
}

// watchMemory cancels ctx with ErrQueryMemory when the live heap grows by
// more than limit bytes while the query runs. It samples every 10 ms.
func watchMemory(ctx context.Context, cancel context.CancelCauseFunc, limit uint64) func() {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 {
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return sample[0].Value.Uint64()
	}
	base := read()
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case <-t.C:
				if h := read(); h > base && h-base > limit {
					cancel(ErrQueryMemory)
					return
				}
			}
		}
	}()
	return func() { close(done) }
}

// plainData reports whether v, a script's exported final value, is data
// worth showing: numbers, strings, booleans, and arrays and objects of
// them; not undefined, nor a path or a function.
func plainData(v any) bool {
	switch v := v.(type) {
	case int64, float64, string, bool:
		return true
	case []any:
		for _, e := range v {
			if !plainData(e) {
				return false
			}
		}
		return true
	case map[string]any:
		for _, e := range v {
			if !plainData(e) {
				return false
			}
		}
		return true
	}
	return false
}
