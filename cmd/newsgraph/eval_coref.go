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
	"github.com/newsgraph/newsgraph/extract/ner"
	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/extract/parse"
	"github.com/newsgraph/newsgraph/extract/segment"
	"github.com/newsgraph/newsgraph/extract/tag"
)

const evalCorefUsage = `--gold DIR_OR_FILE [--ud FILE[,FILE...]] [--gold-parse | --system DIR_OR_FILE] [--json] [--out FILE]

Scores coreference on CoNLL-2012 bracket files (OntoGUM): MUC, B³ and
CEAF-e F1 and their mean, the CoNLL score.

By default our pipeline (tagger, parser, NER, coreference) runs on each
gold document's own words. Sentence breaks come from the aligned CoNLL-U
document when --ud is given (GUM's "# newdoc id" equals the gold file
name; the words must match 1:1), else from our segmenter. --gold-parse
takes the tags and trees from the --ud file instead of our tagger and
parser. --system scores a system output in the same bracket format.`

func runEvalCoref(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("eval coref", evalCorefUsage, io)
	gold := fs.String("gold", "", "gold CoNLL file or directory of *.conll files")
	ud := fs.StringSlice("ud", nil, "CoNLL-U files aligned with the gold documents (sentence breaks; trees with --gold-parse)")
	goldParse := fs.Bool("gold-parse", false, "use the tags and trees of the --ud files instead of our tagger and parser")
	system := fs.String("system", "", "system CoNLL file or directory to score instead of running our pipeline")
	asJSON := fs.Bool("json", false, `print {"muc":..,"b3":..,"ceafe":..,"conll":..} (F1 in percent)`)
	out := fs.String("out", "", "write our system output in bracket format to this file")
	tagModel := fs.String("tag-model", "", "tagger model file (default: the embedded model)")
	parseModel := fs.String("parse-model", "", "parser model file (default: the embedded model)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *gold == "" {
		return usagef("eval coref: --gold is required")
	}
	if *system != "" && (len(*ud) > 0 || *goldParse) {
		return usagef("eval coref: --system scores a file; it takes no --ud or --gold-parse")
	}
	if *goldParse && len(*ud) == 0 {
		return usagef("eval coref: --gold-parse needs --ud")
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
		systems = matchByName(golds, systems)
	} else {
		systems, err = corefSystem(ctx, golds, *ud, *goldParse, *tagModel, *parseModel)
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

// corefSystem runs our stages over each gold document's words: the
// tagger, parser, NER and coreference stages, or NER and coreference over
// the --ud parse with goldParse.
func corefSystem(ctx context.Context, golds []score.Document, udFiles []string, goldParse bool, tagModel, parseModel string) ([]score.Document, error) {
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
	nr, err := ner.New()
	if err != nil {
		return nil, fmt.Errorf("eval coref: entity model: %w", err)
	}
	var stages []extract.Stage
	if !goldParse {
		tg, err := loadModel(tagModel, tag.Load, tag.New)
		if err != nil {
			return nil, fmt.Errorf("eval coref: tagger model: %w", err)
		}
		ps, err := loadModel(parseModel, parse.Load, parse.New)
		if err != nil {
			return nil, fmt.Errorf("eval coref: parser model: %w", err)
		}
		stages = append(stages, tg, ps)
	}
	stages = append(stages, nr, coref.New())
	p := &extract.Pipeline{Stages: stages}
	var systems []score.Document
	for _, g := range golds {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		doc := wordsDocument(g)
		if len(udFiles) > 0 {
			sents, ok := parsed[g.Name]
			if !ok {
				return nil, fmt.Errorf("eval coref: no document %q in %s", g.Name, strings.Join(udFiles, ","))
			}
			ud := conllu.ToDocument(g.Name, sents)
			if err := sameWords(g, ud); err != nil {
				return nil, err
			}
			if goldParse {
				doc = ud
				doc.Layers &^= nlp.Entities | nlp.Coref
			} else {
				doc.Sentences = ud.Sentences
				doc.Layers |= nlp.Sentences
			}
		} else if err := segment.New().Process(doc); err != nil {
			return nil, err
		} else {
			doc.Layers |= nlp.Sentences
		}
		if err := p.Annotate(ctx, doc); err != nil {
			return nil, err
		}
		systems = append(systems, score.Document{Name: g.Name, Words: g.Words, Clusters: coref.Clusters(doc)})
	}
	return systems, nil
}

// matchByName orders the system documents as the gold ones when every
// gold name is found once among them, and keeps their order otherwise.
func matchByName(golds, systems []score.Document) []score.Document {
	byName := map[string]int{}
	for i, d := range systems {
		if _, dup := byName[d.Name]; dup {
			return systems
		}
		byName[d.Name] = i
	}
	out := make([]score.Document, len(golds))
	for i, g := range golds {
		j, ok := byName[g.Name]
		if !ok {
			return systems
		}
		out[i] = systems[j]
	}
	return out
}

// loadModel decodes the model in file, or returns the embedded one when
// file is empty.
func loadModel[M any](file string, embedded func() (M, error), decode func([]byte) (M, error)) (M, error) {
	if file == "" {
		return embedded()
	}
	b, err := os.ReadFile(file)
	if err != nil {
		var zero M
		return zero, err
	}
	return decode(b)
}

// wordsDocument builds a document whose tokens are the gold words, joined
// by single spaces.
func wordsDocument(g score.Document) *nlp.Document {
	var b strings.Builder
	doc := nlp.New(g.Name, "")
	for i, w := range g.Words {
		if i > 0 {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(w)
		doc.Tokens = append(doc.Tokens, nlp.Token{Start: start, End: b.Len(), Form: w, SpaceAfter: i+1 < len(g.Words), Head: -1})
	}
	doc.Text = b.String()
	doc.Layers = nlp.Tokens
	return doc
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
