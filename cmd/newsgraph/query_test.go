package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestQuery(t *testing.T) {
	db := fixtureDB(t)
	q := `g.V("<https://w3id.org/newsgraph/id/entity/sylvania>").Out("<https://w3id.org/newsgraph/ns#controls>").All()`
	out, _, err := runCmd(t, runQuery, "", "--dbpath", db, q)
	if err != nil {
		t.Fatal(err)
	}
	if out != "id=entity/east-marsh\n" {
		t.Errorf("text output = %q", out)
	}
	out, _, err = runCmd(t, runQuery, "", "--dbpath", db, "--json", q)
	if err != nil {
		t.Fatal(err)
	}
	var row map[string]string
	if err := json.Unmarshal([]byte(out), &row); err != nil || row["id"] != "https://w3id.org/newsgraph/id/entity/east-marsh" {
		t.Errorf("json output = %q (%v)", out, err)
	}
	file := filepath.Join(t.TempDir(), "q.js")
	os.WriteFile(file, []byte(q), 0o644)
	if out2, _, err := runCmd(t, runQuery, "", "--dbpath", db, "-f", file); err != nil || out2 != "id=entity/east-marsh\n" {
		t.Errorf("-f: %v %q", err, out2)
	}
	if out2, _, err := runCmd(t, runQuery, q, "--dbpath", db, "-f", "-"); err != nil || out2 != "id=entity/east-marsh\n" {
		t.Errorf("-f -: %v %q", err, out2)
	}
	out, _, err = runCmd(t, runQuery, "", "--dbpath", db, "--named", "territories", "East Marsh")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "territoryLabel=East Marsh\trelation=ng:controls\tactorLabel=Sylvania\t") {
		t.Errorf("named output = %q", out)
	}
	if out, _, _ := runCmd(t, runQuery, "", "--dbpath", db, "--limit", "2", "g.V().All()"); strings.Count(out, "\n") != 2 {
		t.Errorf("--limit 2 gave %d lines", strings.Count(out, "\n"))
	}
	if out, _, _ := runCmd(t, runQuery, "", "--list"); !strings.Contains(out, "stances [ACTOR]") {
		t.Errorf("--list = %q", out)
	}
}

func TestQueryErrors(t *testing.T) {
	db := fixtureDB(t)
	tests := []struct {
		name  string
		args  []string
		usage bool
		msg   string
	}{
		{"syntax", []string{"g.V(("}, false, "gizmo"},
		{"panicky call", []string{"g.V().Out({a:1}).All()"}, false, "unsupported value"},
		{"loop", []string{"--timeout", "300ms", "while(true){}"}, false, "timed out"},
		{"no query", nil, true, ""},
		{"unknown named", []string{"--named", "nope"}, true, ""},
		{"named needs arg", []string{"--named", "entity"}, false, "needs an argument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := runCmd(t, runQuery, "", append([]string{"--dbpath", db}, tt.args...)...)
			if err == nil {
				t.Fatal("no error")
			}
			if isUsage(err) != tt.usage || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("err = %v (usage %v), want usage %v containing %q", err, isUsage(err), tt.usage, tt.msg)
			}
		})
	}
}
