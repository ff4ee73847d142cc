// Command gen builds gazetteer.tsv from Debian's iso-codes JSON, the npm
// package world-countries and the hand-written orgs.tsv and aliases.tsv.
//
//	go run ./internal/gen -iso /usr/share/iso-codes/json -wc countries.json -o gazetteer.tsv
//
// The output is sorted and deterministic.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

type isoCountry struct {
	Alpha2       string `json:"alpha_2"`
	Name         string `json:"name"`
	OfficialName string `json:"official_name"`
	CommonName   string `json:"common_name"`
}

type isoSub struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Type   string `json:"type"`
	Parent string `json:"parent"`
}

type wcCountry struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string   `json:"cca2"`
	AltSpellings []string `json:"altSpellings"`
	Capital      []string `json:"capital"`
	Independent  bool     `json:"independent"`
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

// row is one output line: kind, code, canonical name, parent country code,
// aliases and demonyms.
type row struct {
	kind, code, name, parent string
	aliases, demonyms        []string
}

func main() {
	iso := flag.String("iso", "/usr/share/iso-codes/json", "directory with iso_3166-1.json and iso_3166-2.json")
	wc := flag.String("wc", "", "world-countries countries.json")
	dir := flag.String("dir", ".", "directory with orgs.tsv and aliases.tsv")
	out := flag.String("o", "gazetteer.tsv", "output file")
	flag.Parse()
	if err := run(*iso, *wc, *dir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

func run(isoDir, wcPath, dir, out string) error {
	var c1 struct {
		C []isoCountry `json:"3166-1"`
	}
	if err := readJSON(filepath.Join(isoDir, "iso_3166-1.json"), &c1); err != nil {
		return err
	}
	var c2 struct {
		S []isoSub `json:"3166-2"`
	}
	if err := readJSON(filepath.Join(isoDir, "iso_3166-2.json"), &c2); err != nil {
		return err
	}
	var wcs []wcCountry
	if wcPath == "" {
		return fmt.Errorf("-wc is required (world-countries countries.json)")
	}
	if err := readJSON(wcPath, &wcs); err != nil {
		return err
	}
	wcBy := map[string]wcCountry{}
	for _, w := range wcs {
		wcBy[w.CCA2] = w
	}
	countries := map[string]*row{}
	var rows []*row
	for _, c := range c1.C {
		r := &row{kind: "country", code: c.Alpha2, name: c.Name}
		if c.CommonName != "" {
			r.name = c.CommonName
		}
		r.aliases = append(r.aliases, c.Name, c.OfficialName, c.CommonName)
		if w, ok := wcBy[c.Alpha2]; ok {
			r.name = w.Name.Common
			r.aliases = append(r.aliases, w.Name.Official)
			for _, a := range w.AltSpellings {
				if a == c.Alpha2 || !latin(a) {
					continue
				}
				r.aliases = append(r.aliases, a)
			}
			if d, ok := w.Demonyms["eng"]; ok {
				r.demonyms = append(r.demonyms, d.M, d.F)
			}
			for _, cap := range w.Capital {
				rows = append(rows, &row{kind: "city", code: c.Alpha2 + "-capital", name: cap, parent: c.Alpha2})
			}
		}
		countries[c.Alpha2] = r
		rows = append(rows, r)
	}
	for _, s := range c2.S {
		if s.Parent != "" { // only first-level subdivisions
			continue
		}
		name, aliases := cleanSubName(s.Name)
		if name == "" {
			continue
		}
		rows = append(rows, &row{kind: "subdivision", code: s.Code, name: name, parent: strings.SplitN(s.Code, "-", 2)[0], aliases: aliases})
	}
	// Hand-written aliases.
	if err := readTSV(filepath.Join(dir, "aliases.tsv"), func(f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want 2 fields, got %d", len(f))
		}
		r, ok := countries[f[0]]
		if !ok {
			return fmt.Errorf("unknown country code %q", f[0])
		}
		r.aliases = append(r.aliases, f[1])
		return nil
	}); err != nil {
		return err
	}
	if err := readTSV(filepath.Join(dir, "orgs.tsv"), func(f []string) error {
		for len(f) < 4 {
			f = append(f, "")
		}
		rows = append(rows, &row{kind: "org", code: f[0], name: f[1], aliases: append(splitBar(f[2]), f[0]), demonyms: splitBar(f[3])})
		return nil
	}); err != nil {
		return err
	}
	// A demonym shared by an independent country and a dependent
	// territory ("French", "American") names the independent country.
	indep := map[string]bool{}
	for _, w := range wcs {
		if d, ok := w.Demonyms["eng"]; ok && w.Independent {
			indep[d.M], indep[d.F] = true, true
		}
	}
	for _, w := range wcs {
		if w.Independent {
			continue
		}
		if r := countries[w.CCA2]; r != nil {
			var keep []string
			for _, d := range r.demonyms {
				if !indep[d] {
					keep = append(keep, d)
				}
			}
			r.demonyms = keep
		}
	}
	for _, r := range rows {
		r.aliases = clean(r.aliases, r.name)
		r.demonyms = clean(r.demonyms, "")
	}
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.kind != b.kind {
			return a.kind < b.kind
		}
		if a.code != b.code {
			return a.code < b.code
		}
		return a.name < b.name
	})
	var sb strings.Builder
	sb.WriteString("# Generated by extract/gazetteer/internal/gen from iso-codes (LGPL-2.1+), world-countries (ODbL-1.0),\n")
	sb.WriteString("# orgs.tsv and aliases.tsv. Do not edit. kind\tcode\tname\tparent\taliases\tdemonyms\n")
	for _, r := range rows {
		fmt.Fprintf(&sb, "%s\t%s\t%s\t%s\t%s\t%s\n", r.kind, r.code, r.name, r.parent, strings.Join(r.aliases, "|"), strings.Join(r.demonyms, "|"))
	}
	return os.WriteFile(out, []byte(sb.String()), 0o644)
}

// cleanSubName drops bracketed notes and turns "Name, Respublika" into
// "Name" plus the full form as an alias.
func cleanSubName(s string) (string, []string) {
	var aliases []string
	if i := strings.IndexAny(s, "[("); i > 0 {
		inner := strings.Trim(s[i:], "[]() ")
		s = strings.TrimSpace(s[:i])
		if inner != "" && !strings.ContainsAny(inner, "[]()") && latin(inner) && !strings.Contains(inner, "-") {
			aliases = append(aliases, inner)
		}
	}
	if i := strings.Index(s, ","); i > 0 {
		aliases = append(aliases, s)
		s = strings.TrimSpace(s[:i])
	}
	if !latin(s) {
		return "", nil
	}
	return s, aliases
}

func latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

func splitBar(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// clean drops empty entries, the canonical name, duplicates and entries
// with the separator characters, and sorts the rest.
func clean(xs []string, name string) []string {
	seen := map[string]bool{name: true, "": true}
	var out []string
	for _, x := range xs {
		x = strings.TrimSpace(x)
		if seen[x] || strings.ContainsAny(x, "|\t\n") {
			continue
		}
		seen[x] = true
		out = append(out, x)
	}
	sort.Strings(out)
	return out
}

func readTSV(path string, f func([]string) error) error {
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := f(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	return sc.Err()
}
