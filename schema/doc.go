// Package schema is the newsgraph vocabulary and data model: the classes and
// predicates of the ng: namespace (https://w3id.org/newsgraph/ns#) with their
// labels, comments, schema.org alignment and PLOVER/CAMEO mappings; the Go
// types that extractors fill and the graph package writes (Entity, Fact,
// Evidence, Article); validation of facts; and deterministic IRI minting.
//
// It is a leaf: it imports neither Cayley nor the extractors.
package schema
