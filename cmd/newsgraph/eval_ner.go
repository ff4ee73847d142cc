package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph/extract/ner"
	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/extract/tag"
)

// runEvalNER scores the embedded NER model (or --model FILE) against a gold file: UNER
// IOB2 (our GPE and LOC count as LOC, PERSON as PER) or GUM-style
// CoNLL-U (PERSON, ORG, GPE, LOC as derived by ner.ReadGUM).
func runEvalNER(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("eval ner", "--gold FILE [--model FILE] [--json]", io)
	gold := fs.String("gold", "", "gold file: .iob2 (UNER) or .conllu (GUM Entity annotation)")
	format := fs.String("format", "", "iob2 or conllu (default: from the file name)")
	asJSON := fs.Bool("json", false, `print {"p":..,"r":..,"f1":..,"per_type":{...}}`)
	modelFile := fs.String("model", "", "model file to score instead of the embedded one (as written by train-ner --out)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *gold == "" || fs.NArg() != 0 {
		return usagef("eval ner: need --gold FILE and no other arguments")
	}
	f := *format
	if f == "" {
		switch {
		case strings.HasSuffix(*gold, ".iob2"):
			f = "iob2"
		case strings.HasSuffix(*gold, ".conllu"):
			f = "conllu"
		default:
			return usagef("eval ner: cannot tell the format of %s; use --format", *gold)
		}
	}
	in, err := os.Open(*gold)
	if err != nil {
		return err
	}
	defer in.Close()
	var docs []*nlp.Document
	mapLabel := ner.UNERLabel
	switch f {
	case "iob2":
		docs, err = ner.ReadIOB2(in)
	case "conllu":
		docs, err = ner.ReadGUM(in, nil)
		mapLabel = ner.ModelLabel
	default:
		return usagef("eval ner: unknown format %q", f)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", *gold, err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	// the stage reads part-of-speech tags: ours, never the gold ones
	tagger, err := tag.Load()
	if err != nil {
		return err
	}
	if err := tagDocs(tagger, docs); err != nil {
		return err
	}
	var r *ner.Recognizer
	if *modelFile != "" {
		b, err := os.ReadFile(*modelFile)
		if err != nil {
			return err
		}
		if r, err = ner.NewFromModel(b, ner.WithoutRules()); err != nil {
			return fmt.Errorf("%s: %w", *modelFile, err)
		}
	} else if r, err = ner.New(ner.WithoutRules()); err != nil {
		return err
	}
	sc, err := ner.Evaluate(r, docs, mapLabel)
	if err != nil {
		return err
	}
	if *asJSON {
		type prf struct {
			P     float64 `json:"p"`
			R     float64 `json:"r"`
			F1    float64 `json:"f1"`
			TP    int     `json:"tp"`
			FP    int     `json:"fp"`
			FN    int     `json:"fn"`
			Total int     `json:"gold"`
		}
		mk := func(c ner.Counts) prf {
			return prf{ner.Round2(c.P()), ner.Round2(c.R()), ner.Round2(c.F1()), c.TP, c.FP, c.FN, c.TP + c.FN}
		}
		out := struct {
			prf
			PerType map[string]prf `json:"per_type"`
		}{mk(sc.Overall), map[string]prf{}}
		for _, t := range sc.Types() {
			out.PerType[t] = mk(*sc.PerType[t])
		}
		b, err := json.Marshal(out)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(io.out, "%s\n", b)
		return err
	}
	fmt.Fprintf(io.out, "%-8s %7s %7s %7s %6s\n", "type", "P", "R", "F1", "gold")
	for _, t := range sc.Types() {
		c := sc.PerType[t]
		fmt.Fprintf(io.out, "%-8s %7.2f %7.2f %7.2f %6d\n", t, c.P(), c.R(), c.F1(), c.TP+c.FN)
	}
	c := sc.Overall
	fmt.Fprintf(io.out, "%-8s %7.2f %7.2f %7.2f %6d\n", "overall", c.P(), c.R(), c.F1(), c.TP+c.FN)
	return nil
}
