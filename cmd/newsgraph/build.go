package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/kg"
	"github.com/newsgraph/newsgraph/extract/pipeline"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

const buildUsage = `[flags] INPUT...

Reads articles (.txt files, .jsonl files with id, title, text, date, url,
folders of them, or - for stdin), annotates them, extracts facts and writes
each article as one named graph of the store. An article that cannot be read
or processed is reported and skipped; the others are still written. An
article whose text, title, date and URL are the same as when this program,
with the same models, last wrote it is skipped as unchanged (--force
processes it again).`

// buildStats is the run's tally.
type buildStats struct {
	articles, failed, unchanged, sentences, words, facts, asserted int
	entities                                                       map[string]bool
}

// writeBatchFacts is how many facts build collects before it writes them
// in one transaction.
const writeBatchFacts = 2000

// buildResult is one processed article, on its way to the writer.
type buildResult struct {
	item      inputItem
	facts     []schema.Fact
	sentences int
	words     int
	err       error
	fp        string // build fingerprint of the article
	unchanged bool   // the store holds it as built from the same input
}

func runBuild(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("build", buildUsage, io)
	db := addDBFlags(fs)
	workers := fs.IntP("workers", "j", runtime.GOMAXPROCS(0), "articles processed at once")
	date := fs.String("date", "", "publication date (YYYY-MM-DD) for articles that give none, to resolve \"on Monday\"")
	list := fs.String("list", "auto", "print the facts found: always, never, or auto (when at most 10 articles)")
	quiet := fs.BoolP("quiet", "q", false, "no progress bar")
	force := fs.Bool("force", false, "process every article, also those unchanged since the last build")
	cpuprofile := fs.String("cpuprofile", "", "write a Go CPU profile of the run to `FILE` (inspect with go tool pprof)")
	if os.Getenv("GOGC") == "" {
		// A build allocates briskly and keeps little: collecting at twice
		// the live heap instead of once gave 4% more words/s on the BBC
		// folder (575 against 445 MB peak RSS). GOGC overrides it.
		debug.SetGCPercent(200)
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("build needs at least one INPUT (a file, a folder, or - for stdin)")
	}
	if *workers < 1 {
		return usagef("--workers must be at least 1")
	}
	if *date != "" && !isDate(*date) {
		return usagef("--date %q is not YYYY-MM-DD", *date)
	}
	switch *list {
	case "auto", "always", "never":
	default:
		return usagef("--list must be auto, always or never")
	}
	p, err := pipeline.Default()
	if err != nil {
		return fmt.Errorf("loading models: %w", err)
	}
	store, err := db.open(ctx, false)
	if err != nil {
		return err
	}
	defer store.Close()
	// What each article was built from last time, to skip the unchanged.
	known := map[string]string{}
	if !*force {
		if known, err = store.Fingerprints(ctx); err != nil {
			return err
		}
	}
	version := programVersion()
	models := pipeline.Models(p)
	minter := store.Minter()

	if *cpuprofile != "" {
		stop, err := startCPUProfile(*cpuprofile)
		if err != nil {
			return err
		}
		defer stop()
	}
	start := time.Now()
	items := make(chan inputItem)
	results := make(chan buildResult)
	readErr := make(chan error, 1)
	go func() {
		defer close(items)
		readErr <- readInputs(fs.Args(), io.in, func(it inputItem) error {
			if it.Err == nil && it.Article.Date == "" {
				it.Article.Date = *date
			}
			select {
			case items <- it:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	var wg sync.WaitGroup
	for w := 0; w < *workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range items {
				fp := fingerprint(version, models, minter.Base, it.Article)
				if it.Err == nil && known[minter.Article(it.Article.ID)] == fp {
					results <- buildResult{item: it, fp: fp, unchanged: true}
					continue
				}
				r := process(ctx, p, it)
				r.fp = fp
				results <- r
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	bar := newBar(io.err, *quiet)
	st := buildStats{entities: map[string]bool{}}
	var done []buildResult
	// Results are written in batches (one transaction each), flushed when
	// enough facts are pending or a second has passed, so a long run
	// keeps the store and the progress bar moving.
	var pending []buildResult
	pendingFacts, lastFlush := 0, time.Now()
	flush := func() {
		if len(pending) == 0 {
			return
		}
		batch := make([]graph.ArticleFacts, 0, len(pending))
		at := make([]int, 0, len(pending))
		for i, r := range pending {
			if r.err == nil && r.item.Err == nil && !r.unchanged {
				batch = append(batch, graph.ArticleFacts{Article: r.item.Article, Facts: r.facts})
				at = append(at, i)
			}
		}
		_, errs := store.WriteArticles(ctx, batch)
		fps := map[string]string{}
		for k, i := range at {
			if errs[k] != nil {
				pending[i].err = errs[k]
			} else {
				fps[pending[i].item.Article.ID] = pending[i].fp
			}
		}
		if err := store.SetFingerprints(ctx, fps); err != nil {
			// The articles are written; only the next build's skipping
			// of them is lost.
			bar.Clear()
			fmt.Fprintf(io.err, "newsgraph: %v\n", err)
		}
		for _, r := range pending {
			if r.unchanged {
				st.unchanged++
				bar.Add(1)
				continue
			}
			if err := firstErr(r.item.Err, r.err); err != nil {
				st.failed++
				name := r.item.Article.ID
				if name == "" {
					name = r.item.Source
				}
				bar.Clear()
				fmt.Fprintf(io.err, "newsgraph: skipped %s: %v\n", name, err)
			} else {
				st.add(r)
				done = append(done, r)
			}
			bar.Add(1)
		}
		pending, pendingFacts, lastFlush = pending[:0], 0, time.Now()
	}
	for r := range results {
		pending = append(pending, r)
		pendingFacts += len(r.facts)
		if pendingFacts >= writeBatchFacts || time.Since(lastFlush) >= time.Second {
			flush()
		}
	}
	flush()
	bar.Finish()
	if err := <-readErr; err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	var links []graph.PersonLink
	if st.articles > 0 || *force {
		var err error
		if links, err = store.LinkPersons(ctx, givenName); err != nil {
			return err
		}
	}
	elapsed := time.Since(start)
	sort.Slice(done, func(i, j int) bool { return done[i].item.Article.ID < done[j].item.Article.ID })
	if *list == "always" || *list == "auto" && len(done) <= 10 {
		for _, r := range done {
			printFacts(io.out, r)
		}
	}
	fmt.Fprintf(io.out, "%d articles, %d sentences, %d words, %d facts (%d asserted), %d entities in %s (%.0f words/s) -> %s %s\n",
		st.articles, st.sentences, st.words, st.facts, st.asserted, len(st.entities), elapsed.Round(time.Millisecond),
		float64(st.words)/elapsed.Seconds(), store.Backend(), storeLocation(db))
	if st.unchanged > 0 {
		fmt.Fprintf(io.out, "%d articles unchanged since they were last built: skipped (--force processes them again)\n", st.unchanged)
	}
	if len(links) > 0 {
		fmt.Fprintf(io.out, "%d people named by surname alone linked to their full names (owl:sameAs)\n", len(links))
	}
	if st.failed > 0 {
		return fmt.Errorf("%d of %d articles failed (reported above); the others were written", st.failed, st.failed+st.articles)
	}
	return nil
}

// fingerprint is the SHA-256 of everything an article's facts depend on:
// the program (version), its models, the IRI base, and the article's id,
// title, date, URL and text.
func fingerprint(version, models, base string, a schema.Article) string {
	h := sha256.New()
	for _, f := range []string{"newsgraph-build/1", version, models, base, a.ID, a.Title, a.Date, a.URL, a.Text} {
		fmt.Fprintf(h, "%d:%s;", len(f), f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// programVersion names this build of the program, once per process: the
// commit it was built from when that is recorded and the tree was clean,
// else the SHA-256 of the executable itself (so that any change to code or
// embedded data makes every article change).
var programVersion = sync.OnceValue(readProgramVersion)

func readProgramVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		rev, modified := "", true
		for _, st := range bi.Settings {
			switch st.Key {
			case "vcs.revision":
				rev = st.Value
			case "vcs.modified":
				modified = st.Value == "true"
			}
		}
		if rev != "" && !modified {
			return "vcs:" + rev
		}
	}
	exe, err := os.Executable()
	if err == nil {
		if f, err := os.Open(exe); err == nil {
			defer f.Close()
			h := sha256.New()
			if _, err := io.Copy(h, f); err == nil {
				return "exe:" + hex.EncodeToString(h.Sum(nil))
			}
		}
	}
	return "unknown:" + time.Now().String() // nothing to compare: never skip
}

// givenName reports whether a word is a given name in the gazetteer's
// lists: a person node named by it alone is not linked to a full name
// ending in it.
func givenName(w string) bool { return givenNames()[w] }

var givenNames = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for _, n := range gazetteer.ListNames(gazetteer.GivenNames) {
		set[n] = true
	}
	return set
})

// startCPUProfile writes a CPU profile to path until the returned function
// is called.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// process annotates one article and extracts its facts. A panic in a stage
// is turned into an error for this article alone.
func process(ctx context.Context, p *extract.Pipeline, it inputItem) (res buildResult) {
	res.item = it
	if it.Err != nil {
		return res
	}
	defer func() {
		if v := recover(); v != nil {
			res.err = fmt.Errorf("internal error while processing: %v", v)
		}
	}()
	doc, facts, err := pipeline.Run(ctx, p, it.Article)
	if err != nil {
		res.err = err
		return res
	}
	res.facts = facts
	res.sentences = len(doc.Sentences)
	res.words = len(strings.Fields(it.Article.Text))
	return res
}

func (st *buildStats) add(r buildResult) {
	st.articles++
	st.sentences += r.sentences
	st.words += r.words
	for i := range r.facts {
		f := &r.facts[i]
		st.facts++
		if f.Asserted() && f.Predicate != "" {
			st.asserted++
		}
		for _, t := range []schema.Term{f.Subject, f.Object} {
			if t.Entity != nil && t.Entity.Class != schema.ClassThing {
				st.entities[string(t.Entity.Class)+":"+t.Entity.IdentityKey()] = true
			}
		}
	}
}

// printFacts lists an article's vocabulary facts, one per line, with the
// flags that keep a fact from being asserted.
func printFacts(w io.Writer, r buildResult) {
	a := r.item.Article
	title := a.Title
	if title == "" {
		title = a.ID
	}
	fmt.Fprintf(w, "== %s (%s)\n", title, a.ID)
	n := 0
	for i := range r.facts {
		f := &r.facts[i]
		if f.Predicate == "" {
			continue
		}
		n++
		fmt.Fprintf(w, "  %s\n", kg.Format(f))
	}
	open := len(r.facts) - n
	fmt.Fprintf(w, "  (%d vocabulary facts, %d open relations)\n", n, open)
}

func storeLocation(d *dbFlags) string {
	if d.path != "" {
		if d.backend == graph.Postgres {
			return "(postgres)"
		}
		return d.path
	}
	if d.backend == graph.Memstore {
		return "(memory)"
	}
	return graph.DefaultPath
}

// bar is a progress bar on stderr when it is a terminal, else nothing.
type bar interface {
	Add(int) error
	Clear() error
	Finish() error
}

type noBar struct{}

func (noBar) Add(int) error { return nil }
func (noBar) Clear() error  { return nil }
func (noBar) Finish() error { return nil }

func newBar(w io.Writer, quiet bool) bar {
	f, ok := w.(*os.File)
	if quiet || !ok || !term.IsTerminal(int(f.Fd())) {
		return noBar{}
	}
	return progressbar.NewOptions(-1, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription("building"),
		progressbar.OptionShowCount(), progressbar.OptionSetItsString("articles"), progressbar.OptionShowIts(),
		progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
}
