package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/coref"
	"github.com/newsgraph/newsgraph/extract/coref/score"
	"github.com/newsgraph/newsgraph/extract/nlp"
)

const evalCorefUsage = `--gold DIR_OR_FILE (--ud FILE[,FILE...] | --system DIR_OR_FILE) [--json] [--out FILE]

Scores coreference on CoNLL-2012 bracket files (OntoGUM): MUC, B³ and
CEAF-e F1 and their mean, the CoNLL score.

With --ud, our coreference stage runs on each gold document's own words,
with the sentences, tags and parse of the aligned CoNLL-U document (GUM's
"# newdoc id" equals the gold file name; the words must match 1:1). With
--system, a system output in the same bracket format is scored instead.`

func runEvalCoref(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("eval coref", evalCorefUsage, io)
	gold := fs.String("gold", "", "gold CoNLL file or directory of *.conll files")
	ud := fs.StringSlice("ud", nil, "CoNLL-U files holding the parses of the gold documents")
	system := fs.String("system", "", "system CoNLL file or directory to score instead of running our stage")
	asJSON := fs.Bool("json", false, `print {"muc":..,"b3":..,"ceafe":..,"conll":..} (F1 in percent)`)
	out := fs.String("out", "", "write our system output in bracket format to this file")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *gold == "" {
		return usagef("eval coref: --gold is required")
	}
	if (len(*ud) == 0) == (*system == "") {
		return usagef("eval coref: give exactly one of --ud and --system")
	}
	golds, err := score.ReadPath(*gold)
	if err != nil {
		return err
	}
	var systems []score.Document
	if *system != "" {
		systems, err = score.ReadPath(*system)
		if err != nil {
			return err
		}
		if len(systems) != len(golds) {
			return fmt.Errorf("eval coref: %d gold documents but %d system documents", len(golds), len(systems))
		}
	} else {
		systems, err = corefSystem(ctx, golds, *ud)
		if err != nil {
			return err
		}
	}
	if *out != "" {
		if err := writeBrackets(*out, systems); err != nil {
			return err
		}
	}
	res, err := score.ScoreDocuments(golds, systems)
	if err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(io.out).Encode(map[string]float64{
			"muc": pct(res.MUC.F1()), "b3": pct(res.B3.F1()), "ceafe": pct(res.CEAFe.F1()), "conll": pct(res.CoNLL()),
		})
	}
	fmt.Fprintf(io.out, "documents %d\n", res.Docs)
	fmt.Fprintf(io.out, "%-6s %7s %7s %7s\n", "metric", "R", "P", "F1")
	for _, m := range []struct {
		name string
		m    score.Metric
	}{{"MUC", res.MUC}, {"B3", res.B3}, {"CEAFe", res.CEAFe}} {
		fmt.Fprintf(io.out, "%-6s %7.2f %7.2f %7.2f\n", m.name, pct(m.m.Recall()), pct(m.m.Precision()), pct(m.m.F1()))
	}
	fmt.Fprintf(io.out, "CoNLL  %23.2f\n", pct(res.CoNLL()))
	return nil
}

func pct(x float64) float64 { return float64(int64(x*10000+0.5)) / 100 }

// corefSystem runs the coreference stage over each gold document, parsed
// as in the CoNLL-U files.
func corefSystem(ctx context.Context, golds []score.Document, udFiles []string) ([]score.Document, error) {
	parsed := map[string][]*conllu.Sentence{}
	for _, f := range udFiles {
		sents, err := conllu.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for _, d := range conllu.SplitDocuments(sents) {
			parsed[d.ID] = d.Sentences
		}
	}
	p := &extract.Pipeline{Stages: []extract.Stage{coref.New()}}
	var systems []score.Document
	for _, g := range golds {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		sents, ok := parsed[g.Name]
		if !ok {
			return nil, fmt.Errorf("eval coref: no parse for document %q in %s", g.Name, strings.Join(udFiles, ","))
		}
		doc := conllu.ToDocument(g.Name, sents)
		if err := sameWords(g, doc); err != nil {
			return nil, err
		}
		doc.Layers &^= nlp.Entities
		if err := p.Annotate(ctx, doc); err != nil {
			return nil, err
		}
		systems = append(systems, score.Document{Name: g.Name, Words: g.Words, Clusters: coref.Clusters(doc)})
	}
	return systems, nil
}

func sameWords(g score.Document, doc *nlp.Document) error {
	if len(g.Words) != len(doc.Tokens) {
		return fmt.Errorf("eval coref: document %q: %d gold words but %d parsed words", g.Name, len(g.Words), len(doc.Tokens))
	}
	for i, w := range g.Words {
		if doc.Tokens[i].Form != w && w != "_" { // OntoGUM writes some symbols as "_"
			return fmt.Errorf("eval coref: document %q word %d: gold %q, parsed %q", g.Name, i, w, doc.Tokens[i].Form)
		}
	}
	return nil
}

func writeBrackets(path string, docs []score.Document) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	for _, d := range docs {
		if err := score.Write(f, d); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}
