package main

import (
	"strings"
	"testing"
)

func TestExport(t *testing.T) {
	db := fixtureDB(t)
	out, _, err := runCmd(t, runExport, "", "--dbpath", db, "--doc", "a1")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `<https://w3id.org/newsgraph/id/entity/sylvania> <https://w3id.org/newsgraph/ns#controls> <https://w3id.org/newsgraph/id/entity/east-marsh> <https://w3id.org/newsgraph/id/article/a1> .`) {
		t.Errorf("export lacks the direct triple:\n%s", out)
	}
	if _, _, err := runCmd(t, runExport, "", "--dbpath", db, "--doc", "nope"); err == nil {
		t.Errorf("unknown doc: no error")
	}
	if _, _, err := runCmd(t, runExport, "", "--dbpath", db, "extra"); !isUsage(err) {
		t.Errorf("extra argument: err = %v, want usage error", err)
	}
	dot, stderr, err := runCmd(t, runExport, "", "--dbpath", db, "--doc", "a1", "--format", "dot")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(dot, "digraph newsgraph {") || !strings.Contains(dot, `[label="controls", style=solid`) || !strings.Contains(stderr, "edges") {
		t.Errorf("--format dot:\n%s\n%s", dot, stderr)
	}
	if _, _, err := runCmd(t, runExport, "", "--dbpath", db, "--format", "svg"); !isUsage(err) {
		t.Errorf("--format svg: err = %v, want usage error", err)
	}
}
