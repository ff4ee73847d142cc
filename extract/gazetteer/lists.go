package gazetteer

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed lists.tsv
var listData string

// List names a list of proper names.
type List uint8

// The name lists (lists.tsv): English given names from the @stdlib
// first-name datasets (PDDL-1.0 / CC0), WordNet 3.0 instance nouns
// (proper names) of people, places and groups, and the names of WordNet's
// organisations that are not instance nouns (WordNet 3.0 licence).
const (
	GivenNames  List = iota + 1 // "Maria", "John"
	PersonNames                 // "Einstein", "Albert Einstein"
	PlaceNames                  // "Kilimanjaro", "Ohio River"
	GroupNames                  // "Red Cross", "Hezbollah"
	OrgNames                    // "National Guard Bureau", "Labour Party", "NASA"
)

var listKinds = map[string]List{"given": GivenNames, "person": PersonNames, "place": PlaceNames, "group": GroupNames, "org": OrgNames}

var (
	listOnce sync.Once
	lists    map[List][]string
)

// ListNames returns the names in list l, sorted. The slice is shared; do not
// modify it.
func ListNames(l List) []string {
	listOnce.Do(func() {
		lists = map[List][]string{}
		for _, line := range strings.Split(listData, "\n") {
			if line == "" || line[0] == '#' {
				continue
			}
			kind, name, ok := strings.Cut(line, "\t")
			if k := listKinds[kind]; ok && k != 0 {
				lists[k] = append(lists[k], name)
			}
		}
	})
	return lists[l]
}
