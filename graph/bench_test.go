package graph

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/memstore"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"

	"github.com/newsgraph/newsgraph/schema"
)

// Benchmarks load, export and query a generated graph of
// NEWSGRAPH_BENCH_QUADS quads (default 1,000,000) shaped like ours:
// articles with statements about a pool of entities. Run them one at a
// time to read peak memory, e.g.
//
//	go test ./graph -run '^$' -bench 'Load/bolt' -benchtime 1x

func benchQuads() int {
	if n, err := strconv.Atoi(os.Getenv("NEWSGRAPH_BENCH_QUADS")); err == nil && n > 0 {
		return n
	}
	return 1_000_000
}

var (
	benchOnce sync.Once
	benchFile string
	benchN    int
	benchErr  error
)

// benchData writes the generated N-Quads file once per process and returns
// its path and quad count.
func benchData(b *testing.B) (string, int) {
	benchOnce.Do(func() {
		want := benchQuads()
		// One file per size and generator version in the temp folder,
		// reused by later runs (the content is deterministic).
		benchFile = filepath.Join(os.TempDir(), fmt.Sprintf("newsgraph-bench-v1-%d.nq", want))
		if st, err := os.Stat(benchFile); err == nil && st.Size() > 0 {
			benchN = want
			return
		}
		tmp := benchFile + fmt.Sprintf(".%d.tmp", os.Getpid())
		defer os.Remove(tmp)
		f, err := os.Create(tmp)
		if err != nil {
			benchErr = err
			return
		}
		w := bufio.NewWriterSize(f, 1<<20)
		m, _ := schema.NewMinter("")
		classes := []schema.Class{schema.ClassPerson, schema.ClassState, schema.ClassOrganization, schema.ClassTerritory, schema.ClassCeasefire}
		ps := []schema.Predicate{schema.Supports, schema.Opposes, schema.Proposes, schema.Rejects, schema.Controls, schema.Claims, schema.MeetsWith}
		ent := func(i int) *schema.Entity {
			return &schema.Entity{Class: classes[i%len(classes)], Name: fmt.Sprintf("Entity %d", i)}
		}
		var sb strings.Builder
		for a := 0; benchN < want; a++ {
			id := fmt.Sprintf("bench-%06d", a)
			var text strings.Builder
			var facts []schema.Fact
			for k := 0; k < 8; k++ {
				i := (a*31 + k*7) % 20000
				j := (a*17 + k*13 + 1) % 20000
				start := text.Len()
				fmt.Fprintf(&text, "Entity %d acts on Entity %d in sentence %d. ", i, j, k)
				facts = append(facts, schema.Fact{Subject: schema.EntityTerm(ent(i)), Predicate: ps[(a+k)%len(ps)], Relation: "acts on",
					Object: schema.EntityTerm(ent(j)),
					Evidence: schema.Evidence{Doc: id, Sentence: k, Start: start, End: text.Len() - 1, Text: text.String()[start : text.Len()-1],
						Extractor: "bench/1", Conf: 0.75, Negated: k%5 == 4}})
			}
			qs, err := articleQuads(m, schema.Article{ID: id, Title: "Bench " + id, Date: "2026-01-01", Text: text.String()}, facts)
			if err != nil {
				benchErr = err
				return
			}
			for _, q := range qs {
				if benchN == want {
					break
				}
				sb.Reset()
				q.AppendTo(&sb)
				w.WriteString(sb.String())
				benchN++
			}
		}
		if err := w.Flush(); err != nil {
			benchErr = err
		}
		f.Close()
		if benchErr == nil {
			benchErr = os.Rename(tmp, benchFile)
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchFile, benchN
}

// cpuSeconds is the process's user+system CPU time: on a shared machine
// quads per CPU second is steadier than quads per wall second.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}

func peakMB() float64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return float64(ru.Maxrss) / 1024 // Linux: KiB
}

// countQuads counts the quads a store holds, to check a load.
func countQuads(b *testing.B, qs cgraph.QuadStore) int {
	s := &Store{qs: qs}
	n := 0
	if err := s.eachQuad(context.Background(), nil, func(quad.Quad) error { n++; return nil }); err != nil {
		b.Fatal(err)
	}
	return n
}

type benchBackend struct {
	name string
	// ours opens a fresh store our way; stock opens it the way stock
	// cayley does (bloom filters on), for Cayley's loader.
	ours  func(b *testing.B) *Store
	stock func(b *testing.B) cgraph.QuadStore
}

// cayleyBolt opens a bolt store in dir the way Cayley itself creates one
// (its default indexes, the given options), closed when the test ends.
func cayleyBolt(tb testing.TB, dir string, opts cgraph.Options) cgraph.QuadStore {
	tb.Helper()
	db, err := bolt.Open(filepath.Join(dir, "indexes.bolt"), 0o644, nil)
	if err != nil {
		tb.Fatal(err)
	}
	h := hbolt.New(db)
	if err := kv.Init(h, opts); err != nil {
		tb.Fatal(err)
	}
	qs, err := kv.New(h, opts)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { qs.Close() })
	return qs
}

func benchBackends(b *testing.B) []benchBackend {
	bs := []benchBackend{
		{"memstore",
			func(b *testing.B) *Store { return mustOpen(b, Options{Backend: Memstore}) },
			func(b *testing.B) cgraph.QuadStore { return memstore.New() }},
		{"bolt",
			func(b *testing.B) *Store { return mustOpen(b, Options{Path: filepath.Join(b.TempDir(), "g.db")}) },
			func(b *testing.B) cgraph.QuadStore { return cayleyBolt(b, b.TempDir(), nil) }},
	}
	if dsn := os.Getenv("NEWSGRAPH_TEST_POSTGRES"); dsn != "" {
		bs = append(bs, benchBackend{"postgres",
			func(b *testing.B) *Store { return mustOpen(b, Options{Backend: Postgres, Path: resetPostgres(b, dsn)}) },
			func(b *testing.B) cgraph.QuadStore {
				p := resetPostgres(b, dsn)
				if err := csql.Init("postgres", p, nil); err != nil {
					b.Fatal(err)
				}
				qs, err := csql.New("postgres", p, nil)
				if err != nil {
					b.Fatal(err)
				}
				b.Cleanup(func() { qs.Close() })
				return qs
			}})
	}
	return bs
}

// BenchmarkLoad loads the generated file with Store.Import ("ours") and
// with Cayley's own loader path ("cayley": the store's NewQuadWriter fed
// by quad.CopyBatch with quad.DefaultBatch from Cayley's N-Quads reader,
// as cayley load does), into the same backend, and checks the count.
func BenchmarkLoad(b *testing.B) {
	file, n := benchData(b)
	for _, be := range benchBackends(b) {
		b.Run(be.name+"/ours", func(b *testing.B) {
			cpu := 0.0
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s := be.ours(b)
				f, err := os.Open(file)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				c0 := cpuSeconds()
				res, err := s.Import(context.Background(), f)
				cpu += cpuSeconds() - c0
				b.StopTimer()
				f.Close()
				if err != nil || res.Quads != n {
					b.Fatalf("import: %v, %d quads", err, res.Quads)
				}
				if got := countQuads(b, s.qs); got != n {
					b.Fatalf("store holds %d quads, want %d", got, n)
				}
				s.Close()
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
			b.ReportMetric(float64(n)*float64(b.N)/cpu, "quads/cpu-s")
			b.ReportMetric(peakMB(), "peak-MB")
		})
		b.Run(be.name+"/cayley", func(b *testing.B) {
			cpu := 0.0
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				qs := be.stock(b)
				f, err := os.Open(file)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				c0 := cpuSeconds()
				qw, err := qs.NewQuadWriter()
				if err != nil {
					b.Fatal(err)
				}
				if _, err := quad.CopyBatch(qw, nquads.NewReader(f, false), quad.DefaultBatch); err != nil {
					b.Fatal(err)
				}
				if err := qw.Close(); err != nil {
					b.Fatal(err)
				}
				cpu += cpuSeconds() - c0
				b.StopTimer()
				f.Close()
				if got := countQuads(b, qs); got != n {
					b.Fatalf("store holds %d quads, want %d", got, n)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
			b.ReportMetric(float64(n)*float64(b.N)/cpu, "quads/cpu-s")
			b.ReportMetric(peakMB(), "peak-MB")
		})
	}
}

// loaded returns a store of one backend holding the generated graph.
func loaded(b *testing.B, backend string) (*Store, int) {
	file, n := benchData(b)
	var s *Store
	for _, be := range benchBackends(b) {
		if be.name == backend {
			s = be.ours(b)
		}
	}
	if s == nil {
		b.Skipf("backend %s not available", backend)
	}
	f, err := os.Open(file)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if _, err := s.Import(context.Background(), f); err != nil {
		b.Fatal(err)
	}
	return s, n
}

// BenchmarkExport streams the whole store as N-Quads and checks the count.
func BenchmarkExport(b *testing.B) {
	for _, backend := range []string{"memstore", "bolt"} {
		b.Run(backend, func(b *testing.B) {
			s, n := loaded(b, backend)
			b.ResetTimer()
			c0 := cpuSeconds()
			for i := 0; i < b.N; i++ {
				got, err := s.Export(context.Background(), io.Discard, "")
				if err != nil || got != n {
					b.Fatalf("export: %v, %d quads, want %d", err, got, n)
				}
			}
			cpu := cpuSeconds() - c0
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
			b.ReportMetric(float64(n)*float64(b.N)/cpu, "quads/cpu-s")
			b.ReportMetric(peakMB(), "peak-MB")
		})
	}
}

// BenchmarkNamedQuery runs the stances query for one actor on the full
// graph and checks it finds statements.
func BenchmarkNamedQuery(b *testing.B) {
	for _, backend := range []string{"memstore", "bolt"} {
		b.Run(backend, func(b *testing.B) {
			s, _ := loaded(b, backend)
			b.ResetTimer()
			rows := 0
			for i := 0; i < b.N; i++ {
				rows = 0
				err := s.RunNamed(context.Background(), "stances", "Entity 7", 0, func(Result) error { rows++; return nil })
				if err != nil {
					b.Fatal(err)
				}
				if rows == 0 {
					b.Fatal("stances found nothing")
				}
			}
			b.ReportMetric(float64(rows), "rows")
			b.ReportMetric(peakMB(), "peak-MB")
		})
	}
}
