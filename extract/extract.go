package extract

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/schema"
)

// Stage is one annotation step: it reads the layers it Needs and fills the
// layers it Adds. Stages hold only read-only model state, so one Stage may
// process many documents at once.
type Stage interface {
	Name() string // name and version, "parse/3"
	Needs() nlp.Layer
	Adds() nlp.Layer
	Process(doc *nlp.Document) error
}

// Extractor is a declarative fact extractor, in the style of
// golang.org/x/tools/go/analysis: a value that names itself, declares the
// layers it reads, and reports facts through a callback.
type Extractor struct {
	Name  string    // name and version, "openie/1"
	Doc   string    // one paragraph: what it extracts
	Needs nlp.Layer // layers it reads
	Run   func(doc *nlp.Document, report func(schema.Fact)) error
}

// Pipeline runs stages in order, then every extractor.
type Pipeline struct {
	Stages     []Stage
	Extractors []*Extractor
}

// Validate checks, before anything runs, that each stage and extractor
// finds the layers it needs given a document that starts with the layers
// in have.
func (p *Pipeline) Validate(have nlp.Layer) error {
	for _, s := range p.Stages {
		if !have.Has(s.Needs()) {
			return fmt.Errorf("stage %s needs %s but the pipeline has only %s", s.Name(), s.Needs(), have)
		}
		have |= s.Adds()
	}
	for _, e := range p.Extractors {
		if e.Run == nil {
			return fmt.Errorf("extractor %s has no Run function", e.Name)
		}
		if !have.Has(e.Needs) {
			return fmt.Errorf("extractor %s needs %s but the pipeline has only %s", e.Name, e.Needs, have)
		}
	}
	return nil
}

// Annotate runs the stages on doc.
func (p *Pipeline) Annotate(ctx context.Context, doc *nlp.Document) error {
	if err := p.Validate(doc.Layers); err != nil {
		return err
	}
	for _, s := range p.Stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.Process(doc); err != nil {
			return fmt.Errorf("%s: %s: %w", doc.ID, s.Name(), err)
		}
		doc.Layers |= s.Adds()
	}
	return nil
}

// Run annotates doc and reports every fact the extractors find.
func (p *Pipeline) Run(ctx context.Context, doc *nlp.Document, report func(schema.Fact)) error {
	if err := p.Annotate(ctx, doc); err != nil {
		return err
	}
	for _, e := range p.Extractors {
		if err := e.Run(doc, report); err != nil {
			return fmt.Errorf("%s: %s: %w", doc.ID, e.Name, err)
		}
	}
	return nil
}
