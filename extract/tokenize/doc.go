// Package tokenize splits raw English text into tokens the way the UD
// English treebanks (EWT v2.16, GUM) do, without ever dropping or
// rewriting a character: every token's Start and End are byte offsets into
// the original text and its Form is exactly the text at those offsets.
//
// The rules (see docs/tokenize.md for the full list):
//
//   - Clitics are multiword tokens, as in UD: don't = do + n't,
//     can't = ca + n't, cannot = can + not, it's = it + 's, I'm, you're,
//     I've, I'll, I'd, gonna = gon + na, possessive Bush's = Bush + 's and
//     players' = players + ', with straight or curly apostrophes. The first
//     word carries nlp.Token.MWT = 2 and each word covers its own slice.
//   - Hyphenated compounds split with the hyphen as its own token
//     (so - called), except after a common prefix (e-mail, non-, pre-,
//     anti-, co-, ...) and inside numbers and IDs (713-853-3989).
//   - Abbreviations keep their period (U.S., Mr., Dr., etc., initials);
//     URLs, e-mail addresses, file names, hashtags, dates (11/28/2000),
//     fractions, times and numbers with commas and decimals are one token;
//     $5 is $ + 5 and 70% is 70 + %.
//   - Runs of punctuation (..., --, !!!), dashes (– —), the ellipsis … and
//     common emoticons are single tokens.
//   - Bytes that are not valid UTF-8 become tokens of their own.
//
// The Stage (New) needs no layer and adds nlp.Tokens.
package tokenize
