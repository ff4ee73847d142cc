package main

import (
	"context"
	"fmt"
	"strings"
)

// evaluators lists the scorers "newsgraph eval" runs, one line per scorer.
var evaluators = []struct {
	name, summary string
	run           func(ctx context.Context, args []string, io stdio) error
}{
	{"carb", "Open IE against CaRB gold tuples: P, R, F1, AUC", runEvalCarb},
	{"facts", "knowledge-graph facts against fact-level gold: P, R, F1 per predicate", runEvalFacts},
	{"coref", "coreference against OntoGUM: MUC, B³, CEAF-e, CoNLL F1", runEvalCoref},
	{"ner", "named entities: span P/R/F1 per type against IOB2 or GUM CoNLL-U", runEvalNER},
	{"parse", "tagging, lemma and dependency accuracy against a gold CoNLL-U file", runEvalParse},
}

// runEval dispatches "newsgraph eval WHAT [flags]".
func runEval(ctx context.Context, args []string, io stdio) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		var names []string
		for _, e := range evaluators {
			names = append(names, fmt.Sprintf("  %-8s %s", e.name, e.summary))
		}
		fmt.Fprintf(io.err, "Usage: newsgraph eval WHAT [flags]\n\nScorers:\n%s\n", strings.Join(names, "\n"))
		if len(args) == 0 {
			return usagef("eval: nothing to evaluate named")
		}
		return nil
	}
	for _, e := range evaluators {
		if e.name == args[0] {
			return e.run(ctx, args[1:], io)
		}
	}
	return usagef("eval: unknown scorer %q", args[0])
}
