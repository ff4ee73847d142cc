// Package coref is the coreference stage: it finds the mentions of a
// document (names, descriptions, pronouns and possessives) over its
// dependency parse and groups those that refer to the same thing into
// chains, in the style of the Stanford multi-pass sieve (Lee et al. 2013).
//
// The stage needs the Tokens, Sentences, Tags and Deps layers, uses the
// Entities layer when the document has it, and adds the Coref layer:
// Document.Mentions (every detected mention, Chain -1 when it stayed alone)
// and Document.Chains (chains of two or more mentions, each with a
// representative mention: the longest proper name, else the first
// description, else the first mention).
//
// The sieves run from the most precise to the least: speaker (first and
// second person within one voice), exact string match, appositive and
// acronym, role descriptions resolved against roles stated earlier
// ("the president" → "President X"), relaxed string and head matches, and
// finally pronouns under number, gender, animacy and person agreement with
// a salience order (same sentence by depth in the tree, then earlier
// sentences). Knowledge comes from closed-class English words (pronouns,
// titles, gendered kinship and role nouns) and from the parse; no names.
//
// The sub-package score implements the CoNLL-2012 metrics.
package coref
