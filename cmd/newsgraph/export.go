package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
)

// runExport implements "newsgraph export [--doc ID] [-o FILE]".
func runExport(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("export", "[--doc ID] [-o FILE]", io)
	db := addDBFlags(fs)
	doc := fs.String("doc", "", "export only this article's graph")
	out := fs.StringP("output", "o", "", "write to FILE instead of stdout (written to a temporary file, renamed when complete)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usagef("export: unexpected arguments %q", fs.Args())
	}
	s, err := db.open(ctx, true)
	if err != nil {
		return err
	}
	defer s.Close()
	if *out == "" {
		n, err := s.Export(ctx, io.out, *doc)
		if err != nil {
			return err
		}
		fmt.Fprintf(io.err, "%d quads\n", n)
		return nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(*out), ".newsgraph-export-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	n, err := s.Export(ctx, tmp, *doc)
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
	fmt.Fprintf(io.err, "%d quads written to %s\n", n, *out)
	return nil
}
