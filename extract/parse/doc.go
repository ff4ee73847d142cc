// Package parse is the dependency parser stage: a greedy transition-based
// parser in the arc-hybrid system (Kuhlmann et al. 2011) with the root
// token at the end of the buffer, trained as an averaged perceptron with
// the dynamic oracle of Goldberg and Nivre (2013) and exploration, over
// rich features of the Zhang and Nivre (2011) family (words, tags,
// distances, valencies, children and their labels, label sets, third-order
// children), distributional word clusters (extract/internal/clusters,
// stored in the model) and more structural templates. The shipped model
// (feature set 5) is the mean of the weights of three training runs; set 2,
// shipped before, has no clusters and fewer templates (faster, 0.6 points
// less UAS); sets 3, 4 and 6 are experiments. It predicts labelled moves,
// so each arc gets its UD relation (with subtypes) as it is built.
//
// Non-projective training trees are made projective by lifting arcs
// (Nivre and Nilsson 2005, without label encoding); the parser outputs
// projective trees. Every sentence gets a valid tree: every word has a
// head and exactly one word is attached to the root with "root".
//
// Stage "parse": needs Tokens, Sentences and Tags, adds Deps. The model is
// embedded (model/parser.model), decoded once per process by Load and
// shared read-only.
package parse
