package main

import (
	"context"
	"encoding/json"
	"fmt"
)

// runStats implements "newsgraph stats".
func runStats(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("stats", "[--json]", io)
	db := addDBFlags(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usagef("stats: unexpected arguments %q", fs.Args())
	}
	s, err := db.open(ctx, true)
	if err != nil {
		return err
	}
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		e := json.NewEncoder(io.out)
		e.SetIndent("", "  ")
		return e.Encode(st)
	}
	fmt.Fprintf(io.out, "quads\t%d\narticles\t%d\nstatements\t%d\nasserted triples\t%d\n", st.Quads, st.Articles, st.Statements, st.Asserted)
	fmt.Fprintln(io.out, "\nentities by class:")
	for _, c := range st.Entities {
		fmt.Fprintf(io.out, "  %-20s %d\n", c.Name, c.N)
	}
	fmt.Fprintln(io.out, "\nstatements by predicate:")
	for _, c := range st.Predicates {
		fmt.Fprintf(io.out, "  %-20s %d\n", c.Name, c.N)
	}
	return nil
}
