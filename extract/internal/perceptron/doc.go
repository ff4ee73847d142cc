// Package perceptron is the learner shared by the tagger and the parser: a
// multiclass averaged perceptron over hashed sparse features with lazy
// averaging (Collins 2002; Honnibal's tagger), and the deterministic compact
// codec its models are stored in.
//
// Features are 64-bit hashes built by the stages with Hash and Mix; a
// feature's weights are a short sparse row of (class, weight) pairs. Ties
// between classes are broken towards the lower class index, never by map
// order. Training is deterministic: the same updates in the same order give
// the same bytes.
//
// A model file holds a Meta record (name, version, feature-set version,
// training data and its SHA-256, iterations, seed, dev score and the SHA-256
// of the payload), the class names, named stage-specific sections and the
// pruned, quantised weight table sorted by feature hash. Decode checks the
// payload checksum; CheckMeta checks the name and feature-set version a
// stage expects.
package perceptron
