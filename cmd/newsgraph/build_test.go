package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const seedArticle = "bbc-european-leaders-to-join-zelensky"

// TestBuildGolden builds the founding article into a fresh bolt store and
// compares the exported N-Quads with the golden file beside it. Run with
// -update to rewrite the golden file after a reviewed change.
func TestBuildGolden(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	input := filepath.Join("..", "..", "testdata", seedArticle+".txt")
	out, errOut, err := runCmd(t, runBuild, "", "--dbpath", db, "--date", "2025-08-17", "-q", input)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, errOut)
	}
	if !strings.Contains(out, "1 articles") {
		t.Errorf("summary missing from output:\n%s", out)
	}
	got, _, err := runCmd(t, runExport, "", "--dbpath", db)
	if err != nil {
		t.Fatal(err)
	}
	// The build fingerprint depends on the test binary; it is checked by
	// TestBuildSkipsUnchanged, not here.
	got = withoutFingerprints(got)
	golden := filepath.Join("..", "..", "testdata", seedArticle+".nq")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/newsgraph -run TestBuildGolden -update to create it)", err)
	}
	missing, extra := diffLines(string(want), got)
	for _, l := range missing {
		t.Errorf("missing quad: %s", l)
	}
	for _, l := range extra {
		t.Errorf("extra quad:   %s", l)
	}

	// Idempotence: building the same article again changes nothing.
	if _, errOut, err := runCmd(t, runBuild, "", "--dbpath", db, "--date", "2025-08-17", "-q", input); err != nil {
		t.Fatalf("second build: %v\n%s", err, errOut)
	}
	again, _, err := runCmd(t, runExport, "", "--dbpath", db)
	if err != nil {
		t.Fatal(err)
	}
	if again = withoutFingerprints(again); again != got {
		m, e := diffLines(got, again)
		t.Errorf("a second build changed the store: %d quads missing, %d extra", len(m), len(e))
	}
}

// withoutFingerprints drops the build-fingerprint graph from N-Quads.
func withoutFingerprints(nq string) string {
	var b strings.Builder
	for _, l := range strings.SplitAfter(nq, "\n") {
		if !strings.Contains(l, "/graph/build-fingerprints>") {
			b.WriteString(l)
		}
	}
	return b.String()
}

// TestBuildSkipsUnchanged builds the same folder again: unchanged articles
// are skipped and the store stays as it was; a changed text, --force, and
// an article deleted in between are processed again.
func TestBuildSkipsUnchanged(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(in, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "Sylvania rejected the ceasefire on Monday.")
	write("b.txt", "Freedonia proposed a peace plan.")
	db := filepath.Join(dir, "db")
	build := func(args ...string) string {
		t.Helper()
		out, errOut, err := runCmd(t, runBuild, "", append([]string{"--dbpath", db, "-q", "--list", "never"}, append(args, in)...)...)
		if err != nil {
			t.Fatalf("build: %v\n%s", err, errOut)
		}
		return out
	}
	export := func() string {
		t.Helper()
		out, _, err := runCmd(t, runExport, "", "--dbpath", db)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	if out := build(); !strings.Contains(out, "2 articles,") {
		t.Fatalf("first build:\n%s", out)
	}
	first := export()
	if !strings.Contains(first, "/graph/build-fingerprints>") {
		t.Error("no build fingerprints in the store")
	}
	out := build()
	if !strings.Contains(out, "0 articles,") || !strings.Contains(out, "2 articles unchanged") {
		t.Errorf("second build did not skip both articles:\n%s", out)
	}
	if export() != first {
		t.Error("skipping changed the store")
	}
	write("b.txt", "Freedonia rejected a peace plan.")
	if out := build(); !strings.Contains(out, "1 articles,") || !strings.Contains(out, "1 articles unchanged") {
		t.Errorf("after changing b.txt:\n%s", out)
	}
	if out := build("--force"); !strings.Contains(out, "2 articles,") || strings.Contains(out, "unchanged") {
		t.Errorf("--force:\n%s", out)
	}
	if _, errOut, err := runCmd(t, runDelete, "", "--dbpath", db, "a"); err != nil {
		t.Fatalf("delete: %v\n%s", err, errOut)
	}
	if out := build(); !strings.Contains(out, "1 articles,") || !strings.Contains(out, "1 articles unchanged") {
		t.Errorf("after deleting a:\n%s", out)
	}
}

// diffLines returns the lines of want missing from got and the lines of got
// not in want, each sorted.
func diffLines(want, got string) (missing, extra []string) {
	count := func(s string) map[string]int {
		m := map[string]int{}
		for _, l := range strings.Split(s, "\n") {
			if l != "" {
				m[l]++
			}
		}
		return m
	}
	w, g := count(want), count(got)
	for l, n := range w {
		for i := g[l]; i < n; i++ {
			missing = append(missing, l)
		}
	}
	for l, n := range g {
		for i := w[l]; i < n; i++ {
			extra = append(extra, l)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	return missing, extra
}

// TestBuildBadArticles checks that bad inputs are reported and skipped
// while the good article is still written.
func TestBuildBadArticles(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"good.txt":  "The minister met the ambassador in Paris on Monday.",
		"bad.txt":   "caf\xe9",
		"empty.txt": "",
		"bin.txt":   "\x00\x01\x02",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(in, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, "b.db")
	out, errOut, err := runCmd(t, runBuild, "", "--dbpath", db, "-q", in)
	if err == nil || !strings.Contains(err.Error(), "3 of 4 articles failed") {
		t.Errorf("err = %v, want 3 of 4 failed", err)
	}
	for _, want := range []string{"skipped bad: invalid UTF-8", "skipped empty: empty article", "skipped bin: binary file"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if !strings.Contains(out, "1 articles") {
		t.Errorf("stdout = %q, want the good article counted", out)
	}
	s, err := graph.Open(context.Background(), graph.Options{Path: db, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var buf bytes.Buffer
	if n, err := s.Export(context.Background(), &buf, "good"); err != nil || n == 0 {
		t.Errorf("good article: %d quads, err %v; want it written", n, err)
	}
}

// TestBuildUsage checks the usage errors.
func TestBuildUsage(t *testing.T) {
	tests := [][]string{{}, {"--workers", "0", "x"}, {"--date", "17/08/2025", "x"}, {"--list", "some", "x"}}
	for _, args := range tests {
		_, _, err := runCmd(t, runBuild, "", args...)
		var ue usageError
		if !errors.As(err, &ue) {
			t.Errorf("build %v: err = %v, want a usage error", args, err)
		}
	}
}
