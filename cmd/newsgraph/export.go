package main

import (
	"context"
	"fmt"
	goio "io"
	"os"
	"path/filepath"

	"github.com/newsgraph/newsgraph/graph"
)

const exportUsage = `[--doc ID] [--format nquads|dot] [-o FILE]

Writes the store, or one article's graph, as N-Quads (the full record:
every statement with its evidence and provenance), or as a Graphviz DOT
picture of its vocabulary facts (who opposes, proposes, controls what; roles
under each person; negated facts red, unasserted ones dashed; the evidence
as each edge's tooltip). Render a picture with, for example,

    newsgraph export --doc ID --format dot | dot -Tsvg > graph.svg`

// runExport implements "newsgraph export [--doc ID] [--format F] [-o FILE]".
func runExport(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("export", exportUsage, io)
	db := addDBFlags(fs)
	doc := fs.String("doc", "", "export only this article's graph")
	format := fs.String("format", "nquads", "nquads, or dot for a Graphviz picture of the vocabulary facts")
	out := fs.StringP("output", "o", "", "write to FILE instead of stdout (written to a temporary file, renamed when complete)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usagef("export: unexpected arguments %q", fs.Args())
	}
	write := func(s *graph.Store, w goio.Writer) (string, error) {
		n, err := s.Export(ctx, w, *doc)
		return fmt.Sprintf("%d quads", n), err
	}
	switch *format {
	case "nquads":
	case "dot":
		write = func(s *graph.Store, w goio.Writer) (string, error) {
			r, err := s.WriteDOT(ctx, w, *doc)
			return fmt.Sprintf("%d nodes, %d edges", r.Nodes, r.Edges), err
		}
	default:
		return usagef("export: --format must be nquads or dot")
	}
	s, err := db.open(ctx, true)
	if err != nil {
		return err
	}
	defer s.Close()
	if *out == "" {
		what, err := write(s, io.out)
		if err != nil {
			return err
		}
		fmt.Fprintln(io.err, what)
		return nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(*out), ".newsgraph-export-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	what, err := write(s, tmp)
	if err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), *out); err != nil {
		return err
	}
	fmt.Fprintf(io.err, "%s written to %s\n", what, *out)
	return nil
}
