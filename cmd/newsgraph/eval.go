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
		}
		return nil
	}
	for _, e := range evaluators {
		if e.name == args[0] {
			return e.run(ctx, args[1:], io)
		}
	}
	return usagef("eval: unknown task %q (tasks: %s)", args[0], strings.Join(names, ", "))
}
