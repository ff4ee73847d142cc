package udeval_test

import (
	"fmt"

	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/extract/udeval"
)

func ExampleEvaluate() {
	text := "I can't. Go."
	// Gold: ca + n't is one surface token of two words; two sentences.
	gold := &nlp.Document{Text: text, Layers: nlp.Tokens | nlp.Sentences,
		Tokens: []nlp.Token{
			{Start: 0, End: 1, Form: "I", UPOS: "PRON"},
			{Start: 2, End: 4, Form: "ca", UPOS: "AUX", MWT: 2},
			{Start: 4, End: 7, Form: "n't", UPOS: "PART"},
			{Start: 7, End: 8, Form: ".", UPOS: "PUNCT"},
			{Start: 9, End: 11, Form: "Go", UPOS: "VERB"},
			{Start: 11, End: 12, Form: ".", UPOS: "PUNCT"},
		},
		Sentences: []nlp.Sentence{{Start: 0, End: 4}, {Start: 4, End: 6}},
	}
	// System: can't kept whole, one sentence, one wrong tag.
	system := &nlp.Document{Text: text, Layers: nlp.Tokens | nlp.Sentences,
		Tokens: []nlp.Token{
			{Start: 0, End: 1, Form: "I", UPOS: "PRON"},
			{Start: 2, End: 7, Form: "can't", UPOS: "AUX"},
			{Start: 7, End: 8, Form: ".", UPOS: "PUNCT"},
			{Start: 9, End: 11, Form: "Go", UPOS: "NOUN"},
			{Start: 11, End: 12, Form: ".", UPOS: "PUNCT"},
		},
		Sentences: []nlp.Sentence{{Start: 0, End: 5}},
	}
	if err := udeval.Check(gold, system); err != nil {
		fmt.Println(err)
		return
	}
	sc := udeval.Evaluate(gold, system)
	fmt.Printf("tokens F1 %.2f\n", sc.Tokens.F1())
	fmt.Printf("words P %.2f R %.2f\n", sc.Words.Precision(), sc.Words.Recall())
	fmt.Printf("UPOS F1 %.2f, aligned accuracy %.2f\n", sc.UPOS.F1(), sc.UPOS.AlignedAccuracy())
	fmt.Printf("sentences F1 %.2f\n", sc.Sentences.F1())
	// Output:
	// tokens F1 1.00
	// words P 0.80 R 0.67
	// UPOS F1 0.55, aligned accuracy 0.75
	// sentences F1 0.00
}
