package main

import (
	"strings"
	"testing"
)

func TestStats(t *testing.T) {
	db := fixtureDB(t)
	out, _, err := runCmd(t, runStats, "", "--dbpath", db)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"articles\t1\n", "statements\t2\n", "asserted triples\t2\n", "State                2", "controls             1"} {
		if !strings.Contains(out, want) {
			t.Errorf("stats lacks %q:\n%s", want, out)
		}
	}
}
