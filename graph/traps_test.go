package graph

// Tests for the traps in the pinned Cayley (see the issue and doc.go): each
// shows that newsgraph is past it.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/schema"
)

// needTool returns the path of an external tool, skipping the test when it
// is missing, unless CI is set: then it fails.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s not installed (CI is set)", name)
		}
		t.Skipf("%s not installed", name)
	}
	return p
}

// TestTrapBoltPackage: the old github.com/boltdb/bolt package fails Go's
// pointer checks under -race; the graph package must link only bbolt.
// Under -race (the CI runs go test -race on this package) the bolt
// conformance test below runs with the checks on.
func TestTrapBoltPackage(t *testing.T) {
	goTool := needTool(t, "go")
	out, err := exec.Command(goTool, "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := string(out)
	if strings.Contains(deps, "github.com/boltdb/bolt\n") {
		t.Errorf("graph links github.com/boltdb/bolt, which fails -race pointer checks")
	}
	for _, bad := range []string{"github.com/cayleygraph/cayley/graph/all\n", "github.com/cayleygraph/cayley/graph/kv/all\n"} {
		if strings.Contains(deps, bad) {
			t.Errorf("graph imports %s", strings.TrimSpace(bad))
		}
	}
	if !strings.Contains(deps, "go.etcd.io/bbolt\n") {
		t.Errorf("graph does not link go.etcd.io/bbolt")
	}
	t.Logf("race detector on: %v", raceEnabled)
}

// TestTrapBloom: without no_bloom an empty kv store allocates ~300 MB of
// bloom filters. Opening ours must allocate far less.
func TestTrapBloom(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.db")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	s := mustOpen(t, Options{Path: path})
	if _, err := s.WriteArticle(context.Background(), article1, facts1()); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20 {
		t.Errorf("opening an empty bolt store and writing one article allocated %d MB", grew>>20)
	}
}

// TestTrapLockTimeout: a second process opening a bolt file another
// process holds blocks forever in stock Cayley; ours fails with ErrLocked
// after the timeout.
func TestTrapLockTimeout(t *testing.T) {
	if os.Getenv("NEWSGRAPH_HOLD_DB") != "" {
		return // the child side runs in TestHelperHoldDB
	}
	path := filepath.Join(t.TempDir(), "g.db")
	s := mustOpen(t, Options{Path: path})
	s.Close()

	child := exec.Command(os.Args[0], "-test.run=^TestHelperHoldDB$", "-test.v")
	child.Env = append(os.Environ(), "NEWSGRAPH_HOLD_DB="+path)
	stdout, _ := child.StdoutPipe()
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { child.Process.Kill(); child.Wait() }()
	buf := make([]byte, 256)
	var got string
	for !strings.Contains(got, "holding") {
		n, err := stdout.Read(buf)
		if err != nil {
			t.Fatalf("child: %v (%q)", err, got)
		}
		got += string(buf[:n])
	}
	for _, ro := range []bool{false, true} {
		start := time.Now()
		_, err := Open(context.Background(), Options{Path: path, Timeout: 300 * time.Millisecond, ReadOnly: ro})
		if !errors.Is(err, ErrLocked) {
			t.Errorf("read-only %v: err = %v, want ErrLocked", ro, err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("read-only %v: gave up after %v", ro, d)
		}
	}
}

// TestHelperHoldDB is the child process of TestTrapLockTimeout: it holds a
// bolt store open until killed.
func TestHelperHoldDB(t *testing.T) {
	path := os.Getenv("NEWSGRAPH_HOLD_DB")
	if path == "" {
		t.Skip("helper process only")
	}
	s, err := Open(context.Background(), Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fmt.Println("holding")
	time.Sleep(time.Minute)
}

// evilArticle puts text that could break or inject N-Quads everywhere a
// string reaches the output.
func evilArticle() (schema.Article, []schema.Fact) {
	text := "A> <http://evil.example/x> \"q\" . \nB said \"hi\\\" \u2028 \x01 tab\there."
	a := schema.Article{ID: "evil id/> <x", Title: "Title with \"quotes\" and \n newline > <", URL: "https://example.org/a b>c{d}|e^f`g\\h", Text: text}
	e1 := &schema.Entity{Class: schema.ClassPerson, Name: "A> <http://evil.example/x>", Aliases: []string{"\"q\" .\n<http://evil.example/y> <p> <o> ."}}
	e2 := &schema.Entity{Class: schema.ClassState, Name: "B", Key: "b <key> with spaces", ISO3166: "X\"Y"}
	span := "B said \"hi\\\" \u2028 \x01 tab\there."
	i := strings.Index(text, span)
	f := schema.Fact{Subject: schema.EntityTerm(e2), Predicate: schema.Says, Relation: "said > <",
		Object:   schema.LiteralTerm(schema.Literal{Value: "hi\\\" . <http://evil.example/z>", Lang: "en-US"}),
		Evidence: schema.Evidence{Doc: a.ID, Sentence: 1, Start: i, End: i + len(span), Text: span, Extractor: "x y/1", Model: "m>1", Conf: 0.5, AttributedTo: e1}}
	return a, []schema.Fact{f}
}

func TestTrapEscaping(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, Options{Backend: Memstore})
	a, fs := evilArticle()
	res, err := s.WriteArticle(ctx, a, fs)
	if err != nil {
		t.Fatal(err)
	}
	out := export(t, s, a.ID)
	if strings.Contains(out, "<http://evil.example/x> \"q\"") && strings.Count(out, "\n") != res.Quads {
		t.Fatalf("injection")
	}
	// Our own strict reader gives back exactly the quads written.
	rd := NewReader(strings.NewReader(out))
	n := 0
	for {
		q, err := rd.Read()
		if err != nil {
			if err.Error() == "EOF" {
				break
			}
			t.Fatalf("our reader rejects our export: %v", err)
		}
		if strings.HasPrefix(q.S.Value, "http://evil.example") || strings.HasPrefix(q.P.Value, "http://evil.example") {
			t.Errorf("injected quad: %v", q)
		}
		n++
	}
	if n != res.Quads {
		t.Errorf("export has %d quads, wrote %d", n, res.Quads)
	}
	for _, bad := range []string{"<xsd:", "<rdf:", " <http://evil.example/x> ."} {
		if strings.Contains(out, bad) {
			t.Errorf("export contains %q", bad)
		}
	}
	// Round trip through import.
	s2 := mustOpen(t, Options{Backend: Memstore})
	if _, err := s2.Import(ctx, strings.NewReader(out)); err != nil {
		t.Fatal(err)
	}
	if got := export(t, s2, a.ID); got != out {
		t.Errorf("round trip changed the evil article")
	}
	// Bad language tags and literal datatypes are rejected, not written.
	bad := fs[0]
	bad.Object = schema.LiteralTerm(schema.Literal{Value: "x", Lang: "en US"})
	if _, err := s.WriteArticle(ctx, a, []schema.Fact{bad}); err == nil {
		t.Errorf("a language tag with a space was written")
	}
}

func TestImportDecodesIRIEscapes(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, Options{Backend: Memstore})
	in := `<http://e.org/caf\u00E9> <http://e.org/p\U0000004F> "x\u0020y\n" <http://e.org/a\u0020b> .` + "\n" +
		`_:b1 <http://e.org/p> "5"^^<http://www.w3.org/2001/XMLSchema#integer> . # comment` + "\n" +
		`<http://e.org/s> <http://e.org/p> "x"^^<http://www.w3.org/2001/XMLSchema#string> .` + "\n"
	if _, err := s.Import(ctx, strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	want := `<http://e.org/café> <http://e.org/pO> "x y\n" <http://e.org/a%20b> .` + "\n" +
		`_:b1 <http://e.org/p> "5"^^<http://www.w3.org/2001/XMLSchema#integer> .` + "\n" +
		`<http://e.org/s> <http://e.org/p> "x" .` + "\n"
	if got := export(t, s, ""); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestImportErrors(t *testing.T) {
	ctx := context.Background()
	good := "<http://e.org/s> <http://e.org/p> <http://e.org/o> .\n"
	tests := []struct {
		in   string
		line int
		msg  string
	}{
		{good + "<http://e.org/s> <http://e.org/p> <http://e.org/o>\n", 2, "expected '.'"},
		{good + good + "<s> <http://e.org/p> <http://e.org/o> .\n", 3, "relative IRI"},
		{"<http://e.org/s> \"lit\" <http://e.org/o> .\n", 1, "IRI or blank node"},
		{"\"lit\" <http://e.org/p> <http://e.org/o> .\n", 1, "IRI or blank node"},
		{"<http://e.org/s> <http://e.org/p> \"x\"@en_US .\n", 1, "found '_'"},
		{"<http://e.org/s> <http://e.org/p> \"x\"@-en .\n", 1, "language tag"},
		{"<http://e.org/s> <http://e.org/p> \"bad \\q\" .\n", 1, "bad escape"},
		{"<http://e.org/s> <http://e.org/p> <http://e.org/o> \"g\" .\n", 1, "IRI or blank node"},
		{"<http://e.org/s> <http://e.org/p> <http://e.org/o> . extra\n", 1, "after '.'"},
		{"<http://e.org/s p> <http://e.org/p> <http://e.org/o> .\n", 1, "not allowed in IRI"},
		{"<http://e.org/s> <http://e.org/p> \"x\\uD800\" .\n", 1, "bad \\u escape"},
		{"<http://e.org/s> <http://e.org/p> \"\xff\" .\n", 1, "UTF-8"},
	}
	for _, tt := range tests {
		s := mustOpen(t, Options{Backend: Memstore})
		_, err := s.Import(ctx, strings.NewReader(tt.in))
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Line != tt.line || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%q: err = %v, want line %d containing %q", tt.in, err, tt.line, tt.msg)
		}
		if got := export(t, s, ""); got != "" {
			t.Errorf("%q: a failed import wrote:\n%s", tt.in, got)
		}
	}
}

// TestStrictParsers runs rapper and rdflib on an export that holds the
// fixture and the evil article.
func TestStrictParsers(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t, Options{})
	a, fs := evilArticle()
	if _, err := s.WriteArticle(ctx, a, fs); err != nil {
		t.Fatal(err)
	}
	out := export(t, s, "")
	want := strings.Count(out, "\n")
	file := filepath.Join(t.TempDir(), "all.nq")
	if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Run("rapper", func(t *testing.T) {
		rapper := needTool(t, "rapper")
		cmd := exec.Command(rapper, "-i", "nquads", "-c", file)
		msg, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(msg), fmt.Sprintf("returned %d triples", want)) || strings.Contains(string(msg), "Error") || strings.Contains(string(msg), "Warning") {
			t.Errorf("rapper: %v\n%s", err, msg)
		}
	})
	t.Run("rdflib", func(t *testing.T) {
		py := "/usr/bin/python3"
		if _, err := os.Stat(py); err != nil {
			needTool(t, "python3-rdflib")
		}
		if err := exec.Command(py, "-c", "import rdflib").Run(); err != nil {
			needTool(t, "python3-rdflib")
		}
		script := `import sys, rdflib
ds = rdflib.Dataset()
ds.parse(sys.argv[1], format="nquads")
print(sum(1 for _ in ds.quads((None, None, None, None))))`
		cmd := exec.Command(py, "-W", "error", "-c", script, file)
		msg, err := cmd.CombinedOutput()
		if err != nil || strings.TrimSpace(string(msg)) != fmt.Sprint(want) {
			t.Errorf("rdflib: %v\n%s (want %d quads)", err, msg, want)
		}
	})
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	// Missing store, read-only: an error, not a new empty store.
	if _, err := Open(ctx, Options{Path: filepath.Join(dir, "missing.db"), ReadOnly: true}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing: err = %v", err)
	}
	// Corrupt file.
	corrupt := filepath.Join(dir, "corrupt.db")
	os.MkdirAll(corrupt, 0o755)
	os.WriteFile(filepath.Join(corrupt, "indexes.bolt"), bytes.Repeat([]byte("not a bolt file "), 1024), 0o644)
	if _, err := Open(ctx, Options{Path: corrupt}); err == nil {
		t.Errorf("corrupt: no error")
	}
	// A file where the store folder belongs.
	file := filepath.Join(dir, "file")
	os.WriteFile(file, []byte("x"), 0o644)
	if _, err := Open(ctx, Options{Path: file}); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Errorf("file as store: err = %v", err)
	}
	// A folder we cannot write: chmod as a normal user; root ignores modes,
	// so use /proc, where nobody can create folders.
	ro := filepath.Join(dir, "ro")
	os.MkdirAll(ro, 0o555)
	target := filepath.Join(ro, "g.db")
	if os.Getuid() == 0 {
		target = "/proc/newsgraph-test.db"
	}
	if _, err := Open(ctx, Options{Path: target}); err == nil {
		t.Errorf("read-only folder: no error")
	}
	if _, err := Open(ctx, Options{Backend: "nosuch"}); err == nil {
		t.Errorf("unknown backend: no error")
	}
	if _, err := Open(ctx, Options{Backend: Postgres}); err == nil {
		t.Errorf("postgres without DSN: no error")
	}
	if _, err := Open(ctx, Options{Backend: Memstore, Base: "relative/"}); err == nil {
		t.Errorf("relative base: no error")
	}
}
