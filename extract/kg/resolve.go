package kg

import (
	"strings"
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
	// ("Ukrainian"): they modify, they do not refer.
	demonymTok []bool
	chainNode  map[int]int // coreference chain -> node
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
		demonymTok: make([]bool, len(doc.Tokens)), chainNode: map[int]int{}}
	for i := range r.tok {
		r.tok[i] = -1
	}
	for _, e := range doc.Entities {
		r.addSpan(e)
	}
	r.mergeSurnames()
	r.addChains()
	return r
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
		case label == "PERSON" && (r.lex.IsHonorific(w) || r.lex.IsRoleWord(w) || r.lex.IsRoleModifier(w)) && end-start > 1 && isCapitalised(d.Tokens[start+1].Form):
			start++
		default:
			goto trimmed
		}
	}
trimmed:
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

// addSpan resolves one NER span to a node.
func (r *resolver) addSpan(e nlp.Span) {
	start, end := r.nameRange(e.Start, e.End, e.Label)
	if start >= end {
		return
	}
	name := r.doc.SpanText(start, end)
	var n int
	switch e.Label {
	case "PERSON":
		n = r.node(schema.ClassPerson, schema.KeyOf(name), name, "", "")
	case "GPE", "LOC", "FAC":
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
		return
	}
	for i := start; i < end; i++ {
		r.tok[i] = n
	}
	if e.Label == "PERSON" {
		r.titles(e.Start, start, end, n)
	}
}

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
	}
	for i := range r.facts {
		if r.facts[i].Subject.Entity == r.nodes[from] {
			r.facts[i].Subject.Entity = r.nodes[into]
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

// addChains maps every coreference chain that holds a resolved mention to
// that mention's node.
func (r *resolver) addChains() {
	d := r.doc
	for ci, ch := range d.Chains {
		node := -1
		for _, mi := range ch.Mentions {
			if mi < 0 || mi >= len(d.Mentions) {
				continue
			}
			m := d.Mentions[mi]
			if n := r.headNode(m.Head); n >= 0 {
				node = n
				break
			}
		}
		if node >= 0 {
			r.chainNode[ci] = node
		}
	}
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
	if n := r.headNode(h); n >= 0 {
		return n
	}
	d := r.doc
	for _, m := range d.Mentions {
		if m.Head == h && m.Chain >= 0 {
			if n, ok := r.chainNode[m.Chain]; ok {
				return n
			}
		}
	}
	if h >= 0 && h < len(d.Tokens) {
		return r.roleDescription(h)
	}
	return -1
}

// roleDescription resolves "the US president" or "Ukraine's president" to
// the only person the document introduced with that role and that state
// before token h.
func (r *resolver) roleDescription(h int) int {
	d := r.doc
	if d.Tokens[h].UPOS != "NOUN" && d.Tokens[h].UPOS != "PROPN" {
		return -1
	}
	words := []string{strings.ToLower(d.Tokens[h].Form)}
	of := -1
	for _, c := range d.Children(h) {
		t := d.Tokens[c]
		switch {
		case c < h && (t.Rel == "compound" || t.Rel == "amod") && r.lex.IsRoleWord(t.Form):
			words = append([]string{strings.ToLower(t.Form)}, words...)
		case c < h && (t.Rel == "compound" || t.Rel == "amod" || t.Rel == "nmod:poss") && r.tok[c] >= 0:
			of = r.tok[c]
		}
	}
	if _, ok := r.lex.Role(words); !ok || of < 0 {
		return -1
	}
	role := strings.Join(words, " ")
	found := -1
	for _, hr := range r.roles {
		if strings.EqualFold(hr.role, role) && hr.of == of {
			if found >= 0 && found != hr.person {
				return -1
			}
			found = hr.person
		}
	}
	return found
}

// titles reads the title before a person's name ("Ukrainian President",
// "Trump's special envoy", "Nato Secretary-General"), an appositive after
// it (", the British prime minister") and "of X" after it, and records
// hasRole and leaderOf / representativeOf facts.
func (r *resolver) titles(spanStart, nameStart, nameEnd, person int) {
	d := r.doc
	// Walk left over title words and their modifiers.
	i := nameStart - 1
	var roleToks []int
	of, poss := -1, -1
	for ; i >= 0 && d.SentenceOf(i) == d.SentenceOf(nameStart); i-- {
		t := d.Tokens[i]
		w := t.Form
		switch {
		case r.lex.IsHonorific(w):
		case r.lex.IsRoleWord(w) && (w != "-" || len(roleToks) > 0):
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
		default:
			goto done
		}
	}
done:
	start := i + 1
	if len(roleToks) > 0 {
		r.addRole(person, roleToks, of, poss, start, nameEnd)
	}
	// Appositive role: "X, the British prime minister,".
	head := r.spanHead(nameStart, nameEnd)
	if head < 0 {
		return
	}
	for _, c := range d.Children(head) {
		t := d.Tokens[c]
		switch {
		case t.Rel == "appos":
			a, b := d.Subtree(c)
			var toks []int
			aof := -1
			for j := a; j < b; j++ {
				if r.lex.IsRoleWord(d.Tokens[j].Form) && (d.Tokens[j].Form != "-" || len(toks) > 0) {
					toks = append(toks, j)
				} else if r.tok[j] >= 0 && r.tok[j] != person && aof < 0 {
					aof = r.tok[j]
				}
			}
			if len(toks) > 0 && (toks[len(toks)-1] == c) {
				r.addRole(person, toks, aof, -1, nameStart, b)
			}
		case t.Rel == "nmod" && r.tok[c] >= 0 && hasCase(d, c, "of") && len(roleToks) > 0 && of < 0:
			// "Chancellor X of Germany": the title's state follows the name.
			r.addLeaderFact(person, roleToks, r.tok[c], nameStart, c+1)
		}
	}
}

// addRole records the role and its facts.
func (r *resolver) addRole(person int, roleToks []int, of, poss, start, end int) {
	d := r.doc
	words := make([]string, len(roleToks))
	for k, t := range roleToks {
		words[k] = strings.ToLower(d.Tokens[t].Form)
	}
	pred, ok := r.lex.Role(words)
	if !ok {
		return
	}
	role := d.SpanText(roleToks[0], roleToks[len(roleToks)-1]+1)
	r.facts = append(r.facts, r.nominal(r.nodes[person], schema.HasRole, "", schema.LiteralTerm(schema.Literal{Value: role}), start, end))
	r.roles = append(r.roles, heldRole{person: person, role: strings.Join(words, " "), of: of})
	if of >= 0 {
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
	d := r.doc
	words := make([]string, len(roleToks))
	for k, t := range roleToks {
		words[k] = strings.ToLower(d.Tokens[t].Form)
	}
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
