// Package clusters learns distributional word clusters for the parser's
// features from the training text and any unlabelled text (WordNet
// glosses), and codes them for a model section.
//
// Each frequent word (lowercased and normalised as the stages' word
// features are) is described by its left and right neighbours among the
// 300 most frequent words (square-rooted counts, unit length), and
// spherical k-means groups the words twice: into 256 fine and 32 coarse
// clusters, the roles the long and short bit-string prefixes of Brown
// clusters play in Koo et al. (2008). The method follows the entity
// model's clusters (extract/ner). Everything iterates in a fixed order, so
// the clusters are the same on every run.
package clusters
