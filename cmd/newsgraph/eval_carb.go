package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/newsgraph/newsgraph/extract/openie/carb"
)

// runEvalCarb is "newsgraph eval carb": score tabbed Open IE output (or our
// own extractor's output on the sentences) against CaRB gold.
func runEvalCarb(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("eval carb", "--gold GOLD.tsv [--sentences SENTENCES.txt] [--system FILE] [--json]", io)
	goldPath := fs.String("gold", "", "CaRB gold tuples (SENTENCE<TAB>REL<TAB>ARG1<TAB>ARG2...)")
	sentPath := fs.String("sentences", "", "one tokenized sentence per line; our extractor runs on them when --system is not given")
	sysPath := fs.String("system", "", "system extractions in CaRB's tabbed format (SENTENCE<TAB>CONF<TAB>REL<TAB>ARG1...)")
	single := fs.Bool("single-match", false, "score recall 1-to-1 (OpenIE6's CaRB(1-1)) instead of multi-match")
	asJSON := fs.Bool("json", false, `print {"p":..,"r":..,"f1":..,"auc":..}`)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("eval carb: unexpected arguments %q", fs.Args())
	}
	if *goldPath == "" {
		return usagef("eval carb: --gold is required")
	}
	if *sysPath == "" && *sentPath == "" {
		return usagef("eval carb: give --system FILE, or --sentences FILE to run our extractor")
	}
	gf, err := os.Open(*goldPath)
	if err != nil {
		return err
	}
	defer gf.Close()
	gold, err := carb.ReadGold(gf)
	if err != nil {
		return fmt.Errorf("%s: %w", *goldPath, err)
	}
	var pred *carb.Set
	if *sysPath != "" {
		pf, err := os.Open(*sysPath)
		if err != nil {
			return err
		}
		defer pf.Close()
		if pred, err = carb.ReadTabbed(pf); err != nil {
			return fmt.Errorf("%s: %w", *sysPath, err)
		}
	} else {
		sf, err := os.Open(*sentPath)
		if err != nil {
			return err
		}
		defer sf.Close()
		var buf bytes.Buffer
		if err := extractCarb(ctx, sf, &buf, io.err); err != nil {
			return err
		}
		if pred, err = carb.ReadTabbed(&buf); err != nil {
			return err
		}
	}
	res := carb.Score(gold, pred, carb.Options{SingleMatch: *single})
	if *asJSON {
		return json.NewEncoder(io.out).Encode(struct {
			P   float64 `json:"p"`
			R   float64 `json:"r"`
			F1  float64 `json:"f1"`
			AUC float64 `json:"auc"`
		}{res.Best.P, res.Best.R, res.Best.F1, res.AUC})
	}
	fmt.Fprintf(io.out, "gold tuples %d, extractions %d\n", res.Gold, res.Pred)
	fmt.Fprintf(io.out, "AUC %.6f  best P %.6f R %.6f F1 %.6f at confidence %v\n", res.AUC, res.Best.P, res.Best.R, res.Best.F1, res.Best.Threshold)
	fmt.Fprintf(io.out, "all kept: P %.6f R %.6f F1 %.6f\n", res.Last.P, res.Last.R, res.Last.F1)
	return nil
}
