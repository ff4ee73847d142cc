// Package ner finds named entities: people, organisations, places,
// nationalities, dates, times, percentages, money and quantities.
//
// The stage (Recognizer, "ner/1") needs nlp.Tokens and nlp.Sentences —
// not tags — and adds nlp.Entities: doc.Entities as nlp.Span with the
// labels PERSON, ORG, GPE (countries, subdivisions, cities), LOC
// (continents, regions, natural and man-made places), NORP
// (nationalities, from the gazetteer's demonyms), DATE, TIME, PERCENT,
// MONEY and QUANTITY.
//
// PERSON, ORG, GPE and LOC come from a greedy averaged-perceptron tagger
// over BILOU classes (model.go: lazy averaging, deterministic codec with a
// checked meta record; the model is embedded with go:embed and decoded
// once per process). Its features are word, shape, affixes, a ±2 context
// window, the training vocabulary's casing profile, gazetteer matches
// (extract/gazetteer: countries, subdivisions, capitals, demonyms,
// organisations, given names, WordNet proper names) and the two previous
// classes. The other types come from rules (rules.go). Two general rules
// repair name particles ("von der") and hyphenated pairs ("X-Y talks").
//
// Normalize strips titles, roles and honorifics from a mention and reads
// the role and the country it belongs to ("Brazilian President Ana Lopez"
// → Ana Lopez, President, Brazil); PossessiveRole reads "Chile's
// president". Neither writes facts.
//
// ReadIOB2 and ReadGUM read the UNER and GUM training and evaluation
// formats; Train trains a model; Evaluate and Scorer give span-level
// precision, recall and F1 (exact span and type). See docs/ner.md.
package ner
