// Package nlp is the shared annotation model of newsgraph: a Document owns
// the original text and one flat array of syntactic words (Tokens); sentences,
// entity spans, coreference mentions and chains are index ranges into that
// array. Every token carries the byte offsets of the characters it covers, so
// any layer built on top can point back at the exact text that supports it.
//
// The package has no dependencies and no behaviour beyond navigation: the
// stages in sibling packages (tokenize, segment, tag, parse, ner, coref) fill
// the layers, and Layer flags record which ones a document has.
package nlp
