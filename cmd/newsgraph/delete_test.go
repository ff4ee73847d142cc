package main

import (
	"testing"
)

func TestDelete(t *testing.T) {
	db := fixtureDB(t)
	if _, _, err := runCmd(t, runDelete, "", "--dbpath", db, "a1"); err != nil {
		t.Fatal(err)
	}
	out, _, err := runCmd(t, runExport, "", "--dbpath", db)
	if err != nil || out != "" {
		t.Errorf("after delete: %v\n%s", err, out)
	}
	if _, _, err := runCmd(t, runDelete, "", "--dbpath", db, "a1"); err == nil {
		t.Errorf("deleting a missing article: no error")
	}
	if _, _, err := runCmd(t, runDelete, "", "--dbpath", db); !isUsage(err) {
		t.Errorf("no ids: err = %v, want usage error", err)
	}
}
