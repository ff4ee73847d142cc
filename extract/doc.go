// Package extract turns annotated documents into facts. It defines the
// contracts between the parts: a Stage adds annotation layers to an
// nlp.Document (tokens, tags, parse, entities, coreference); an Extractor
// reads the layers it declares and reports schema.Facts through a callback;
// a Pipeline checks that every requirement is met before it runs anything.
//
// Extractors never print and never write to a store: the caller decides
// what to do with the facts.
package extract
