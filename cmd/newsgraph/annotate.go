package main

import (
	"context"
	"fmt"
	"os"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/extract/pipeline"
)

const annotateUsage = `[--format conllu] [INPUT]

Prints newsgraph's annotation of raw text (a .txt file, or stdin when INPUT is
- or missing) as CoNLL-U: tokens, sentences, tags, lemmas and the dependency
parse, with named entities in MISC as NE=LABEL (B-/I- prefixed).`

func runAnnotate(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("annotate", annotateUsage, io)
	format := fs.String("format", "conllu", "output format: conllu")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *format != "conllu" {
		return usagef("--format %q: only conllu is supported", *format)
	}
	if fs.NArg() > 1 {
		return usagef("annotate takes one INPUT")
	}
	in, id := io.in, "stdin"
	if fs.NArg() == 1 && fs.Arg(0) != "-" {
		f, err := os.Open(fs.Arg(0))
		if err != nil {
			return err
		}
		defer f.Close()
		in, id = f, idFromPath(fs.Arg(0))
	}
	it := textArticle(id, id, in)
	if it.Err != nil {
		return fmt.Errorf("%s: %w", id, it.Err)
	}
	stages, err := pipeline.Stages()
	if err != nil {
		return fmt.Errorf("loading models: %w", err)
	}
	p := &extract.Pipeline{Stages: stages}
	doc := nlp.New(id, it.Article.Text)
	if err := p.Annotate(ctx, doc); err != nil {
		return err
	}
	return conllu.Write(io.out, doc)
}
