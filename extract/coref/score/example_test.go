package score_test

import (
	"fmt"

	"github.com/newsgraph/newsgraph/extract/coref/score"
)

// The worked example of Pradhan et al. (2014): key {a b c} {d e f g},
// response {a b} {c d} {f g h i}, one word per letter.
func ExampleScore() {
	m := func(i int) score.Mention { return score.Mention{Start: i, End: i + 1} }
	key := [][]score.Mention{{m(0), m(1), m(2)}, {m(3), m(4), m(5), m(6)}}
	response := [][]score.Mention{{m(0), m(1)}, {m(2), m(3)}, {m(5), m(6), m(7), m(8)}}
	r := score.Score(key, response)
	fmt.Printf("MUC   R %.2f P %.2f F1 %.2f\n", r.MUC.Recall(), r.MUC.Precision(), r.MUC.F1())
	fmt.Printf("B3    R %.2f P %.2f F1 %.2f\n", r.B3.Recall(), r.B3.Precision(), r.B3.F1())
	fmt.Printf("CEAFe R %.2f P %.2f F1 %.2f\n", r.CEAFe.Recall(), r.CEAFe.Precision(), r.CEAFe.F1())
	fmt.Printf("CoNLL %.2f\n", r.CoNLL())
	// Output:
	// MUC   R 0.40 P 0.40 F1 0.40
	// B3    R 0.42 P 0.50 F1 0.45
	// CEAFe R 0.65 P 0.43 F1 0.52
	// CoNLL 0.46
}
