package coref

import (
	"github.com/newsgraph/newsgraph/extract/coref/score"
	"github.com/newsgraph/newsgraph/extract/nlp"
)

// Clusters returns doc's chains as clusters of token ranges, the form the
// score package compares.
func Clusters(doc *nlp.Document) [][]score.Mention {
	out := make([][]score.Mention, 0, len(doc.Chains))
	for _, c := range doc.Chains {
		var cl []score.Mention
		for _, i := range c.Mentions {
			if i < 0 || i >= len(doc.Mentions) {
				continue
			}
			m := doc.Mentions[i]
			cl = append(cl, score.Mention{Start: m.Start, End: m.End})
		}
		if len(cl) > 0 {
			out = append(out, cl)
		}
	}
	return out
}
