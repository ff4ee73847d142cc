// Package segment splits a tokenized news text into sentences. A sentence
// ends after . ! ? (and runs of them), after an ellipsis or an
// abbreviation when the next word starts a new sentence, and at a line
// break that starts a new paragraph or follows a headline; closing quotes
// and brackets after the full stop stay with the sentence they close.
// Titles (Mr., Dr.), initials (A. Noel) and other abbreviations that
// rarely end a sentence do not split it.
//
// The Stage (New) needs nlp.Tokens and adds nlp.Sentences.
package segment
