// Package gazetteer looks up places, demonyms and international
// organisations by name.
//
// The data is a compact derived table (gazetteer.tsv, embedded) built by
// internal/gen from open sources: ISO 3166-1 countries and first-level
// ISO 3166-2 subdivisions from Debian's iso-codes (LGPL-2.1+), common
// names, alternative spellings, capitals and English demonyms from the npm
// package world-countries (ODbL-1.0), and two small hand-written lists in
// this directory (orgs.tsv: international organisations; aliases.tsv:
// conventional short forms such as "U.S." and "UK"). A second table,
// lists.tsv, holds name lists for the NER features: English given names
// (@stdlib first-name datasets, PDDL-1.0/CC0) and WordNet 3.0 proper names
// of people, places and groups. Run "go generate ./extract/gazetteer" (or
// "make gazetteer") to rebuild both; SOURCES.md lists versions and
// licences.
//
// The table is decoded once per process and shared read-only.
package gazetteer
