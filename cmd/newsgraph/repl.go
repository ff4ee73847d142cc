package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chzyer/readline"

	"github.com/newsgraph/newsgraph/graph"
)

const replHelp = `Type a Gizmo query and press Enter; it runs when its brackets are balanced
(a line ending in "." or "\" also continues). Commands:
  :help              this help
  :named             list the named queries
  :named NAME [ARG]  run a named query
  :limit N           show at most N results per query (now %d)
  :timeout DURATION  stop each query after DURATION (now %v)
  :quit              leave (Ctrl-D too)
`

// lineReader reads one line of input with a prompt.
type lineReader interface {
	Readline(prompt string) (string, error)
	Close() error
}

// plainReader reads lines from a non-terminal input (tests, pipes).
type plainReader struct{ sc *bufio.Scanner }

func (r *plainReader) Readline(string) (string, error) {
	if r.sc.Scan() {
		return r.sc.Text(), nil
	}
	if err := r.sc.Err(); err != nil {
		return "", err
	}
	return "", io.EOF
}
func (r *plainReader) Close() error { return nil }

// termReader is readline with line editing and history.
type termReader struct{ rl *readline.Instance }

func (r *termReader) Readline(prompt string) (string, error) {
	r.rl.SetPrompt(prompt)
	line, err := r.rl.Readline()
	if errors.Is(err, readline.ErrInterrupt) {
		return "", errInterrupt
	}
	return line, err
}
func (r *termReader) Close() error { return r.rl.Close() }

var errInterrupt = errors.New("interrupt")

var errEOF = io.EOF

// runRepl implements "newsgraph repl".
func runRepl(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("repl", "[flags]", io)
	db := addDBFlags(fs)
	limit := fs.Int("limit", 100, "show at most N results per query (0: no limit)")
	timeout := fs.Duration("timeout", 30*time.Second, "stop each query after this long (0: no timeout)")
	history := fs.String("history", defaultHistory(), "history file (\"\" for none)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usagef("repl: unexpected arguments %q", fs.Args())
	}
	s, err := db.open(ctx, true)
	if err != nil {
		return err
	}
	defer s.Close()

	var in lineReader
	if f, ok := io.in.(*os.File); ok && readline.IsTerminal(int(f.Fd())) {
		if *history != "" {
			os.MkdirAll(filepath.Dir(*history), 0o755)
		}
		rl, err := readline.NewEx(&readline.Config{Prompt: "gizmo> ", HistoryFile: *history, Stdout: io.out, Stderr: io.err})
		if err != nil {
			return err
		}
		in = &termReader{rl}
	} else {
		sc := bufio.NewScanner(io.in)
		sc.Buffer(make([]byte, 1<<16), 16<<20)
		in = &plainReader{sc}
	}
	defer in.Close()
	fmt.Fprintf(io.err, "newsgraph repl on %s; :help for help, :quit to leave\n", s.Backend())

	var buf strings.Builder
	for {
		prompt := "gizmo> "
		if buf.Len() > 0 {
			prompt = "   ... "
		}
		line, err := in.Readline(prompt)
		if errors.Is(err, errInterrupt) {
			buf.Reset()
			continue
		}
		if err == errEOF {
			return nil
		}
		if err != nil {
			return err
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		trimmed := strings.TrimSpace(line)
		if buf.Len() == 0 && strings.HasPrefix(trimmed, ":") {
			quit, err := replCommand(ctx, s, trimmed, limit, timeout, io)
			if err != nil {
				fmt.Fprintf(io.err, "error: %v\n", err)
			}
			if quit {
				return nil
			}
			continue
		}
		if buf.Len() == 0 && trimmed == "" {
			continue
		}
		buf.WriteString(strings.TrimSuffix(line, "\\"))
		buf.WriteByte('\n')
		if needsMore(buf.String()) || strings.HasSuffix(trimmed, "\\") || strings.HasSuffix(trimmed, ".") {
			continue
		}
		text := buf.String()
		buf.Reset()
		replRun(ctx, io, *timeout, func(qctx context.Context, p *printer) error {
			return s.Query(qctx, text, *limit, p.print)
		}, s.Minter().Base, nil)
	}
}

// replRun runs one query with the per-query timeout and prints results or
// the error; the REPL goes on either way.
func replRun(ctx context.Context, io stdio, timeout time.Duration, run func(context.Context, *printer) error, base string, cols []string) {
	qctx := ctx
	if timeout > 0 {
		var cancel context.CancelFunc
		qctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	p := newPrinter(io.out, false, base)
	p.cols = cols
	start := time.Now()
	err := run(qctx, p)
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		fmt.Fprintf(io.err, "error: query timed out after %v\n", timeout)
	case err != nil:
		fmt.Fprintf(io.err, "error: %v\n", err)
	default:
		fmt.Fprintf(io.err, "%d results in %v\n", p.n, time.Since(start).Round(time.Millisecond))
	}
}

func replCommand(ctx context.Context, s *graph.Store, line string, limit *int, timeout *time.Duration, io stdio) (quit bool, err error) {
	f := strings.Fields(line)
	switch f[0] {
	case ":quit", ":q", ":exit":
		return true, nil
	case ":help", ":h":
		fmt.Fprintf(io.out, replHelp, *limit, *timeout)
	case ":named":
		if len(f) == 1 {
			printNamed(io.out)
			return false, nil
		}
		q, ok := graph.Named(f[1])
		if !ok {
			return false, fmt.Errorf("no named query %q", f[1])
		}
		arg := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(strings.TrimPrefix(line, f[0])), f[1]))
		replRun(ctx, io, *timeout, func(qctx context.Context, p *printer) error {
			return s.RunNamed(qctx, q.Name, arg, *limit, p.print)
		}, s.Minter().Base, q.Tags)
	case ":limit":
		if len(f) != 2 {
			return false, errors.New("usage: :limit N")
		}
		_, err := fmt.Sscan(f[1], limit)
		return false, err
	case ":timeout":
		if len(f) != 2 {
			return false, errors.New("usage: :timeout DURATION")
		}
		d, err := time.ParseDuration(f[1])
		if err != nil {
			return false, err
		}
		*timeout = d
	default:
		return false, fmt.Errorf("unknown command %s (:help lists them)", f[0])
	}
	return false, nil
}

// needsMore reports whether JavaScript text has unclosed brackets or an
// unterminated string or comment, so the REPL should read another line.
func needsMore(s string) bool {
	depth := 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			} else if c == '\n' && quote != '`' {
				quote = 0
			}
		case c == '"' || c == '\'' || c == '`':
			quote = c
		case c == '/' && i+1 < len(s) && s[i+1] == '/':
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				return true
			}
			i += end + 3
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			depth--
		}
	}
	return depth > 0 || quote == '`'
}

func defaultHistory() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "newsgraph", "repl_history")
}
