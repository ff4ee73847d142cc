package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/extract/openie"
	"github.com/newsgraph/newsgraph/extract/parse"
	"github.com/newsgraph/newsgraph/extract/tag"
)

// runExtract is "newsgraph extract": Open IE extractions of the sentences
// in FILE ("-" or none for stdin).
func runExtract(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("extract", "[--format carb] [--conllu] [FILE]", io)
	format := fs.String("format", "carb", "output format: carb (SENTENCE<TAB>CONF<TAB>REL<TAB>ARG1<TAB>ARG2...)")
	parsed := fs.Bool("conllu", false, "FILE is parsed CoNLL-U: extract from its trees instead of tagging and parsing")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *format != "carb" {
		return usagef("extract: unknown --format %q (only carb so far: one tokenized sentence per line)", *format)
	}
	if fs.NArg() > 1 {
		return usagef("extract: one FILE at most, got %d", fs.NArg())
	}
	in := io.in
	if fs.NArg() == 1 && fs.Arg(0) != "-" {
		f, err := os.Open(fs.Arg(0))
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	doc, lines, err := carbDocument(ctx, in, *parsed)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(io.out)
	for si := range doc.Sentences {
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, e := range openie.Extract(doc, si) {
			writeCarb(w, doc, &e, lines[si], e.Conf)
		}
	}
	return w.Flush()
}

// pipelineStages returns the tagging and parsing stages the carb path
// runs before the extractor.
func pipelineStages() ([]extract.Stage, error) {
	t, err := tag.Load()
	if err != nil {
		return nil, err
	}
	p, err := parse.Load()
	if err != nil {
		return nil, err
	}
	return []extract.Stage{t, p}, nil
}

// ptbChars maps Penn Treebank token spellings to the characters the
// tagger and parser were trained on.
var ptbChars = map[string]string{
	"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
	"``": "\"", "''": "\"", "`": "'",
}

// tokenizedDocument builds one document from already tokenized lines: the
// text is the lines joined by "\n", tokens are the space-separated words
// (their Form mapped from PTB spellings; the text keeps the originals),
// one sentence per non-blank line. It returns the line of each sentence.
func tokenizedDocument(id string, lines []string) (*nlp.Document, []string) {
	doc := nlp.New(id, strings.Join(lines, "\n"))
	var kept []string
	off := 0
	for _, line := range lines {
		start := len(doc.Tokens)
		pos := off
		for _, w := range strings.Split(line, " ") {
			if w != "" {
				form := w
				if m, ok := ptbChars[w]; ok {
					form = m
				}
				doc.Tokens = append(doc.Tokens, nlp.Token{Start: pos, End: pos + len(w), Form: form, SpaceAfter: true, Head: -1})
			}
			pos += len(w) + 1
		}
		if len(doc.Tokens) > start {
			doc.Sentences = append(doc.Sentences, nlp.Sentence{Start: start, End: len(doc.Tokens)})
			kept = append(kept, line)
		}
		off += len(line) + 1
	}
	doc.Layers = nlp.Tokens | nlp.Sentences
	return doc, kept
}

// carbDocument reads the input of the carb path and returns it parsed,
// with the text of each sentence as CaRB sees it. With parsed false, r
// holds one tokenized sentence per line, which is tagged and parsed; with
// parsed true, r is CoNLL-U and the sentence is its forms joined by spaces.
func carbDocument(ctx context.Context, r io.Reader, parsed bool) (*nlp.Document, []string, error) {
	if parsed {
		sents, err := conllu.ReadAll(r)
		if err != nil {
			return nil, nil, err
		}
		doc := conllu.ToDocument("input", sents)
		lines := make([]string, len(doc.Sentences))
		for si, sp := range doc.Sentences {
			lines[si] = doc.Forms(sp.Start, sp.End)
		}
		return doc, lines, nil
	}
	stages, err := pipelineStages()
	if err != nil {
		return nil, nil, err
	}
	var raw []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	for sc.Scan() {
		raw = append(raw, strings.TrimRight(sc.Text(), "\r"))
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	doc, lines := tokenizedDocument("input", raw)
	p := extract.Pipeline{Stages: stages, Extractors: []*extract.Extractor{openie.Extractor}}
	if err := p.Annotate(ctx, doc); err != nil {
		return nil, nil, err
	}
	return doc, lines, nil
}

// writeCarb writes one extraction in CaRB's tabbed format.
func writeCarb(w io.Writer, doc *nlp.Document, e *openie.Extraction, sentence string, conf float64) {
	var b strings.Builder
	b.WriteString(sentence)
	b.WriteByte('\t')
	b.WriteString(strconv.FormatFloat(conf, 'g', -1, 64))
	b.WriteByte('\t')
	b.WriteString(e.RelationText(doc))
	b.WriteByte('\t')
	b.WriteString(e.Subject.Text(doc))
	for _, a := range e.Args {
		if t := a.Text(doc); t != "" {
			b.WriteByte('\t')
			b.WriteString(t)
		}
	}
	fmt.Fprintln(w, b.String())
}
