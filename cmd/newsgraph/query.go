package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// runQuery implements "newsgraph query [--limit N] [--json] (QUERY | -f FILE | --named NAME [ARG])".
func runQuery(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("query", "[--limit N] [--json] (QUERY | -f FILE | --named NAME [ARG])", io)
	db := addDBFlags(fs)
	limit := fs.Int("limit", 1000, "stop after N results (0: no limit)")
	asJSON := fs.Bool("json", false, "print one JSON object per result (JSON Lines)")
	file := fs.StringP("file", "f", "", "read the Gizmo query from FILE (- for stdin)")
	named := fs.String("named", "", "run a named query from the library (see --list)")
	list := fs.Bool("list", false, "list the named queries")
	timeout := fs.Duration("timeout", 60*time.Second, "stop the query after this long (0: no timeout)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *list {
		printNamed(io.out)
		return nil
	}
	var text, arg string
	switch {
	case *named != "":
		if *file != "" || fs.NArg() > 1 {
			return usagef("query: --named NAME takes at most one argument and no -f")
		}
		if _, ok := graph.Named(*named); !ok {
			return usagef("query: no named query %q (see newsgraph query --list)", *named)
		}
		arg = fs.Arg(0)
	case *file != "":
		if fs.NArg() != 0 {
			return usagef("query: give the query as an argument or with -f, not both")
		}
		var b []byte
		var err error
		if *file == "-" {
			b, err = readAll(io.in)
		} else {
			b, err = os.ReadFile(*file)
		}
		if err != nil {
			return err
		}
		text = string(b)
	case fs.NArg() == 1:
		text = fs.Arg(0)
	default:
		return usagef("query: give one QUERY, -f FILE or --named NAME")
	}
	s, err := db.open(ctx, true)
	if err != nil {
		return err
	}
	defer s.Close()
	qctx := ctx
	if *timeout > 0 {
		var cancel context.CancelFunc
		qctx, cancel = context.WithTimeout(ctx, *timeout)
		defer cancel()
	}
	p := newPrinter(io.out, *asJSON, s.Minter().Base)
	if *named != "" {
		q, _ := graph.Named(*named)
		p.cols = q.Tags
		err = s.RunNamed(qctx, *named, arg, *limit, p.print)
	} else {
		err = s.Query(qctx, text, *limit, p.print)
	}
	if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
		return fmt.Errorf("query timed out after %v", *timeout)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(io.err, "%d results\n", p.n)
	return nil
}

func readAll(r io.Reader) ([]byte, error) {
	if r == nil {
		return nil, errors.New("no standard input")
	}
	return io.ReadAll(r)
}

func printNamed(w io.Writer) {
	for _, q := range graph.NamedQueries() {
		fmt.Fprintf(w, "%s %s\n    %s\n", q.Name, q.Args, q.Doc)
	}
}

// printer writes query results as text or JSON Lines.
type printer struct {
	w    io.Writer
	json bool
	base string
	cols []string // preferred column order; others follow sorted
	n    int
}

func newPrinter(w io.Writer, asJSON bool, base string) *printer {
	return &printer{w: w, json: asJSON, base: base}
}

// short abbreviates IRIs in our namespaces for text output.
func (p *printer) short(n schema.Node) string {
	if n.Kind != schema.KindIRI {
		return n.Value
	}
	for _, pre := range [][2]string{{schema.NS, "ng:"}, {p.base, ""}, {schema.RDF, "rdf:"}, {schema.RDFS, "rdfs:"}} {
		if rest, ok := strings.CutPrefix(n.Value, pre[0]); ok && pre[0] != "" {
			return pre[1] + rest
		}
	}
	return n.Value
}

func (p *printer) print(r graph.Result) error {
	p.n++
	if p.json {
		b, err := json.Marshal(r.Plain())
		if err != nil {
			b, _ = json.Marshal(fmt.Sprint(r.Value))
		}
		_, err = fmt.Fprintf(p.w, "%s\n", b)
		return err
	}
	if r.Tags == nil {
		_, err := fmt.Fprintf(p.w, "%v\n", r.Value)
		return err
	}
	keys := make([]string, 0, len(r.Tags))
	done := map[string]bool{}
	for _, c := range p.cols {
		if _, ok := r.Tags[c]; ok {
			keys = append(keys, c)
			done[c] = true
		}
	}
	var rest []string
	for k := range r.Tags {
		if !done[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	keys = append(keys, rest...)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte('\t')
		}
		b.WriteString(k + "=" + p.short(r.Tags[k]))
	}
	_, err := fmt.Fprintln(p.w, b.String())
	return err
}
