// Package clusters learns distributional word clusters for the tagger's
// and the parser's features from the training text and any unlabelled
// text (WordNet glosses, --cluster-text), and codes them for a model
// section. Its vectors, k-means and vocabulary also serve the entity
// model's own clusters (extract/ner).
//
// Each frequent word (lowercased and normalised as the stages' word
// features are) is described by its left and right neighbours among the
// 300 most frequent words (square-rooted counts, unit length), and
// spherical k-means groups the words twice: into 256 fine and 32 coarse
// clusters, the roles the long and short bit-string prefixes of Brown
// clusters play in Koo et al. (2008). Everything iterates in a fixed order, so
// the clusters are the same on every run.
package clusters
