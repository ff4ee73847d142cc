package main

import (
	"context"
	"fmt"
	"strings"
)

// evaluation is one sub-evaluation of "newsgraph eval".
type evaluation struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, io stdio) error
}

// evaluations lists the sub-evaluations. Add one line per evaluation file.
var evaluations = []evaluation{
	{"parse", "tagging, lemma and dependency accuracy against a gold CoNLL-U file", runEvalParse},
}

func runEval(ctx context.Context, args []string, io stdio) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		var names []string
		for _, e := range evaluations {
			names = append(names, fmt.Sprintf("  %-10s %s", e.name, e.summary))
		}
		fmt.Fprintf(io.err, "Usage: newsgraph eval WHAT [flags]\n\nEvaluations:\n%s\n", strings.Join(names, "\n"))
		if len(args) == 0 {
			return usagef("eval needs an evaluation name")
		}
		return nil
	}
	for _, e := range evaluations {
		if e.name == args[0] {
			return e.run(ctx, args[1:], io)
		}
	}
	return usagef("unknown evaluation %q", args[0])
}
