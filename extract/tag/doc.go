// Package tag is the part-of-speech tagger and lemmatizer stage.
//
// The tagger is a greedy left-to-right averaged perceptron (Honnibal's
// design) that predicts a joint UPOS+XPOS tag per word from word, affix,
// shape and context features, distributional word clusters of the word
// and its neighbours (extract/internal/clusters, learnt from the treebank
// and unlabelled text, stored in the model) and the two previous predicted
// tags of the same sentence, after a tag dictionary that settles frequent
// unambiguous words. The lemmatizer picks a learned edit script (case mode, characters
// to strip, string to append) by the predicted tag and the longest known
// suffix, after a lexicon of exceptions for forms seen in training; an
// inflected verb whose script makes no verb lemma of the training data
// tries the tag's other ending scripts for one that does ("owed": "owe",
// not "ow").
//
// Stage "tag": needs Tokens and Sentences, adds Tags (UPOS, XPOS) and
// Lemmas. The model is embedded (model/tagger.model), decoded once per
// process by Load and shared read-only.
package tag
