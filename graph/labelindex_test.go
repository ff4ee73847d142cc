package graph

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"

	"github.com/newsgraph/newsgraph/schema"
)

// graphScan is what an article's graph reads as through Cayley, and
// whether Cayley answered from an index (not a scan of every quad).
func graphScan(t *testing.T, s *Store, id string) ([]string, bool) {
	t.Helper()
	g := quad.IRI(s.minter.Article(id))
	ref, err := s.qs.ValueOf(g)
	if err != nil || ref == nil {
		t.Fatalf("graph %s: ref %v, %v", g, ref, err)
	}
	_, indexed := s.qs.QuadIterator(quad.Label, ref).(*kv.QuadIterator)
	qs, err := s.graphQuads(context.Background(), g)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, q := range qs {
		out = append(out, toQuad(q).String())
	}
	slices.Sort(out)
	return out, indexed
}

func TestLabelIndexOnNewStores(t *testing.T) {
	ctx := context.Background()
	s := openBoltT(t)
	if _, err := s.WriteArticle(ctx, article1, facts1()); err != nil {
		t.Fatal(err)
	}
	got, indexed := graphScan(t, s, article1.ID)
	if !indexed {
		t.Error("a new bolt store reads an article's graph by scanning every quad")
	}
	want, err := articleQuads(s.minter, article1, facts1())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Errorf("graph has %d quads, want %d", len(got), len(want))
	}
	// Rewriting with fewer facts removes quads through Cayley, which must
	// keep the index right.
	if _, err := s.WriteArticle(ctx, article1, facts1()[:1]); err != nil {
		t.Fatal(err)
	}
	want, _ = articleQuads(s.minter, article1, facts1()[:1])
	if got, _ := graphScan(t, s, article1.ID); len(got) != len(want) {
		t.Errorf("after a rewrite the graph has %d quads, want %d", len(got), len(want))
	}
}

// TestAddLabelIndex opens a store written with Cayley's default indexes
// only, as newsgraph wrote them before the label index: opening it adds
// the index, and every graph reads the same through it.
func TestAddLabelIndex(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "db")
	if err := os.MkdirAll(path, 0o755); err != nil {
		t.Fatal(err)
	}
	qs := cayleyBolt(t, path, kvOptions)
	m, _ := schema.NewMinter("")
	var all [][]schema.Quad
	for _, af := range []ArticleFacts{{article1, facts1()}, {article2, facts2()}} {
		q, err := articleQuads(m, af.Article, af.Facts)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, q)
		var deltas []cgraph.Delta
		for _, sq := range q {
			deltas = append(deltas, cgraph.Delta{Quad: toQuad(sq), Action: cgraph.Add})
		}
		if err := qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{}); err != nil {
			t.Fatal(err)
		}
	}
	// A deleted quad must not come back through the new index.
	if err := qs.ApplyDeltas([]cgraph.Delta{{Quad: toQuad(all[0][0]), Action: cgraph.Delete}}, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	all[0] = all[0][1:]
	qs.Close()

	s, err := Open(ctx, Options{Backend: Bolt, Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var inds []kv.QuadIndex
	err = s.kv.(*hbolt.DB).DB().View(func(tx *bolt.Tx) error {
		return json.Unmarshal(tx.Bucket(bucketMeta).Get([]byte("indexes")), &inds)
	})
	if err != nil || !hasLabelIndex(inds) || len(inds) != 3 {
		t.Fatalf("index list after opening: %v, %v", inds, err)
	}
	for i, id := range []string{article1.ID, article2.ID} {
		got, indexed := graphScan(t, s, id)
		if !indexed {
			t.Errorf("%s: not read through the label index", id)
		}
		var want []string
		for _, q := range all[i] {
			want = append(want, toQuad(q).String())
		}
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s through the label index:\n got %q\nwant %q", id, got, want)
		}
	}
	if added, err := addLabelIndex(s.kv.(*hbolt.DB).DB()); added || err != nil {
		t.Errorf("second addLabelIndex: added %v, %v", added, err)
	}
}

// BenchmarkRewriteArticle rewrites one article (its facts alternately all
// and one fewer) in a store holding 2,000 other articles, as a rebuild of
// a folder into an existing store does, on bolt and (with
// NEWSGRAPH_TEST_POSTGRES) PostgreSQL; it reports articles/s. Without an
// index on graph labels each rewrite read every quad of the store.
func BenchmarkRewriteArticle(b *testing.B) {
	backends := []Options{{Backend: Bolt, Path: filepath.Join(b.TempDir(), "db")}}
	if dsn := os.Getenv("NEWSGRAPH_TEST_POSTGRES"); dsn != "" {
		backends = append(backends, Options{Backend: Postgres, Path: resetPostgres(b, dsn)})
	}
	for _, o := range backends {
		b.Run(o.Backend, func(b *testing.B) {
			ctx := context.Background()
			s, err := Open(ctx, o)
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			var arts []ArticleFacts
			for i := 0; i < 2000; i++ {
				a := article2
				a.ID = fmt.Sprintf("other-%d", i)
				arts = append(arts, ArticleFacts{a, inDoc(facts2(), a.ID)})
			}
			if _, errs := s.WriteArticles(ctx, arts); errs[0] != nil {
				b.Fatal(errs[0])
			}
			full := facts1()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				res, err := s.WriteArticle(ctx, article1, full[:len(full)-i%2])
				if err != nil {
					b.Fatal(err)
				}
				if i > 0 && res.Added+res.Removed == 0 {
					b.Fatal("the rewrite changed nothing")
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// inDoc is fs with their evidence (nested facts' too) in document id.
func inDoc(fs []schema.Fact, id string) []schema.Fact {
	for i := range fs {
		fs[i].Evidence.Doc = id
		for _, t := range []schema.Term{fs[i].Subject, fs[i].Object} {
			if t.Prop != nil {
				inner := inDoc([]schema.Fact{*t.Prop}, id)
				*t.Prop = inner[0]
			}
		}
	}
	return fs
}

// TestLabelIndexPostgres: a PostgreSQL store gets an index on graph labels,
// and PostgreSQL reads an article's graph through it.
func TestLabelIndexPostgres(t *testing.T) {
	dsn := postgresDSN(t)
	if dsn == "" {
		t.Skip()
	}
	dsn = resetPostgres(t, dsn)
	s := mustOpen(t, Options{Backend: Postgres, Path: dsn})
	if _, err := s.WriteArticle(context.Background(), article1, facts1()); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var def string
	err = db.QueryRow(`SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'quads' AND indexname = 'quads_label_index'`).Scan(&def)
	if err != nil || !strings.Contains(def, "(label_hash)") {
		t.Fatalf("label index: %q, %v", def, err)
	}
	// With sequential scans priced out, the planner must have an index to
	// read one graph's quads by.
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`SET LOCAL enable_seqscan = off`); err != nil {
		t.Fatal(err)
	}
	var plan []string
	rows, err := tx.Query(`EXPLAIN SELECT subject_hash FROM quads WHERE label_hash = (SELECT label_hash FROM quads LIMIT 1)`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var l string
		rows.Scan(&l)
		plan = append(plan, l)
	}
	rows.Close()
	if p := strings.Join(plan, "\n"); !strings.Contains(p, "quads_label_index") {
		t.Errorf("a read by label does not use the index:\n%s", p)
	}
}
