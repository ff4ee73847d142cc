package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/kg"
	"github.com/newsgraph/newsgraph/extract/pipeline"
	"github.com/newsgraph/newsgraph/graph"
)

const evalFactsUsage = `--gold GOLD.tsv --docs DIR [--json] [-v]

Builds each article the gold file lists (DIR/DOC.txt) into a fresh memstore,
reads its statements back and scores them against the gold facts: recall over
every gold fact, precision on the articles marked #exhaustive.`

func runEvalFacts(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("eval facts", evalFactsUsage, io)
	goldPath := fs.String("gold", "", "fact-level gold file (TSV)")
	docs := fs.String("docs", "", "folder holding DOC.txt for every document of the gold")
	asJSON := fs.Bool("json", false, `print {"p":..,"r":..,"f1":..,"per_predicate":{...}}`)
	verbose := fs.BoolP("verbose", "v", false, "list missing and spurious facts on stderr")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *goldPath == "" || *docs == "" {
		return usagef("eval facts needs --gold and --docs")
	}
	f, err := os.Open(*goldPath)
	if err != nil {
		return err
	}
	gold, err := kg.ReadGold(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", *goldPath, err)
	}
	p, err := pipeline.Default()
	if err != nil {
		return fmt.Errorf("loading models: %w", err)
	}
	var sys []kg.SystemFact
	for _, id := range gold.Docs() {
		path := filepath.Join(*docs, id+".txt")
		fh, err := os.Open(path)
		if err != nil {
			return err
		}
		it := textArticle(path, id, fh)
		fh.Close()
		if it.Err != nil {
			return fmt.Errorf("%s: %w", path, it.Err)
		}
		facts, err := buildAndRead(ctx, p, it)
		if err != nil {
			return fmt.Errorf("%s: %w", id, err)
		}
		sys = append(sys, facts...)
	}
	overall, per := kg.Score(gold, sys)
	if *verbose {
		for _, m := range overall.Missing {
			fmt.Fprintf(io.err, "missing  %s\n", m)
		}
		for _, s := range overall.Spurious {
			fmt.Fprintf(io.err, "spurious %s\n", s)
		}
	}
	if *asJSON {
		type prf struct {
			P  float64 `json:"p"`
			R  float64 `json:"r"`
			F1 float64 `json:"f1"`
		}
		out := struct {
			prf
			PerPredicate map[string]prf `json:"per_predicate"`
		}{prf: prf{overall.P, overall.R, overall.F1}, PerPredicate: map[string]prf{}}
		for k, c := range per {
			out.PerPredicate[k] = prf{c.P, c.R, c.F1}
		}
		enc := json.NewEncoder(io.out)
		return enc.Encode(out)
	}
	fmt.Fprintf(io.out, "%-18s %6s %6s %6s   %s\n", "predicate", "P", "R", "F1", "found/gold  correct/system")
	var names []string
	for k := range per {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		c := per[k]
		fmt.Fprintf(io.out, "%-18s %6.3f %6.3f %6.3f   %d/%d  %d/%d\n", k, c.P, c.R, c.F1, c.GoldFound, c.Gold, c.SysCorrect, c.Sys)
	}
	fmt.Fprintf(io.out, "%-18s %6.3f %6.3f %6.3f   %d/%d  %d/%d\n", "overall", overall.P, overall.R, overall.F1,
		overall.GoldFound, overall.Gold, overall.SysCorrect, overall.Sys)
	return nil
}

// buildAndRead runs the pipeline on one article, writes it into a fresh
// memstore and reads its vocabulary statements back as the scorer sees them.
func buildAndRead(ctx context.Context, p *extract.Pipeline, it inputItem) ([]kg.SystemFact, error) {
	res := process(ctx, p, it)
	if res.err != nil {
		return nil, res.err
	}
	store, err := graph.Open(ctx, graph.Options{Backend: graph.Memstore})
	if err != nil {
		return nil, err
	}
	defer store.Close()
	if _, err := store.WriteArticle(ctx, it.Article, res.facts); err != nil {
		return nil, err
	}
	stmts, err := store.Statements(ctx, it.Article.ID)
	if err != nil {
		return nil, err
	}
	var out []kg.SystemFact
	for _, s := range stmts {
		if s.Predicate == "" {
			continue
		}
		out = append(out, kg.SystemFact{
			Doc: it.Article.ID, Subject: s.Subject, Predicate: s.Predicate, Object: s.Object,
			Flags:    kg.Flags{Neg: s.Negated, Modal: s.Modality != "", Attributed: s.Speaker != "" || s.Hedged},
			Evidence: s.Evidence,
		})
	}
	return out, nil
}
