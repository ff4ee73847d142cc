package main

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// evaluators lists the "newsgraph eval" scorers, one line per task.
var evaluators = []struct {
	name string
	run  func(ctx context.Context, args []string, io stdio) error
}{
	{"carb", runEvalCarb},
	{"coref", runEvalCoref},
}
// runEval dispatches "newsgraph eval TASK [flags]".
func runEval(ctx context.Context, args []string, io stdio) error {
	var names []string
	for _, e := range evaluators {
		names = append(names, e.name)
	}
	sort.Strings(names)
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintf(io.err, "Usage: newsgraph eval TASK [flags]\n\nTasks: %s\n", strings.Join(names, ", "))
		if len(args) == 0 {
			return usagef("eval: missing task")
// evaluators lists the scorers "newsgraph eval" runs, one line per
// scorer; each helper adds its own (parse, carb, coref, facts).
	name, summary string
	run           func(ctx context.Context, args []string, io stdio) error
	{"ner", "named entities: span P/R/F1 per type against IOB2 or GUM CoNLL-U", runEvalNER},
// runEval dispatches "newsgraph eval WHAT [flags]".
		var names []string
		for _, e := range evaluators {
			names = append(names, fmt.Sprintf("  %-8s %s", e.name, e.summary))
		}
		fmt.Fprintf(io.err, "Usage: newsgraph eval WHAT [flags]\n\nScorers:\n%s\n", strings.Join(names, "\n"))
			return usagef("eval: nothing to evaluate named")
		return nil
// evaluation is one sub-evaluation of "newsgraph eval".
type evaluation struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, io stdio) error
// evaluations lists the sub-evaluations. Add one line per evaluation file.
var evaluations = []evaluation{
	{"parse", "tagging, lemma and dependency accuracy against a gold CoNLL-U file", runEvalParse},
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		for _, e := range evaluations {
			names = append(names, fmt.Sprintf("  %-10s %s", e.name, e.summary))
		fmt.Fprintf(io.err, "Usage: newsgraph eval WHAT [flags]\n\nEvaluations:\n%s\n", strings.Join(names, "\n"))
			return usagef("eval needs an evaluation name")
	for _, e := range evaluations {
		if e.name == args[0] {
			return e.run(ctx, args[1:], io)
		}
	}
	return usagef("eval: unknown task %q (tasks: %s)", args[0], strings.Join(names, ", "))
	return usagef("eval: unknown scorer %q", args[0])
	return usagef("unknown evaluation %q", args[0])
}
