package openie

import (
	"fmt"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/schema"
)

// Name is the extractor's name and version, recorded in Evidence.
const Name = "openie/1"

// Extractor reports every extraction of every sentence as an open-relation
// fact: Predicate "", Relation the relation words, Subject and Object
// entities of class Thing named by the argument text (the first argument
// after the subject; the rest go to Args with role "argument"), and
// Evidence with the byte span of the extraction's words, its confidence,
// polarity, modality, hedging and attribution.
var Extractor = &extract.Extractor{
	Name:  Name,
	Doc:   "Clause-based Open IE: subject, relation and arguments of every clause, with polarity, modality and attribution.",
	Needs: nlp.Tokens | nlp.Sentences | nlp.Tags | nlp.Deps,
	Run:   run,
}

func run(doc *nlp.Document, report func(schema.Fact)) error {
	if !doc.Layers.Has(nlp.Tokens | nlp.Sentences | nlp.Tags | nlp.Deps) {
		return fmt.Errorf("openie: document %s has layers %s, needs tokens+sentences+tags+deps", doc.ID, doc.Layers)
	}
	if err := doc.Validate(); err != nil {
		return fmt.Errorf("openie: %w", err)
	}
	for si := range doc.Sentences {
		for _, e := range Extract(doc, si) {
			if f, ok := e.Fact(doc); ok {
				report(f)
			}
		}
	}
	return nil
}

// Fact turns the extraction into an open-relation fact. It reports false
// for an extraction with no argument after the subject (an SV clause),
// which has no object to put in a fact.
func (e *Extraction) Fact(doc *nlp.Document) (schema.Fact, bool) {
	if len(e.Args) == 0 || e.Subject.Empty() {
		return schema.Fact{}, false
	}
	thing := func(p Phrase) schema.Term {
		return schema.EntityTerm(&schema.Entity{Class: schema.ClassThing, Name: p.Text(doc)})
	}
	f := schema.Fact{
		Subject:  thing(e.Subject),
		Relation: e.RelationText(doc),
		Object:   thing(e.Args[0].Phrase),
	}
	for _, a := range e.Args[1:] {
		if schema.KeyOf(a.Text(doc)) == "" {
			continue // punctuation only: nothing to name
		}
		f.Args = append(f.Args, schema.Arg{Role: schema.Argument, Value: thing(a.Phrase)})
	}
	ts, te := e.Span()
	start, end := doc.Tokens[ts].Start, doc.Tokens[te-1].End
	f.Evidence = schema.Evidence{
		Doc: doc.ID, Sentence: e.Sentence, Start: start, End: end, Text: doc.Text[start:end],
		Extractor: Name, Conf: e.Conf, Negated: e.Negated, Modality: e.Modality, Hedged: e.Hedged,
	}
	if e.Attribution != nil && !e.Attribution.Speaker.Empty() {
		f.Evidence.AttributedTo = &schema.Entity{Class: schema.ClassThing, Name: e.Attribution.Speaker.Text(doc)}
	}
	if schema.KeyOf(f.Subject.Entity.Name) == "" || schema.KeyOf(f.Object.Entity.Name) == "" {
		return schema.Fact{}, false // punctuation-only argument: nothing to name
	}
	return f, true
}
