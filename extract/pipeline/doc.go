// Package pipeline assembles newsgraph's default annotation pipeline and
// extractors: tokenize, segment, tag, parse, ner and coref stages, then the
// knowledge-graph extractor. Models are decoded once per process and shared.
//
// It is the one-call entry point for library users:
//
//	p, err := pipeline.Default()
//	doc, facts, err := pipeline.Run(ctx, p, article)
package pipeline
