package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/extract/parse"
	"github.com/newsgraph/newsgraph/extract/tag"
)

// parseScores are the scores of "eval parse", in percent. Dependency
// scores count punctuation; LAS compares the universal part of the
// relation as the CoNLL 2018 scorer does, LASFull the whole relation.
type parseScores struct {
	Words   int     `json:"words"`
	UPOS    float64 `json:"upos"`
	XPOS    float64 `json:"xpos"`
	Lemma   float64 `json:"lemma"`
	UAS     float64 `json:"uas"`
	LAS     float64 `json:"las"`
	LASFull float64 `json:"las_subtypes"`
}

// scoreParse compares predicted and gold documents that share their
// tokenization (same tokens in the same order).
func scoreParse(pred, gold []*nlp.Document) (parseScores, error) {
	var n, upos, xpos, lemma, uas, las, lasFull int
	for i, g := range gold {
		p := pred[i]
		if len(p.Tokens) != len(g.Tokens) {
			return parseScores{}, fmt.Errorf("document %s: %d predicted and %d gold words", g.ID, len(p.Tokens), len(g.Tokens))
		}
		for k, gt := range g.Tokens {
			pt := p.Tokens[k]
			n++
			if pt.UPOS == gt.UPOS {
				upos++
			}
			if pt.XPOS == gt.XPOS {
				xpos++
			}
			if pt.Lemma == gt.Lemma {
				lemma++
			}
			if pt.Head == gt.Head {
				uas++
				if universal(pt.Rel) == universal(gt.Rel) {
					las++
				}
				if pt.Rel == gt.Rel {
					lasFull++
				}
			}
		}
	}
	pct := func(k int) float64 { return 100 * float64(k) / float64(max(n, 1)) }
	return parseScores{Words: n, UPOS: pct(upos), XPOS: pct(xpos), Lemma: pct(lemma), UAS: pct(uas), LAS: pct(las), LASFull: pct(lasFull)}, nil
}

func universal(rel string) string {
	u, _, _ := strings.Cut(rel, ":")
	return u
}

// loadStages returns the tagger and parser: the embedded models, or the
// model files in dir when it is set.
func loadStages(dir string) (*tag.Tagger, *parse.Parser, error) {
	if dir == "" {
		t, err := tag.Load()
		if err != nil {
			return nil, nil, err
		}
		p, err := parse.Load()
		return t, p, err
	}
	b, err := os.ReadFile(filepath.Join(dir, "tagger.model"))
	if err != nil {
		return nil, nil, err
	}
	t, err := tag.New(b)
	if err != nil {
		return nil, nil, err
	}
	if b, err = os.ReadFile(filepath.Join(dir, "parser.model")); err != nil {
		return nil, nil, err
	}
	p, err := parse.New(b)
	return t, p, err
}

func runEvalParse(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("eval parse", "--gold FILE.conllu [--raw] [--json]", io)
	goldPath := fs.String("gold", "", "gold CoNLL-U file (a dev file; gold tokenization, predicted tags)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	models := fs.String("models", "", "folder with tagger.model and parser.model to use instead of the embedded models")
	raw := fs.Bool("raw", false, "annotate the raw text with our tokenizer and sentence splitter and align by characters (CoNLL 2018 style)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *goldPath == "" || fs.NArg() != 0 {
		return usagef("eval parse needs --gold FILE.conllu and no arguments")
	}
	tagger, parser, err := loadStages(*models)
	if err != nil {
		return err
	}
	gold, _, err := loadTreebank(treebank{path: *goldPath})
	if err != nil {
		return err
	}
	if *raw {
		sc, err := evalParseRaw(ctx, gold, tagger, parser)
		if err != nil {
			return err
		}
		return printRaw(io, *goldPath, sc, *asJSON)
	}
	pred := cloneDocs(gold)
	for _, d := range pred {
		if err := ctx.Err(); err != nil {
			return err
		}
		for i := range d.Tokens {
			t := &d.Tokens[i]
			t.UPOS, t.XPOS, t.Lemma, t.Feats, t.Head, t.Rel = "", "", "", "", -1, ""
		}
		d.Layers = nlp.Tokens | nlp.Sentences
		for _, st := range []interface {
			Process(*nlp.Document) error
		}{tagger, parser} {
			if err := st.Process(d); err != nil {
				return err
			}
		}
	}
	sc, err := scoreParse(pred, gold)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(io.out)
		return enc.Encode(sc)
	}
	fmt.Fprintf(io.out, "%s: %d words, gold tokenization, predicted tags\n", *goldPath, sc.Words)
	fmt.Fprintf(io.out, "UPOS   %6.2f\nXPOS   %6.2f\nLemma  %6.2f\nUAS    %6.2f\nLAS    %6.2f  (universal relations, CoNLL 2018)\nLAS    %6.2f  (with subtypes)\n",
		sc.UPOS, sc.XPOS, sc.Lemma, sc.UAS, sc.LAS, sc.LASFull)
	return nil
}
