package pipeline_test

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/extract/kg"
	"github.com/newsgraph/newsgraph/extract/pipeline"
	"github.com/newsgraph/newsgraph/schema"
)

// Annotate and extract one article with the default pipeline; print the
// vocabulary facts.
func Example() {
	p, err := pipeline.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	art := schema.Article{ID: "a1", Text: "French President Anna Dubois opposes Italy joining NATO."}
	_, facts, err := pipeline.Run(context.Background(), p, art)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i := range facts {
		if facts[i].Predicate != "" {
			fmt.Println(kg.Format(&facts[i]))
		}
	}
	// Output:
	// Anna Dubois -hasRole-> "President"
	// Anna Dubois -leaderOf-> France
	// Anna Dubois -opposes-> [Italy -memberOf-> North Atlantic Treaty Organization]
}
