package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/extract/openie"
	"github.com/newsgraph/newsgraph/extract/openie/carb"
)

// runEvalCarb is "newsgraph eval carb": score tabbed Open IE output (or our
// own extractor's output on the sentences) against CaRB gold.
func runEvalCarb(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("eval carb", "--gold GOLD.tsv (--system FILE | --sentences SENTENCES.txt | --conllu PARSED.conllu) [--json] [--fit-conf OUT]", io)
	goldPath := fs.String("gold", "", "CaRB gold tuples (SENTENCE<TAB>REL<TAB>ARG1<TAB>ARG2...)")
	sentPath := fs.String("sentences", "", "one tokenized sentence per line; our tagger, parser and extractor run on them when --system is not given")
	conlluPath := fs.String("conllu", "", "the sentences already parsed, as CoNLL-U: our extractor runs on these trees")
	sysPath := fs.String("system", "", "system extractions in CaRB's tabbed format (SENTENCE<TAB>CONF<TAB>REL<TAB>ARG1...)")
	single := fs.Bool("single-match", false, "score recall 1-to-1 (OpenIE6's CaRB(1-1)) instead of multi-match")
	asJSON := fs.Bool("json", false, `print {"p":..,"r":..,"f1":..,"auc":..}`)
	fitOut := fs.String("fit-conf", "", "fit the confidence model on the gold by 5-fold cross-validation over sentences, report the cross-validated scores and write the weights fitted on all of it to this file (extract/openie/conf.tsv)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("eval carb: unexpected arguments %q", fs.Args())
	}
	if *goldPath == "" {
		return usagef("eval carb: --gold is required")
	}
	inputs := 0
	for _, p := range []string{*sysPath, *sentPath, *conlluPath} {
		if p != "" {
			inputs++
		}
	}
	if inputs != 1 {
		return usagef("eval carb: give exactly one of --system, --sentences, --conllu")
	}
	if *fitOut != "" && *sysPath != "" {
		return usagef("eval carb: --fit-conf needs our extractor (--sentences or --conllu), not --system")
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
	opt := carb.Options{SingleMatch: *single}
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
		path, parsed := *sentPath, false
		if *conlluPath != "" {
			path, parsed = *conlluPath, true
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		doc, lines, err := carbDocument(ctx, f, parsed)
		if err != nil {
			return err
		}
		if *fitOut != "" {
			return fitConf(io, doc, lines, gold, opt, *fitOut, args)
		}
		pred = predictions(doc, lines, nil)
	}
	res := carb.Score(gold, pred, opt)
	if *asJSON {
		return json.NewEncoder(io.out).Encode(scoreJSON(res))
	}
	printScore(io, "", res)
	return nil
}

type jsonScore struct {
	P   float64 `json:"p"`
	R   float64 `json:"r"`
	F1  float64 `json:"f1"`
	AUC float64 `json:"auc"`
}

func scoreJSON(res carb.Result) jsonScore {
	return jsonScore{res.Best.P, res.Best.R, res.Best.F1, res.AUC}
}

func printScore(io stdio, label string, res carb.Result) {
	fmt.Fprintf(io.out, "%sgold tuples %d, extractions %d\n", label, res.Gold, res.Pred)
	fmt.Fprintf(io.out, "%sAUC %.6f  best P %.6f R %.6f F1 %.6f at confidence %v\n", label, res.AUC, res.Best.P, res.Best.R, res.Best.F1, res.Best.Threshold)
	fmt.Fprintf(io.out, "%sall kept: P %.6f R %.6f F1 %.6f\n", label, res.Last.P, res.Last.R, res.Last.F1)
}

// predictions runs the extractor on every sentence; conf, when not nil,
// replaces the extraction's confidence.
func predictions(doc *nlp.Document, lines []string, conf func(si int, e *openie.Extraction) float64) *carb.Set {
	set := carb.NewSet()
	for si := range doc.Sentences {
		for _, e := range openie.Extract(doc, si) {
			c := e.Conf
			if conf != nil {
				c = conf(si, &e)
			}
			set.Add(lines[si], carbTuple(doc, &e, c))
		}
	}
	return set
}

// carbTuple is the CaRB view of an extraction, as writeCarb prints it.
func carbTuple(doc *nlp.Document, e *openie.Extraction, conf float64) carb.Tuple {
	var b bytes.Buffer
	writeCarb(&b, doc, e, "s", conf)
	f := strings.Split(strings.TrimRight(b.String(), "\n"), "\t")
	return carb.Tuple{Rel: f[2], Args: f[3:], Conf: conf}
}

const folds = 5

// fitConf fits the confidence model by cross-validation and writes it.
func fitConf(io stdio, doc *nlp.Document, lines []string, gold *carb.Set, opt carb.Options, out string, args []string) error {
	byKey := gold.ByKey()
	var examples [folds][]openie.Example
	for si := range doc.Sentences {
		g := byKey[carb.Key(lines[si])]
		for _, e := range openie.Extract(doc, si) {
			t := carbTuple(doc, &e, 0)
			best := 0.0
			for _, gt := range g {
				if p, _ := carb.Match(gt, t); p > best {
					best = p
				}
			}
			examples[si%folds] = append(examples[si%folds], openie.Example{Features: e.Features(), Target: best})
		}
	}
	const l2, iters = 0.001, 400
	var models [folds]openie.Weights
	var all []openie.Example
	for k := 0; k < folds; k++ {
		var train []openie.Example
		for j := 0; j < folds; j++ {
			if j != k {
				train = append(train, examples[j]...)
			}
		}
		all = append(all, examples[k]...)
		models[k] = openie.Fit(train, l2, iters)
	}
	cv := carb.Score(gold, predictions(doc, lines, func(si int, e *openie.Extraction) float64 {
		return models[si%folds].Score(e.Features())
	}), opt)
	printScore(io, "cross-validated: ", cv)
	w := openie.Fit(all, l2, iters)
	fit := carb.Score(gold, predictions(doc, lines, func(si int, e *openie.Extraction) float64 { return w.Score(e.Features()) }), opt)
	printScore(io, "fitted on all (optimistic): ", fit)
	header := []string{
		"openie confidence weights: logistic regression over Extraction.Features(),",
		fmt.Sprintf("fitted on all %d extractions (soft target: best CaRB pair precision), L2 %g, %d iterations.", len(all), l2, iters),
		"Produced by: newsgraph eval carb " + strings.Join(args, " "),
		fmt.Sprintf("%d-fold cross-validation over sentences: AUC %.4f P %.4f R %.4f F1 %.4f", folds, cv.AUC, cv.Best.P, cv.Best.R, cv.Best.F1),
	}
	return os.WriteFile(out, []byte(w.Format(header)), 0o644)
}
