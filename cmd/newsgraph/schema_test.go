package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

func TestSchema(t *testing.T) {
	out, _, err := runCmd(t, runSchema, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<https://w3id.org/newsgraph/ns#State> <http://www.w3.org/2000/01/rdf-schema#subClassOf> <https://schema.org/Country>`,
		`<https://w3id.org/newsgraph/ns#rejects> <https://w3id.org/newsgraph/ns#cameoRoot> "12"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("schema output lacks %s", want)
		}
	}
	ttl, _, err := runCmd(t, runSchema, "", "--format", "turtle")
	if err != nil || !strings.Contains(ttl, "ng:State\n    rdf:type rdfs:Class") {
		t.Errorf("turtle: %v\n%.300s", err, ttl)
	}
	if _, _, err := runCmd(t, runSchema, "", "--format", "xml"); !isUsage(err) {
		t.Errorf("bad format: err = %v, want usage error", err)
	}
}

func isUsage(err error) bool {
	_, ok := err.(usageError)
	return ok
}

// TestSchemaParses runs rapper on both formats (skipped when rapper is
// missing, unless CI is set).
func TestSchemaParses(t *testing.T) {
	rapper, err := exec.LookPath("rapper")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("rapper not installed (CI is set)")
		}
		t.Skip("rapper not installed")
	}
	for _, f := range [][2]string{{"nquads", "nquads"}, {"turtle", "turtle"}} {
		out, _, err := runCmd(t, runSchema, "", "--format", f[0])
		if err != nil {
			t.Fatal(err)
		}
		n := strings.Count(out, "\n")
		cmd := exec.Command(rapper, "-i", f[1], "-c", "-", "https://w3id.org/newsgraph/ns")
		cmd.Stdin = strings.NewReader(out)
		msg, err := cmd.CombinedOutput()
		if err != nil || strings.Contains(string(msg), "Error") || strings.Contains(string(msg), "Warning") {
			t.Errorf("%s: rapper: %v\n%s", f[0], err, msg)
		}
		if f[0] == "nquads" && !strings.Contains(string(msg), fmt.Sprintf("returned %d triples", n)) {
			t.Errorf("rapper counted differently from our %d lines:\n%s", n, msg)
		}
	}
}
