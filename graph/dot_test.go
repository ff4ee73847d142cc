package graph

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"strings"
	"testing"
)

// TestWriteDOT draws the fixture: entities as nodes styled by class,
// vocabulary facts as edges with their flags, open relations left out,
// quotes in the evidence escaped. When Graphviz is installed (CI installs
// it), dot must accept the output.
func TestWriteDOT(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t, Options{})
	var all, one bytes.Buffer
	r, err := s.WriteDOT(ctx, &all, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.WriteDOT(ctx, &one, article2.ID); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"https://w3id.org/newsgraph/id/entity/sylvania" [label="Sylvania", shape=box`,
		`"https://w3id.org/newsgraph/id/entity/rufus-firefly" [label="Rufus Firefly", shape=ellipse`,
		`shape=note`, // the ceasefire
		`"https://w3id.org/newsgraph/id/entity/sylvania" -> "https://w3id.org/newsgraph/id/entity/east-marsh" [label="controls", style=solid`,
		`[label="agreesTo (hedged)", style=dashed`,
		`tooltip="Sylvania reportedly \"agreed\" to talks with Freedonia"`,
		`[label="supports", style=solid`,
	} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("whole-store DOT lacks %s\n%s", want, all.String())
		}
	}
	if strings.Contains(all.String(), "openRelation") || strings.Contains(all.String(), `talks \"now\"`) {
		t.Errorf("open relations drawn:\n%s", all.String())
	}
	if r.Edges < 7 || r.Nodes < 6 {
		t.Errorf("drew %+v, want at least 6 nodes and 7 edges", r)
	}
	if strings.Contains(one.String(), "controls") || !strings.Contains(one.String(), "meetsWith") {
		t.Errorf("article 2 alone:\n%s", one.String())
	}
	if _, err := s.WriteDOT(ctx, &one, "no-such-article"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown article: err = %v, want ErrNotFound", err)
	}
	dot := needTool(t, "dot")
	cmd := exec.Command(dot, "-Tsvg")
	cmd.Stdin = &all
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || !bytes.Contains(out, []byte("<svg")) {
		t.Fatalf("dot -Tsvg: %v\n%s", err, stderr.String())
	}
}
