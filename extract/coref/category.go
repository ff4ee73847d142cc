package coref

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

// categoryNouns are nouns that name the category of a gazetteer entry, so
// that "the country" can refer back to a country's name, "the city" to a
// capital's and "the alliance" to an international organisation's.
var categoryNouns = map[string]string{
	"country": "country", "nation": "country", "city": "city", "capital": "city",
	"alliance": "org", "bloc": "org", "organisation": "org", "organization": "org",
}

// category links a bare definite category description ("the country",
// "the city", "the alliance") to the most salient earlier name (the
// nearest, in the sieves' candidate order) that the gazetteer knows as an
// entry of that category. Only the determiner may
// modify the description: "the other country" or "the country's
// leaders" are left alone.
func (s *state) category(i, j int) bool {
	m, c := s.ms[i], s.ms[j]
	if c.kind != nlp.Proper || c.coord || m.num == plural {
		return false
	}
	cat, ok := categoryNouns[s.lemma(m.head)]
	if !ok || s.alias == nil {
		return false
	}
	for k := m.start; k < m.end; k++ {
		if k != m.head && !(s.doc.Tokens[k].UPOS == "DET" && strings.EqualFold(s.doc.Tokens[k].Form, "the")) {
			if !(k == m.end-1 && possMarker(s.doc.Tokens[k].Form)) {
				return false
			}
		}
	}
	key := s.aliasKey(j)
	return strings.HasPrefix(key, cat+":") && s.clusterAgrees(i, j)
}
