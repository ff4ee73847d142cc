package kg

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
)

// GoldFact is one line of a fact-level gold file:
//
//	DOC <TAB> SUBJECT <TAB> PREDICATE <TAB> OBJECT [<TAB> FLAGS]
//
// SUBJECT, OBJECT and PREDICATE may list alternatives separated by "|".
// FLAGS is a comma list among neg, modal, attributed.
type GoldFact struct {
	Doc       string
	Subject   []string
	Predicate []string
	Object    []string
	Flags     Flags
	Line      int
}

// Flags are the epistemic flags a fact is judged on.
type Flags struct {
	Neg, Modal, Attributed bool
}

func (f Flags) String() string {
	var parts []string
	if f.Neg {
		parts = append(parts, "neg")
	}
	if f.Modal {
		parts = append(parts, "modal")
	}
	if f.Attributed {
		parts = append(parts, "attributed")
	}
	return strings.Join(parts, ",")
}

// Gold is a parsed gold file: the facts, and the documents whose facts are
// listed exhaustively (precision is measured on those only).
type Gold struct {
	Facts      []GoldFact
	Exhaustive map[string]bool
}

// Docs returns the documents the gold mentions, sorted.
func (g *Gold) Docs() []string {
	seen := map[string]bool{}
	for _, f := range g.Facts {
		seen[f.Doc] = true
	}
	for d := range g.Exhaustive {
		seen[d] = true
	}
	var out []string
	for d := range seen {
		out = append(out, d)
	}
	sort.Strings(out)
	return out
}

// ReadGold parses a gold file. Blank lines and lines starting with "#" are
// skipped, except "#exhaustive DOC".
func ReadGold(r io.Reader) (*Gold, error) {
	g := &Gold{Exhaustive: map[string]bool{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		if strings.HasPrefix(line, "#") {
			if rest, ok := strings.CutPrefix(line, "#exhaustive"); ok {
				doc := strings.TrimSpace(rest)
				if doc == "" {
					return nil, fmt.Errorf("line %d: #exhaustive needs a document id", n)
				}
				g.Exhaustive[doc] = true
			}
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 4 || len(f) > 5 {
			return nil, fmt.Errorf("line %d: %d fields, want DOC, SUBJECT, PREDICATE, OBJECT [, FLAGS]", n, len(f))
		}
		gf := GoldFact{Doc: strings.TrimSpace(f[0]), Subject: alts(f[1]), Predicate: alts(f[2]), Object: alts(f[3]), Line: n}
		if gf.Doc == "" || len(gf.Subject) == 0 || len(gf.Predicate) == 0 || len(gf.Object) == 0 {
			return nil, fmt.Errorf("line %d: empty field", n)
		}
		if len(f) == 5 {
			for _, fl := range strings.Split(f[4], ",") {
				switch strings.TrimSpace(fl) {
				case "neg":
					gf.Flags.Neg = true
				case "modal":
					gf.Flags.Modal = true
				case "attributed":
					gf.Flags.Attributed = true
				case "":
				default:
					return nil, fmt.Errorf("line %d: unknown flag %q (want neg, modal, attributed)", n, fl)
				}
			}
		}
		g.Facts = append(g.Facts, gf)
	}
	return g, sc.Err()
}

func alts(s string) []string {
	var out []string
	for _, a := range strings.Split(s, "|") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// SystemFact is a fact as the evaluation sees it: the labels of its
// subject and object nodes (all labels and aliases; for a proposition, its
// label), its vocabulary predicate and flags.
type SystemFact struct {
	Doc       string
	Subject   []string
	Predicate string
	Object    []string
	Flags     Flags
	Evidence  string
}

// nodeMatches reports whether a node with the given labels matches one of
// the alternatives: every word of the alternative occurs in one label,
// ignoring case.
func nodeMatches(labels, alternatives []string) bool {
	for _, alt := range alternatives {
		words := strings.Fields(strings.ToLower(alt))
		for _, l := range labels {
			lw := map[string]bool{}
			for _, w := range strings.Fields(strings.ToLower(l)) {
				lw[strings.Trim(w, ".,;:'’\"“”()")] = true
			}
			all := true
			for _, w := range words {
				if !lw[strings.Trim(w, ".,;:'’\"“”()")] {
					all = false
					break
				}
			}
			if all {
				return true
			}
		}
	}
	return false
}

func (g GoldFact) matches(s SystemFact) bool {
	if g.Doc != s.Doc || g.Flags != s.Flags {
		return false
	}
	ok := false
	for _, p := range g.Predicate {
		if p == s.Predicate {
			ok = true
		}
	}
	if !ok {
		return false
	}
	if nodeMatches(s.Subject, g.Subject) && nodeMatches(s.Object, g.Object) {
		return true
	}
	// Meeting and negotiating are symmetric: A meets B is B meets A.
	return symmetric[s.Predicate] && nodeMatches(s.Object, g.Subject) && nodeMatches(s.Subject, g.Object)
}

var symmetric = map[string]bool{"meetsWith": true, "negotiatesWith": true}

// Counts are the tallies behind precision and recall.
type Counts struct {
	GoldFound, Gold   int // gold facts found by the system / all gold facts
	SysCorrect, Sys   int // system facts on exhaustive documents that match gold / all of them
	P, R, F1          float64
	Missing, Spurious []string `json:"-"`
}

func (c *Counts) finish() {
	if c.Sys > 0 {
		c.P = float64(c.SysCorrect) / float64(c.Sys)
	}
	if c.Gold > 0 {
		c.R = float64(c.GoldFound) / float64(c.Gold)
	}
	if c.P+c.R > 0 {
		c.F1 = 2 * c.P * c.R / (c.P + c.R)
	}
}

// Score compares system facts with the gold: recall over every gold fact,
// precision over the system's facts on exhaustive documents; overall and per
// predicate. Missing and Spurious list what did not match, for reports.
func Score(g *Gold, sys []SystemFact) (overall Counts, perPred map[string]*Counts) {
	perPred = map[string]*Counts{}
	get := func(p string) *Counts {
		if perPred[p] == nil {
			perPred[p] = &Counts{}
		}
		return perPred[p]
	}
	for _, gf := range g.Facts {
		found := false
		for _, s := range sys {
			if gf.matches(s) {
				found = true
				break
			}
		}
		c := get(gf.Predicate[0])
		overall.Gold++
		c.Gold++
		if found {
			overall.GoldFound++
			c.GoldFound++
		} else {
			overall.Missing = append(overall.Missing, fmt.Sprintf("line %d: %s\t%s\t%s\t%s\t%s", gf.Line, gf.Doc,
				strings.Join(gf.Subject, "|"), strings.Join(gf.Predicate, "|"), strings.Join(gf.Object, "|"), gf.Flags))
		}
	}
	for _, s := range sys {
		if !g.Exhaustive[s.Doc] {
			continue
		}
		correct := false
		for _, gf := range g.Facts {
			if gf.matches(s) {
				correct = true
				break
			}
		}
		c := get(s.Predicate)
		overall.Sys++
		c.Sys++
		if correct {
			overall.SysCorrect++
			c.SysCorrect++
		} else {
			overall.Spurious = append(overall.Spurious, fmt.Sprintf("%s\t%s\t%s\t%s\t%s\t(%s)", s.Doc,
				first(s.Subject), s.Predicate, first(s.Object), s.Flags, s.Evidence))
		}
	}
	overall.finish()
	for _, c := range perPred {
		c.finish()
	}
	return overall, perPred
}

func first(labels []string) string {
	if len(labels) == 0 {
		return ""
	}
	return labels[0]
}
