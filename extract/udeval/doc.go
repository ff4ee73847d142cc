// Package udeval scores a system annotation of a text against a gold one
// the way the CoNLL 2018 shared task scorer (conll18_ud_eval.py) does:
// surface tokens, words and sentences are matched by their character
// offsets in the shared text, so a tokenizer or sentence splitter that
// disagrees with the gold standard still gets a score for everything
// downstream. It reports Tokens, Sentences and Words F1 and, over aligned
// words, UPOS, XPOS, Lemma, UAS and LAS F1. With gold tokenization every
// F1 equals plain accuracy.
//
// Both documents must cover the same text (Check says whether they do);
// the system document is normally the output of our pipeline run on
// gold.Text.
package udeval
