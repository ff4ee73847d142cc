// Package openie is a clause-based Open IE extractor over UD dependency
// parses, in the spirit of ClausIE and OpenIE 4/5.
//
// It needs the Tokens, Sentences, Tags and Deps layers (lemmas are used
// when present) and adds nothing to the document. Extract finds the clauses
// of one sentence (main, coordinated, subordinate, relative, reported
// ccomp/xcomp complements, participial and appositive), classifies each
// (SV, SVA, SVC, SVO, SVOO, SVOA, SVOC) and returns n-ary Extractions with
// token-index phrases, polarity, modality, hedging, attribution and a
// confidence. Extractor wraps it as an *extract.Extractor that reports
// open-relation schema.Facts with grounded Evidence.
//
// The rules are general English grammar on UD relations; no word list names
// a person, place or event. The carb subpackage scores output on CaRB.
package openie
