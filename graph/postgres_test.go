package graph

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"testing"
)

var pgSchemas atomic.Int64

// resetPostgres creates a fresh PostgreSQL schema for one test, drops it
// when the test ends, and returns a DSN whose search_path points at it, so
// tests (and test packages running at the same time) never share tables.
func resetPostgres(t testing.TB, dsn string) string {
	t.Helper()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("ng_test_%d_%d", os.Getpid(), pgSchemas.Add(1))
	if _, err := db.Exec("DROP SCHEMA IF EXISTS " + name + " CASCADE; CREATE SCHEMA " + name); err != nil {
		db.Close()
		t.Fatalf("postgres: %v", err)
	}
	t.Cleanup(func() {
		db.Exec("DROP SCHEMA IF EXISTS " + name + " CASCADE")
		db.Close()
	})
	if strings.Contains(dsn, "://") {
		sep := "?"
		if strings.Contains(dsn, "?") {
			sep = "&"
		}
		return dsn + sep + "search_path=" + name
	}
	return dsn + " search_path=" + name
}

// TestPostgresReadOnlyNoStore: opening a database without a store
// read-only fails and creates nothing.
func TestPostgresReadOnlyNoStore(t *testing.T) {
	dsn := postgresDSN(t)
	if dsn == "" {
		t.Skip()
	}
	dsn = resetPostgres(t, dsn)
	if s, err := Open(context.Background(), Options{Backend: Postgres, Path: dsn, ReadOnly: true}); err == nil {
		s.Close()
		t.Fatal("read-only open of an empty database succeeded")
	} else if !strings.Contains(err.Error(), "no newsgraph store") {
		t.Errorf("error %q does not say there is no store", err)
	}
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var exists bool
	if err := db.QueryRow(`SELECT to_regclass('quads') IS NOT NULL`).Scan(&exists); err != nil || exists {
		t.Errorf("quads table after a read-only open: %v, %v", exists, err)
	}
}
