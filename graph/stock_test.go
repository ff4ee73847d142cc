package graph

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// stockCayley builds the stock cayley binary of the Cayley version in our
// go.mod (go build github.com/cayleygraph/cayley/cmd/cayley, in a scratch
// module so our go.mod stays lean) and caches it in the user cache folder.
func stockCayley(t *testing.T) string {
	t.Helper()
	goTool := needTool(t, "go")
	out, err := exec.Command(goTool, "list", "-m", "-f", "{{.Version}}", "github.com/cayleygraph/cayley").Output()
	if err != nil {
		t.Fatalf("go list -m: %v", err)
	}
	version := strings.TrimSpace(string(out))
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	bin := filepath.Join(cache, "newsgraph", "cayley-"+version)
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	mod := t.TempDir()
	gomod := "module cayleybuild\n\ngo 1.22\n\nrequire github.com/cayleygraph/cayley " + version + "\n"
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Dir(bin), 0o755)
	tmp := bin + fmt.Sprintf(".%d.tmp", os.Getpid())
	cmd := exec.Command(goTool, "build", "-o", tmp, "github.com/cayleygraph/cayley/cmd/cayley")
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build cayley: %v\n%s", err, msg)
	}
	if err := os.Rename(tmp, bin); err != nil {
		t.Fatal(err)
	}
	return bin
}

// TestStockCayley: the bolt store we write opens in the stock cayley
// query, repl and http commands of the same Cayley version.
func TestStockCayley(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the cayley binary")
	}
	cayley := stockCayley(t)
	path := filepath.Join(t.TempDir(), "newsgraph.db")
	s := fixtureStore(t, Options{Backend: Bolt, Path: path})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	q := `g.V("<https://w3id.org/newsgraph/id/entity/sylvania>").Out("<https://w3id.org/newsgraph/ns#controls>").All()`
	want := "https://w3id.org/newsgraph/id/entity/east-marsh"

	t.Run("query", func(t *testing.T) {
		out, err := exec.Command(cayley, "query", "--db", "bolt", "--dbpath", path, q).CombinedOutput()
		if err != nil || !strings.Contains(string(out), want) {
			t.Errorf("cayley query: %v\n%s", err, out)
		}
	})
	t.Run("repl", func(t *testing.T) {
		cmd := exec.Command(cayley, "repl", "--db", "bolt", "--dbpath", path)
		cmd.Dir = t.TempDir() // it writes .cayley_history there
		cmd.Stdin = strings.NewReader(q + "\n")
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), want) {
			t.Errorf("cayley repl: %v\n%s", err, out)
		}
	})
	t.Run("http", func(t *testing.T) {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		port := l.Addr().(*net.TCPAddr).Port
		l.Close()
		cmd := exec.Command(cayley, "http", "--db", "bolt", "--dbpath", path, "--host", fmt.Sprintf("127.0.0.1:%d", port))
		stderr, _ := cmd.StderrPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		defer func() { cmd.Process.Kill(); cmd.Wait() }()
		go io.Copy(io.Discard, bufio.NewReader(stderr))
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		u := fmt.Sprintf("http://127.0.0.1:%d/api/v2/query?lang=gizmo&qu=%s", port, url.QueryEscape(q))
		var body []byte
		for ctx.Err() == nil {
			resp, err := http.Get(u)
			if err != nil {
				time.Sleep(100 * time.Millisecond)
				continue
			}
			body, _ = io.ReadAll(resp.Body)
			resp.Body.Close()
			break
		}
		if !strings.Contains(string(body), want) {
			t.Errorf("cayley http answered %q", body)
		}
	})
}
