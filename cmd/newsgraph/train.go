package main

import (
	"context"
	"fmt"
	"strings"
)

// trainers lists the models "newsgraph train" can build, one line per
// model; each helper adds its own.
var trainers = []struct {
	name, summary string
	run           func(ctx context.Context, args []string, io stdio) error
}{
	{"ner", "train the named-entity recogniser", runTrainNER},
}

// runTrain dispatches "newsgraph train MODEL [flags]".
func runTrain(ctx context.Context, args []string, io stdio) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		var names []string
		for _, t := range trainers {
			names = append(names, fmt.Sprintf("  %-8s %s", t.name, t.summary))
		}
		fmt.Fprintf(io.err, "Usage: newsgraph train MODEL [flags]\n\nModels:\n%s\n", strings.Join(names, "\n"))
		if len(args) == 0 {
			return usagef("train: no model named")
		}
		return nil
	}
	for _, t := range trainers {
		if t.name == args[0] {
			return t.run(ctx, args[1:], io)
		}
	}
	return usagef("train: unknown model %q", args[0])
}
