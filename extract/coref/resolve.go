package coref

import "github.com/newsgraph/newsgraph/extract/nlp"

// Representative returns the representative mention of the chain that a
// mention headed at token head belongs to, for extractors that turn a fact
// about "he" into a fact about the chain's entity while their evidence
// still points at "he". It reports false when no chained mention has that
// head. Among mentions sharing the head (a coordination and its first
// conjunct) the shortest wins. doc must have the Coref layer.
func Representative(doc *nlp.Document, head int) (nlp.Mention, bool) {
	best := -1
	for i, m := range doc.Mentions {
		if m.Head != head || m.Chain < 0 || m.Chain >= len(doc.Chains) {
			continue
		}
		if best < 0 || m.End-m.Start < doc.Mentions[best].End-doc.Mentions[best].Start {
			best = i
		}
	}
	if best < 0 {
		return nlp.Mention{}, false
	}
	rep := doc.Chains[doc.Mentions[best].Chain].Rep
	if rep < 0 || rep >= len(doc.Mentions) {
		return nlp.Mention{}, false
	}
	return doc.Mentions[rep], true
}
