package main

import (
	"context"
	"fmt"
	"io"
	"strings"
)

// evaluator is one "newsgraph eval" scorer.
type evaluator struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, io stdio) error
}

// evaluators lists the scorers of "newsgraph eval". Add one line per scorer.
var evaluators = []evaluator{
	{"carb", "score Open IE extractions on CaRB", runEvalCarb},
}

// runEval dispatches "newsgraph eval NAME [flags]".
func runEval(ctx context.Context, args []string, io stdio) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printEvalUsage(io.err)
		if len(args) == 0 {
			return usagef("eval: which scorer?")
		}
		return nil
	}
	for _, e := range evaluators {
		if e.name == args[0] {
			return e.run(ctx, args[1:], io)
		}
	}
	printEvalUsage(io.err)
	return usagef("eval: unknown scorer %q", args[0])
}

func printEvalUsage(w io.Writer) {
	var names []string
	for _, e := range evaluators {
		names = append(names, fmt.Sprintf("  %-8s %s", e.name, e.summary))
	}
	fmt.Fprintf(w, "Usage: newsgraph eval SCORER [flags]\n\nScorers:\n%s\n", strings.Join(names, "\n"))
}
