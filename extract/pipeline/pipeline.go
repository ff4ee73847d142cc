package pipeline

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/coref"
	"github.com/newsgraph/newsgraph/extract/kg"
	"github.com/newsgraph/newsgraph/extract/ner"
	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/extract/parse"
	"github.com/newsgraph/newsgraph/extract/segment"
	"github.com/newsgraph/newsgraph/extract/tag"
	"github.com/newsgraph/newsgraph/extract/tokenize"
	"github.com/newsgraph/newsgraph/schema"
)

var (
	once    sync.Once
	stages  []extract.Stage
	loadErr error
)

// Stages returns the annotation stages in order, loading their models once
// per process.
func Stages() ([]extract.Stage, error) {
	once.Do(func() {
		stages, loadErr = load()
	})
	return stages, loadErr
}

func load() ([]extract.Stage, error) {
	tg, err := tag.Load()
	if err != nil {
		return nil, fmt.Errorf("tagger model: %w", err)
	}
	ps, err := parse.Load()
	if err != nil {
		return nil, fmt.Errorf("parser model: %w", err)
	}
	nr, err := ner.New()
	if err != nil {
		return nil, fmt.Errorf("entity model: %w", err)
	}
	return []extract.Stage{tokenize.New(), segment.New(), tg, ps, nr, coref.New()}, nil
}

// Default returns the full pipeline: every stage, then the knowledge-graph
// extractor.
func Default() (*extract.Pipeline, error) {
	st, err := Stages()
	if err != nil {
		return nil, err
	}
	p := &extract.Pipeline{Stages: st, Extractors: []*extract.Extractor{kg.Extractor}}
	if err := p.Validate(0); err != nil {
		return nil, err
	}
	return p, nil
}

// Models describes the stages and extractors of p, for Evidence.Model:
// "tokenize/1 segment/1 tag/2 ...".
func Models(p *extract.Pipeline) string {
	var names []string
	for _, s := range p.Stages {
		names = append(names, s.Name())
	}
	return strings.Join(names, " ")
}

// Run annotates an article's text with p and returns the document and the
// facts its extractors report, each stamped with the model versions.
func Run(ctx context.Context, p *extract.Pipeline, a schema.Article) (*nlp.Document, []schema.Fact, error) {
	doc := nlp.New(a.ID, a.Text)
	doc.Date = a.Date
	var facts []schema.Fact
	models := Models(p)
	err := p.Run(ctx, doc, func(f schema.Fact) {
		f.Evidence.Model = models
		facts = append(facts, f)
	})
	if err != nil {
		return doc, nil, err
	}
	return doc, facts, nil
}
