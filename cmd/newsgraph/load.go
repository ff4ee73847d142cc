package main

import (
	"context"
	"fmt"
	"os"

	"github.com/newsgraph/newsgraph/graph"
)

// runLoad implements "newsgraph load FILE.nq|-...".
func runLoad(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("load", "[flags] FILE.nq|-...", io)
	db := addDBFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("load: no input (give N-Quads files, or - for stdin)")
	}
	s, err := db.open(ctx, false)
	if err != nil {
		return err
	}
	defer s.Close()
	for _, name := range fs.Args() {
		var res graph.ImportResult
		if name == "-" {
			res, err = s.Import(ctx, io.in)
		} else {
			f, ferr := os.Open(name)
			if ferr != nil {
				return ferr
			}
			res, err = s.Import(ctx, f)
			f.Close()
		}
		if err != nil {
			return fmt.Errorf("%s: %w (nothing from this file was written)", name, err)
		}
		fmt.Fprintf(io.err, "%s: %d quads read\n", name, res.Quads)
	}
	return s.Close()
}
