// Command newsgraph reads English news and builds a knowledge graph from it.
//
// Run "newsgraph help" for the list of subcommands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"

	"github.com/spf13/pflag"
)

// stdio is what a subcommand reads and writes.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}

// command is one subcommand: its name, a one-line summary, and its run
// function, which tests call directly.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, io stdio) error
}

// commands lists every subcommand. Add one line per subcommand file.
var commands = []command{
	{"build", "build the graph from news articles", runBuild},
	{"load", "add N-Quads to the store", runLoad},
	{"export", "write the store, or one article, as N-Quads", runExport},
	{"delete", "remove articles and everything they said", runDelete},
	{"stats", "count articles, entities and statements", runStats},
	{"query", "run a Gizmo query or a named query", runQuery},
	{"repl", "interactive Gizmo shell", runRepl},
	{"schema", "print the newsgraph vocabulary", runSchema},
	{"annotate", "print the annotation of raw text as CoNLL-U", runAnnotate},
	{"extract", "Open IE extractions of tokenized sentences (--format carb)", runExtract},
	{"eval", "score a stage on gold data (eval carb|coref|ner|parse)", runEval},
	{"train", "train the tagger and parser models from UD treebanks", runTrain},
	{"train-ner", "train the named-entity recogniser", runTrainNER},
	{"cluster-embeddings", "group word vectors into clusters for train-ner --embeddings", runClusterEmbeddings},
}

// usageError marks an error in how the command was called (exit code 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// usagef returns a usageError.
func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// exit codes
const (
	exitOK        = 0
	exitFailure   = 1
	exitUsage     = 2
	exitCancelled = 130
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], stdio{os.Stdin, os.Stdout, os.Stderr}))
}

// run dispatches to a subcommand and maps its error to an exit code.
func run(ctx context.Context, args []string, io stdio) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			if c := lookup(args[1]); c != nil {
				return code(io, c.run(ctx, []string{"--help"}, io))
			}
		}
		printUsage(io.out)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	c := lookup(args[0])
	if c == nil {
		fmt.Fprintf(io.err, "newsgraph: unknown command %q\n", args[0])
		printUsage(io.err)
		return exitUsage
	}
	return code(io, c.run(ctx, args[1:], io))
}

// code prints err and returns its exit code.
func code(io stdio, err error) int {
	var ue usageError
	switch {
	case err == nil, errors.Is(err, pflag.ErrHelp):
		return exitOK
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(io.err, "newsgraph: cancelled")
		return exitCancelled
	case errors.As(err, &ue):
		fmt.Fprintf(io.err, "newsgraph: %v\n", err)
		return exitUsage
	default:
		fmt.Fprintf(io.err, "newsgraph: %v\n", err)
		return exitFailure
	}
}

func lookup(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "newsgraph reads English news and builds a knowledge graph from it.")
	fmt.Fprintln(w, "\nUsage: newsgraph COMMAND [flags] [args]\n\nCommands:")
	cs := append([]command(nil), commands...)
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	width := 0
	for _, c := range cs {
		width = max(width, len(c.name))
	}
	for _, c := range cs {
		fmt.Fprintf(w, "  %-*s  %s\n", width, c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun \"newsgraph COMMAND --help\" for a command's flags.")
}

// newFlags returns a FlagSet for a subcommand that reports errors instead
// of exiting, and prints its usage to io.err.
func newFlags(name, usage string, io stdio) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(io.err)
	fs.Usage = func() {
		fmt.Fprintf(io.err, "Usage: newsgraph %s %s\n\nFlags:\n", name, usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args and turns flag errors into usage errors.
func parseFlags(fs *pflag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return err
		}
		return usageError{err}
	}
	return nil
}
