package main

import (
	"context"
	"errors"
	"fmt"
)

// runDelete implements "newsgraph delete DOC-ID...".
func runDelete(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("delete", "DOC-ID...", io)
	db := addDBFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("delete: no article ids")
	}
	s, err := db.open(ctx, false)
	if err != nil {
		return err
	}
	defer s.Close()
	var errs []error
	for _, id := range fs.Args() {
		n, err := s.DeleteArticle(ctx, id)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		fmt.Fprintf(io.err, "%s: %d quads removed\n", id, n)
	}
	// The person links follow the articles that are left.
	if _, err := s.LinkPersons(ctx, givenName); err != nil {
		errs = append(errs, err)
	}
	if err := s.Close(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}
