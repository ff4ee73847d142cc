// Package gazetteer looks up places, demonyms and international
// organisations by name.
//
// The data is a compact derived table (gazetteer.tsv, embedded) built by
// internal/gen from open sources: ISO 3166-1 countries and first-level
// ISO 3166-2 subdivisions from Debian's iso-codes (LGPL-2.1+), common
// names, alternative spellings, capitals and English demonyms from the npm
// package world-countries (ODbL-1.0), and two small hand-written lists in
// this directory (orgs.tsv: international organisations; aliases.tsv:
// conventional short forms such as "U.S." and "UK"). Run
// "go generate ./extract/gazetteer" (or "make gazetteer") to rebuild it.
//
// The table is decoded once per process and shared read-only.
package gazetteer
