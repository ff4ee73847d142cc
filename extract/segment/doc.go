// Package segment splits a tokenized news text into sentences.
//
// Two layers decide. Rules: a sentence ends after . ! ? (and runs of
// them), after an ellipsis or an abbreviation when the next word starts a
// new sentence, and at a blank line, or at a line break after a headline or
// before a capitalized line; closing quotes, brackets, smileys and
// citation marks ([3]) after the full stop stay with the sentence they
// close; titles (Mr., Dr.), initials (A. Noel) and other abbreviations
// that rarely end a sentence do not split it. Model: at every other
// boundary candidate (after punctuation or a word ending in a period, or
// before a capitalized word, a digit or an opening quote) a small
// averaged perceptron, trained on EWT and GUM train with the rule decision
// among its features, makes the call. It is embedded (segment.model, with
// a meta record checked on load) and decoded once per process; line breaks
// stay with the rules, because the treebanks have line breaks only between
// paragraphs.
//
// The Stage (New) needs nlp.Tokens and adds nlp.Sentences. NewRules gives
// the rules alone; Train and the command in internal/train rebuild the
// model (make segment-model).
package segment
