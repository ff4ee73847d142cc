package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/pipeline"
	"github.com/newsgraph/newsgraph/graph"
)

// TestGroundingNewsCorpus builds every article of the shared news folders
// and checks the grounding invariants on what the store holds: every
// statement's evidence is the article's text at its offsets, and every
// label of every node occurs in the article.
func TestGroundingNewsCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole news corpus")
	}
	root := filepath.Join("..", "..", "..", "shared", "data", "news")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("news corpus not available: %v", err)
	}
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	store, err := graph.Open(ctx, graph.Options{Backend: graph.Memstore})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	n, violations := 0, 0
	err = readInputs([]string{filepath.Join(root, "bbc"), filepath.Join(root, "gum")}, nil, func(it inputItem) error {
		if it.Err != nil {
			return nil
		}
		res := process(ctx, p, it)
		if res.err != nil {
			t.Errorf("%s: %v", it.Article.ID, res.err)
			return nil
		}
		if _, err := store.WriteArticle(ctx, it.Article, res.facts); err != nil {
			t.Errorf("%s: %v", it.Article.ID, err)
			return nil
		}
		stmts, err := store.Statements(ctx, it.Article.ID)
		if err != nil {
			return err
		}
		text := it.Article.Text
		for _, s := range stmts {
			n++
			if s.End > len(text) || s.Start > s.End || text[s.Start:s.End] != s.Evidence {
				violations++
				t.Errorf("%s: evidence %q is not the text at [%d,%d)", it.Article.ID, s.Evidence, s.Start, s.End)
			}
		}
		labels, err := store.Labels(ctx, it.Article.ID)
		if err != nil {
			return err
		}
		for _, l := range labels {
			if !strings.Contains(text, l) {
				violations++
				t.Errorf("%s: label %q does not occur in the article", it.Article.ID, l)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no statements at all")
	}
	t.Logf("%d statements checked, %d violations", n, violations)
}
