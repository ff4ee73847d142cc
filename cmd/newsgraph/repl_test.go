package main

import (
	"strings"
	"testing"
)

func TestRepl(t *testing.T) {
	db := fixtureDB(t)
	q := `g.V("<https://w3id.org/newsgraph/id/entity/sylvania>").Out("<https://w3id.org/newsgraph/ns#controls>").All()`
	in := strings.Join([]string{
		":help",
		q,
		q, // the stock REPL fails here with "iterator closed"
		`g.V("<https://w3id.org/newsgraph/id/entity/sylvania>").`, // multi-line: continues after a trailing "."
		`  Out("<https://w3id.org/newsgraph/ns#controls>"`,        // and while brackets are open
		`  ).All()`,
		`g.V().Out({a:1}).All()`,
		":timeout 200ms",
		"while (true) {}",
		":named territories",
		":named nope",
		q,
		":quit",
		q,
	}, "\n")
	out, errOut, err := runCmd(t, runRepl, in, "--dbpath", db, "--history", "")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out, "id=entity/east-marsh\n"); n != 4 {
		t.Errorf("query answered %d times, want 4 (before :quit)\nstdout:\n%s\nstderr:\n%s", n, out, errOut)
	}
	for _, want := range []string{"iterator closed"} {
		if strings.Contains(errOut, want) {
			t.Errorf("stderr has %q:\n%s", want, errOut)
		}
	}
	for _, want := range []string{"unsupported value", "timed out after 200ms", "no named query \"nope\""} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if !strings.Contains(out, ":named NAME [ARG]") || !strings.Contains(out, "territoryLabel=East Marsh") {
		t.Errorf("stdout lacks help or the named query answer:\n%s", out)
	}
}

func TestNeedsMore(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"g.V().All()", false},
		{"g.V(", true},
		{"g.V(\"(\")", false},
		{"g.V() // (", false},
		{"/* (", true},
		{"[1, {a: 2}]", false},
	}
	for _, tt := range tests {
		if got := needsMore(tt.in); got != tt.want {
			t.Errorf("needsMore(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
