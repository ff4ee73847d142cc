package coref

import (
	"fmt"
	"sort"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

// Version names the rules and lexicons; it changes whenever the output
// for some input may change.
const Version = "coref/1"

// Resolver is the coreference stage. Its zero value is ready to use; it
// holds no mutable state, so one Resolver may process many documents at
// once.
type Resolver struct {
	// Country maps a country word (a name such as "Ukraine", an
	// abbreviation, or a demonym such as "Ukrainian") to a canonical
	// country key, and reports whether the word is one. The role sieve uses
	// it to match "the Ukrainian president" with "Ukraine's president".
	// Nil compares the lower-cased words themselves.
	Country func(word string) (string, bool)

	// Alias maps a name to a key shared by all names of the same thing
	// ("EU", "European Union") and reports whether it knows the name. The
	// acronym sieve links names with equal keys. Nil links acronyms by
	// their letters only.
	Alias func(name string) (string, bool)

	skip  map[string]bool                       // sieves to leave out (ablation in tests)
	trace func(sieve string, anaphor, ante int) // sees every link (tests)
}

// New returns a Resolver whose country and alias lexicons come from the
// gazetteer package (countries, demonyms, international organisations).
func New() *Resolver { return &Resolver{Country: gazetteerCountry, Alias: gazetteerAlias} }

// Name implements extract.Stage.
func (r *Resolver) Name() string { return Version }

// Needs implements extract.Stage: tokens, sentences, tags and a parse.
func (r *Resolver) Needs() nlp.Layer { return nlp.Tokens | nlp.Sentences | nlp.Tags | nlp.Deps }

// Adds implements extract.Stage.
func (r *Resolver) Adds() nlp.Layer { return nlp.Coref }

// Process finds mentions and chains and stores them in doc.Mentions and
// doc.Chains, replacing any there.
func (r *Resolver) Process(doc *nlp.Document) error {
	if err := checkDoc(doc); err != nil {
		return err
	}
	ms := detect(doc)
	if r.Alias != nil {
		for i := range ms {
			// "Sydney", "Florence": a first name that is also a known place
			if ms[i].nameGendered {
				if _, place := r.Alias(doc.Forms(ms[i].start, ms[i].end)); place {
					ms[i].gen, ms[i].anim, ms[i].nameGendered = genderUnknown, animacyUnknown, false
				}
			}
		}
	}
	s := &state{doc: doc, ms: ms, country: r.Country, alias: r.Alias, skip: r.skip, trace: r.trace}
	s.init()
	s.run()
	s.output()
	return nil
}

func checkDoc(doc *nlp.Document) error {
	n := len(doc.Tokens)
	next := 0
	for i, s := range doc.Sentences {
		if s.Start != next || s.End <= s.Start || s.End > n {
			return fmt.Errorf("coref: sentence %d: range [%d,%d) does not tile %d tokens", i, s.Start, s.End, n)
		}
		next = s.End
	}
	if next != n {
		return fmt.Errorf("coref: sentences cover %d of %d tokens", next, n)
	}
	for i, t := range doc.Tokens {
		if t.Head < -1 || t.Head >= n || t.Head == i {
			return fmt.Errorf("coref: token %d: head %d out of range", i, t.Head)
		}
	}
	// Every head chain must reach a root within its sentence: no cycles.
	for si, sent := range doc.Sentences {
		for i := sent.Start; i < sent.End; i++ {
			h, steps := doc.Tokens[i].Head, 0
			for h >= 0 {
				if h < sent.Start || h >= sent.End || steps > sent.Len() {
					return fmt.Errorf("coref: sentence %d token %d: head chain leaves the sentence or cycles", si, i)
				}
				h = doc.Tokens[h].Head
				steps++
			}
		}
	}
	for i, e := range doc.Entities {
		if e.Start < 0 || e.End > n || e.Start >= e.End {
			return fmt.Errorf("coref: entity %d: range [%d,%d) outside %d tokens", i, e.Start, e.End, n)
		}
	}
	return nil
}

// output writes the mentions and the chains of two or more mentions.
func (s *state) output() {
	doc := s.doc
	doc.Mentions = make([]nlp.Mention, 0, len(s.ms))
	doc.Chains = nil
	chainOf := map[int]int{}
	var roots []int
	for i := range s.ms {
		root := s.find(i)
		if len(s.members[root]) < 2 {
			continue
		}
		if _, ok := chainOf[root]; !ok {
			chainOf[root] = len(roots)
			roots = append(roots, root)
		}
	}
	doc.Chains = make([]nlp.Chain, len(roots))
	for i, m := range s.ms {
		c := -1
		if ci, ok := chainOf[s.find(i)]; ok {
			c = ci
			doc.Chains[c].Mentions = append(doc.Chains[c].Mentions, i)
		}
		doc.Mentions = append(doc.Mentions, nlp.Mention{Start: m.start, End: m.end, Head: m.head, Chain: c, Kind: m.kind})
	}
	for c := range doc.Chains {
		doc.Chains[c].Rep = s.representative(doc.Chains[c].Mentions)
	}
}

// representative is the longest proper name of the chain, else its first
// description, else its first mention.
func (s *state) representative(members []int) int {
	best := -1
	for _, i := range members {
		m := s.ms[i]
		if m.kind == nlp.Proper && !m.coord && (best < 0 || m.end-m.start > s.ms[best].end-s.ms[best].start) {
			best = i
		}
	}
	if best >= 0 {
		return best
	}
	for _, i := range members {
		if s.ms[i].kind == nlp.Nominal {
			return i
		}
	}
	return members[0]
}

// state is the clustering of one document.
type state struct {
	doc     *nlp.Document
	ms      []mention
	country func(string) (string, bool)
	alias   func(string) (string, bool)
	aliases []*string // aliasKey cache
	skip    map[string]bool
	trace   func(string, int, int)
	parent  []int
	members map[int][]int  // root -> mention indices in text order
	attrs   []clusterAttrs // by root
	kids    [][]int
	byHead  [][]int // token -> mentions headed by it
}

func (s *state) init() {
	s.parent = make([]int, len(s.ms))
	s.members = make(map[int][]int, len(s.ms))
	s.attrs = make([]clusterAttrs, len(s.ms))
	for i := range s.ms {
		s.attrs[i] = attrsOf(s.ms[i])
		s.parent[i] = i
		s.members[i] = []int{i}
	}
	n := len(s.doc.Tokens)
	s.kids = make([][]int, n)
	for i, t := range s.doc.Tokens {
		if t.Head >= 0 && t.Head != i {
			s.kids[t.Head] = append(s.kids[t.Head], i)
		}
	}
	s.byHead = make([][]int, n)
	for i, m := range s.ms {
		s.byHead[m.head] = append(s.byHead[m.head], i)
	}
}

func (s *state) find(i int) int {
	for s.parent[i] != i {
		s.parent[i] = s.parent[s.parent[i]]
		i = s.parent[i]
	}
	return i
}

func (s *state) merge(a, b int) {
	ra, rb := s.find(a), s.find(b)
	if ra == rb {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	s.parent[rb] = ra
	s.attrs[ra] = s.attrs[ra].union(s.attrs[rb])
	all := append(s.members[ra], s.members[rb]...)
	sort.Ints(all)
	s.members[ra] = all
	delete(s.members, rb)
}

func (s *state) same(a, b int) bool { return s.find(a) == s.find(b) }

// first reports whether mention i is the first of its cluster.
func (s *state) first(i int) bool { return s.members[s.find(i)][0] == i }
