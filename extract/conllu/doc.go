// Package conllu reads and writes CoNLL-U, the Universal Dependencies file
// format (https://universaldependencies.org/format.html), and converts
// between it and nlp.Document.
//
// The reader keeps comments, multiword-token lines (4-5 don't) and every
// column of every word; empty nodes (8.1), which belong to enhanced
// dependencies only, are skipped without disturbing the basic tree. Errors
// carry the line number. ToDocument rebuilds the raw text from the surface
// tokens and SpaceAfter=No, so offsets in the document index that text.
package conllu
