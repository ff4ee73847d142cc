package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tinyUD writes a tiny data folder in the layout of ../shared/data/ud: the
// hand-annotated fixture as EWT train and dev, and as GUM train twice, once
// as a news document and once as a fiction document that must be left out.
func tinyUD(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "extract", "parse", "testdata", "tiny.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(rel, data string) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := string(b)
	write("UD_English-EWT/en_ewt-ud-train.conllu", s)
	write("UD_English-EWT/en_ewt-ud-dev.conllu", s)
	write("UD_English-GUM/en_gum-ud-train.conllu",
		strings.ReplaceAll(s, "tiny_news_1", "GUM_news_tiny")+strings.ReplaceAll(s, "tiny_news_1", "GUM_fiction_tiny"))
	return dir
}

func TestTrainIsDeterministic(t *testing.T) {
	data := tinyUD(t)
	var outs []string
	for i := 0; i < 2; i++ {
		out := filepath.Join(t.TempDir(), "models")
		var stderr bytes.Buffer
		err := runTrain(context.Background(), []string{"--data", data, "--out", out, "--tag-iter", "3", "--parse-iter", "3", "--folds", "2", "--wordnet", ""},
			stdio{in: strings.NewReader(""), out: &bytes.Buffer{}, err: &stderr})
		if err != nil {
			t.Fatalf("train: %v\n%s", err, stderr.String())
		}
		if i == 0 && !strings.Contains(stderr.String(), "train: 2 documents") {
			t.Errorf("the fiction document was not left out:\n%s", stderr.String())
		}
		outs = append(outs, out)
	}
	for _, f := range []string{"tagger.model", "parser.model"} {
		a, err := os.ReadFile(filepath.Join(outs[0], f))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(outs[1], f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs (%d and %d bytes)", f, len(a), len(b))
		}
	}
}

func TestTrainUsage(t *testing.T) {
	tests := [][]string{{"--stages", "ner"}, {"extra"}, {"--bogus"}}
	for _, args := range tests {
		err := runTrain(context.Background(), args, stdio{in: strings.NewReader(""), out: &bytes.Buffer{}, err: &bytes.Buffer{}})
		var ue usageError
		if err == nil || !asUsage(err, &ue) {
			t.Errorf("train %v: got %v, want a usage error", args, err)
		}
	}
}

func TestGUMGenre(t *testing.T) {
	tests := []struct{ id, want string }{
		{"GUM_news_homeopathic", "news"}, {"GUM_whow_joke", "whow"}, {"weblog-blogspot.com_x", ""},
	}
	for _, tt := range tests {
		if got := gumGenre(tt.id); got != tt.want {
			t.Errorf("gumGenre(%q): got %q, want %q", tt.id, got, tt.want)
		}
	}
}
