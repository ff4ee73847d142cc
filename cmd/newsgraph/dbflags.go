package main

import (
	"context"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/graph"
)

// dbFlags are the store flags every subcommand that opens the store shares:
// --db, --dbpath, --base and --lock-timeout.
type dbFlags struct {
	backend string
	path    string
	base    string
	timeout time.Duration
}

// addDBFlags registers the store flags on fs.
func addDBFlags(fs *pflag.FlagSet) *dbFlags {
	d := &dbFlags{}
	fs.StringVar(&d.backend, "db", graph.Bolt, "store backend: "+strings.Join(graph.Backends, ", "))
	fs.StringVar(&d.path, "dbpath", "", "store location: a folder for bolt (default "+graph.DefaultPath+") and leveldb, a connection string for postgres")
	fs.StringVar(&d.base, "base", "", "base IRI for minted IRIs (default "+defaultBase()+")")
	fs.DurationVar(&d.timeout, "lock-timeout", 2*time.Second, "how long to wait for a bolt store another process holds")
	return d
}

// options returns the graph options the flags name.
func (d *dbFlags) options(readOnly bool) (graph.Options, error) {
	known := false
	for _, b := range graph.Backends {
		known = known || b == d.backend
	}
	if !known {
		return graph.Options{}, usagef("--db %q: want one of %s", d.backend, strings.Join(graph.Backends, ", "))
	}
	if d.backend == graph.Postgres && d.path == "" {
		return graph.Options{}, usagef("--db postgres needs --dbpath CONNECTION-STRING (e.g. postgres://user@127.0.0.1/newsgraph)")
	}
	return graph.Options{Backend: d.backend, Path: d.path, Base: d.base, Timeout: d.timeout, ReadOnly: readOnly}, nil
}

// open opens the store. readOnly opens bolt with a shared lock, so that
// readers do not block each other, and fails when the store does not exist.
func (d *dbFlags) open(ctx context.Context, readOnly bool) (*graph.Store, error) {
	o, err := d.options(readOnly)
	if err != nil {
		return nil, err
	}
	return graph.Open(ctx, o)
}

func defaultBase() string { return "https://w3id.org/newsgraph/id/" }
