package score

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Mention is a token range [Start, End) in a document.
type Mention struct {
	Start, End int
}

// Document is one coreference document: its words and its clusters of
// mentions (each cluster one entity).
type Document struct {
	Name     string
	Words    []string
	Clusters [][]Mention
}

// Error is a problem at a line of a CoNLL file.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.File != "" {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

// Read reads every document in r. Lines starting with "#begin document" or
// "# begin document" open a document and "#end document" closes it; blank
// lines (sentence breaks) are skipped; on every other line the second
// whitespace-separated column is the word and the last column holds the coreference brackets ("_" or "-" for none, parts joined
// by "|": "(5", "5)", "(12)"). Word indices count from 0 across the whole
// document, ignoring sentence breaks. file names errors.
func Read(r io.Reader, file string) ([]Document, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var docs []Document
	var cur *builder
	n := 0
	fail := func(format string, args ...any) error {
		return &Error{File: file, Line: n, Msg: fmt.Sprintf(format, args...)}
	}
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "":
			continue
		case strings.HasPrefix(trimmed, "#"):
			body := strings.TrimSpace(strings.TrimPrefix(trimmed, "#"))
			if strings.HasPrefix(body, "begin document") {
				if cur != nil {
					return nil, fail("begin document inside an open document")
				}
				name := strings.TrimSpace(strings.TrimPrefix(body, "begin document"))
				cur = &builder{doc: Document{Name: name}, open: map[string][]int{}}
			} else if strings.HasPrefix(body, "end document") {
				if cur == nil {
					return nil, fail("end document without begin")
				}
				d, err := cur.finish()
				if err != nil {
					return nil, fail("%v", err)
				}
				docs = append(docs, d)
				cur = nil
			}
			continue
		}
		if cur == nil {
			return nil, fail("word line outside a document")
		}
		cols := strings.Fields(line)
		if len(cols) < 2 {
			return nil, fail("want at least 2 columns, got %d", len(cols))
		}
		if err := cur.add(cols[1], cols[len(cols)-1]); err != nil {
			return nil, fail("%v", err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if cur != nil {
		d, err := cur.finish()
		if err != nil {
			return nil, fail("%v", err)
		}
		docs = append(docs, d)
	}
	return docs, nil
}

type builder struct {
	doc      Document
	open     map[string][]int // entity id -> stack of open starts
	clusters map[string][]Mention
	order    []string
}

func (b *builder) add(word, col string) error {
	i := len(b.doc.Words)
	b.doc.Words = append(b.doc.Words, word)
	if col == "_" || col == "-" {
		return nil
	}
	if b.clusters == nil {
		b.clusters = map[string][]Mention{}
	}
	for _, part := range strings.Split(splitRunTogether(col), "|") {
		if part == "" {
			return fmt.Errorf("empty bracket in %q", col)
		}
		opens := strings.HasPrefix(part, "(")
		closes := strings.HasSuffix(part, ")")
		id := strings.TrimSuffix(strings.TrimPrefix(part, "("), ")")
		if id == "" || (!opens && !closes) {
			return fmt.Errorf("bad bracket %q", part)
		}
		if _, err := strconv.Atoi(id); err != nil {
			return fmt.Errorf("bad entity id in %q", part)
		}
		switch {
		case opens && closes:
			b.mention(id, Mention{i, i + 1})
		case opens:
			b.open[id] = append(b.open[id], i)
		default:
			st := b.open[id]
			if len(st) == 0 {
				return fmt.Errorf("%q closes entity %s, which is not open", part, id)
			}
			b.mention(id, Mention{st[len(st)-1], i + 1})
			b.open[id] = st[:len(st)-1]
		}
	}
	return nil
}

// splitRunTogether puts "|" between brackets written run together, as
// OntoGUM does ("(1(2)", "6)(4)"); the reference format separates them
// with "|" already.
func splitRunTogether(col string) string {
	var b strings.Builder
	for i := 0; i < len(col); i++ {
		c := col[i]
		if c == '(' && b.Len() > 0 && !strings.HasSuffix(b.String(), "|") {
			b.WriteByte('|')
		}
		b.WriteByte(c)
		if c == ')' && i+1 < len(col) && col[i+1] != '|' {
			b.WriteByte('|')
		}
	}
	return b.String()
}

func (b *builder) mention(id string, m Mention) {
	if _, ok := b.clusters[id]; !ok {
		b.order = append(b.order, id)
	}
	b.clusters[id] = append(b.clusters[id], m)
}

func (b *builder) finish() (Document, error) {
	var unclosed []string
	for id, st := range b.open {
		if len(st) > 0 {
			unclosed = append(unclosed, id)
		}
	}
	if len(unclosed) > 0 {
		sort.Strings(unclosed)
		return b.doc, fmt.Errorf("document %q ends with entities %s still open", b.doc.Name, strings.Join(unclosed, ","))
	}
	for _, id := range b.order {
		b.doc.Clusters = append(b.doc.Clusters, b.clusters[id])
	}
	return b.doc, nil
}

// ReadFile reads the documents of one file. A document with an empty name
// is named after the file (without extension), and numbered when the file
// holds more than one.
func ReadFile(path string) ([]Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := Read(f, path)
	if err != nil {
		return nil, err
	}
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	for i := range docs {
		if docs[i].Name == "" {
			docs[i].Name = base
			if len(docs) > 1 {
				docs[i].Name = fmt.Sprintf("%s_%d", base, i)
			}
		}
	}
	return docs, nil
}

// ReadPath reads a file, or every *.conll file in a directory in name order.
func ReadPath(path string) ([]Document, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return ReadFile(path)
	}
	files, err := filepath.Glob(filepath.Join(path, "*.conll"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no *.conll files", path)
	}
	sort.Strings(files)
	var docs []Document
	for _, f := range files {
		d, err := ReadFile(f)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d...)
	}
	return docs, nil
}

// Write writes doc in OntoGUM's 3-column format: word index, word, brackets.
func Write(w io.Writer, doc Document) error {
	opens := make([][]int, len(doc.Words))  // cluster ids opening, longest first
	closes := make([][]int, len(doc.Words)) // cluster ids closing, shortest first
	single := make([][]int, len(doc.Words))
	type span struct{ c, s, e int }
	var spans []span
	for c, cl := range doc.Clusters {
		for _, m := range cl {
			if m.Start < 0 || m.End > len(doc.Words) || m.Start >= m.End {
				return fmt.Errorf("document %q: mention [%d,%d) outside %d words", doc.Name, m.Start, m.End, len(doc.Words))
			}
			spans = append(spans, span{c, m.Start, m.End})
		}
	}
	// Longer spans open first and close last, so brackets nest.
	sort.SliceStable(spans, func(i, j int) bool {
		if spans[i].s != spans[j].s {
			return spans[i].s < spans[j].s
		}
		return spans[i].e > spans[j].e
	})
	for _, sp := range spans {
		if sp.e == sp.s+1 {
			single[sp.s] = append(single[sp.s], sp.c)
			continue
		}
		opens[sp.s] = append(opens[sp.s], sp.c)
		closes[sp.e-1] = append([]int{sp.c}, closes[sp.e-1]...)
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "#begin document %s\n", doc.Name)
	for i, word := range doc.Words {
		var parts []string
		for _, c := range opens[i] {
			parts = append(parts, fmt.Sprintf("(%d", c))
		}
		for _, c := range single[i] {
			parts = append(parts, fmt.Sprintf("(%d)", c))
		}
		for _, c := range closes[i] {
			parts = append(parts, fmt.Sprintf("%d)", c))
		}
		col := "_"
		if len(parts) > 0 {
			col = strings.Join(parts, "|")
		}
		fmt.Fprintf(bw, "%d\t%s\t%s\n", i, word, col)
	}
	fmt.Fprintln(bw, "#end document")
	return bw.Flush()
}
