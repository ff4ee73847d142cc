package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestReadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) { t.Helper(); writePath(t, filepath.Join(dir, name), content) }
	write("a.txt", "Headline here\n\nBody text. More text.\n")
	write("sub/b.txt", "No headline. Just text.\n")
	write("bad.txt", "caf\xe9 au lait")
	write("bin.txt", "PK\x03\x04\x00\x00")
	write("empty.txt", "  \n\n")
	write("c.jsonl", `{"id":"j1","title":"T1","text":"One.","date":"2025-08-17","url":"https://example.org/1"}
not json
{"id":"j2","text":"Two.","date":"17/08/2025"}

{"title":"no id","text":"x"}
{"id":"j3","text":"Three.","date":"2025-08-18T10:00:00Z","extra":1}
`)
	write("ignored.md", "# not an input")

	type row struct{ id, title, date, err string }
	var got []row
	err := readInputs([]string{dir}, strings.NewReader(""), func(it inputItem) error {
		r := row{id: it.Article.ID, title: it.Article.Title, date: it.Article.Date}
		if it.Err != nil {
			r.err = it.Err.Error()
		}
		got = append(got, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []row{
		{id: "a", title: "Headline here"},
		{id: "bad", err: "invalid UTF-8 at byte 3"},
		{id: "bin", err: "binary file (contains NUL bytes)"},
		{id: "j1", title: "T1", date: "2025-08-17"},
		{err: "not a JSON article object: invalid character 'o' in literal null (expecting 'u')"},
		{id: "j2", date: "17/08/2025", err: `date "17/08/2025" is not YYYY-MM-DD`},
		{title: "no id", err: `no "id"`},
		{id: "j3", date: "2025-08-18"},
		{id: "empty", err: "empty article"},
		{id: "sub/b"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d items %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("item %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestReadStdin(t *testing.T) {
	tests := []struct {
		name, in string
		ids      []string
		errs     int
	}{
		{"text", "Some news. Here.", []string{"stdin"}, 0},
		{"jsonl", "\n {\"id\":\"x\",\"text\":\"A.\"}\n{\"id\":\"y\",\"text\":\"B.\"}", []string{"x", "y"}, 0},
		{"empty", "", []string{"stdin"}, 1},
	}
	for _, tt := range tests {
		var ids []string
		errs := 0
		err := readInputs([]string{"-"}, strings.NewReader(tt.in), func(it inputItem) error {
			ids = append(ids, it.Article.ID)
			if it.Err != nil {
				errs++
			}
			return nil
		})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if strings.Join(ids, ",") != strings.Join(tt.ids, ",") || errs != tt.errs {
			t.Errorf("%s: ids %v errs %d, want %v errs %d", tt.name, ids, errs, tt.ids, tt.errs)
		}
	}
}

func TestReadInputsMissing(t *testing.T) {
	err := readInputs([]string{filepath.Join(t.TempDir(), "nope.txt")}, nil, func(inputItem) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("err = %v, want a missing-file error", err)
	}
}
