package coref

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
)

// gazetteerCountry maps a country name, code or demonym to the country's
// ISO 3166-1 code ("Ukrainian", "Ukraine" → "UA"; "US", "U.S." → "US").
func gazetteerCountry(word string) (string, bool) {
	if e, ok := gazetteer.Demonym(word); ok && e.Kind == gazetteer.Country {
		return e.Code, true
	}
	if e, ok := gazetteer.LookupPlace(word); ok && e.Kind == gazetteer.Country {
		return e.Code, true
	}
	return "", false
}

// gazetteerAlias maps a name of a country or international organisation
// to a key shared by all its names ("EU" and "European Union"; "UK" and
// "Britain").
func gazetteerAlias(name string) (string, bool) {
	name = strings.TrimSpace(name)
	if low := strings.ToLower(name); strings.HasPrefix(low, "the ") {
		name = name[4:]
	}
	es := gazetteer.Lookup(name)
	if len(es) == 0 {
		return "", false
	}
	e := es[0]
	return e.Kind.String() + ":" + e.Code, true
}
