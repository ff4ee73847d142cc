package graph

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestCorruptStore damages a bolt store's file two ways: cut short, it is
// refused at Open; with garbage in its pages, every operation returns
// ErrCorrupt (or works) instead of ending the process with bolt's panic.
func TestCorruptStore(t *testing.T) {
	ctx := context.Background()
	build := func() (string, string) {
		path := filepath.Join(t.TempDir(), "db")
		s, err := Open(ctx, Options{Backend: Bolt, Path: path})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.WriteArticle(ctx, article1, facts1()); err != nil {
			t.Fatal(err)
		}
		if _, err := s.WriteArticle(ctx, article2, facts2()); err != nil {
			t.Fatal(err)
		}
		s.Close()
		return path, filepath.Join(path, "indexes.bolt")
	}

	path, file := build()
	if err := os.Truncate(file, 3*4096); err != nil {
		t.Fatal(err)
	}
	if s, err := Open(ctx, Options{Backend: Bolt, Path: path}); !errors.Is(err, ErrCorrupt) {
		if s != nil {
			s.Close()
		}
		t.Errorf("open of a cut-short file: %v, want ErrCorrupt", err)
	}

	path, file = build()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i := 4 * 4096; i < len(b); i++ { // past the two meta pages and the first freelist/root pages
		b[i] = byte(i*131 + 7)
	}
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	corrupt := 0
	check := func(what string, err error) {
		t.Helper()
		if errors.Is(err, ErrCorrupt) {
			corrupt++
		}
	}
	s, err := Open(ctx, Options{Backend: Bolt, Path: path})
	check("open", err)
	if err == nil {
		defer s.Close()
		_, err = s.Stats(ctx)
		check("stats", err)
		_, err = s.WriteArticle(ctx, article1, facts1()[:2])
		check("write", err)
		_, err = s.LinkPersons(ctx, nil)
		check("link", err)
		_, err = s.Export(ctx, io.Discard, "")
		check("export", err)
		_, err = s.DeleteArticle(ctx, article2.ID)
		check("delete", err)
	}
	if corrupt == 0 {
		t.Error("no operation on the damaged file reported ErrCorrupt")
	}
}
