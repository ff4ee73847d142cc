package kg

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/schema"
)

//go:embed lexicon.tsv
var lexiconData string

// ObjectKind is what an entry requires of its object.
type ObjectKind uint8

// Object kinds, from least to most specific.
const (
	AnyObject ObjectKind = iota
	ActorObject
	PlaceObject
	ProposalObject
	ClauseObject
	PersonObject // a person: a narrower actor
	OrgObject    // a state, organisation or group: a narrower actor
	ThingObject  // anything but a clause: "promised [a pay rise]", not "promised [to go]"
)

var objectKinds = map[string]ObjectKind{
	"any": AnyObject, "actor": ActorObject, "place": PlaceObject, "proposal": ProposalObject, "clause": ClauseObject,
	"person": PersonObject, "org": OrgObject, "thing": ThingObject,
}

type lexEntry struct {
	marker  string // particle or preposition, "" for none
	pred    schema.Predicate
	inverse bool // the object is the predicate's subject ("X is composed of Y": Y partOf X)
	object  ObjectKind
	line    int
}

// Lexicon maps verbs and nouns to vocabulary predicates, and noun phrases
// to proposal and event classes.
type Lexicon struct {
	verbs      map[string][]lexEntry
	nouns      map[string][]lexEntry
	classes    map[string]schema.Class
	roles      map[string]schema.Predicate // role noun -> relation to the state or organisation
	honorifics map[string]bool
	roleMods   map[string]bool // modifier -> the person does not hold the bare role ("former", "deputy")
	portfolios map[string]bool
	maxRole    int // most words in a role

	roleWordsOnce sync.Once
	roleWords     map[string]bool
}

var (
	lexOnce sync.Once
	lexVal  *Lexicon
	lexErr  error
)

// DefaultLexicon returns the embedded lexicon, parsed once per process.
func DefaultLexicon() (*Lexicon, error) {
	lexOnce.Do(func() { lexVal, lexErr = ParseLexicon(lexiconData) })
	return lexVal, lexErr
}

// ParseLexicon reads a lexicon in the format documented at the top of
// lexicon.tsv.
func ParseLexicon(data string) (*Lexicon, error) {
	lx := &Lexicon{verbs: map[string][]lexEntry{}, nouns: map[string][]lexEntry{}, classes: map[string]schema.Class{},
		roles: map[string]schema.Predicate{}, honorifics: map[string]bool{}, roleMods: map[string]bool{}, portfolios: map[string]bool{}}
	for n, line := range strings.Split(data, "\n") {
		n++
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 6 {
			return nil, fmt.Errorf("lexicon line %d: %d fields, want 6", n, len(f))
		}
		kind, lemma, marker, value, object := f[0], strings.ReplaceAll(f[1], "_", " "), f[2], f[3], f[4]
		if marker == "-" {
			marker = ""
		}
		switch kind {
		case "honorific":
			lx.honorifics[lemma] = true
			continue
		case "portfolio":
			lx.portfolios[lemma] = true
			continue
		case "rolemod":
			switch value {
			case "holds", "other":
			default:
				return nil, fmt.Errorf("lexicon line %d: role modifier %q: value %q, want holds or other", n, lemma, value)
			}
			lx.roleMods[lemma] = value == "other"
			continue
		case "role":
			p := schema.Predicate(value)
			if !schema.KnownPredicate(p) {
				return nil, fmt.Errorf("lexicon line %d: unknown predicate %q", n, value)
			}
			lx.roles[lemma] = p
			if w := len(strings.Fields(lemma)); w > lx.maxRole {
				lx.maxRole = w
			}
			continue
		}
		if kind == "class" {
			c := schema.Class(value)
			if !schema.KnownClass(c) {
				return nil, fmt.Errorf("lexicon line %d: unknown class %q", n, value)
			}
			lx.classes[lemma] = c
			continue
		}
		p := schema.Predicate(value)
		if !schema.KnownPredicate(p) {
			return nil, fmt.Errorf("lexicon line %d: unknown predicate %q", n, value)
		}
		ok, found := objectKinds[object]
		if !found {
			return nil, fmt.Errorf("lexicon line %d: unknown object kind %q", n, object)
		}
		e := lexEntry{marker: marker, pred: p, object: ok, line: n, inverse: f[5] == "inverse"}
		switch kind {
		case "verb":
			lx.verbs[lemma] = append(lx.verbs[lemma], e)
		case "noun":
			lx.nouns[lemma] = append(lx.nouns[lemma], e)
		default:
			return nil, fmt.Errorf("lexicon line %d: unknown kind %q", n, kind)
		}
	}
	return lx, nil
}

// Verb returns the predicate a verb lemma expresses, given the particles
// and prepositions that follow it and the kind of its object. The most
// specific entry wins: one whose marker is among markers beats one with no
// marker, and an object constraint that holds beats AnyObject.
func (lx *Lexicon) Verb(lemma string, markers []string, object ObjectKind) (schema.Predicate, bool) {
	e, ok := pick(lx.verbs[strings.ToLower(lemma)], markers, object)
	return e.pred, ok
}

// VerbEntry is like Verb but also reports whether the entry is inverse:
// its object is the predicate's subject.
func (lx *Lexicon) VerbEntry(lemma string, markers []string, object ObjectKind) (p schema.Predicate, inverse, ok bool) {
	e, ok := pick(lx.verbs[strings.ToLower(lemma)], markers, object)
	return e.pred, e.inverse, ok
}

// VerbTakes reports whether the verb has an entry for an object
// introduced by marker ("provide ... with").
func (lx *Lexicon) VerbTakes(lemma, marker string) bool {
	for _, e := range lx.verbs[strings.ToLower(lemma)] {
		if e.marker == marker && marker != "" {
			return true
		}
	}
	return false
}

// Noun returns the predicate a noun expresses ("opposition to" → opposes).
func (lx *Lexicon) Noun(lemma string, markers []string, object ObjectKind) (schema.Predicate, bool) {
	e, ok := pick(lx.nouns[strings.ToLower(lemma)], markers, object)
	return e.pred, ok
}

func pick(entries []lexEntry, markers []string, object ObjectKind) (lexEntry, bool) {
	best, bestScore := lexEntry{}, -1
	for _, e := range entries {
		score := 0
		if e.marker != "" {
			if !contains(markers, e.marker) {
				continue
			}
			score += 2
		}
		if e.object != AnyObject {
			if !objectFits(e.object, object) {
				continue
			}
			score++
		}
		if e.pred == schema.Says && object != ClauseObject {
			continue // one says a clause; "attacked the proposals" is no speech
		}
		if score > bestScore {
			best, bestScore = e, score
		}
	}
	return best, bestScore >= 0
}

// objectFits reports whether an object of kind have satisfies want.
func objectFits(want, have ObjectKind) bool {
	if want == have {
		return true
	}
	if want == ThingObject {
		return have != ClauseObject
	}
	// A proposal is also an acceptable object where any clause-like
	// content is expected ("wants a ceasefire").
	return want == ClauseObject && have == ProposalObject
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// Class returns the proposal or event class named by a noun phrase, given
// the lemmas of its head and the words before it (last is the head): the
// longest compound ending at the head wins ("peace agreement" over
// "agreement").
func (lx *Lexicon) Class(lemmas []string) (schema.Class, bool) {
	for start := 0; start < len(lemmas); start++ {
		key := strings.ToLower(strings.Join(lemmas[start:], " "))
		if c, ok := lx.classes[key]; ok {
			return c, true
		}
	}
	return "", false
}

// Role returns the relation a role noun phrase implies between its holder
// and the state or organisation beside it ("prime minister" → leaderOf).
// words are lower-case forms; hyphenated roles may come as "secretary",
// "-", "general".
func (lx *Lexicon) Role(words []string) (schema.Predicate, bool) {
	key := strings.ToLower(strings.Join(words, " "))
	key = strings.ReplaceAll(key, " - ", "-")
	p, ok := lx.roles[key]
	return p, ok
}

// IsHonorific reports whether a word is a courtesy title (Sir, Mrs).
func (lx *Lexicon) IsHonorific(word string) bool { return lx.honorifics[strings.ToLower(word)] }

// IsRoleModifier reports whether an adjective may stand inside a title
// ("former", "acting").
func (lx *Lexicon) IsRoleModifier(word string) bool {
	_, ok := lx.roleMods[strings.ToLower(word)]
	return ok
}

// IsPortfolio reports whether a word names a policy area a title can
// carry ("Education" in "Education Secretary").
func (lx *Lexicon) IsPortfolio(word string) bool { return lx.portfolios[strings.ToLower(word)] }

// ChangesRole reports whether a role modifier means the person does not
// hold the bare role now: a past one ("former"), a lesser or different one
// ("deputy", "shadow"), or one not yet taken up ("incoming").
func (lx *Lexicon) ChangesRole(word string) bool { return lx.roleMods[strings.ToLower(word)] }

// IsRoleWord reports whether a word can be part of a role ("prime",
// "minister", "secretary", "-", "general").
func (lx *Lexicon) IsRoleWord(word string) bool {
	w := strings.ToLower(word)
	if w == "-" {
		return true
	}
	lx.roleWordsOnce.Do(func() {
		lx.roleWords = map[string]bool{}
		for r := range lx.roles {
			for _, part := range strings.FieldsFunc(r, func(c rune) bool { return c == ' ' || c == '-' }) {
				lx.roleWords[part] = true
			}
		}
	})
	return lx.roleWords[w]
}
