package conllu

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Word is one syntactic word line. Head is 1-based within the sentence, 0
// for the root, -1 when the column is "_".
type Word struct {
	ID    int
	Form  string
	Lemma string
	UPOS  string
	XPOS  string
	Feats string
	Head  int
	Rel   string
	Deps  string
	Misc  string
}

// MultiWord is a multiword-token line: words First..Last (1-based,
// inclusive) are spelled Form in the text.
type MultiWord struct {
	First, Last int
	Form        string
	Misc        string
}

// Sentence is one CoNLL-U sentence block.
type Sentence struct {
	Comments   []string // comment lines without the leading "# "
	Words      []Word
	MultiWords []MultiWord
	Line       int // line number of the block's first line
}

// Comment returns the value of a "# key = value" comment, or "".
func (s *Sentence) Comment(key string) string {
	for _, c := range s.Comments {
		k, v, ok := strings.Cut(c, "=")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// HasComment reports whether a comment "key" or "key = ..." is present.
func (s *Sentence) HasComment(key string) bool {
	for _, c := range s.Comments {
		k, _, _ := strings.Cut(c, "=")
		if strings.TrimSpace(k) == key {
			return true
		}
	}
	return false
}

// ID returns the sent_id comment.
func (s *Sentence) ID() string { return s.Comment("sent_id") }

// Text returns the text comment.
func (s *Sentence) Text() string { return s.Comment("text") }

// MiscValue returns the value of key in a MISC column ("SpaceAfter"), or "".
func MiscValue(misc, key string) string {
	if misc == "_" || misc == "" {
		return ""
	}
	for _, kv := range strings.Split(misc, "|") {
		k, v, ok := strings.Cut(kv, "=")
		if ok && k == key {
			return v
		}
	}
	return ""
}

// Reader reads sentences one at a time.
type Reader struct {
	sc   *bufio.Scanner
	line int
}

// NewReader returns a Reader over r.
func NewReader(r io.Reader) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	return &Reader{sc: sc}
}

// Error is a problem at a line of the input.
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("conllu: line %d: %s", e.Line, e.Msg) }

// Next returns the next sentence, or io.EOF after the last one.
func (r *Reader) Next() (*Sentence, error) {
	var s *Sentence
	for r.sc.Scan() {
		r.line++
		line := strings.TrimRight(r.sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			if s != nil && len(s.Words) > 0 {
				return s, s.check()
			}
			continue // comments before a blank line carry over to the next sentence
		}
		if s == nil {
			s = &Sentence{Line: r.line}
		}
		if !utf8.ValidString(line) {
			return nil, &Error{r.line, "invalid UTF-8"}
		}
		if strings.HasPrefix(line, "#") {
			s.Comments = append(s.Comments, strings.TrimSpace(strings.TrimPrefix(line, "#")))
			continue
		}
		if err := s.addLine(line, r.line); err != nil {
			return nil, err
		}
	}
	if err := r.sc.Err(); err != nil {
		return nil, &Error{r.line, err.Error()}
	}
	if s != nil && len(s.Words) > 0 {
		return s, s.check()
	}
	return nil, io.EOF
}

func (s *Sentence) addLine(line string, n int) error {
	f := strings.Split(line, "\t")
	if len(f) != 10 {
		return &Error{n, fmt.Sprintf("%d columns, want 10", len(f))}
	}
	id := f[0]
	if f[1] == "" || strings.TrimSpace(f[1]) != f[1] {
		return &Error{n, fmt.Sprintf("form %q is empty or has surrounding space", f[1])}
	}
	if strings.Contains(id, ".") {
		return nil // empty node: enhanced dependencies only
	}
	if a, b, ok := strings.Cut(id, "-"); ok {
		first, err1 := strconv.Atoi(a)
		last, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || first < 1 || last < first {
			return &Error{n, fmt.Sprintf("bad multiword range %q", id)}
		}
		s.MultiWords = append(s.MultiWords, MultiWord{First: first, Last: last, Form: f[1], Misc: f[9]})
		return nil
	}
	wid, err := strconv.Atoi(id)
	if err != nil || wid != len(s.Words)+1 {
		return &Error{n, fmt.Sprintf("word id %q, want %d", id, len(s.Words)+1)}
	}
	head := -1
	if f[6] != "_" {
		head, err = strconv.Atoi(f[6])
		if err != nil || head < 0 {
			return &Error{n, fmt.Sprintf("bad head %q", f[6])}
		}
	}
	s.Words = append(s.Words, Word{
		ID: wid, Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Feats: f[5],
		Head: head, Rel: f[7], Deps: f[8], Misc: f[9],
	})
	return nil
}

// check validates heads and multiword ranges once the block is complete.
func (s *Sentence) check() error {
	if len(s.Words) == 0 {
		return &Error{s.Line, "sentence has no words"}
	}
	for _, w := range s.Words {
		if w.Head > len(s.Words) || w.Head == w.ID {
			return &Error{s.Line, fmt.Sprintf("word %d: head %d out of range", w.ID, w.Head)}
		}
	}
	prev := 0
	for _, m := range s.MultiWords {
		if m.First <= prev || m.Last > len(s.Words) {
			return &Error{s.Line, fmt.Sprintf("multiword %d-%d overlaps or is out of range", m.First, m.Last)}
		}
		prev = m.Last
	}
	return nil
}

// ReadAll reads every sentence from r.
func ReadAll(r io.Reader) ([]*Sentence, error) {
	rd := NewReader(r)
	var out []*Sentence
	for {
		s, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, s)
	}
}

// ReadFile reads every sentence of a file.
func ReadFile(path string) ([]*Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := ReadAll(f)
	if err != nil {
		return s, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// Documents groups sentences by their "newdoc id" comments. Sentences before
// the first newdoc comment form a document with an empty id.
type Document struct {
	ID        string
	Sentences []*Sentence
}

// SplitDocuments groups sentences into documents at "# newdoc" comments.
func SplitDocuments(sents []*Sentence) []Document {
	var docs []Document
	for _, s := range sents {
		if len(docs) == 0 || s.HasComment("newdoc id") || s.HasComment("newdoc") {
			docs = append(docs, Document{ID: s.Comment("newdoc id")})
		}
		d := &docs[len(docs)-1]
		d.Sentences = append(d.Sentences, s)
	}
	return docs
}
