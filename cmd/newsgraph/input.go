package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/schema"
)

// maxArticleBytes is the largest article text newsgraph accepts. Longer
// documents are reported and skipped: they are almost never news articles,
// and one of them must not exhaust memory for the whole run.
const maxArticleBytes = 8 << 20

// inputItem is one article read from the inputs, or the error that kept it
// from being read. Source names where it came from, for messages.
type inputItem struct {
	Article schema.Article
	Source  string
	Err     error
}

// readInputs reads every input (.txt or .jsonl files, folders of them, "-"
// for stdin) and calls emit for each article or per-article error, in a
// deterministic order. It returns an error only when an input cannot be
// opened at all.
func readInputs(inputs []string, stdin io.Reader, emit func(inputItem) error) error {
	for _, in := range inputs {
		if in == "-" {
			if err := readStream("stdin", "stdin", stdin, emit); err != nil {
				return err
			}
			continue
		}
		st, err := os.Stat(in)
		if err != nil {
			return err
		}
		if !st.IsDir() {
			if err := readFile(in, idFromPath(filepath.Base(in)), emit); err != nil {
				return err
			}
			continue
		}
		var files []string
		err = filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && p != in && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if !d.IsDir() && isInputFile(p) {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return err
		}
		sort.Strings(files)
		if len(files) == 0 {
			return fmt.Errorf("%s: no .txt or .jsonl files", in)
		}
		for _, f := range files {
			rel, _ := filepath.Rel(in, f)
			if err := readFile(f, idFromPath(rel), emit); err != nil {
				return err
			}
		}
	}
	return nil
}

func isInputFile(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".txt", ".jsonl":
		return true
	}
	return false
}

// idFromPath turns a relative path into an article id: the path without
// its extension, with forward slashes.
func idFromPath(p string) string {
	p = filepath.ToSlash(p)
	return strings.TrimSuffix(p, filepath.Ext(p))
}

func readFile(path, id string, emit func(inputItem) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if strings.EqualFold(filepath.Ext(path), ".jsonl") {
		return readJSONL(path, f, emit)
	}
	return emit(textArticle(path, id, f))
}

// readStream reads stdin: JSONL when its first non-space byte is "{", else
// one plain-text article.
func readStream(source, id string, r io.Reader, emit func(inputItem) error) error {
	br := bufio.NewReader(r)
	for {
		b, err := br.Peek(1)
		if err != nil {
			if errors.Is(err, io.EOF) {
				return emit(inputItem{Source: source, Article: schema.Article{ID: id}, Err: errors.New("empty input")})
			}
			return err
		}
		if b[0] == ' ' || b[0] == '\n' || b[0] == '\r' || b[0] == '\t' {
			br.ReadByte()
			continue
		}
		if b[0] == '{' {
			return readJSONL(source, br, emit)
		}
		return emit(textArticle(source, id, br))
	}
}

// textArticle reads a plain-text article. When the first line is followed
// by a blank line (the usual layout of news files), it is the headline.
func textArticle(source, id string, r io.Reader) inputItem {
	item := inputItem{Source: source, Article: schema.Article{ID: id}}
	data, err := io.ReadAll(io.LimitReader(r, maxArticleBytes+1))
	if err != nil {
		item.Err = err
		return item
	}
	text, err := checkText(data)
	if err != nil {
		item.Err = err
		return item
	}
	item.Article.Text = text
	if first, rest, ok := strings.Cut(text, "\n"); ok {
		rest = strings.TrimLeft(rest, " \t\r")
		if strings.HasPrefix(rest, "\n") && len(strings.TrimSpace(first)) > 0 {
			item.Article.Title = strings.TrimSpace(first)
		}
	}
	return item
}

// checkText rejects input that is not an article: too long, binary, not
// UTF-8, or empty.
func checkText(data []byte) (string, error) {
	if len(data) > maxArticleBytes {
		return "", fmt.Errorf("longer than %d MiB", maxArticleBytes>>20)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", errors.New("binary file (contains NUL bytes)")
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return "", fmt.Errorf("invalid UTF-8 at byte %d", off)
	}
	text := strings.TrimPrefix(string(data), "\uFEFF")
	if strings.TrimSpace(text) == "" {
		return "", errors.New("empty article")
	}
	return text, nil
}

// jsonArticle is one line of a JSONL input.
type jsonArticle struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Text  string `json:"text"`
	Date  string `json:"date"`
	URL   string `json:"url"`
}

func readJSONL(source string, r io.Reader, emit func(inputItem) error) error {
	br := bufio.NewReaderSize(r, 1<<16)
	for line := 1; ; line++ {
		raw, err := readLine(br)
		if len(raw) == 0 && errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil && !errors.Is(err, io.EOF) {
			if errors.Is(err, errLineTooLong) {
				if e := emit(inputItem{Source: fmt.Sprintf("%s:%d", source, line), Err: err}); e != nil {
					return e
				}
				continue
			}
			return err
		}
		if len(bytes.TrimSpace(raw)) > 0 {
			if e := emit(jsonItem(fmt.Sprintf("%s:%d", source, line), raw)); e != nil {
				return e
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
	}
}

var errLineTooLong = fmt.Errorf("line longer than %d MiB", maxArticleBytes>>20)

// readLine reads one line without its newline; a line longer than the
// article limit is skipped to its end and reported as errLineTooLong.
func readLine(br *bufio.Reader) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf)+len(chunk) > 2*maxArticleBytes {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			return nil, errLineTooLong
		}
		buf = append(buf, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimRight(buf, "\r\n"), err
	}
}

func jsonItem(source string, raw []byte) inputItem {
	item := inputItem{Source: source}
	var ja jsonArticle
	if err := json.Unmarshal(raw, &ja); err != nil {
		item.Err = fmt.Errorf("not a JSON article object: %v", err)
		return item
	}
	item.Article = schema.Article{ID: strings.TrimSpace(ja.ID), Title: strings.TrimSpace(ja.Title), Date: strings.TrimSpace(ja.Date), URL: strings.TrimSpace(ja.URL)}
	if item.Article.ID == "" {
		item.Err = errors.New(`no "id"`)
		return item
	}
	text, err := checkText([]byte(ja.Text))
	if err != nil {
		item.Err = err
		return item
	}
	item.Article.Text = text
	if d := item.Article.Date; d != "" {
		date, err := normaliseDate(d)
		if err != nil {
			item.Err = err
			return item
		}
		item.Article.Date = date
	}
	return item
}

// normaliseDate accepts YYYY-MM-DD or an RFC 3339 timestamp and returns the
// date part.
func normaliseDate(s string) (string, error) {
	if len(s) >= 10 && isDate(s[:10]) && (len(s) == 10 || s[10] == 'T' || s[10] == ' ') {
		return s[:10], nil
	}
	return "", fmt.Errorf("date %q is not YYYY-MM-DD", s)
}

func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range s {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	m := (s[5]-'0')*10 + s[6] - '0'
	d := (s[8]-'0')*10 + s[9] - '0'
	return m >= 1 && m <= 12 && d >= 1 && d <= 31
}
