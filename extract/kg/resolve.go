package kg

import (
	"strings"
	"sync"
	"unicode"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/schema"
)

// resolver assigns the tokens of one document to graph nodes: named
// entities from the NER layer, linked to the gazetteer and merged along
// coreference chains and name variants.
type resolver struct {
	doc   *nlp.Document
	lex   *Lexicon
	nodes []*schema.Entity
	byKey map[string]int // class group + identity key -> node
	tok   []int          // token -> node, -1 for none
	// demonymTok marks tokens whose node is a country named by a demonym
	// ("Freedonian"): they modify, they do not refer.
	demonymTok []bool
	chainNode  map[int]int     // coreference chain -> node
	inside     map[string]bool // words capitalised inside a sentence (capitalisedInside)
	// viaChain resolves a chain's representative description to a node
	// (set by the builder: groups, proposals); inChain guards recursion.
	viaChain func(head int) int
	inChain  map[int]bool
	// byHead lists the mentions headed by each token, in document order
	// (built on first use, so resolving a head does not scan them all).
	byHead map[int][]int
	// roles records titles seen for each person node, to resolve role
	// descriptions ("the US president") later in the document.
	roles []heldRole
	facts []schema.Fact // nominal facts found while resolving (roles, leaders)
}

// heldRole is a role a person holds, and the state or organisation it is
// held in (-1 when unknown).
type heldRole struct {
	person int
	role   string
	of     int
}

func newResolver(doc *nlp.Document, lex *Lexicon) *resolver {
	r := &resolver{doc: doc, lex: lex, byKey: map[string]int{}, tok: make([]int, len(doc.Tokens)),
		demonymTok: make([]bool, len(doc.Tokens)), chainNode: map[int]int{}, inChain: map[int]bool{}}
	for i := range r.tok {
		r.tok[i] = -1
	}
	var persons [][3]int
	for _, e := range doc.Entities {
		if n, start, end := r.addSpan(e); n >= 0 && r.nodes[n].Class == schema.ClassPerson {
			persons = append(persons, [3]int{e.Start, start, end})
		}
	}
	r.gazetteerRuns()
	for _, p := range persons {
		if n := r.tok[p[1]]; n >= 0 {
			r.titles(p[0], p[1], p[2], n)
		}
	}
	r.mergeSurnames()
	r.addChains()
	r.preferNames()
	return r
}

// personWords reports whether tokens [start, end) can spell a personal
// name: every word capitalised or a name particle (or punctuation, as in
// "Kilroy-Silk" and "O'Brien").
func personWords(d *nlp.Document, start, end int) bool {
	for i := start; i < end; i++ {
		f := d.Tokens[i].Form
		if !isCapitalised(f) && !schema.IsNameParticle(f) && d.Tokens[i].UPOS != "PUNCT" && f != "-" && f != "'" {
			return false
		}
	}
	return true
}

// addressHonorifics are forms of address that only ever stand before a
// person's name (unlike "Lord", which also begins titles: "Lord
// Chancellor").
var addressHonorifics = map[string]bool{"mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true,
	"ms.": true, "miss": true, "mx": true, "mx.": true}

// preferNames makes the label of a gazetteer entity its canonical name
// when the article writes it ("Freedonia", not the demonym "Freedonian").
func (r *resolver) preferNames() {
	for _, e := range r.nodes {
		if e.Canonical == "" || e.Name == e.Canonical {
			continue
		}
		for _, a := range e.Aliases {
			if strings.EqualFold(a, e.Canonical) {
				e.Aliases = append(e.Aliases, e.Name)
				e.Name = a
				e.Aliases = removeString(e.Aliases, a)
				break
			}
		}
		if e.Name != e.Canonical && strings.Contains(r.doc.Text, e.Canonical) {
			e.Aliases = append(e.Aliases, e.Name)
			e.Name = e.Canonical
			e.Aliases = removeString(e.Aliases, e.Canonical)
		}
	}
}

func removeString(list []string, s string) []string {
	out := list[:0]
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

// gazetteerRuns links runs of proper nouns that the entity recogniser
// missed but the gazetteer knows ("Crimea", "NATO").
func (r *resolver) gazetteerRuns() {
	d := r.doc
	for i := 0; i < len(d.Tokens); {
		if r.tok[i] >= 0 || d.Tokens[i].UPOS != "PROPN" {
			i++
			continue
		}
		j := i
		for j < len(d.Tokens) && r.tok[j] < 0 && d.Tokens[j].UPOS == "PROPN" && d.SentenceOf(j) == d.SentenceOf(i) {
			j++
		}
		name := d.SpanText(i, j)
		n := -1
		if j < len(d.Tokens) && d.SentenceOf(j) == d.SentenceOf(i) && isCapitalised(d.Tokens[j].Form) {
			if _, ok := gazetteer.Demonym(d.SpanText(i, j+1)); ok {
				i = j // "North [Korean]": the demonym, not a place called "North"
				continue
			}
		}
		if j-i > 1 && r.lex.IsHonorific(d.Tokens[i].Form) {
			// "Lord X", "Mrs Y": a person the recogniser missed.
			pname := d.SpanText(i+1, j)
			n = r.node(schema.ClassPerson, schema.KeyOf(pname), pname, "", "")
			r.tok[i] = -1
			for k := i + 1; k < j; k++ {
				r.tok[k] = n
			}
			i = j
			continue
		}
		if g, ok := gazetteer.LookupPlace(name); ok {
			n = r.place(name, "GPE")
			_ = g
		} else if g, ok := gazetteer.LookupOrg(name); ok {
			n = r.node(schema.ClassOrganization, schema.KeyOf(g.Name), name, g.Name, "")
		}
		if n >= 0 {
			for k := i; k < j; k++ {
				r.tok[k] = n
			}
		}
		i = j
	}
}

// classGroup keeps keys of different kinds of thing apart: a person and a
// place may share a name.
func classGroup(c schema.Class) string {
	switch c {
	case schema.ClassPerson:
		return "person"
	case schema.ClassState, schema.ClassTerritory:
		return "place"
	case schema.ClassOrganization, schema.ClassGroup:
		return "org"
	}
	return string(c)
}

// node returns the node for (class, key), creating it, and records name as
// a label.
func (r *resolver) node(class schema.Class, key, name, canonical, iso string) int {
	k := classGroup(class) + "\x00" + key
	if i, ok := r.byKey[k]; ok {
		r.addAlias(i, name)
		return i
	}
	r.nodes = append(r.nodes, &schema.Entity{Class: class, Name: name, Key: key, Canonical: canonical, ISO3166: iso})
	r.byKey[k] = len(r.nodes) - 1
	return len(r.nodes) - 1
}

func (r *resolver) addAlias(i int, name string) {
	e := r.nodes[i]
	if name == "" || name == e.Name {
		return
	}
	for _, a := range e.Aliases {
		if a == name {
			return
		}
	}
	// The longest written name is the label; the others are aliases.
	if e.Class == schema.ClassPerson && len(name) > len(e.Name) {
		e.Aliases = append(e.Aliases, e.Name)
		e.Name = name
		return
	}
	e.Aliases = append(e.Aliases, name)
}

// nameRange trims determiners, honorifics, titles and a trailing
// possessive from an entity span, returning the tokens of the bare name.
func (r *resolver) nameRange(start, end int, label string) (int, int) {
	d := r.doc
	for start < end {
		w := d.Tokens[start].Form
		lw := strings.ToLower(w)
		switch {
		case lw == "the":
			start++
		case d.Tokens[start].UPOS == "CCONJ" || d.Tokens[start].UPOS == "SCONJ":
			start++ // "[But] Sylvanian Police": a sentence's first word the recogniser took in
		case label == "PERSON" && (r.lex.IsHonorific(w) || r.lex.IsRoleWord(w) || r.lex.IsRoleModifier(w)) && end-start > 1 && isCapitalised(d.Tokens[start+1].Form):
			start++
		default:
			goto trimmed
		}
	}
trimmed:
	if label == "PERSON" {
		// "Chancellor X of Germany": the name stops at the preposition.
		for i := start + 1; i < end; i++ {
			if d.Tokens[i].UPOS == "ADP" && strings.ToLower(d.Tokens[i].Form) == "of" {
				end = i
				break
			}
		}
		// "Whig MP": a title in capitals closing the span (MP, MEP) is no
		// one's surname; what precedes it is the body the title is held
		// in, not a name.
		if w := d.Tokens[end-1].Form; end-start > 1 && len(w) > 1 && strings.ToUpper(w) == w && r.lex.IsRoleWord(w) {
			end--
		}
		// "Sylvanian President X": a title inside the span ends at its last role
		// word; the name starts after it.
		for i := end - 2; i >= start; i-- {
			if r.lex.IsRoleWord(d.Tokens[i].Form) && d.Tokens[i].Form != "-" && isCapitalised(d.Tokens[i+1].Form) {
				start = i + 1
				break
			}
		}
	}
	for end > start {
		f := d.Tokens[end-1].Form
		if f == "'s" || f == "’s" || f == "'" || f == "’" || d.Tokens[end-1].UPOS == "PUNCT" {
			end--
			continue
		}
		break
	}
	return start, end
}

// addSpan resolves one NER span to a node and returns it with the
// name's token range (-1 when the span names nothing we keep).
func (r *resolver) addSpan(e nlp.Span) (int, int, int) {
	// A courtesy title the recogniser took alone ("[Lord] Haddad"): the
	// name is the capitalised run after it.
	if e.End-e.Start == 1 && r.lex.IsHonorific(r.doc.Tokens[e.Start].Form) {
		sent := r.doc.SentenceOf(e.Start)
		for e.End < len(r.doc.Tokens) && r.doc.SentenceOf(e.End) == sent && r.doc.Tokens[e.End].UPOS == "PROPN" &&
			isCapitalised(r.doc.Tokens[e.End].Form) && !r.lex.IsRoleWord(r.doc.Tokens[e.End].Form) {
			e.End++
		}
	}
	// "Mr X", "Lady Y": a courtesy title makes a person, whatever the
	// recogniser guessed.
	if e.End-e.Start > 1 && r.lex.IsHonorific(r.doc.Tokens[e.Start].Form) && isCapitalised(r.doc.Tokens[e.Start+1].Form) {
		e.Label = "PERSON"
	}
	start, end := r.nameRange(e.Start, e.End, e.Label)
	if start >= end {
		return -1, 0, 0
	}
	if e.Label == "PERSON" && end-start == 1 && (r.lex.IsHonorific(r.doc.Tokens[start].Form) || r.lex.IsRoleWord(r.doc.Tokens[start].Form)) &&
		(start == 0 || !addressHonorifics[strings.ToLower(r.doc.Tokens[start-1].Form)]) {
		return -1, 0, 0 // a title alone ("Lord") names nobody; "Ms King" names Ms King
	}
	if e.Label == "PERSON" {
		// "Whig frontbencher Omar Haddad", "the Whigs' Anna Dubois": a
		// lower-case word or a possessive inside the span is not part of
		// the name, which is the run after it.
		for i := end - 1; i > start; i-- {
			if !personWords(r.doc, i-1, i) || r.doc.Tokens[i-1].Form == "'s" || r.doc.Tokens[i-1].Form == "’s" {
				start = i
				break
			}
		}
		if !personWords(r.doc, start, end) {
			return -1, 0, 0
		}
	}
	name := r.doc.SpanText(start, end)
	var n int
	switch e.Label {
	case "PERSON":
		n = r.node(schema.ClassPerson, schema.KeyOf(name), name, "", "")
	case "GPE", "LOC", "FAC":
		if r.doc.Tokens[end-1].XPOS == "NNPS" && !knownPlaceName(name) {
			// "the Whigs" taken for a place: a plural name that no list
			// of places knows is a group of people (the plural places,
			// "the Netherlands", "the Alps", are in the lists).
			n = r.node(schema.ClassGroup, schema.KeyOf(name), name, "", "")
			break
		}
		n = r.place(name, e.Label)
	case "ORG":
		if g, ok := gazetteer.LookupOrg(name); ok {
			n = r.node(schema.ClassOrganization, schema.KeyOf(g.Name), name, g.Name, "")
		} else if g, ok := gazetteer.LookupPlace(name); ok && g.Kind == gazetteer.Country {
			n = r.node(schema.ClassState, schema.KeyOf(g.Name), name, g.Name, g.Code)
		} else {
			n = r.node(schema.ClassOrganization, schema.KeyOf(name), name, "", "")
		}
	case "NORP":
		g, ok := gazetteer.Demonym(name)
		if !ok {
			n = r.node(schema.ClassGroup, schema.KeyOf(name), name, "", "")
			break
		}
		class, iso := schema.ClassState, g.Code
		if g.Kind == gazetteer.Org {
			class, iso = schema.ClassOrganization, ""
		}
		n = r.node(class, schema.KeyOf(g.Name), name, g.Name, iso)
		for i := start; i < end; i++ {
			r.demonymTok[i] = true
		}
	default:
		return -1, 0, 0
	}
	for i := start; i < end; i++ {
		r.tok[i] = n
	}
	return n, start, end
}

// knownPlaceName reports whether a name is a place or organisation in the
// gazetteer or a place in its WordNet list.
func knownPlaceName(name string) bool {
	if _, ok := gazetteer.LookupPlace(name); ok {
		return true
	}
	if _, ok := gazetteer.LookupOrg(name); ok {
		return true
	}
	return placeList()[strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(name, "the "), "The "))]
}

// placeList holds the gazetteer's WordNet place names, lower case.
var placeList = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for _, n := range gazetteer.ListNames(gazetteer.PlaceNames) {
		set[strings.ToLower(n)] = true
	}
	return set
})

// place resolves a place name through the gazetteer.
func (r *resolver) place(name, label string) int {
	if g, ok := gazetteer.LookupPlace(name); ok {
		switch g.Kind {
		case gazetteer.Country:
			return r.node(schema.ClassState, schema.KeyOf(g.Name), name, g.Name, g.Code)
		case gazetteer.Subdivision:
			return r.node(schema.ClassTerritory, schema.KeyOf(g.Name), name, g.Name, g.Code)
		default:
			return r.node(schema.ClassTerritory, schema.KeyOf(g.Name), name, g.Name, "")
		}
	}
	if g, ok := gazetteer.LookupOrg(name); ok {
		return r.node(schema.ClassOrganization, schema.KeyOf(g.Name), name, g.Name, "")
	}
	return r.node(schema.ClassTerritory, schema.KeyOf(name), name, "", "")
}

// mergeSurnames merges a person known by one word with the only person
// whose longer name ends in that word ("Smith" and "Anna Smith").
func (r *resolver) mergeSurnames() {
	for i, e := range r.nodes {
		if e.Class != schema.ClassPerson || strings.Contains(e.Name, " ") {
			continue
		}
		match := -1
		for j, f := range r.nodes {
			if j == i || f.Class != schema.ClassPerson || !strings.HasSuffix(strings.ToLower(f.Name), " "+strings.ToLower(e.Name)) {
				continue
			}
			if match >= 0 {
				match = -2 // ambiguous
				break
			}
			match = j
		}
		if match >= 0 {
			r.merge(i, match)
		}
	}
}

// merge folds node from into node into: its tokens, labels and roles.
func (r *resolver) merge(from, into int) {
	if from == into {
		return
	}
	for t, n := range r.tok {
		if n == from {
			r.tok[t] = into
		}
	}
	r.addAlias(into, r.nodes[from].Name)
	for _, a := range r.nodes[from].Aliases {
		r.addAlias(into, a)
	}
	for i := range r.roles {
		if r.roles[i].person == from {
			r.roles[i].person = into
		}
		if r.roles[i].of == from {
			r.roles[i].of = into
		}
	}
	// Facts already made (roles, "X's envoy") point at the node by
	// pointer, as subject or object.
	for i := range r.facts {
		f := &r.facts[i]
		if f.Subject.Entity == r.nodes[from] {
			f.Subject.Entity = r.nodes[into]
		}
		if f.Object.Entity == r.nodes[from] {
			f.Object.Entity = r.nodes[into]
		}
	}
	for k, v := range r.byKey {
		if v == from {
			r.byKey[k] = into
		}
	}
	for c, v := range r.chainNode {
		if v == from {
			r.chainNode[c] = into
		}
	}
}

// addChains maps every coreference chain to the node its mentions name.
// A mention names the person whose name lies inside it ("Sylvanian President
// Karim Nassar" names Nassar, not Sylvania), else the node of its
// head; the chain takes the node most of its mentions name, a person
// winning ties.
func (r *resolver) addChains() {
	d := r.doc
	for ci, ch := range d.Chains {
		votes := map[int]int{}
		for _, mi := range ch.Mentions {
			if mi < 0 || mi >= len(d.Mentions) {
				continue
			}
			if n := r.mentionNode(d.Mentions[mi]); n >= 0 {
				votes[n]++
			}
		}
		best, bestVotes := -1, 0
		for n, v := range votes {
			better := v > bestVotes ||
				v == bestVotes && r.nodes[n].Class == schema.ClassPerson && (best < 0 || r.nodes[best].Class != schema.ClassPerson) ||
				v == bestVotes && (r.nodes[n].Class == schema.ClassPerson) == (best >= 0 && r.nodes[best].Class == schema.ClassPerson) && n < best
			if better {
				best, bestVotes = n, v
			}
		}
		if best >= 0 {
			r.chainNode[ci] = best
		}
	}
}

// mentionNode returns the node a mention names: a person named inside it,
// else its head's node, or -1.
func (r *resolver) mentionNode(m nlp.Mention) int {
	if h := m.Head; h < 0 || h >= len(r.tok) || r.doc.Tokens[h].UPOS != "PROPN" && !r.lex.IsRoleWord(r.doc.Tokens[h].Form) {
		return r.headNode(m.Head) // "the tomb of X" names the tomb, not X
	}
	for t := m.End - 1; t >= m.Start && t >= 0 && t < len(r.tok); t-- {
		if n := r.tok[t]; n >= 0 && !r.demonymTok[t] && r.nodes[n].Class == schema.ClassPerson {
			return n
		}
	}
	return r.headNode(m.Head)
}

// headNode returns the node of a named token, ignoring demonyms.
func (r *resolver) headNode(t int) int {
	if t < 0 || t >= len(r.tok) || r.demonymTok[t] {
		return -1
	}
	return r.tok[t]
}

// resolve returns the node a phrase headed by token h refers to, through
// the entity it names, its coreference chain, or a role description; -1
// when it refers to no known node.
func (r *resolver) resolve(h int) int {
	if h >= 0 && h+1 < len(r.tok) && addressHonorifics[strings.ToLower(r.doc.Tokens[h].Form)] && r.tok[h] < 0 &&
		r.tok[h+1] >= 0 && r.nodes[r.tok[h+1]].Class == schema.ClassPerson {
		// "[Ms] King said": a form of address parsed as the head of the
		// phrase stands for the person named after it.
		return r.tok[h+1]
	}
	if n := r.headNode(h); n >= 0 {
		if t := r.flatTail(h); t >= 0 && r.tok[t] >= 0 && r.tok[t] != n && r.nodes[r.tok[t]].Class == schema.ClassPerson {
			// "Whig frontbencher Omar Haddad" parsed as one flat name
			// headed by its first word: the phrase names the person at
			// its end, whatever the first word was taken for.
			return r.tok[t]
		}
		return n
	}
	// A title or demonym heading a name: "Freedonian President X" parsed
	// with "Freedonian" as head and the name below it.
	// An apposition names the same person whatever the head ("his
	// counterpart, X"); compounds only under a name or a title.
	if h >= 0 && h < len(r.tok) {
		nameLike := r.doc.Tokens[h].UPOS == "PROPN" || r.demonymTok[h] || r.lex.IsRoleWord(r.doc.Tokens[h].Form)
		for _, c := range r.doc.Children(h) {
			rel := r.doc.Tokens[c].Rel
			if rel != "appos" && !nameLike {
				continue
			}
			switch rel {
			case "flat", "compound", "nmod:desc", "appos", "flat:name":
				if n := r.headNode(c); n >= 0 && r.nodes[n].Class == schema.ClassPerson {
					return n
				}
			}
		}
	}
	d := r.doc
	if r.byHead == nil {
		r.byHead = make(map[int][]int, len(d.Mentions))
		for i, m := range d.Mentions {
			r.byHead[m.Head] = append(r.byHead[m.Head], i)
		}
	}
	for _, mi := range r.byHead[h] {
		if m := d.Mentions[mi]; m.Chain >= 0 {
			if n, ok := r.chainNode[m.Chain]; ok {
				return n
			}
			if r.viaChain != nil && m.Chain < len(d.Chains) {
				// No named mention: the chain's representative description
				// ("European leaders" for "they").
				rep := d.Chains[m.Chain].Rep
				if rep >= 0 && rep < len(d.Mentions) && d.Mentions[rep].Head != h && !r.inChain[m.Chain] {
					r.inChain[m.Chain] = true
					n := r.viaChain(d.Mentions[rep].Head)
					r.inChain[m.Chain] = false
					if n >= 0 {
						r.chainNode[m.Chain] = n
						return n
					}
				}
			}
		}
	}
	if h >= 0 && h < len(d.Tokens) {
		return r.roleDescription(h)
	}
	return -1
}

// flatTail returns the last token of the flat name run headed by h, or -1
// when h heads no such run.
func (r *resolver) flatTail(h int) int {
	last := -1
	for _, c := range r.doc.Children(h) {
		if rel := r.doc.Tokens[c].Rel; (rel == "flat" || rel == "flat:name") && c > h {
			last = max(last, c)
			if t := r.flatTail(c); t > last {
				last = t
			}
		}
	}
	return last
}

// roleDescription resolves "the Sylvanian president" or "Freedonia's president" to
// the only person the document introduced with that role and that state
// before token h.
func (r *resolver) roleDescription(h int) int {
	d := r.doc
	if d.Tokens[h].UPOS != "NOUN" && d.Tokens[h].UPOS != "PROPN" {
		return -1
	}
	words := []string{strings.ToLower(d.Tokens[h].Form)}
	of := -1
	mod, area := "", ""
	definite := false
	for _, c := range d.Children(h) {
		t := d.Tokens[c]
		switch {
		case c < h && (t.Rel == "compound" || t.Rel == "amod") && r.lex.IsRoleWord(t.Form):
			words = append([]string{strings.ToLower(t.Form)}, words...)
		case c < h && t.Rel == "amod" && r.lex.ChangesRole(t.Form) && mod == "":
			mod = strings.ToLower(t.Form) + " "
		case c < h && t.Rel == "compound" && r.lex.IsPortfolio(t.Form) && area == "":
			area = strings.ToLower(t.Form) + " "
		case c < h && (t.Rel == "compound" || t.Rel == "amod" || t.Rel == "nmod:poss") && r.tok[c] >= 0:
			of = r.tok[c]
		case c < h && t.Rel == "det" && strings.EqualFold(t.Form, "the"):
			definite = true
		case c < h && (t.Rel == "amod" || t.Rel == "compound"):
			definite = false // "the outgoing governor", "the next governor": not one person
		}
	}
	if _, ok := r.lex.Role(words); !ok || of < 0 && !definite {
		// "the Sylvanian president", "Freedonia's president"; without the state,
		// only a definite description that one person in the article
		// holds ("the Fisheries Secretary", "the governor").
		return -1
	}
	role := mod + area + strings.Join(words, " ") // "former leader" is held by whoever was called that
	found := -1
	for _, hr := range r.roles {
		if strings.EqualFold(hr.role, role) && (hr.of == of || of < 0) {
			if found >= 0 && found != hr.person {
				return -1
			}
			found = hr.person
		}
	}
	return found
}

// titles reads the title before a person's name ("Freedonian President",
// "Nassar's special envoy", "Alliance Secretary-General"), an appositive after
// it , the Freedonian prime minister and "of X" after it, and records
// hasRole and leaderOf / representativeOf facts.
func (r *resolver) titles(spanStart, nameStart, nameEnd, person int) {
	d := r.doc
	roleToks, of, poss, start := r.roleBefore(nameStart-1, person)
	if len(roleToks) > 0 {
		r.addRole(person, roleToks, of, poss, start, nameEnd)
	} else if head := r.spanHead(nameStart, nameEnd); head >= 0 && d.Tokens[head].Rel == "appos" {
		// A role phrase the name is in apposition to: "the Sylvanian
		// leader, Omar Haddad", "his party leader, X,".
		if h := d.Tokens[head].Head; h >= 0 && h < nameStart && r.lex.IsRoleWord(d.Tokens[h].Form) && d.Tokens[h].Form != "-" {
			if roleToks, of, poss, start := r.roleBefore(h, person); len(roleToks) > 0 && roleToks[len(roleToks)-1] == h {
				r.addRole(person, roleToks, of, poss, start, nameEnd)
			}
		}
	}
	// Appositive role: "X, the Freedonian prime minister,". Parsers often
	// take such an appositive inside a list for a conjunct, so read it from
	// the words: comma, optional "the", modifiers, role words, then a comma,
	// "and", or the end of the sentence.
	if r.appositiveRole(person, nameEnd) {
		return
	}
	head := r.spanHead(nameStart, nameEnd)
	if head < 0 {
		return
	}
	var kids []int
	for t := nameStart; t < nameEnd; t++ {
		for _, c := range d.Children(t) {
			if c < nameStart || c >= nameEnd {
				kids = append(kids, c)
			}
		}
	}
	for _, c := range kids {
		t := d.Tokens[c]
		switch {
		case t.Rel == "appos":
			a, b := d.Subtree(c)
			var toks []int
			aof, afor := -1, false
			for j := a; j < b; j++ {
				if r.lex.IsRoleWord(d.Tokens[j].Form) && (d.Tokens[j].Form != "-" || len(toks) > 0) && (!isFunctionWord(d.Tokens[j].UPOS) || len(toks) > 0) {
					toks = append(toks, j)
				} else if r.tok[j] >= 0 && r.tok[j] != person && aof < 0 {
					aof, afor = r.tok[j], j > a && strings.EqualFold(d.Tokens[j-1].Form, "for")
				}
			}
			if len(toks) > 0 && (toks[len(toks)-1] == c) {
				if afor && r.roleIs(toks, schema.MemberOf) {
					// "the MP for East Marsh": the member represents the
					// place; the house is what they are a member of.
					r.addRole(person, toks, -1, -1, nameStart, b)
					r.facts = append(r.facts, r.nominal(r.nodes[person], schema.RepresentativeOf, "", schema.EntityTerm(r.nodes[aof]), nameStart, b))
				} else {
					r.addRole(person, toks, aof, -1, nameStart, b)
				}
			}
		case t.Rel == "nmod" && r.tok[c] >= 0 && hasCase(d, c, "of") && len(roleToks) > 0 && of < 0:
			// "Chancellor X of Germany": the title's state follows the name.
			r.addLeaderFact(person, roleToks, r.tok[c], nameStart, c+1)
		}
	}
}

// roleBefore walks left from token i over a title: role words, their
// modifiers, honorifics, the state or organisation they are held in ("US
// President", "Whig leader") and a possessor ("Nassar's special envoy"). It
// returns the role tokens, the place or organisation node (or -1), the
// possessor node (or -1) and the title's first token.
func (r *resolver) roleBefore(i, person int) (roleToks []int, of, poss, start int) {
	d := r.doc
	of, poss = -1, -1
	sent := d.SentenceOf(i + 1)
	for ; i >= 0 && d.SentenceOf(i) == sent; i-- {
		t := d.Tokens[i]
		w := t.Form
		switch {
		case r.lex.IsHonorific(w):
		case r.lex.IsRoleWord(w) && (w != "-" || len(roleToks) > 0) && (!isFunctionWord(t.UPOS) || i > 0 && r.lex.IsRoleWord(d.Tokens[i-1].Form)):
			// Function words ("of", "the") only inside a title: "Chancellor
			// of the Exchequer", never "the" before "Sylvanian leader".
			roleToks = append([]int{i}, roleToks...)
		case r.lex.IsRoleModifier(w) && len(roleToks) > 0:
		case (w == "'s" || w == "’s") && i > 0 && r.tok[i-1] >= 0:
			poss = r.tok[i-1]
			i-- // skip the possessor's last token; the loop continues left over its name
			for i > 0 && r.tok[i-1] == poss {
				i--
			}
		case r.tok[i] >= 0 && r.tok[i] != person && len(roleToks) > 0:
			if of < 0 {
				of = r.tok[i]
			}
		case r.lex.IsPortfolio(w) && len(roleToks) > 0 && of < 0 && r.takesPortfolio(roleToks),
			r.portfolioModifier(i) && len(roleToks) > 0 && of < 0 && r.takesPortfolio(roleToks),
			r.generalTitle(i, roleToks) && of < 0:
			// "Fisheries Secretary", "Energy spokesman", "Further
			// Education Minister": the policy area is part of the title
			// (addRole keeps it), not an organisation.
		case r.tok[i] < 0 && isCapitalised(w) && len(roleToks) > 0 && !r.inTimex(i):
			// A state or organisation the recogniser left inside the
			// person's span or missed: "Sylvanian President".
			n, k := r.linkRun(i)
			if n < 0 {
				// Not in the gazetteer: a capitalised modifier of a role
				// names the organisation it is held in ("Whig leader X",
				// "Free Democrat leader Y").
				n, k = r.orgRun(i)
			}
			if n < 0 {
				return roleToks, of, poss, i + 1
			}
			if of < 0 {
				of = n
			}
			i = k
		default:
			return roleToks, of, poss, i + 1
		}
	}
	return roleToks, of, poss, i + 1
}

// orgRun makes an organisation of the run of up to three capitalised
// words ending at token end, or returns -1.
func (r *resolver) orgRun(end int) (int, int) {
	d := r.doc
	k := end
	sentStart := d.Sentences[d.SentenceOf(end)].Start
	// A word capitalised only because it starts the sentence ("But
	// Whig spokesman X", "New Fisheries Secretary X") names nothing; one the
	// article also capitalises inside a sentence ("Free" of "the
	// Free Democrats") is a name's first word.
	startsOnly := func(t int) bool {
		return t == sentStart && d.Tokens[t].UPOS != "PROPN" && !r.capitalisedInside(d.Tokens[t].Form)
	}
	for k > sentStart && end-k < 2 && isCapitalised(d.Tokens[k-1].Form) && r.tok[k-1] < 0 && !r.lex.IsRoleWord(d.Tokens[k-1].Form) &&
		!r.lex.IsHonorific(d.Tokens[k-1].Form) && !isFunctionWord(d.Tokens[k-1].UPOS) && !startsOnly(k-1) {
		k--
	}
	if u := d.Tokens[end].UPOS; u != "PROPN" && u != "ADJ" && u != "NOUN" || startsOnly(end) {
		return -1, end
	}
	name := d.SpanText(k, end+1)
	if schema.KeyOf(name) == "" {
		return -1, end
	}
	n := r.node(schema.ClassOrganization, schema.KeyOf(name), name, "", "")
	for t := k; t <= end; t++ {
		r.tok[t] = n
	}
	return n, k
}

// capitalisedInside reports whether the document writes word, capitalised,
// somewhere other than at the start of a sentence.
func (r *resolver) capitalisedInside(word string) bool {
	if r.inside == nil {
		r.inside = map[string]bool{}
		for _, s := range r.doc.Sentences {
			for t := s.Start + 1; t < s.End; t++ {
				if f := r.doc.Tokens[t].Form; isCapitalised(f) && r.doc.Tokens[t-1].Form != "\"" && r.doc.Tokens[t-1].Form != "“" {
					r.inside[f] = true
				}
			}
		}
	}
	return r.inside[word]
}

// appositiveRole reads ", the Freedonian prime minister," after a name.
func (r *resolver) appositiveRole(person, after int) bool {
	d := r.doc
	sent := d.Sentences[d.SentenceOf(after-1)]
	i := after
	if i >= sent.End || d.Tokens[i].Form != "," {
		return false
	}
	i++
	if i < sent.End && strings.EqualFold(d.Tokens[i].Form, "the") {
		i++
	}
	of := -1
	var roleToks []int
	for ; i < sent.End; i++ {
		w := d.Tokens[i].Form
		switch {
		case r.lex.IsRoleWord(w) && (w != "-" || len(roleToks) > 0):
			roleToks = append(roleToks, i)
			continue
		case len(roleToks) == 0 && r.lex.IsRoleModifier(w):
			continue
		case len(roleToks) == 0 && r.tok[i] >= 0 && r.tok[i] != person:
			of = r.tok[i]
			continue
		case len(roleToks) == 0 && isCapitalised(w):
			if n, _ := r.linkRun(i); n >= 0 {
				of = n
				continue
			}
		}
		break
	}
	if len(roleToks) == 0 || roleToks[len(roleToks)-1] != i-1 {
		return false
	}
	if i < sent.End {
		if f := strings.ToLower(d.Tokens[i].Form); f != "," && f != "and" && f != ";" && d.Tokens[i].UPOS != "PUNCT" {
			return false
		}
	}
	r.addRole(person, roleToks, of, -1, after-1, i)
	return true
}

// linkRun links the longest run of up to four capitalised tokens ending at
// token end to a gazetteer place, organisation or demonym; it returns the
// node and the run's first token, or -1.
func (r *resolver) linkRun(end int) (int, int) {
	d := r.doc
	for k := max(0, end-3); k <= end; k++ {
		if d.SentenceOf(k) != d.SentenceOf(end) {
			continue
		}
		all := true
		for t := k; t <= end; t++ {
			if !isCapitalised(d.Tokens[t].Form) || r.tok[t] >= 0 {
				all = false
			}
		}
		if !all {
			continue
		}
		name := d.SpanText(k, end+1)
		n := -1
		if _, ok := gazetteer.LookupPlace(name); ok {
			n = r.place(name, "GPE")
		} else if g, ok := gazetteer.LookupOrg(name); ok {
			n = r.node(schema.ClassOrganization, schema.KeyOf(g.Name), name, g.Name, "")
		} else if g, ok := gazetteer.Demonym(name); ok {
			class, iso := schema.ClassState, g.Code
			if g.Kind == gazetteer.Org {
				class, iso = schema.ClassOrganization, ""
			}
			n = r.node(class, schema.KeyOf(g.Name), name, g.Name, iso)
			for t := k; t <= end; t++ {
				r.demonymTok[t] = true
			}
		}
		if n >= 0 {
			for t := k; t <= end; t++ {
				r.tok[t] = n
			}
			return n, k
		}
	}
	return -1, end
}

// addRole records the role and its facts.
func (r *resolver) addRole(person int, roleToks []int, of, poss, start, end int) {
	d := r.doc
	words := r.roleWords(roleToks)
	pred, ok := r.lex.Role(words)
	if !ok {
		return
	}
	last := roleToks[len(roleToks)-1]
	if m := r.changedRole(roleToks[0]); m >= 0 {
		// "former fisheries secretary X", "Deputy Prime Minister Y": the whole
		// title is the role; X is not the fisheries secretary, nor Y the
		// leader of the government.
		r.facts = append(r.facts, r.nominal(r.nodes[person], schema.HasRole, "", schema.LiteralTerm(schema.Literal{Value: d.SpanText(m, last+1)}), min(start, m), end))
		r.roles = append(r.roles, heldRole{person: person, role: strings.ToLower(d.Tokens[m].Form) + " " + strings.Join(words, " "), of: of})
		return
	}
	first := roleToks[0]
	for first > 0 && first > start && ((r.lex.IsPortfolio(d.Tokens[first-1].Form) || r.portfolioModifier(first-1)) && r.takesPortfolio(roleToks) ||
		r.generalTitle(first-1, roleToks)) {
		first-- // "Fisheries Secretary", "Further Education Minister", "Surgeon General"
	}
	role := d.SpanText(first, last+1)
	r.facts = append(r.facts, r.nominal(r.nodes[person], schema.HasRole, "", schema.LiteralTerm(schema.Literal{Value: role}), start, end))
	key := strings.Join(words, " ")
	if first < roleToks[0] && r.lex.IsPortfolio(d.Tokens[roleToks[0]-1].Form) {
		key = strings.ToLower(d.Tokens[roleToks[0]-1].Form) + " " + key // "fisheries secretary"
	}
	r.roles = append(r.roles, heldRole{person: person, role: key, of: of})
	if of >= 0 && pred != schema.RepresentativeOf && r.nodes[of].Class == schema.ClassPerson && !r.holdsRole(of) {
		// One leads or is a member of a state, party or body, never of a
		// person: a name in a title that the recogniser took for a
		// person's ("Whig leader X", "Free Democrat leader Y") is an
		// organisation's.
		r.nodes[of].Class = schema.ClassOrganization
	}
	if pred == schema.MemberOf && of >= 0 && (r.nodes[of].Class == schema.ClassTerritory || r.nodes[of].Class == schema.ClassState) {
		// "Oxshire MP X", "a Sylvanian MEP": a member of a body named
		// after a place represents the place; parties and bodies have
		// members.
		pred = schema.RepresentativeOf
	}
	if of >= 0 && (pred == schema.RepresentativeOf || r.nodes[of].Class != schema.ClassPerson) {
		r.facts = append(r.facts, r.nominal(r.nodes[person], pred, "", schema.EntityTerm(r.nodes[of]), start, end))
	}
	if poss >= 0 && r.nodes[poss].Class == schema.ClassPerson {
		r.facts = append(r.facts, r.nominal(r.nodes[person], schema.RepresentativeOf, "", schema.EntityTerm(r.nodes[poss]), start, end))
	} else if poss >= 0 && of < 0 {
		r.facts = append(r.facts, r.nominal(r.nodes[person], pred, "", schema.EntityTerm(r.nodes[poss]), start, end))
		r.roles[len(r.roles)-1].of = poss
	}
}

func (r *resolver) addLeaderFact(person int, roleToks []int, of, start, end int) {
	if r.changedRole(roleToks[0]) >= 0 {
		return
	}
	words := r.roleWords(roleToks)
	pred, ok := r.lex.Role(words)
	if !ok {
		return
	}
	for i := range r.roles {
		if r.roles[i].person == person && r.roles[i].of < 0 {
			r.roles[i].of = of
		}
	}
	r.facts = append(r.facts, r.nominal(r.nodes[person], pred, "", schema.EntityTerm(r.nodes[of]), start, end))
}

// holdsRole reports whether node n holds a role in the document.
func (r *resolver) holdsRole(n int) bool {
	for _, hr := range r.roles {
		if hr.person == n {
			return true
		}
	}
	return false
}

// roleWords returns the title's role words in lower case.
func (r *resolver) roleWords(roleToks []int) []string {
	words := make([]string, len(roleToks))
	for k, t := range roleToks {
		words[k] = strings.ToLower(r.doc.Tokens[t].Form)
	}
	return words
}

// roleIs reports whether the title's role words give predicate p.
func (r *resolver) roleIs(roleToks []int, p schema.Predicate) bool {
	got, ok := r.lex.Role(r.roleWords(roleToks))
	return ok && got == p
}

// portfolioModifier reports whether token i is a capitalised adjective
// right before a policy area ("Further" in "Further Education Minister"),
// other than a modifier of the title itself ("New" in "New Trade
// Secretary X").
func (r *resolver) portfolioModifier(i int) bool {
	d := r.doc
	return i+1 < len(d.Tokens) && d.Tokens[i].UPOS == "ADJ" && isCapitalised(d.Tokens[i].Form) &&
		r.tok[i] < 0 && r.lex.IsPortfolio(d.Tokens[i+1].Form) && !r.lex.IsRoleModifier(d.Tokens[i].Form)
}

// generalTitle reports whether token i is the noun of a title with a
// postpositive "General" ("Surgeon General", "Inspector General"): part of
// the title, not the organisation it is held in.
func (r *resolver) generalTitle(i int, roleToks []int) bool {
	d := r.doc
	return len(roleToks) == 1 && i == roleToks[0]-1 && strings.EqualFold(d.Tokens[roleToks[0]].Form, "general") &&
		isCapitalised(d.Tokens[i].Form) && r.tok[i] < 0 && (d.Tokens[i].UPOS == "NOUN" || d.Tokens[i].UPOS == "PROPN")
}

// takesPortfolio reports whether a title names an office that answers for
// a policy area: a minister, secretary, spokesperson or commissioner
// ("Energy spokesman"), not a chairman ("Fair Trading chairman" chairs
// a body of that name).
func (r *resolver) takesPortfolio(roleToks []int) bool {
	switch strings.ToLower(r.doc.Tokens[roleToks[len(roleToks)-1]].Form) {
	case "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "commissioner", "tsar", "czar":
		return true
	}
	return false
}

// inTimex reports whether token i lies in a date or time expression the
// recogniser found ("Monday" is not the organisation of "Monday Foreign
// Secretary X").
func (r *resolver) inTimex(i int) bool {
	for _, e := range r.doc.Entities {
		if i >= e.Start && i < e.End && (e.Label == "DATE" || e.Label == "TIME") {
			return true
		}
	}
	return false
}

// changedRole looks left of a title's first role word, over at most three
// words of the same noun phrase ("Former energy minister", "former Freedonian
// President"), for a
// modifier that means the bare role is not held ("former", "deputy",
// "shadow"); it returns the modifier's token, or -1.
func (r *resolver) changedRole(first int) int {
	d := r.doc
	sentStart := d.Sentences[d.SentenceOf(first)].Start
	for j := first - 1; j >= sentStart && j >= first-3; j-- {
		t := d.Tokens[j]
		if r.lex.IsRoleModifier(t.Form) {
			if r.lex.ChangesRole(t.Form) {
				return j
			}
			continue
		}
		if w := strings.ToLower(t.Form); strings.HasPrefix(w, "ex-") || w == "ex" && j+1 < first && d.Tokens[j+1].Form == "-" {
			return j // "Ex-Freedonian Trade Minister", "ex-prime minister": a former role
		}
		if t.UPOS != "NOUN" && t.UPOS != "ADJ" && t.UPOS != "PROPN" {
			return -1
		}
	}
	return -1
}

// nominal builds a fact stated by a noun phrase over tokens [start, end).
func (r *resolver) nominal(subj *schema.Entity, pred schema.Predicate, rel string, obj schema.Term, start, end int) schema.Fact {
	d := r.doc
	if rel == "" {
		rel = string(pred)
	}
	return schema.Fact{
		Subject: schema.EntityTerm(subj), Predicate: pred, Relation: rel, Object: obj,
		Evidence: schema.Evidence{
			Doc: d.ID, Sentence: d.SentenceOf(start), Start: d.Tokens[start].Start, End: d.Tokens[end-1].End,
			Text: d.SpanText(start, end), Extractor: extractorName, Conf: 0.9,
		},
	}
}

// spanHead returns the token of [start, end) whose head lies outside it.
func (r *resolver) spanHead(start, end int) int {
	for i := start; i < end; i++ {
		h := r.doc.Tokens[i].Head
		if h < start || h >= end {
			return i
		}
	}
	return -1
}

func hasCase(d *nlp.Document, t int, word string) bool {
	for _, c := range d.Children(t) {
		if d.Tokens[c].Rel == "case" && strings.EqualFold(d.Tokens[c].Form, word) {
			return true
		}
	}
	return false
}

func isCapitalised(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}
