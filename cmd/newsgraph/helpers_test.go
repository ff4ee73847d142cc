package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

type runFunc func(context.Context, []string, stdio) error

// runCmd runs a subcommand with stdin and returns stdout, stderr and its error.
func runCmd(t testing.TB, fn runFunc, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := fn(context.Background(), args, stdio{strings.NewReader(stdin), &out, &errb})
	return out.String(), errb.String(), err
}

// writePath writes text to path, making its directories.
func writePath(t testing.TB, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

const fixtureText = "Sylvania controls East Marsh. Freedonia rejected the ceasefire."

// fixtureDB writes a small hand-built article into a fresh bolt store and
// returns the --dbpath to use.
func fixtureDB(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "newsgraph.db")
	s, err := graph.Open(context.Background(), graph.Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.WriteArticle(context.Background(), fixtureArticle, fixtureFacts()); err != nil {
		t.Fatal(err)
	}
	return path
}

var fixtureArticle = schema.Article{ID: "a1", Title: "Marsh", Date: "2026-01-02", URL: "https://example.org/a1", Text: fixtureText}

func fixtureFacts() []schema.Fact {
	syl := &schema.Entity{Class: schema.ClassState, Name: "Sylvania"}
	fre := &schema.Entity{Class: schema.ClassState, Name: "Freedonia"}
	marsh := &schema.Entity{Class: schema.ClassTerritory, Name: "East Marsh"}
	cf := &schema.Entity{Class: schema.ClassCeasefire, Name: "ceasefire"}
	ev := func(span string, sent int) schema.Evidence {
		i := strings.Index(fixtureText, span)
		return schema.Evidence{Doc: "a1", Sentence: sent, Start: i, End: i + len(span), Text: span, Extractor: "test/1", Conf: 1}
	}
	return []schema.Fact{
		{Subject: schema.EntityTerm(syl), Predicate: schema.Controls, Relation: "controls", Object: schema.EntityTerm(marsh), Evidence: ev("Sylvania controls East Marsh", 0)},
		{Subject: schema.EntityTerm(fre), Predicate: schema.Rejects, Relation: "rejected", Object: schema.EntityTerm(cf), Evidence: ev("Freedonia rejected the ceasefire", 1)},
	}
}
