package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadExportRoundTrip(t *testing.T) {
	db := fixtureDB(t)
	nq, _, err := runCmd(t, runExport, "", "--dbpath", db)
	if err != nil {
		t.Fatal(err)
	}
	db2 := filepath.Join(t.TempDir(), "copy.db")
	if _, _, err := runCmd(t, runLoad, nq, "--dbpath", db2, "-"); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "out.nq")
	if _, _, err := runCmd(t, runExport, "", "--dbpath", db2, "-o", file); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != nq {
		t.Errorf("round trip changed the export")
	}
	// Loading the export from a file, again, adds nothing.
	src := filepath.Join(t.TempDir(), "in.nq")
	os.WriteFile(src, []byte(nq), 0o644)
	if _, _, err := runCmd(t, runLoad, "", "--dbpath", db2, src); err != nil {
		t.Fatal(err)
	}
	again, _, _ := runCmd(t, runExport, "", "--dbpath", db2)
	if again != nq {
		t.Errorf("loading twice changed the store")
	}
}

func TestLoadBadInput(t *testing.T) {
	db := fixtureDB(t)
	before, _, _ := runCmd(t, runExport, "", "--dbpath", db)
	bad := "<http://e.org/a> <http://e.org/b> <http://e.org/c> .\n<http://e.org/a> <http://e.org/b> \"unterminated .\n"
	_, _, err := runCmd(t, runLoad, bad, "--dbpath", db, "-")
	if err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Fatalf("err = %v, want an error naming line 2", err)
	}
	after, _, _ := runCmd(t, runExport, "", "--dbpath", db)
	if after != before {
		t.Errorf("a failed load changed the store")
	}
	if _, _, err := runCmd(t, runLoad, "", "--dbpath", db); !isUsage(err) {
		t.Errorf("no input: err = %v, want usage error", err)
	}
	if _, _, err := runCmd(t, runLoad, "", "--dbpath", db, filepath.Join(t.TempDir(), "missing.nq")); err == nil {
		t.Errorf("missing file: no error")
	}
}
