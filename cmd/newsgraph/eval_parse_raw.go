package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/extract/parse"
	"github.com/newsgraph/newsgraph/extract/segment"
	"github.com/newsgraph/newsgraph/extract/tag"
	"github.com/newsgraph/newsgraph/extract/tokenize"
	"github.com/newsgraph/newsgraph/extract/udeval"
)

// rawScores are the scores of "eval parse --raw", in percent (F1 over
// words aligned by characters, as the CoNLL 2018 scorer computes them).
type rawScores struct {
	Words       int     `json:"words"`
	TokensF1    float64 `json:"tokens_f1"`
	SentencesF1 float64 `json:"sentences_f1"`
	WordsF1     float64 `json:"words_f1"`
	UPOS        float64 `json:"upos"`
	XPOS        float64 `json:"xpos"`
	Lemma       float64 `json:"lemma"`
	UAS         float64 `json:"uas"`
	LAS         float64 `json:"las"`
}

// evalParseRaw runs the whole annotation (tokenizer, sentence splitter,
// tagger, parser) on the text of each gold document and scores it against
// the gold annotation.
func evalParseRaw(ctx context.Context, gold []*nlp.Document, tagger *tag.Tagger, parser *parse.Parser) (rawScores, error) {
	var total udeval.Scores
	words := 0
	tok, seg := tokenize.New(), segment.New()
	for _, g := range gold {
		if err := ctx.Err(); err != nil {
			return rawScores{}, err
		}
		d := nlp.New(g.ID, g.Text)
		for _, st := range []interface {
			Process(*nlp.Document) error
			Adds() nlp.Layer
		}{tok, seg, tagger, parser} {
			if err := st.Process(d); err != nil {
				return rawScores{}, fmt.Errorf("%s: %w", g.ID, err)
			}
			d.Layers |= st.Adds()
		}
		total.Add(udeval.Evaluate(g, d))
		words += len(g.Tokens)
	}
	pct := func(s udeval.Score) float64 { return 100 * s.F1() }
	return rawScores{Words: words, TokensF1: pct(total.Tokens), SentencesF1: pct(total.Sentences), WordsF1: pct(total.Words),
		UPOS: pct(total.UPOS), XPOS: pct(total.XPOS), Lemma: pct(total.Lemma), UAS: pct(total.UAS), LAS: pct(total.LAS)}, nil
}

func printRaw(io stdio, path string, sc rawScores, asJSON bool) error {
	if asJSON {
		return json.NewEncoder(io.out).Encode(sc)
	}
	fmt.Fprintf(io.out, "%s: %d words, raw text (our tokenizer and sentence splitter), F1 over words aligned by characters\n", path, sc.Words)
	fmt.Fprintf(io.out, "Tokens     %6.2f\nSentences  %6.2f\nWords      %6.2f\nUPOS       %6.2f\nXPOS       %6.2f\nLemma      %6.2f\nUAS        %6.2f\nLAS        %6.2f\n",
		sc.TokensF1, sc.SentencesF1, sc.WordsF1, sc.UPOS, sc.XPOS, sc.Lemma, sc.UAS, sc.LAS)
	return nil
}
