package coref

import (
	_ "embed"
	"strings"
)

//go:generate go run ./internal/genlex -gum ../../../shared/data/ud/UD_English-GUM/en_gum-ud-train.conllu -o persons.txt

// persons.txt lists common nouns that denote people, derived from GUM's
// entity types (see internal/genlex).
//
//go:embed persons.txt
var personsData string

// learnedPersons is persons.txt as a set, built once at package load from
// the embedded text (no registry; a plain value).
var learnedPersons = func() map[string]bool {
	set := map[string]bool{}
	for _, line := range strings.Split(personsData, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			set[line] = true
		}
	}
	return set
}()
