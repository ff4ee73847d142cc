package graph

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"
	"google.golang.org/protobuf/proto"

	"github.com/newsgraph/newsgraph/schema"
)

// adderBatches are the fixture articles as quads, in three batches: the
// second and third name nodes and index keys the first wrote, and the
// third has a quad in the default graph.
func adderBatches(t *testing.T) [][]quad.Quad {
	t.Helper()
	m, _ := schema.NewMinter("")
	var out [][]quad.Quad
	for _, af := range []ArticleFacts{{article1, facts1()}, {article2, facts2()}} {
		qs, err := articleQuads(m, af.Article, af.Facts)
		if err != nil {
			t.Fatal(err)
		}
		var b []quad.Quad
		for _, q := range qs {
			b = append(b, toQuad(q))
		}
		out = append(out, b)
	}
	out = append(out, []quad.Quad{
		{Subject: quad.IRI(m.Entity(freedonia)), Predicate: quad.IRI(schema.RDFS + "label"), Object: quad.String("Freedonia, again")},
		{Subject: quad.IRI("urn:x:a"), Predicate: quad.IRI("urn:x:p"), Object: quad.IRI("urn:x:a")},
	})
	return out
}

func openBoltT(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), Options{Backend: Bolt, Path: filepath.Join(t.TempDir(), "db")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// dumpBolt lists every key and value of a bolt store, buckets as paths,
// with the time stamps of log primitives cleared.
func dumpBolt(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	var walk func(path string, b *bolt.Bucket) error
	walk = func(path string, b *bolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			if v == nil {
				return walk(fmt.Sprintf("%s/%q", path, k), b.Bucket(k))
			}
			if path == `/"log"` {
				var p cproto.Primitive
				if err := proto.Unmarshal(v, &p); err != nil {
					return err
				}
				p.Timestamp = 0
				v, _ = proto.MarshalOptions{Deterministic: true}.Marshal(&p)
			}
			out = append(out, fmt.Sprintf("%s %x = %x", path, k, v))
			return nil
		})
	}
	err := s.kv.(*hbolt.DB).DB().View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error { return walk(fmt.Sprintf("/%q", name), b) })
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestBoltAdderMatchesCayley writes the same batches through the adder
// and through Cayley's ApplyDeltas into two bolt stores and requires the
// same keys and values (time stamps aside), then deletes an article
// through Cayley from both and compares again.
func TestBoltAdderMatchesCayley(t *testing.T) {
	ours, theirs := openBoltT(t), openBoltT(t)
	if ours.adder == nil {
		t.Fatal("no adder on a writable bolt store")
	}
	for i, b := range adderBatches(t) {
		n, err := ours.adder.add(b, false)
		if err != nil || n != len(b) {
			t.Fatalf("batch %d: adder wrote %d of %d quads: %v", i, n, len(b), err)
		}
		ds := make([]cgraph.Delta, len(b))
		for k, q := range b {
			ds[k] = cgraph.Delta{Quad: q, Action: cgraph.Add}
		}
		if err := theirs.qs.ApplyDeltas(ds, cgraph.IgnoreOpts{}); err != nil {
			t.Fatal(err)
		}
		compareDumps(t, fmt.Sprintf("after batch %d", i), dumpBolt(t, ours), dumpBolt(t, theirs))
	}
	ctx := context.Background()
	for _, s := range []*Store{ours, theirs} {
		if _, err := s.DeleteArticle(ctx, article1.ID); err != nil {
			t.Fatal(err)
		}
	}
	compareDumps(t, "after delete", dumpBolt(t, ours), dumpBolt(t, theirs))

	// What Cayley reads back is what was written.
	var got []quad.Quad
	if err := ours.eachQuad(ctx, nil, func(q quad.Quad) error { got = append(got, q); return nil }); err != nil {
		t.Fatal(err)
	}
	want := quad.Quad{Subject: quad.IRI("urn:x:a"), Predicate: quad.IRI("urn:x:p"), Object: quad.IRI("urn:x:a")}
	if len(got) == 0 || !slices.Contains(got, want) {
		t.Errorf("store reads back %d quads, without %v", len(got), want)
	}
}

func compareDumps(t *testing.T, when string, ours, theirs []string) {
	t.Helper()
	if slices.Equal(ours, theirs) {
		return
	}
	var diff []string
	for _, l := range ours {
		if !slices.Contains(theirs, l) {
			diff = append(diff, "+ "+l)
		}
	}
	for _, l := range theirs {
		if !slices.Contains(ours, l) {
			diff = append(diff, "- "+l)
		}
	}
	t.Errorf("%s: the adder's store (+) differs from Cayley's (-) in %d of %d/%d entries:\n%s",
		when, len(diff), len(ours), len(theirs), strings.Join(diff[:min(len(diff), 30)], "\n"))
}

// TestBoltAdderDuplicates: quads the store holds, or the batch repeats,
// are skipped with ignoreDup and rejected without it, and a rejected
// batch writes nothing.
func TestBoltAdderDuplicates(t *testing.T) {
	s := openBoltT(t)
	bs := adderBatches(t)
	if _, err := s.adder.add(bs[0], false); err != nil {
		t.Fatal(err)
	}
	before := dumpBolt(t, s)
	again := append(slices.Clone(bs[1]), bs[0][3])
	if _, err := s.adder.add(again, false); !errors.Is(err, cgraph.ErrQuadExists) {
		t.Fatalf("re-adding a stored quad: got %v, want ErrQuadExists", err)
	}
	if _, err := s.adder.add([]quad.Quad{bs[2][1], bs[2][1]}, false); !errors.Is(err, cgraph.ErrQuadExists) {
		t.Fatalf("a batch naming a quad twice: got %v, want ErrQuadExists", err)
	}
	compareDumps(t, "after rejected batches", dumpBolt(t, s), before)
	n, err := s.adder.add(append(again, bs[2][1], bs[2][1]), true)
	if err != nil || n != len(bs[1])+1 {
		t.Fatalf("with ignoreDup: wrote %d, want %d: %v", n, len(bs[1])+1, err)
	}
	if n, err := s.adder.add(bs[0], true); err != nil || n != 0 {
		t.Fatalf("re-adding everything: wrote %d: %v", n, err)
	}
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if want := len(bs[0]) + len(bs[1]) + 1; st.Quads != want {
		t.Errorf("store holds %d quads, want %d", st.Quads, want)
	}
}
