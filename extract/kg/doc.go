// Package kg is the knowledge-graph stage of newsgraph: it turns annotated
// documents (parse, entities, coreference) and Open IE extractions into
// schema facts with normalised predicates, typed and resolved entities,
// propositions, proposals and territories. It also defines the fact-level
// gold format and scorer used by "newsgraph eval facts".
package kg
