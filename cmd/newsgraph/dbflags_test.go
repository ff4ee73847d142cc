package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// TestLockedStore: when another handle holds the bolt store, commands fail
// fast with a clear error instead of hanging.
func TestLockedStore(t *testing.T) {
	db := fixtureDB(t)
	holder, err := graph.Open(context.Background(), graph.Options{Path: db})
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	start := time.Now()
	_, _, err = runCmd(t, runStats, "", "--dbpath", db, "--lock-timeout", "200ms")
	if err == nil || !strings.Contains(err.Error(), "locked by another process") {
		t.Errorf("err = %v, want a lock error", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("gave up after %v", d)
	}
}

func TestDBFlagErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args  []string
		usage bool
		msg   string
	}{
		{[]string{"--db", "nosuch"}, true, "want one of"},
		{[]string{"--db", "postgres"}, true, "needs --dbpath"},
		{[]string{"--dbpath", filepath.Join(dir, "missing.db")}, false, "does not exist"},
		{[]string{"--dbpath", dir, "--base", "not-absolute/"}, false, "base"},
	}
	for _, tt := range tests {
		_, _, err := runCmd(t, runStats, "", tt.args...)
		if err == nil || isUsage(err) != tt.usage || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%v: err = %v, want usage %v containing %q", tt.args, err, tt.usage, tt.msg)
		}
	}
	// A corrupt store.
	bad := filepath.Join(dir, "corrupt.db")
	os.MkdirAll(bad, 0o755)
	os.WriteFile(filepath.Join(bad, "indexes.bolt"), []byte(strings.Repeat("garbage ", 2000)), 0o644)
	if _, _, err := runCmd(t, runExport, "", "--dbpath", bad); err == nil {
		t.Errorf("corrupt store: no error")
	}
}

// TestPostgresCommands runs load, query, export and delete against
// PostgreSQL (NEWSGRAPH_TEST_POSTGRES; skipped when unset unless CI is set).
func TestPostgresCommands(t *testing.T) {
	dsn := os.Getenv("NEWSGRAPH_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("CI is set but NEWSGRAPH_TEST_POSTGRES is not")
		}
		t.Skip("NEWSGRAPH_TEST_POSTGRES unset")
	}
	dsn = freshSchema(t, dsn)
	nq, _, err := runCmd(t, runExport, "", "--dbpath", fixtureDB(t))
	if err != nil {
		t.Fatal(err)
	}
	pg := []string{"--db", "postgres", "--dbpath", dsn}
	if _, _, err := runCmd(t, runLoad, nq, append(pg, "-")...); err != nil {
		t.Fatal(err)
	}
	out, _, err := runCmd(t, runExport, "", pg...)
	if err != nil {
		t.Fatal(err)
	}
	if len(strings.Split(out, "\n")) != len(strings.Split(nq, "\n")) {
		t.Errorf("postgres export has %d lines, loaded %d", len(strings.Split(out, "\n")), len(strings.Split(nq, "\n")))
	}
	q, _, err := runCmd(t, runQuery, "", append(pg, "--named", "territories")...)
	if err != nil || !strings.Contains(q, "actorLabel=Sylvania") {
		t.Errorf("named query on postgres: %v\n%s", err, q)
	}
	if _, _, err := runCmd(t, runDelete, "", append(pg, "a1")...); err != nil {
		t.Fatal(err)
	}
	if out, _, _ := runCmd(t, runExport, "", pg...); out != "" {
		t.Errorf("postgres store not empty after delete:\n%s", out)
	}
}

// freshSchema gives a test its own PostgreSQL schema (dropped at the end)
// through search_path, so test packages never share tables.
func freshSchema(t *testing.T, dsn string) string {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("ng_cmd_%d_%d", os.Getpid(), time.Now().UnixNano())
	if _, err := db.Exec("CREATE SCHEMA " + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Exec("DROP SCHEMA " + name + " CASCADE"); db.Close() })
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	return dsn + sep + "search_path=" + name
}
