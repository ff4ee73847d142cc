package main

import (
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
