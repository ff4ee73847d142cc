// Package ner finds named entities: people, organisations, places,
// nationalities, dates, times, percentages, money and quantities.
//
// The stage (Recognizer, "ner/1") needs nlp.Tokens and nlp.Sentences
// (and nlp.Tags when its model was trained with part-of-speech features;
// the shipped one is not) and adds nlp.Entities: doc.Entities as nlp.Span with the
// labels PERSON, ORG, GPE (countries, subdivisions, cities), LOC
// (continents, regions, natural and man-made places), NORP
// (nationalities, from the gazetteer's demonyms), DATE, TIME, PERCENT,
// MONEY and QUANTITY.
//
// PERSON, ORG, GPE and LOC come from an averaged-perceptron tagger over
// BILOU classes, a first-order structured perceptron decoded with Viterbi
// (viterbi.go) that tags a document twice, the second time with the
// labels the first pass gave the same words elsewhere (docfeats.go)
// (model.go: lazy averaging, deterministic codec with a
// checked meta record; the model is embedded with go:embed and decoded
// once per process). Its features are word, shape, affixes, a ±2 context
// window, word-shape conjunctions, a casing profile and distributional
// word clusters learnt from the training text and WordNet glosses,
// gazetteer matches (extract/gazetteer: countries, subdivisions, capitals,
// demonyms, organisations, given names, WordNet proper names) and the
// previous class; per-label entry biases tuned on dev correct its lean
// towards O. The other types come from rules (rules.go). General rules
// (post.go, orgs.go) keep titles out of PERSON spans, join name particles
// ("von der"), split hyphenated pairs ("X-Y talks"), build organisation
// names from head words ("... University", "Ministry of ...") and carry a
// name to its later repetitions in the document.
//
// Normalize strips titles, roles and honorifics from a mention and reads
// the role and the country it belongs to ("Brazilian President Ana Lopez"
// → Ana Lopez, President, Brazil); PossessiveRole reads "Chile's
// president"; Link finds the gazetteer entry (ISO 3166 code, acronym) of a
// GPE, LOC, ORG or NORP span. None of them writes facts.
//
// ReadIOB2 and ReadGUM read the UNER and GUM training and evaluation
// formats; Train trains a model; Evaluate and Scorer give span-level
// precision, recall and F1 (exact span and type). See docs/ner.md.
package ner
