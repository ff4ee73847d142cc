package main

import (
	"context"
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// runSchema implements "newsgraph schema [--format nquads|turtle]".
func runSchema(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("schema", "[--format nquads|turtle]", io)
	format := fs.String("format", "nquads", "output format: nquads or turtle")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usagef("schema: unexpected arguments %q", fs.Args())
	}
	var b strings.Builder
	switch *format {
	case "nquads", "nq":
		for _, q := range schema.Vocabulary() {
			q.AppendTo(&b)
		}
	case "turtle", "ttl":
		schema.Turtle(&b)
	default:
		return usagef("schema: unknown format %q (want nquads or turtle)", *format)
	}
	_, err := io.out.Write([]byte(b.String()))
	return err
}
