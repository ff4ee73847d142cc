package ner

import "strings"

// Document-level features (a two-pass tagger): the sentences of a
// document are tagged once without them; then each token whose word
// (folded) was given an entity label elsewhere in the document gets
// features naming the most frequent such label, and the sentences that
// have any are tagged again. Training does the same with the current
// weights, on words hidden by word dropout, once per pass over the data.

// docFeatsPerToken is the number of document features a token has (0
// when unused).
const docFeatsPerToken = 2

// docFeatures computes the document features of every token from the
// first-pass classes: out[k][i*docFeatsPerToken:...] for sentence k,
// zero where a token has none.
func docFeatures(words [][]string, classes [][]int, out [][]uint32) [][]uint32 {
	type tally [1 + 4]int32 // O, then per label
	counts := map[string]*tally{}
	key := func(w string) (string, bool) {
		if !hasLetter(w) {
			return "", false
		}
		return strings.ToLower(w), true
	}
	for k, ws := range words {
		for i, w := range ws {
			kw, ok := key(w)
			if !ok {
				continue
			}
			t := counts[kw]
			if t == nil {
				t = &tally{}
				counts[kw] = t
			}
			t[labelIndex(classes[k][i])]++
		}
	}
	out = out[:0]
	for k, ws := range words {
		fs := make([]uint32, len(ws)*docFeatsPerToken)
		for i, w := range ws {
			kw, ok := key(w)
			if !ok {
				continue
			}
			t := *counts[kw]
			t[labelIndex(classes[k][i])]-- // the other occurrences only
			best, all := 0, int32(0)
			for l := range t {
				all += t[l]
				if l > 0 && t[l] > 0 && (best == 0 || t[l] > t[best]) {
					best = l
				}
			}
			if best == 0 {
				continue
			}
			most := byte(0)
			if 2*t[best] >= all {
				most = 1
			}
			capd := byte(0)
			if isCap(w) {
				capd = 1
			}
			fs[i*docFeatsPerToken] = featN(fDoc, byte(best), most, capd)
			fs[i*docFeatsPerToken+1] = hstr(featN(fDocShape, byte(best)), shape(w))
		}
		out = append(out, fs)
	}
	return out
}

// labelIndex is 0 for O, else 1 + the label's index.
func labelIndex(c int) int {
	if c == 0 {
		return 0
	}
	return 1 + (c-1)/4
}

// tokenDocFeats returns the non-zero document features of token i.
func tokenDocFeats(docf []uint32, i int, buf []uint32) []uint32 {
	buf = buf[:0]
	if docf == nil {
		return buf
	}
	for _, f := range docf[i*docFeatsPerToken : (i+1)*docFeatsPerToken] {
		if f != 0 {
			buf = append(buf, f)
		}
	}
	return buf
}

func hasDocFeats(docf []uint32) bool {
	for _, f := range docf {
		if f != 0 {
			return true
		}
	}
	return false
}
