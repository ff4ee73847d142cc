package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadUnlabelled(t *testing.T) {
	root := t.TempDir()
	data := filepath.Join(root, "package", "data")
	write := func(rel, text string) { t.Helper(); writePath(t, filepath.Join(data, rel), text) }
	if err := os.MkdirAll(data, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "package", "package.json"), []byte(`{"name":"@x/speeches","version":"1.2.3"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	write("1801_speech.txt", "Fellow citizens: the year has been good. We thank you.")
	write("1801_speech.json", `{"text":"Fellow citizens: the year has been good."}`)
	write("ham/0001.txt", "From someone@example.org  Thu Aug 22 12:36:23 2002\nSubject: latency\nTo: list@example.org\n\n"+
		"On Sun, 1 Sep 2002, Ann wrote:\n> what is the deal with the latency?\n\nIt is the line, not the modem.\n-- \nAnn's signature line\n")
	write("ham/0002.txt", "Return-Path: <a@example.org>\nContent-Type: multipart/alternative; boundary=xyz\n\n--xyz\nbody\n")
	write("spam-1/0001.txt", "Subject: win\n\nBuy now.\n")
	docs, srcs, err := readUnlabelled(context.Background(), []string{data})
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, d := range docs {
		texts = append(texts, d.ID+": "+d.Text)
		if len(d.Tokens) == 0 || len(d.Sentences) == 0 {
			t.Errorf("%s: not tokenised and split", d.ID)
		}
	}
	want := []string{
		"1801_speech.txt: Fellow citizens: the year has been good. We thank you.",
		"ham/0001.txt: It is the line, not the modem.",
	}
	if strings.Join(texts, "\n") != strings.Join(want, "\n") {
		t.Errorf("documents:\n%s\nwant:\n%s", strings.Join(texts, "\n"), strings.Join(want, "\n"))
	}
	if len(srcs) != 1 || srcs[0].Name != "@x/speeches@1.2.3" || srcs[0].Docs != 2 || len(srcs[0].SHA256) != 64 {
		t.Errorf("sources: got %+v", srcs)
	}
	// the checksum covers the files read
	write("1801_speech.txt", "Fellow citizens: the year has been bad.")
	_, srcs2, err := readUnlabelled(context.Background(), []string{data})
	if err != nil {
		t.Fatal(err)
	}
	if srcs2[0].SHA256 == srcs[0].SHA256 {
		t.Errorf("checksum unchanged after a file changed")
	}
	if _, _, err := readUnlabelled(context.Background(), []string{filepath.Join(root, "missing")}); err == nil {
		t.Errorf("missing directory: got nil error")
	}
}
