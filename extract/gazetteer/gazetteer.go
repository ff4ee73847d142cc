package gazetteer

//go:generate sh -c "cd ../.. && make gazetteer"

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed gazetteer.tsv
var data string

// Kind says what an entry names.
type Kind uint8

// The kinds of entry.
const (
	Country     Kind = iota + 1 // an ISO 3166-1 country or territory
	Subdivision                 // a first-level ISO 3166-2 subdivision
	City                        // a capital city
	Org                         // an international organisation
)

var kindNames = [...]string{"", "country", "subdivision", "city", "org"}

func (k Kind) String() string {
	if int(k) < len(kindNames) && k > 0 {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// Entry is one place or organisation.
type Entry struct {
	Kind Kind
	// Name is the canonical English name ("United Kingdom", "North
	// Atlantic Treaty Organization").
	Name string
	// Code is the ISO 3166-1 alpha-2 code of a country ("UA"), the ISO
	// 3166-2 code of a subdivision ("US-AK"), "XX-capital" for a capital
	// city, or the usual acronym of an organisation ("NATO").
	Code string
	// Country is the ISO 3166-1 alpha-2 code of the country a subdivision
	// or city belongs to (the country's own code for a country, "" for an
	// organisation).
	Country string
	// Aliases are other names the entry goes by.
	Aliases []string
	// Demonyms are the adjectives and nouns for its people ("Ukrainian").
	Demonyms []string
}

// Name is one surface form in the gazetteer and the entry it names.
type Name struct {
	Text    string
	Kind    Kind
	Demonym bool // Text is a demonym of the entry, not its name
	Entry   *Entry
}

type table struct {
	entries []*Entry
	byKey   map[string][]*Entry // folded name or alias -> entries
	demonym map[string]*Entry   // folded demonym (and plural) -> entry
	byCode  map[string]*Entry
	names   []Name
}

var (
	once sync.Once
	tab  *table
	err0 error
)

func load() (*table, error) {
	once.Do(func() { tab, err0 = parse(data) })
	return tab, err0
}

func parse(s string) (*table, error) {
	t := &table{byKey: map[string][]*Entry{}, demonym: map[string]*Entry{}, byCode: map[string]*Entry{}}
	for n, line := range strings.Split(s, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 6 {
			return nil, fmt.Errorf("gazetteer line %d: want 6 fields, got %d", n+1, len(f))
		}
		e := &Entry{Name: f[2], Code: f[1], Country: f[3], Aliases: split(f[4]), Demonyms: split(f[5])}
		switch f[0] {
		case "country":
			e.Kind, e.Country = Country, f[1]
		case "subdivision":
			e.Kind = Subdivision
		case "city":
			e.Kind = City
		case "org":
			e.Kind = Org
		default:
			return nil, fmt.Errorf("gazetteer line %d: unknown kind %q", n+1, f[0])
		}
		t.entries = append(t.entries, e)
		if e.Kind == Country || e.Kind == Org {
			t.byCode[e.Code] = e
		}
	}
	for _, e := range t.entries {
		for _, name := range append([]string{e.Name}, e.Aliases...) {
			k := key(name)
			if k == "" {
				continue
			}
			t.byKey[k] = append(t.byKey[k], e)
			t.names = append(t.names, Name{Text: name, Kind: e.Kind, Entry: e})
		}
		for _, d := range e.Demonyms {
			for _, form := range demonymForms(d) {
				k := key(form)
				if old, dup := t.demonym[k]; !dup || e.Kind == Country && old.Kind != Country {
					t.demonym[k] = e
				}
				t.names = append(t.names, Name{Text: form, Kind: e.Kind, Demonym: true, Entry: e})
			}
		}
	}
	for k, es := range t.byKey {
		sort.SliceStable(es, func(i, j int) bool {
			if es[i].Kind != es[j].Kind {
				return es[i].Kind < es[j].Kind
			}
			return es[i].Code < es[j].Code
		})
		t.byKey[k] = es
	}
	return t, nil
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// demonymForms returns d and its plural ("Ukrainian", "Ukrainians").
// Demonyms in -ese, -ish, -ch and the like ("Chinese", "British",
// "French") have no plural in -s.
func demonymForms(d string) []string {
	if strings.HasSuffix(d, "n") || strings.HasSuffix(d, "i") {
		return []string{d, d + "s"}
	}
	return []string{d}
}

// key folds a name for lookup: a leading "the " is dropped, runs of space
// become one, and letters are folded to lower case.
func key(s string) string {
	return strings.ToLower(stripThe(s))
}

// stripThe collapses runs of space and drops a leading "the ".
func stripThe(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		s = s[4:]
	}
	return s
}

// acronymLike reports whether s is written in capitals only (with dots):
// "US", "U.K.", "NATO".
func acronymLike(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0
}

// allLower reports whether s has no capital letter.
func allLower(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// Lookup returns the entries that name or alias s names, best first
// (countries before subdivisions, cities and organisations). Case is
// folded, except that a name written all in lower case never matches a
// short acronym ("us" is not the United States, "who" is not the WHO).
func Lookup(s string) []*Entry {
	t, err := load()
	if err != nil || s == "" {
		return nil
	}
	es := t.byKey[key(s)]
	if len(es) == 0 || !allLower(s) {
		return es
	}
	var out []*Entry
	for _, e := range es {
		if !matchesLower(e, s) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// matchesLower reports whether the lower-case form s may stand for e: it
// must fold to a name or alias of e that is not an acronym.
func matchesLower(e *Entry, s string) bool {
	k := key(s)
	for _, name := range append([]string{e.Name}, e.Aliases...) {
		name = stripThe(name)
		if strings.ToLower(name) == k && !(acronymLike(name) && utf8.RuneCountInString(name) <= 6) {
			return true
		}
	}
	return false
}

// LookupPlace returns the best place (country, subdivision or city) named
// s.
func LookupPlace(s string) (*Entry, bool) {
	for _, e := range Lookup(s) {
		if e.Kind != Org {
			return e, true
		}
	}
	return nil, false
}

// LookupOrg returns the international organisation named s ("NATO",
// "Nato", "North Atlantic Treaty Organization").
func LookupOrg(s string) (*Entry, bool) {
	for _, e := range Lookup(s) {
		if e.Kind == Org {
			return e, true
		}
	}
	return nil, false
}

// Demonym returns the country or organisation whose people s names
// ("Ukrainian" → Ukraine, "Americans" → United States, "European" →
// European Union). It matches capitalised words only.
func Demonym(s string) (*Entry, bool) {
	t, err := load()
	if err != nil || s == "" || allLower(s) {
		return nil, false
	}
	e, ok := t.demonym[key(s)]
	return e, ok
}

// ByCode returns the country with ISO 3166-1 alpha-2 code c, or the
// organisation with acronym c.
func ByCode(c string) (*Entry, bool) {
	t, err := load()
	if err != nil {
		return nil, false
	}
	e, ok := t.byCode[c]
	return e, ok
}

// CountryOf returns the country an entry belongs to (itself for a
// country), or nil for an organisation.
func CountryOf(e *Entry) *Entry {
	if e == nil || e.Country == "" {
		return nil
	}
	c, _ := ByCode(e.Country)
	return c
}

// Names returns every surface form in the gazetteer: names, aliases and
// demonyms, in table order. The slice is shared; do not modify it.
func Names() []Name {
	t, err := load()
	if err != nil {
		return nil
	}
	return t.names
}

// Err reports an error in the embedded table (nil for a good build).
func Err() error {
	_, err := load()
	return err
}
