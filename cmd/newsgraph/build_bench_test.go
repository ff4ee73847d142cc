package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/newsgraph/newsgraph/extract/pipeline"
)

// BenchmarkBuildBBC runs "newsgraph build -j 1" on the BBC folder of
// ../shared/data/news (skipped when it is absent), into a fresh bolt
// store per iteration: the end-to-end throughput (read, annotate,
// extract, write) the knowledge-graph issue sets a target for. Pin it to
// one core:
//
//	taskset -c 0 go test -run '^$' -bench BuildBBC -benchtime 1x ./cmd/newsgraph
func BenchmarkBuildBBC(b *testing.B) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "news", "bbc")
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("no BBC folder: %v", err)
	}
	// The models are decoded once per process (0.7 s) before the clock
	// starts, as build's own timing leaves them out: this is the rate at
	// which a run goes through a corpus.
	if _, err := pipeline.Default(); err != nil {
		b.Fatal(err)
	}
	summary := regexp.MustCompile(`(\d+) articles, \d+ sentences, (\d+) words`)
	words := 0
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db := filepath.Join(b.TempDir(), "db")
		var out, errb bytes.Buffer
		b.StartTimer()
		err := runBuild(context.Background(), []string{"-j", "1", "--list", "never", "--dbpath", db, dir}, stdio{nil, &out, &errb})
		b.StopTimer()
		if err != nil {
			b.Fatalf("build: %v\n%s", err, errb.String())
		}
		m := summary.FindStringSubmatch(out.String())
		if m == nil || m[1] == "0" {
			b.Fatalf("no articles built: %s", out.String())
		}
		n, _ := strconv.Atoi(m[2])
		words += n
	}
	b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
}
