package coref

import (
	_ "embed"
	"strings"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

// names.tsv maps first names to their usual gender, from public-domain
// name lists (see internal/gennames).
//
//go:embed names.tsv
var namesData string

// firstNames is names.tsv as a map, built once at package load.
var firstNames = func() map[string]gender {
	out := map[string]gender{}
	for _, line := range strings.Split(namesData, "\n") {
		name, g, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(name, "#") {
			continue
		}
		switch g {
		case "m":
			out[name] = masculine
		case "f":
			out[name] = feminine
		}
	}
	return out
}()

// nameGender sets the gender of a personal name from its first word that
// is not a title ("Mary Smith", "Dr. John Smith"), unless the entity
// recogniser says it is not a person. It reports whether it did.
func nameGender(doc *nlp.Document, m *mention) bool {
	if m.kind != nlp.Proper || m.gen != genderUnknown || (m.label != "" && m.label != "PERSON") {
		return false
	}
	for k := m.start; k <= m.head && k < m.end; k++ {
		t := doc.Tokens[k]
		if t.UPOS != "PROPN" {
			continue
		}
		w := strings.ToLower(t.Form)
		if _, title := titles[w]; title {
			continue
		}
		if g, ok := firstNames[w]; ok {
			m.gen, m.anim = g, animate
			return true
		}
		return false
	}
	return false
}
