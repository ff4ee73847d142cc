package kg

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/extract/openie"
	"github.com/newsgraph/newsgraph/schema"
)

// Extractor is the knowledge-graph stage as an extract.Extractor. It
// needs a parsed document; it uses named entities and coreference chains
// when the document has them.
var Extractor = &extract.Extractor{
	Name:  extractorName,
	Doc:   "Political knowledge graph: vocabulary predicates, typed and resolved entities, propositions, proposals, territories and roles, from Open IE extractions and noun phrases.",
	Needs: nlp.Tokens | nlp.Sentences | nlp.Tags | nlp.Lemmas | nlp.Deps,
	Run: func(doc *nlp.Document, report func(schema.Fact)) error {
		facts, err := Facts(doc)
		for _, f := range facts {
			report(f)
		}
		return err
	},
}

// Facts returns the knowledge-graph facts of one parsed document, in a
// deterministic order.
func Facts(doc *nlp.Document) ([]schema.Fact, error) {
	lex, err := DefaultLexicon()
	if err != nil {
		return nil, err
	}
	if !doc.Layers.Has(nlp.Tokens | nlp.Sentences | nlp.Tags | nlp.Deps) {
		return nil, fmt.Errorf("kg: document %s has layers %s, needs tokens+sentences+tags+deps", doc.ID, doc.Layers)
	}
	if err := doc.Validate(); err != nil {
		return nil, fmt.Errorf("kg: %w", err)
	}
	db := &docBuilder{doc: doc, lex: lex, r: newResolver(doc, lex), seen: map[string]bool{}}
	db.r.viaChain = func(h int) int {
		if r, ok := db.refOf(h); ok && r.node >= 0 && db.r.nodes[r.node].Class != schema.ClassThing {
			return r.node
		}
		return -1
	}
	for _, f := range db.r.facts {
		db.emit(f)
	}
	for si := range doc.Sentences {
		db.sentence(si)
	}
	return db.out, nil
}

// docBuilder holds the state of one document's extraction.
type docBuilder struct {
	// propHeads are the clause heads of the current sentence that became
	// propositions.
	propHeads map[int]bool
	extra     []schema.Fact // facts derived while building others, emitted after them
	doc       *nlp.Document
	lex       *Lexicon
	r         *resolver
	xs        []openie.Extraction // the current sentence's extractions
	out       []schema.Fact
	seen      map[string]bool
}

type pendingFact struct {
	x *openie.Extraction
	f schema.Fact
}

// ref is what a phrase refers to: a node (entity, proposal, group, thing),
// a clause (its head token), and an optional share ("70% of X").
type ref struct {
	gsubj  int  // for a gerund clause, the node of its subject noun
	hasSub bool // gsubj is set
	node   int
	clause int // head of a clause, -1 when the phrase is not one
	kind   ObjectKind
	share  string // decimal share of the node, "" when none
	approx bool
}

func (db *docBuilder) sentence(si int) {
	db.xs = openie.Extract(db.doc, si)
	db.inherit()
	db.propHeads = map[int]bool{}
	var pending []pendingFact
	for i := range db.xs {
		if f, ok := db.verbal(&db.xs[i]); ok {
			pending = append(pending, pendingFact{&db.xs[i], f})
		}
	}
	// A clause that is another clause's object (a proposition, as in "X
	// opposes [Y joining Z]") is not stated by the article on its own;
	// reported speech is, attributed to its speaker.
	for _, p := range pending {
		if db.propHeads[p.x.Relation.Head] && p.x.Attribution == nil {
			continue
		}
		db.emit(p.f)
		db.proposalFacts(&p.f)
	}
	for _, f := range db.extra {
		db.emit(f)
	}
	db.extra = db.extra[:0]
	s := db.doc.Sentences[si]
	for t := s.Start; t < s.End; t++ {
		db.nominal(t)
	}
}

// inherit gives each extraction the hedging, attribution and modality of
// the nearest clause above it that has them: what a speaker says inside a
// relative or complement clause ("X said talks reached an agreement that
// Y could offer Z") is still theirs, and "reportedly" scopes over the
// whole sentence.
func (db *docBuilder) inherit() {
	d := db.doc
	byHead := map[int]int{}
	for i := range db.xs {
		x := &db.xs[i]
		if _, seen := byHead[x.Relation.Head]; x.Relation.Head >= 0 && !seen {
			byHead[x.Relation.Head] = i
		}
	}
	type flags struct {
		hedged bool
		att    *openie.Attribution
		mod    schema.Modality
	}
	own := make([]flags, len(db.xs))
	for i := range db.xs {
		own[i] = flags{db.xs[i].Hedged, db.xs[i].Attribution, db.xs[i].Modality}
	}
	for i := range db.xs {
		x := &db.xs[i]
		h := x.Relation.Head
		for steps := 0; h >= 0 && steps < 12; steps++ {
			h = d.Tokens[h].Head
			if h < 0 {
				break
			}
			j, ok := byHead[h]
			if !ok || j == i {
				continue
			}
			if !x.Hedged && own[j].hedged {
				x.Hedged = true
			}
			if x.Attribution == nil && own[j].att != nil {
				x.Attribution = own[j].att
			}
			if x.Modality == schema.Realis && own[j].mod != schema.Realis && own[j].mod != schema.Future {
				x.Modality = schema.Hypothetical
			}
		}
	}
}

// emit appends a fact unless an equal one was emitted already.
func (db *docBuilder) emit(f schema.Fact) {
	if f.Validate(db.doc.Text) != nil {
		return
	}
	if (f.Predicate == schema.Proposes || f.Predicate == schema.Offers) && f.Object.Entity != nil {
		if k := kindOf(f.Object.Entity.Class); k == ActorObject || k == PlaceObject {
			// "its proposals for the East Marsh" propose no East Marsh:
			// what is proposed or offered is a thing, not a person,
			// state or place.
			return
		}
	}
	if f.Predicate != "" && f.Subject.Entity != nil && f.Object.Entity != nil &&
		f.Subject.Entity.IdentityKey() == f.Object.Entity.IdentityKey() {
		// "a Whig caucus meeting" is no meeting of the
		// party with itself: no vocabulary relation holds between a thing
		// and itself.
		return
	}
	k := factKey(&f)
	if db.seen[k] {
		return
	}
	db.seen[k] = true
	db.out = append(db.out, f)
}

func factKey(f *schema.Fact) string {
	ev := &f.Evidence
	return fmt.Sprintf("%s|%s|%s|%s|%d|%d|%v|%s|%v|%d", termKey(f.Subject), f.Predicate, f.Relation, termKey(f.Object),
		ev.Start, ev.End, ev.Negated, ev.Modality, ev.Hedged, len(f.Args))
}

func termKey(t schema.Term) string {
	switch {
	case t.Entity != nil:
		return string(t.Entity.Class) + ":" + t.Entity.IdentityKey()
	case t.Literal != nil:
		return "lit:" + t.Literal.Value
	case t.Prop != nil:
		return fmt.Sprintf("prop:%d-%d", t.Prop.Evidence.Start, t.Prop.Evidence.End)
	}
	return ""
}

// ---- phrases to nodes

// quantifiers head a phrase that names a share of something ("most of X").
var quantifiers = map[string]bool{"most": true, "all": true, "part": true, "parts": true, "half": true, "much": true,
	"some": true, "%": true, "percent": true, "per cent": true, "rest": true, "majority": true, "bulk": true, "third": true, "quarter": true}

var approxWords = map[string]bool{"about": true, "around": true, "roughly": true, "nearly": true, "almost": true,
	"approximately": true, "some": true, "over": true, "more": true, "less": true, "up": true, "estimated": true}

// placeNouns head phrases like "the X region" that name the place X.
var placeNouns = map[string]bool{"region": true, "province": true, "city": true, "area": true, "territory": true,
	"district": true, "state": true, "republic": true, "peninsula": true, "oblast": true, "county": true, "town": true,
	"village": true, "island": true, "islands": true, "regions": true, "provinces": true, "areas": true, "territories": true}

// groupNouns head plural phrases that name a group of people ("European
// leaders"): a general list of nouns for people acting together.
var groupNouns = map[string]bool{"leader": true, "official": true, "nation": true, "country": true, "government": true,
	"minister": true, "diplomat": true, "source": true, "force": true, "troop": true, "ally": true, "partner": true,
	"politician": true, "lawmaker": true, "negotiator": true, "state": true, "power": true, "authority": true,
	"military": true, "people": true, "citizen": true, "member": true, "representative": true, "commander": true}

// institutionNouns name bodies that act as one ("the government
// rejected the bill"): a general list of English nouns for governing,
// legislative, judicial and political institutions.
var institutionNouns = map[string]bool{"government": true, "administration": true, "cabinet": true,
	"parliament": true, "opposition": true, "ministry": true, "legislature": true, "senate": true,
	"congress": true, "junta": true, "coalition": true, "court": true, "council": true,
	"committee": true, "commission": true, "party": true, "union": true, "police": true, "army": true}

// definite reports whether the noun t has a definite determiner ("the
// government", "this administration").
func (db *docBuilder) definite(t int) bool {
	for _, c := range db.doc.Children(t) {
		if db.doc.Tokens[c].Rel == "det" {
			switch strings.ToLower(db.doc.Tokens[c].Form) {
			case "the", "this", "that":
				return true
			}
		}
	}
	return false
}

func (db *docBuilder) lemma(t int) string {
	tok := &db.doc.Tokens[t]
	if tok.Lemma != "" {
		return strings.ToLower(tok.Lemma)
	}
	return strings.ToLower(tok.Form)
}

func (db *docBuilder) childrenRel(h int, rels ...string) []int {
	var out []int
	for _, c := range db.doc.Children(h) {
		for _, r := range rels {
			if db.doc.Tokens[c].Rel == r || strings.HasPrefix(db.doc.Tokens[c].Rel, r+":") && r != "nmod" {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// caseWord returns the lower-cased case marker of token t ("of", "with"),
// multiword markers joined ("in return for"), or "".
func (db *docBuilder) caseWord(t int) string {
	var parts []string
	for _, c := range db.doc.Children(t) {
		if db.doc.Tokens[c].Rel == "case" || db.doc.Tokens[c].Rel == "mark" {
			w := strings.ToLower(db.doc.Tokens[c].Form)
			for _, f := range db.doc.Children(c) {
				if db.doc.Tokens[f].Rel == "fixed" {
					w += " " + strings.ToLower(db.doc.Tokens[f].Form)
				}
			}
			parts = append(parts, w)
		}
	}
	return strings.Join(parts, " ")
}

func (db *docBuilder) isClauseHead(h int) bool {
	t := &db.doc.Tokens[h]
	if t.UPOS == "VERB" {
		return true
	}
	nominal := t.UPOS == "NOUN" || t.UPOS == "PROPN" || t.UPOS == "PRON"
	for _, c := range db.doc.Children(h) {
		switch db.doc.Tokens[c].Rel {
		case "cop":
			return true // "(that) X was in a unique position"
		case "nsubj", "nsubj:pass", "csubj":
			if !nominal {
				return true
			}
		}
	}
	return false
}

// refOf resolves the phrase headed by h.
func (db *docBuilder) refOf(h int) (ref, bool) {
	d := db.doc
	if h < 0 || h >= len(d.Tokens) {
		return ref{}, false
	}
	if n := db.r.resolve(h); n >= 0 {
		return ref{node: n, clause: -1, kind: kindOf(db.r.nodes[n].Class)}, true
	}
	lem := db.lemma(h)
	tok := &d.Tokens[h]
	// A share of something: "most of X", "about 70% of X".
	if quantifiers[lem] || quantifiers[strings.ToLower(tok.Form)] || tok.UPOS == "NUM" {
		for _, c := range d.Children(h) {
			if strings.HasPrefix(d.Tokens[c].Rel, "nmod") && db.caseWord(c) == "of" {
				inner, ok := db.refOf(c)
				if !ok || inner.clause >= 0 {
					break
				}
				inner.share, inner.approx = db.share(h)
				return inner, true
			}
		}
	}
	if db.isClauseHead(h) {
		return ref{node: -1, clause: h, kind: ClauseObject}, true
	}
	if tok.UPOS != "NOUN" && tok.UPOS != "PROPN" {
		return ref{}, false
	}
	// "the X region", "the X and Y regions": the place modifier is the referent.
	if placeNouns[lem] || placeNouns[strings.ToLower(tok.Form)] {
		for _, c := range d.Children(h) {
			r := d.Tokens[c].Rel
			if r != "compound" && r != "amod" {
				continue
			}
			// A capitalised name the recogniser missed, and the names
			// coordinated with it, are places: "the Tavush and Lori
			// regions".
			db.namePlace(c)
			for _, cc := range d.Children(c) {
				if d.Tokens[cc].Rel == "conj" {
					db.namePlace(cc)
				}
			}
			if n := db.r.headNode(c); n >= 0 {
				return ref{node: n, clause: -1, kind: kindOf(db.r.nodes[n].Class)}, true
			}
		}
	}
	start := db.modifierStart(h)
	lemmas := make([]string, 0, h-start+1)
	for t := start; t <= h; t++ {
		lemmas = append(lemmas, db.lemma(t))
	}
	if c, ok := db.lex.Class(lemmas); ok {
		cstart := h - len(lemmas) + 1
		name := d.SpanText(cstart, h+1)
		key := schema.KeyOf(d.ID) + "--" + schema.KeyOf(strings.Join(lemmas[cstart-start:], " "))
		n := db.r.node(c, key, name, "", "")
		kind := ProposalObject
		if c == schema.ClassEvent {
			kind = AnyObject
		}
		return ref{node: n, clause: -1, kind: kind}, true
	}
	// "the government", "the opposition": a definite singular noun for an
	// institution names the one the article speaks of, an actor (keyed by
	// the article: another article's "government" may be another).
	if institutionNouns[lem] && tok.UPOS == "NOUN" && !strings.HasSuffix(tok.XPOS, "S") && db.definite(h) {
		start := db.modifierStart(h)
		entity := false
		for t := start; t < h; t++ {
			entity = entity || db.r.tok[t] >= 0
		}
		if !entity {
			name := d.SpanText(start, h+1)
			n := db.r.node(schema.ClassOrganization, schema.KeyOf(d.ID)+"--"+schema.KeyOf(name), name, "", "")
			return ref{node: n, clause: -1, kind: ActorObject}, true
		}
	}
	if strings.HasSuffix(tok.XPOS, "S") || strings.Contains(tok.Feats, "Number=Plur") {
		if groupNouns[lem] {
			for _, c := range d.Children(h) {
				if r := d.Tokens[c].Rel; (r == "amod" || r == "compound") && db.r.tok[c] >= 0 {
					name := d.SpanText(c, h+1)
					n := db.r.node(schema.ClassGroup, schema.KeyOf(d.ID)+"--"+schema.KeyOf(name), name, "", "")
					return ref{node: n, clause: -1, kind: ActorObject}, true
				}
			}
		}
	}
	// A plural proper name no recogniser knew names a group of people:
	// "the Whigs", "the Free Democrats", "Old Believers". Keyed by
	// the name like a recognised organisation, so it is one node across
	// sentences and articles, and an actor its pronouns ("they") resolve to.
	if tok.XPOS == "NNPS" && tok.UPOS == "PROPN" && db.clauseArgument(h) {
		if name := d.SpanText(db.modifierStart(h), h+1); schema.KeyOf(name) != "" {
			n := db.r.node(schema.ClassGroup, schema.KeyOf(name), name, "", "")
			return ref{node: n, clause: -1, kind: ActorObject}, true
		}
	}
	// Anything else: a thing named by its words, without determiners
	// and without the conjuncts coordinated with it.
	s, e := d.Subtree(h)
	for _, c := range d.Children(h) {
		if r := d.Tokens[c].Rel; (r == "conj" || r == "cc") && c > h && c < e {
			// A conjunct ends the name where its own words begin: "most
			// of Tavush [and about 30% of Lori]".
			if cs, _ := d.Subtree(c); cs > h && cs < c {
				c = cs
			}
			e = c
			break
		}
	}
	for s < h && (d.Tokens[s].Rel == "det" || edgeWord(d, s, s, e)) {
		s++
	}
	for e > h+1 && edgeWord(d, e-1, s, e) {
		e--
	}
	if e-s > 12 {
		e = h + 1
		if s < start {
			s = start
		}
	}
	name := d.SpanText(s, e)
	if schema.KeyOf(name) == "" {
		return ref{}, false
	}
	n := db.r.node(schema.ClassThing, schema.KeyOf(d.ID)+"--"+schema.KeyOf(name), name, "", "")
	return ref{node: n, clause: -1, kind: AnyObject}, true
}

// clauseArgument reports whether token h is an argument of a clause
// (subject, object, oblique, or a conjunct or apposition of one) rather
// than a word inside a longer name ("the Treaty on Open Skies").
func (db *docBuilder) clauseArgument(h int) bool {
	d := db.doc
	for steps := 0; h >= 0 && steps < 8; steps++ {
		rel := d.Tokens[h].Rel
		switch {
		case rel == "conj" || rel == "appos":
			h = d.Tokens[h].Head
			continue
		case strings.HasPrefix(rel, "nsubj") || rel == "obj" || rel == "iobj" || rel == "obl" || rel == "root":
			return d.Tokens[h].Head < 0 || d.Tokens[d.Tokens[h].Head].UPOS != "PROPN"
		}
		return false
	}
	return false
}

// modifierStart returns the first token of the contiguous compound and
// adjective modifiers before noun h.
func (db *docBuilder) modifierStart(h int) int {
	d := db.doc
	start := h
	for t := h - 1; t >= 0 && d.SentenceOf(t) == d.SentenceOf(h); t-- {
		r := d.Tokens[t].Rel
		if (r == "compound" || r == "amod" || r == "punct" && d.Tokens[t].XPOS == "HYPH" || r == "nummod") && d.Tokens[t].Head >= t && d.Tokens[t].Head <= h {
			start = t
			continue
		}
		break
	}
	return start
}

// namePlace makes a place of a capitalised proper noun that names no node
// yet, unless its ending makes it a proper adjective ("the Crimean
// peninsula", tagged PROPN by a tagger that has not seen it): then the
// whole phrase names the place.
func (db *docBuilder) namePlace(t int) {
	tok := &db.doc.Tokens[t]
	if db.r.tok[t] >= 0 || tok.UPOS != "PROPN" || !isCapitalised(tok.Form) || properAdjective(tok.Form) {
		return
	}
	db.r.tok[t] = db.r.place(tok.Form, "LOC")
}

// properAdjective reports whether word ends in a suffix that makes
// adjectives of names in English (-ian, -ean, -ese, -ish: "Caspian",
// "Crimean", "Maltese", "Kurdish") and the gazetteer knows no place of
// that name.
func properAdjective(word string) bool {
	w := strings.ToLower(word)
	if len(w) < 5 {
		return false
	}
	for _, suf := range []string{"ian", "ean", "ese", "ish"} {
		if strings.HasSuffix(w, suf) {
			_, place := gazetteer.LookupPlace(word)
			return !place
		}
	}
	return false
}

// share reads the share a quantifier names: "70%" → 0.70, "half" → 0.5.
func (db *docBuilder) share(h int) (string, bool) {
	d := db.doc
	approx := false
	val := ""
	switch db.lemma(h) {
	case "half":
		val = "0.5"
	case "third":
		val = "0.333"
	case "quarter":
		val = "0.25"
	case "all":
		val = "1"
	}
	for _, c := range d.Children(h) {
		w := strings.ToLower(d.Tokens[c].Form)
		if approxWords[w] {
			approx = true
		}
		if d.Tokens[c].Rel == "nummod" || d.Tokens[c].UPOS == "NUM" {
			for _, cc := range d.Children(c) {
				if approxWords[strings.ToLower(d.Tokens[cc].Form)] {
					approx = true
				}
			}
			if num := strings.ReplaceAll(d.Tokens[c].Form, ",", ""); db.lemma(h) == "%" || db.lemma(h) == "percent" {
				if v, ok := percentDecimal(num); ok {
					val = v
				}
			}
		}
	}
	return val, approx
}

// percentDecimal turns a percentage written in digits into the decimal
// it stands for, exactly: "70" → "0.7", "0.7" → "0.007", "4.25" →
// "0.0425". It shifts the decimal point in the text instead of dividing a
// float, which would give 0.006999999999999999 for 0.7%.
func percentDecimal(num string) (string, bool) {
	whole, frac, _ := strings.Cut(num, ".")
	if whole == "" && frac == "" {
		return "", false
	}
	for _, r := range whole + frac {
		if r < '0' || r > '9' {
			return "", false
		}
	}
	for len(whole) < 3 {
		whole = "0" + whole
	}
	whole, frac = strings.TrimLeft(whole[:len(whole)-2], "0"), whole[len(whole)-2:]+frac
	if whole == "" {
		whole = "0"
	}
	if frac = strings.TrimRight(frac, "0"); frac == "" {
		return whole, true
	}
	return whole + "." + frac, true
}

// isFunctionWord reports whether a part of speech never starts or ends a
// name: punctuation, prepositions, conjunctions, determiners.
// edgeWord reports whether token i, at an edge of the words [s, e) that
// name something, goes: a function word or punctuation, but not a
// quotation mark whose partner is among the words ("a "balanced
// approach" to ..." keeps both its quotation marks).
func edgeWord(d *nlp.Document, i, s, e int) bool {
	return isFunctionWord(d.Tokens[i].UPOS) && !(d.Tokens[i].UPOS == "PUNCT" && quotePartnered(d, i, s, e))
}

func isFunctionWord(upos string) bool {
	switch upos {
	case "PUNCT", "ADP", "CCONJ", "SCONJ", "DET", "PART":
		return true
	}
	return false
}

func kindOf(c schema.Class) ObjectKind {
	switch c {
	case schema.ClassPerson, schema.ClassOrganization, schema.ClassGroup, schema.ClassActor:
		return ActorObject
	case schema.ClassState:
		return ActorObject // and place; see kinds
	case schema.ClassTerritory:
		return PlaceObject
	case schema.ClassProposal, schema.ClassCeasefire, schema.ClassPeaceAgreement, schema.ClassSecurityGuarantee,
		schema.ClassOffer, schema.ClassDemand:
		return ProposalObject
	}
	return AnyObject
}

// kinds lists the object kinds a reference can satisfy, most specific
// first: a state is both an actor and a place.
func (db *docBuilder) kinds(r ref) []ObjectKind {
	if r.node >= 0 {
		switch db.r.nodes[r.node].Class {
		case schema.ClassState:
			return []ObjectKind{PlaceObject, OrgObject, ActorObject}
		case schema.ClassPerson:
			return []ObjectKind{PersonObject, ActorObject}
		case schema.ClassOrganization, schema.ClassGroup:
			return []ObjectKind{OrgObject, ActorObject}
		}
	}
	return []ObjectKind{r.kind}
}

func (db *docBuilder) term(r ref, outerSubj schema.Term, depth int) (schema.Term, bool) {
	if r.node >= 0 {
		return schema.EntityTerm(db.r.nodes[r.node]), true
	}
	if r.clause >= 0 && depth < 3 {
		forced := schema.Term{}
		if r.hasSub {
			forced = schema.EntityTerm(db.r.nodes[r.gsubj])
		}
		if p, ok := db.proposition(r.clause, outerSubj, forced, depth+1); ok {
			return schema.PropTerm(p), true
		}
	}
	return schema.Term{}, false
}

// ---- verbal facts

// verbGroup returns the verbs of an extraction's relation, last first.
func (db *docBuilder) verbs(x *openie.Extraction) []int {
	var vs []int
	for i := len(x.Relation.Tokens) - 1; i >= 0; i-- {
		t := x.Relation.Tokens[i]
		if u := db.doc.Tokens[t].UPOS; u == "VERB" || u == "NOUN" && db.doc.Tokens[t].Rel == "root" {
			vs = append(vs, t)
		}
	}
	if len(vs) == 0 && x.Relation.Head >= 0 {
		vs = append(vs, x.Relation.Head)
	}
	return vs
}

// markers returns the particles and prepositions of an extraction's
// relation, and the case marker of its first prepositional argument.
func (db *docBuilder) markers(x *openie.Extraction, arg *openie.Arg) []string {
	var ms []string
	for _, t := range x.Relation.Tokens {
		tok := &db.doc.Tokens[t]
		if tok.UPOS == "ADP" || tok.Rel == "compound:prt" {
			ms = append(ms, strings.ToLower(tok.Form))
		}
	}
	for _, v := range x.Relation.Tokens {
		for _, c := range db.doc.Children(v) {
			if db.doc.Tokens[c].Rel == "compound:prt" {
				ms = append(ms, strings.ToLower(db.doc.Tokens[c].Form))
			}
		}
	}
	if arg != nil && arg.Head >= 0 {
		if cw := db.caseWord(arg.Head); cw != "" {
			ms = append(ms, strings.Fields(cw)...)
		}
	}
	return ms
}

// verbChain maps "V1 to V2 OBJ" when the lexicon knows V1 with a clause
// object: V1's predicate, and the proposition [subject V2 OBJ].
func (db *docBuilder) verbChain(x *openie.Extraction, subj, obj schema.Term, oref ref) (schema.Predicate, *schema.Fact, bool) {
	vs := db.verbs(x) // last first
	if len(vs) < 2 || obj.IsZero() {
		return "", nil, false
	}
	last := vs[0]
	for _, v := range vs[1:] {
		p, ok := db.lex.Verb(db.lemma(v), []string{"to"}, ClauseObject)
		if !ok {
			continue
		}
		var words []string
		for _, t := range x.Relation.Tokens {
			if t > v {
				words = append(words, db.doc.Tokens[t].Form)
			}
		}
		inner := &schema.Fact{Subject: subj, Relation: strings.Join(words, " "), Object: obj, Evidence: db.evidence(x)}
		for _, k := range db.kinds(oref) {
			if q, ok := db.lex.Verb(db.lemma(last), db.markers(x, nil), k); ok {
				inner.Predicate = q
				break
			}
		}
		return p, inner, true
	}
	return "", nil, false
}

// passive reports whether the extraction's verb is in the passive voice.
func (db *docBuilder) passive(x *openie.Extraction) bool {
	d := db.doc
	for _, t := range x.Relation.Tokens {
		if d.Tokens[t].Rel == "aux:pass" {
			return true
		}
	}
	if v := x.Relation.Head; v >= 0 && d.Tokens[v].Rel == "acl" && d.Tokens[v].XPOS == "VBN" {
		return true // a reduced relative: "the Whigs, backed by economists"
	}
	if !x.Subject.Empty() && x.Subject.Head >= 0 {
		return strings.HasSuffix(d.Tokens[x.Subject.Head].Rel, ":pass")
	}
	return false
}

// agentArg returns the "by" argument of a passive extraction, or nil.
func (db *docBuilder) agentArg(x *openie.Extraction) *openie.Arg {
	for i := range x.Args {
		a := &x.Args[i]
		if a.Head >= 0 && (db.doc.Tokens[a.Head].Rel == "obl:agent" || db.caseWord(a.Head) == "by") {
			return a
		}
	}
	// OpenIE puts the preposition into the relation: "was unveiled by; X".
	if n := len(x.Relation.Tokens); n > 0 && strings.EqualFold(db.doc.Tokens[x.Relation.Tokens[n-1]].Form, "by") {
		for i := range x.Args {
			if x.Args[i].Head >= 0 {
				return &x.Args[i]
			}
		}
	}
	return nil
}

// agent returns the agent of a passive extraction as a term.
func (db *docBuilder) agent(x *openie.Extraction) schema.Term {
	a := db.agentArg(x)
	if a == nil {
		return schema.Term{}
	}
	r, ok := db.refOf(a.Head)
	if !ok || r.node < 0 || kindOf(db.r.nodes[r.node].Class) != ActorObject {
		return schema.Term{}
	}
	return schema.EntityTerm(db.r.nodes[r.node])
}

// firstOtherArg chooses the object among the arguments other than skip.
func (db *docBuilder) firstOtherArg(x *openie.Extraction, skip *openie.Arg) (*openie.Arg, ref, schema.Predicate, bool) {
	y := *x
	y.Args = nil
	for i := range x.Args {
		if &x.Args[i] != skip {
			y.Args = append(y.Args, x.Args[i])
		}
	}
	a, r, p, inv := db.chooseObject(&y, schema.Term{})
	if a == nil {
		return nil, ref{}, "", false
	}
	for i := range x.Args {
		if x.Args[i].Head == a.Head {
			return &x.Args[i], r, p, inv
		}
	}
	return nil, ref{}, "", false
}

// refOrZero resolves a head, or returns an empty reference.
func (db *docBuilder) refOrZero(h int) ref {
	r, ok := db.refOf(h)
	if !ok {
		return ref{node: -1, clause: -1}
	}
	return r
}

// chooseObject picks the argument that is the predicate's object: the
// first object, complement or prepositional argument for which the lexicon
// has a predicate ("told reporters [that ...]" takes the clause), else the first
// of them.
func (db *docBuilder) chooseObject(x *openie.Extraction, subj schema.Term) (*openie.Arg, ref, schema.Predicate, bool) {
	var cands []*openie.Arg
	for _, roles := range [][]openie.Role{{openie.Object, openie.Complement}, {openie.Prep}} {
		for i := range x.Args {
			for _, r := range roles {
				if x.Args[i].Role == r && x.Args[i].Head >= 0 {
					cands = append(cands, &x.Args[i])
				}
			}
		}
	}
	// A bare gerund right after the verb is its object even when the
	// parser attached it as an adverbial clause ("ruled out [giving up X]").
	if v := x.Relation.Head; v >= 0 {
		d := db.doc
		for _, c := range d.Children(v) {
			if r := d.Tokens[c].Rel; (r == "advcl" || r == "xcomp") && d.Tokens[c].XPOS == "VBG" && c > v && c <= v+3 && !db.hasMark(c) && db.onlyParticles(v+1, c) {
				g := &openie.Arg{Role: openie.Object, Phrase: openie.Phrase{Head: c, Tokens: []int{c}}}
				cands = append([]*openie.Arg{g}, cands...)
				break
			}
		}
	}
	// An argument whose preposition the verb's lexicon entry names comes
	// first: in "supplied the mayor with maps" the maps are what
	// is provided, the council the recipient.
	if vs := db.verbs(x); len(vs) > 0 {
		lem := db.lemma(vs[0])
		for i, a := range cands {
			if a.Role != openie.Prep || i == 0 {
				continue
			}
			if ms := db.markers(x, a); len(ms) > 0 && db.lex.VerbTakes(lem, ms[0]) {
				cands = append([]*openie.Arg{a}, append(cands[:i:i], cands[i+1:]...)...)
				break
			}
		}
	}
	var firstArg *openie.Arg
	var firstRef ref
	for _, a := range cands {
		r, ok := db.refOf(a.Head)
		if !ok {
			continue
		}
		if g := db.gerund(x, a.Head); g >= 0 && r.node >= 0 {
			r = ref{node: -1, clause: g, kind: ClauseObject, gsubj: r.node, hasSub: true}
		} else if g := db.controlled(x, a.Head); g >= 0 && r.node >= 0 {
			// "urged the miners to end the strike": what is urged is the
			// clause, with the object as its subject, when the verb's
			// entry takes a clause; else the object stays.
			// A speech verb with an object and a to-infinitive is a
			// directive, not a statement: "told Spain to join" demands it.
			rc := ref{node: -1, clause: g, kind: ClauseObject, gsubj: r.node, hasSub: true}
			if p, inv := db.predicate(x, a, rc); p != "" {
				if p == schema.Says {
					p = schema.Demands
				}
				return a, rc, p, inv
			}
		}
		if firstArg == nil {
			firstArg, firstRef = a, r
		}
		if p, inv := db.predicate(x, a, r); p != "" {
			if (p == schema.Proposes || p == schema.Offers) && r.node >= 0 && kindOf(db.r.nodes[r.node].Class) == ActorObject {
				// One proposes or offers a thing, never a person or a
				// state: "offered Sylvania loans" offers the
				// loans; "suggesting the Whigs [would ...]" none.
				continue
			}
			return a, r, p, inv
		}
	}
	return firstArg, firstRef, "", false
}

// onlyParticles reports whether tokens [a, b) are all particles or
// adverbs ("ruled [out] giving up").
func (db *docBuilder) onlyParticles(a, b int) bool {
	for t := a; t < b; t++ {
		if r := db.doc.Tokens[t].Rel; r != "compound:prt" && r != "advmod" {
			return false
		}
	}
	return true
}

// hasMark reports whether clause c has a subordinating conjunction
// ("before meeting X", "while saying").
func (db *docBuilder) hasMark(c int) bool {
	for _, k := range db.doc.Children(c) {
		if db.doc.Tokens[k].Rel == "mark" {
			return true
		}
	}
	return false
}

// objectArg picks the argument that is the predicate's object: the first
// object or complement, else the first prepositional argument.
func objectArg(x *openie.Extraction) *openie.Arg {
	for i := range x.Args {
		if x.Args[i].Role == openie.Object || x.Args[i].Role == openie.Complement {
			return &x.Args[i]
		}
	}
	for i := range x.Args {
		if x.Args[i].Role == openie.Prep {
			return &x.Args[i]
		}
	}
	return nil
}

func (db *docBuilder) evidence(x *openie.Extraction) schema.Evidence {
	d := db.doc
	ts, te := x.Span()
	if ts < 0 {
		s := d.Sentences[x.Sentence]
		ts, te = s.Start, s.End
	}
	start, end := d.Tokens[ts].Start, d.Tokens[te-1].End
	ev := schema.Evidence{Doc: d.ID, Sentence: x.Sentence, Start: start, End: end, Text: d.Text[start:end],
		Extractor: extractorName, Model: openie.Name, Conf: clamp(x.Conf), Negated: x.Negated || db.negatedGroup(x), Modality: x.Modality, Hedged: x.Hedged}
	if x.Attribution != nil && !x.Attribution.Speaker.Empty() {
		if r, ok := db.refOf(x.Attribution.Speaker.Head); ok && r.node >= 0 {
			ev.AttributedTo = db.r.nodes[r.node]
		}
	}
	return ev
}

// negatedGroup reports whether a verb of the relation has a negation of
// its own ("trying not to offend").
func (db *docBuilder) negatedGroup(x *openie.Extraction) bool {
	for _, v := range x.Relation.Tokens {
		for _, c := range db.doc.Children(v) {
			t := &db.doc.Tokens[c]
			if t.Rel == "advmod" || t.Rel == "neg" || t.Rel == "aux" && t.UPOS == "PART" {
				switch strings.ToLower(t.Form) {
				case "not", "n't", "never", "’t", "n’t":
					return true
				}
			}
		}
	}
	return false
}

func clamp(c float64) float64 {
	if c < 0 || c != c {
		return 0
	}
	if c > 1 {
		return 1
	}
	return c
}

// verbal maps one extraction to a fact: a vocabulary predicate when the
// lexicon knows the verb for this object, else an open relation.
func (db *docBuilder) verbal(x *openie.Extraction) (schema.Fact, bool) {
	if x.Kind == openie.Appositive || x.Subject.Empty() {
		return schema.Fact{}, false
	}
	subj, ok := db.refOf(x.Subject.Head)
	if !ok || subj.node < 0 && subj.clause < 0 {
		return schema.Fact{}, false
	}
	st, ok := db.term(subj, schema.Term{}, 0)
	if !ok {
		return schema.Fact{}, false
	}
	f := schema.Fact{Subject: st, Relation: x.RelationText(db.doc), Evidence: db.evidence(x)}
	arg, obj, pred, inverse := db.chooseObject(x, st)
	if db.passive(x) {
		// The passive subject is the patient: the object of the active
		// verb. The "by" argument is the agent, not an object.
		if a := db.agentArg(x); a != nil && a == arg {
			arg, obj, pred, inverse = db.firstOtherArg(x, a)
		}
		if arg == nil {
			if ag := db.agent(x); !ag.IsZero() {
				p, inv := db.predicate(x, nil, db.refOrZero(x.Subject.Head))
				if p != "" {
					g := schema.Fact{Subject: ag, Predicate: p, Relation: x.RelationText(db.doc), Object: st, Evidence: db.evidence(x)}
					_ = inv
					return g, true
				}
			}
		}
	}
	if arg == nil {
		return schema.Fact{}, false // no object: nothing to state in a triple
	}
	if ot, ok := db.term(obj, st, 0); ok {
		f.Object = ot
	}
	if f.Object.IsZero() && pred == schema.Says && obj.clause >= 0 {
		// What was said has no structure we can state ("this must
		// stop"): the content itself, named by its words.
		f.Object = db.content(obj.clause)
	}
	if f.Object.IsZero() {
		return schema.Fact{}, false
	}
	if pred == "" {
		// "agreed to drop the tariff": no predicate for the last verb,
		// but an earlier one takes the rest of the group as its clause.
		if p, prop, ok := db.verbChain(x, st, f.Object, obj); ok {
			pred, f.Object = p, schema.PropTerm(prop)
		}
	}
	if pred != "" && db.passive(x) {
		// "X was urged by Y to ...": Y is the one who urges. Without an
		// agent the predicate has no subject; keep the open relation.
		if agent := db.agent(x); agent.IsZero() {
			pred = ""
		} else if p, _ := db.predicate(x, nil, subj); p != pred {
			// The patient becomes the object, so it must fit the verb's
			// entry: "two sailors held by Sylvania in a port" is no
			// control of territory, however the camp was read.
			pred = ""
		} else {
			f.Object, f.Subject = f.Subject, agent
		}
	}
	if pred != "" && pred != schema.Says && f.Subject.Entity != nil && f.Subject.Entity.Class == schema.ClassThing {
		pred = "" // only actors, places and proposals take part in vocabulary facts
	}
	if pred == schema.LeaderOf && !leads(f.Subject) {
		pred = "" // "Labour lead the Conservatives by 39% to 34%": ahead, not at the head
	}
	if stances[pred] && f.Subject.Entity != nil && (kindOf(f.Subject.Entity.Class) == ProposalObject || f.Subject.Entity.Class == schema.ClassEvent) {
		// Proposals and events take no stances and make no offers:
		// "the report and the survey offer a snapshot" is no
		// offer. (A place may: "the town agreed a deal" is its
		// council.)
		pred = ""
	}
	f.Predicate = pred
	if inverse && f.Object.Entity != nil && f.Subject.Entity != nil {
		f.Subject, f.Object = f.Object, f.Subject
	}
	if obj.share != "" {
		f.Args = append(f.Args, schema.Arg{Role: schema.Share, Value: schema.LiteralTerm(schema.Literal{Value: obj.share, Datatype: "decimal"})})
	}
	db.args(x, arg, &f)
	if stances[pred] && f.Evidence.Modality == "" && f.Evidence.AttributedTo != nil && f.Evidence.AttributedTo == f.Subject.Entity {
		// "X said she rejected the plan", "Y said he opposes it": a stance
		// its holder declares is taken in the telling (saying "I reject"
		// is rejecting), as event coders (CAMEO, PLOVER) code it, so it is
		// no one's claim about someone else. What she wants or would do
		// ("said she wants to ...") stays her report.
		f.Evidence.AttributedTo = nil
	}
	if pred == schema.Says && f.Object.Prop != nil {
		// The reported content is the speaker's, not the article's.
		f.Object.Prop.Evidence.AttributedTo = entityOf(f.Subject)
	}
	// "an offer that would require [X doing Y, in return for Z]": the terms
	// of a proposal are the proposal's.
	if isProposal(f.Subject) && f.Object.Prop != nil {
		for _, a := range f.Object.Prop.Args {
			if a.Role == schema.InReturnFor {
				g := f
				g.Predicate, g.Object, g.Args = schema.InReturnFor, a.Value, nil
				db.extra = append(db.extra, g)
			}
		}
	}
	// Coordinated objects the extraction kept together ("most of A and
	// about 70% of B", "the A and B regions") give one fact each.
	for _, o := range db.extraObjects(arg.Head, obj) {
		if pred == "" {
			break
		}
		g := f
		g.Object = schema.EntityTerm(db.r.nodes[o.node])
		g.Args = nil
		if o.share != "" {
			g.Args = append(g.Args, schema.Arg{Role: schema.Share, Value: schema.LiteralTerm(schema.Literal{Value: o.share, Datatype: "decimal"})})
		}
		if inverse {
			// f is already turned round: each conjunct is a subject of
			// f's object ("composed of A and B": A partOf X, B partOf X).
			if f.Object.Entity == nil {
				continue
			}
			g.Subject, g.Object = schema.EntityTerm(db.r.nodes[o.node]), f.Object
		}
		db.extra = append(db.extra, g)
	}
	return f, true
}

// extraObjects returns the other referents of a coordinated object: the
// conjuncts of its head, of the noun a quantifier governs, and of a place
// noun's name modifiers.
func (db *docBuilder) extraObjects(h int, first ref) []ref {
	d := db.doc
	var heads []int
	var walk func(t int, depth int)
	walk = func(t int, depth int) {
		if depth > 3 {
			return
		}
		for _, c := range d.Children(t) {
			switch d.Tokens[c].Rel {
			case "conj":
				heads = append(heads, c)
				walk(c, depth+1)
			case "compound":
				if depth == 0 {
					walk(c, depth+1)
				}
			case "nmod":
				// Only through a share ("most of X and about 70% of Y");
				// "a treaty between Freedonia and
				// Sylvania" is one object, not one per conjunct.
				if depth == 0 && db.isShare(h) {
					walk(c, depth+1)
				}
			}
		}
	}
	walk(h, 0)
	var out []ref
	seen := map[int]bool{first.node: true}
	for _, c := range heads {
		r, ok := db.refOf(c)
		if !ok || r.node < 0 || seen[r.node] {
			continue
		}
		if db.r.nodes[r.node].Class == schema.ClassThing {
			continue
		}
		seen[r.node] = true
		out = append(out, r)
	}
	return out
}

// isProposal reports whether a term is a proposal node.
func isProposal(t schema.Term) bool {
	return t.Entity != nil && kindOf(t.Entity.Class) == ProposalObject
}

func entityOf(t schema.Term) *schema.Entity {
	return t.Entity
}

// gerund returns the head of a gerund clause whose subject is the object
// noun o ("opposes [Freedonia joining the alliance]", "require [X withdrawing from
// Y]"): a -ing verb attached to o, or to the verb right after o; -1 when
// there is none.
func (db *docBuilder) gerund(x *openie.Extraction, o int) int {
	d := db.doc
	isGerund := func(t int) bool {
		return d.Tokens[t].XPOS == "VBG" || d.Tokens[t].UPOS == "VERB" && strings.HasSuffix(d.Tokens[t].Form, "ing")
	}
	for _, c := range d.Children(o) {
		if r := d.Tokens[c].Rel; (r == "acl" || r == "xcomp" || r == "advcl") && c > o && isGerund(c) {
			return c
		}
	}
	if x.Relation.Head >= 0 {
		for _, c := range d.Children(x.Relation.Head) {
			if r := d.Tokens[c].Rel; (r == "xcomp" || r == "ccomp" || r == "advcl") && c == o+1 && isGerund(c) {
				return c
			}
		}
	}
	return -1
}

// isShare reports whether token h heads a share of something: a
// quantifier ("most"), a number or a percentage.
func (db *docBuilder) isShare(h int) bool {
	t := &db.doc.Tokens[h]
	return quantifiers[db.lemma(h)] || quantifiers[strings.ToLower(t.Form)] || t.UPOS == "NUM" || t.Form == "%"
}

// particle returns the particle of verb v ("out" in "backed out"), or "":
// a compound:prt dependent, or an adverbial particle right after the verb
// that the parser made part of a preposition ("backing [out of] a promise").
func (db *docBuilder) particle(v int) string {
	d := db.doc
	for _, c := range d.Children(v) {
		if d.Tokens[c].Rel == "compound:prt" {
			return strings.ToLower(d.Tokens[c].Form)
		}
	}
	if v+2 < len(d.Tokens) && d.Tokens[v+1].Rel == "case" && d.Tokens[v+2].Rel == "case" {
		if w := strings.ToLower(d.Tokens[v+1].Form); particles[w] {
			return w
		}
	}
	return ""
}

// stances are the predicates whose subject is an actor taking a position
// or making a move.
var stances = map[schema.Predicate]bool{schema.Supports: true, schema.Opposes: true, schema.Proposes: true,
	schema.Rejects: true, schema.AgreesTo: true, schema.Demands: true, schema.Offers: true}

// territorial are the predicates whose verbs say their object is a place
// even when the recogniser did not ("annexed X"); "include" and the like
// say nothing of the kind.
var territorial = map[schema.Predicate]bool{schema.Controls: true, schema.Claims: true, schema.Annexed: true,
	schema.Occupies: true, schema.Invaded: true, schema.WithdrawsFrom: true}

// particles are the adverbs that make phrasal verbs.
var particles = map[string]bool{"out": true, "up": true, "down": true, "off": true, "away": true, "back": true, "over": true}

// infinitive reports whether verb c has the infinitive marker "to".
func (db *docBuilder) infinitive(c int) bool {
	for _, m := range db.doc.Children(c) {
		if db.doc.Tokens[m].Rel == "mark" && strings.EqualFold(db.doc.Tokens[m].Form, "to") {
			return true
		}
	}
	return false
}

// controlled returns the head of a to-infinitive that the verb's direct
// object o is the subject of (object control: "asked Spain to join",
// "urged the miners to end"), or -1.
func (db *docBuilder) controlled(x *openie.Extraction, o int) int {
	d := db.doc
	// The verb whose object o is: the relation's head, or another verb
	// of its chain ("may try to [press] Haddad to sign").
	v := d.Tokens[o].Head
	if v < 0 || !slices.Contains(x.Relation.Tokens, v) || d.Tokens[o].Rel != "obj" && d.Tokens[o].Rel != "iobj" {
		return -1
	}
	for _, c := range d.Children(v) {
		if (d.Tokens[c].Rel == "xcomp" || openie.ObjectControlled(d, c)) && c > o && d.Tokens[c].UPOS == "VERB" && db.infinitive(c) {
			return c
		}
	}
	return -1
}

// predicate looks the extraction's verbs up in the lexicon, last verb
// first ("failed to reach" → reach).
func (db *docBuilder) predicate(x *openie.Extraction, arg *openie.Arg, obj ref) (schema.Predicate, bool) {
	ms := db.markers(x, arg)
	if obj.kind == ClauseObject && obj.hasSub && obj.clause >= 0 && db.infinitive(obj.clause) {
		ms = append(ms, "to") // "pressed X [to] agree"
	}
	vs := db.verbs(x)
	if len(vs) > 1 {
		vs = vs[:1] // earlier verbs take the rest as a clause (verbChain)
	}
	for _, v := range vs {
		lem := db.lemma(v)
		if v < len(db.doc.Tokens)-1 && lem == "hold" && db.lemma(v+1) == "talk" {
			lem = "hold talks"
		}
		if prt := db.particle(v); prt != "" && !db.lex.VerbTakes(lem, prt) {
			// A phrasal verb means something of its own: "backing out of
			// a pledge" is no backing, "turned down" no turning. Only the
			// lexicon's own entries for the particle apply.
			continue
		}
		for _, k := range db.kinds(obj) {
			if p, inv, ok := db.lex.VerbEntry(lem, ms, k); ok {
				return p, inv
			}
		}
		// A proper name the recogniser took for an organisation, or did
		// not type, is a place when the verb takes only places ("annexed
		// X", "claims X").
		if obj.node >= 0 && db.coercible(obj.node) {
			if p, inv, ok := db.lex.VerbEntry(lem, ms, PlaceObject); ok && territorial[p] {
				if _, _, other := db.lex.VerbEntry(lem, ms, AnyObject); !other {
					db.makePlace(obj.node)
					return p, inv
				}
			}
		}
	}
	return "", false
}

// makePlace retypes node n as a territory, identified across articles by
// its name like every other place.
func (db *docBuilder) makePlace(n int) {
	e := db.r.nodes[n]
	e.Class = schema.ClassTerritory
	name := e.Name
	if len(name) > 4 && strings.EqualFold(name[:4], "the ") {
		name = name[4:]
	}
	e.Key = schema.KeyOf(name)
}

// coercible reports whether node n's class comes only from the entity
// recogniser's guess (no gazetteer entry) and may be revised.
func (db *docBuilder) coercible(n int) bool {
	e := db.r.nodes[n]
	if e.Canonical != "" {
		return false
	}
	if e.Class == schema.ClassPerson {
		// A one-word "person" with no role and no fuller name, that a verb
		// taking only places governs ("controls most of Tavush"), is a
		// place the recogniser mistyped.
		if strings.Contains(e.Name, " ") || !isCapitalised(e.Name) {
			return false
		}
		for _, a := range e.Aliases {
			if strings.Contains(a, " ") {
				return false
			}
		}
		for _, hr := range db.r.roles {
			if db.r.nodes[hr.person] == e {
				return false
			}
		}
		return true
	}
	return e.Class == schema.ClassOrganization || e.Class == schema.ClassThing && properName(e.Name)
}

// leads reports whether t can lead an organisation in the sense of
// leaderOf: a person ("she leads the party"), not a party or a state that
// leads another in a poll or a race.
func leads(t schema.Term) bool {
	return t.Entity != nil && t.Entity.Class == schema.ClassPerson
}

// properName reports whether name is written as a proper name: every word
// capitalised but for the small words names contain ("Bay of Biscay",
// "Dar es Salaam") and a place noun after a proper adjective ("Crimean
// peninsula"), so not "Tony Blair's intervention in the row".
func properName(name string) bool {
	if !isCapitalised(name) {
		return false
	}
	for _, w := range strings.Fields(name) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "\u2019s")
		if isCapitalised(w) || !strings.ContainsFunc(w, unicode.IsLetter) || schema.IsNameParticle(w) {
			continue
		}
		switch w {
		case "of", "the", "and", "on", "upon", "es":
			continue
		}
		if placeNouns[w] {
			continue
		}
		return false
	}
	return true
}

// args adds the further arguments: recipients, dates, "in return for".
func (db *docBuilder) args(x *openie.Extraction, obj *openie.Arg, f *schema.Fact) {
	for i := range x.Args {
		a := &x.Args[i]
		if a == obj || a.Head < 0 {
			continue
		}
		cw := db.caseWord(a.Head)
		head := a.Head
		// UD splits "in favour of X" into favour (case "in") and X (case
		// "of"): read the whole preposition and take X.
		if cw == "in" {
			switch db.lemma(a.Head) {
			case "favour", "favor", "return", "exchange", "support":
				for _, c := range db.doc.Children(a.Head) {
					if cc := db.caseWord(c); cc == "of" || cc == "for" {
						cw = "in " + db.lemma(a.Head) + " " + cc
						head = c
					}
				}
			}
		}
		switch {
		case strings.HasSuffix(cw, "return for") || strings.HasSuffix(cw, "exchange for"):
			if r, ok := db.refOf(head); ok {
				g := db.gerund(x, head)
				if g < 0 && head != a.Head {
					// "in return for X freezing Y" with the gerund under "return"
					for _, c := range db.doc.Children(a.Head) {
						if db.doc.Tokens[c].Rel == "acl" && c > head && db.doc.Tokens[c].XPOS == "VBG" {
							g = c
						}
					}
				}
				if g >= 0 && r.node >= 0 {
					r = ref{node: -1, clause: g, kind: ClauseObject, gsubj: r.node, hasSub: true}
				}
				if t, ok := db.term(r, f.Subject, 0); ok {
					f.Args = append(f.Args, schema.Arg{Role: schema.InReturnFor, Value: t})
					if isProposal(f.Subject) || isProposal(f.Object) {
						db.extra = append(db.extra, db.derived(f, schema.InReturnFor, t))
					}
				}
			}
		case strings.HasSuffix(cw, "favour of") || strings.HasSuffix(cw, "favor of"):
			// "X wants A in favour of B": X supports B.
			if r, ok := db.refOf(head); ok {
				if t, ok := db.term(r, f.Subject, 0); ok {
					g := db.derived(f, schema.Supports, t)
					g.Subject = f.Subject
					db.extra = append(db.extra, g)
				}
			}
		case a.Role == openie.Time:
			if lit, ok := db.date(a.Phrase, f.Evidence.Modality == schema.Future); ok {
				f.Args = append(f.Args, schema.Arg{Role: schema.OnDate, Value: schema.LiteralTerm(lit)})
				if lit.Datatype == "date" {
					f.Evidence.Date = lit.Value
				}
			}
		case a.Role == openie.Place:
			if r, ok := db.refOf(a.Head); ok && r.node >= 0 && kindOf(db.r.nodes[r.node].Class) != ProposalObject {
				f.Args = append(f.Args, schema.Arg{Role: schema.Location, Value: schema.EntityTerm(db.r.nodes[r.node])})
			}
		case a.Role == openie.Object && f.Object.Entity != nil && kindOf(f.Object.Entity.Class) == ProposalObject:
			// "presented X with an offer": the other object receives it.
			if r, ok := db.refOf(a.Head); ok && r.node >= 0 && kindOf(db.r.nodes[r.node].Class) == ActorObject {
				f.Args = append(f.Args, schema.Arg{Role: schema.Recipient, Value: schema.EntityTerm(db.r.nodes[r.node])})
			}
		}
	}
	// "presented X with an offer": the object is the recipient, the
	// "with" argument the proposal.
	if obj != nil && f.Object.Entity != nil && kindOf(f.Object.Entity.Class) == ActorObject {
		for i := range x.Args {
			a := &x.Args[i]
			if a == obj || db.caseWord(a.Head) != "with" {
				continue
			}
			if r, ok := db.refOf(a.Head); ok && r.node >= 0 && r.kind == ProposalObject {
				if p, ok := db.lex.Verb(db.lemma(db.verbs(x)[0]), []string{"with"}, ProposalObject); ok {
					f.Args = append(f.Args, schema.Arg{Role: schema.Recipient, Value: f.Object})
					f.Object = schema.EntityTerm(db.r.nodes[r.node])
					f.Predicate = p
				}
			}
		}
	}
}

// derived returns a fact about f's subject that f's words also state:
// same evidence and flags, its own predicate and object. When f's subject
// is a proposal and p is one of its terms, the proposal is the subject.
func (db *docBuilder) derived(f *schema.Fact, p schema.Predicate, obj schema.Term) schema.Fact {
	subj := f.Subject
	if f.Object.Entity != nil && kindOf(f.Object.Entity.Class) == ProposalObject && p == schema.InReturnFor {
		subj = f.Object
	}
	return schema.Fact{Subject: subj, Predicate: p, Relation: f.Relation, Object: obj, Evidence: f.Evidence}
}

// proposalFacts adds, for a fact whose object is a proposal, who
// proposed it.
func (db *docBuilder) proposalFacts(f *schema.Fact) {
	o := f.Object.Entity
	if o == nil || kindOf(o.Class) != ProposalObject || f.Subject.Entity == nil || !f.Asserted() {
		return
	}
	if f.Predicate == schema.Proposes || f.Predicate == schema.Offers {
		g := *f
		g.Subject, g.Object = f.Object, f.Subject
		g.Predicate = schema.ProposedBy
		g.Args = nil
		db.emit(g)
	}
}

// proposition builds the fact a clause headed by h states, from the Open
// IE extraction of that clause when there is one.
func (db *docBuilder) proposition(h int, outerSubj, forced schema.Term, depth int) (*schema.Fact, bool) {
	for i := range db.xs {
		x := &db.xs[i]
		if x.Relation.Head != h && !containsTok(x.Relation.Tokens, h) {
			continue
		}
		db.propHeads[x.Relation.Head] = true
		var subj schema.Term
		if !x.Subject.Empty() {
			if r, ok := db.refOf(x.Subject.Head); ok {
				subj, _ = db.term(r, outerSubj, depth)
			}
			if subj.IsZero() {
				// Its own subject, unresolved ("they"): named by its words,
				// never replaced by the outer subject.
				ss, se := x.Subject.Span()
				for ss < se-1 && edgeWord(db.doc, ss, ss, se) {
					ss++
				}
				for se > ss+1 && edgeWord(db.doc, se-1, ss, se) {
					se--
				}
				name := db.doc.SpanText(ss, se) // the article's own characters
				if schema.KeyOf(name) == "" {
					continue
				}
				n := db.r.node(schema.ClassThing, schema.KeyOf(db.doc.ID)+"--"+schema.KeyOf(name), name, "", "")
				subj = schema.EntityTerm(db.r.nodes[n])
			}
		}
		if subj.IsZero() {
			subj = outerSubj
		}
		if !forced.IsZero() {
			subj = forced // the noun before a gerund is its subject
		}
		if subj.IsZero() {
			continue
		}
		arg := objectArg(x)
		var obj schema.Term
		var oref ref
		if arg != nil {
			if r, ok := db.refOf(arg.Head); ok {
				oref = r
				obj, _ = db.term(r, subj, depth)
			}
		}
		if obj.IsZero() {
			continue
		}
		p := &schema.Fact{Subject: subj, Relation: x.RelationText(db.doc), Object: obj}
		p.Predicate, _ = db.predicate(x, arg, oref)
		if p.Predicate == schema.LeaderOf && !leads(p.Subject) {
			p.Predicate = ""
		}
		if p.Predicate != "" && db.passive(x) {
			// As in a sentence's own facts: the passive subject is the
			// patient, the "by" argument the agent; without an agent, or
			// with a patient the verb's entry does not take ("two were
			// being held in a hospital" is no control of territory), the
			// relation stays open.
			sref := ref{node: -1, clause: -1}
			if !x.Subject.Empty() {
				sref, _ = db.refOf(x.Subject.Head)
			}
			if agent := db.agent(x); agent.IsZero() {
				p.Predicate = ""
			} else if q, _ := db.predicate(x, nil, sref); q != p.Predicate {
				p.Predicate = ""
			} else {
				p.Object, p.Subject = p.Subject, agent
			}
		}
		p.Evidence = db.evidence(x)
		db.args(x, arg, p)
		return p, true
	}
	// No extraction: the clause's own words as an open relation of the
	// outer subject.
	d := db.doc
	s, e := d.Subtree(h)
	if !forced.IsZero() {
		outerSubj = forced
	}
	for _, c := range d.Children(h) {
		if r := d.Tokens[c].Rel; r == "nsubj" || r == "nsubj:pass" || r == "expl" {
			// The clause's own subject, named by its words when unresolved.
			outerSubj = schema.Term{}
			if rf, ok := db.refOf(c); ok && rf.node >= 0 {
				outerSubj = schema.EntityTerm(db.r.nodes[rf.node])
			} else {
				cs, ce := d.Subtree(c)
				name := d.SpanText(cs, ce)
				if schema.KeyOf(name) != "" {
					n := db.r.node(schema.ClassThing, schema.KeyOf(d.ID)+"--"+schema.KeyOf(name), name, "", "")
					outerSubj = schema.EntityTerm(db.r.nodes[n])
				}
			}
			break
		}
	}
	s, e = trimEdgePunct(d, s, e)
	if outerSubj.IsZero() || e <= s || h >= e {
		return nil, false
	}
	text := d.SpanText(s, e)
	name := d.SpanText(trimEdgePunct(d, h+1, e))
	if schema.KeyOf(name) == "" {
		return nil, false
	}
	n := db.r.node(schema.ClassThing, schema.KeyOf(d.ID)+"--"+schema.KeyOf(name), name, "", "")
	return &schema.Fact{Subject: outerSubj, Relation: d.Tokens[h].Form, Object: schema.EntityTerm(db.r.nodes[n]),
		Evidence: schema.Evidence{Doc: d.ID, Sentence: d.SentenceOf(h), Start: d.Tokens[s].Start, End: d.Tokens[e-1].End,
			Text: text, Extractor: extractorName, Conf: 0.5}}, true
}

// content is a node for the words of the clause headed by h, without the
// punctuation and complementiser around it, or the zero term.
func (db *docBuilder) content(h int) schema.Term {
	d := db.doc
	s, e := d.Subtree(h)
	for s < e && (d.Tokens[s].UPOS == "PUNCT" || d.Tokens[s].Rel == "mark" && d.Tokens[s].Head == h) {
		s++
	}
	for e > s && d.Tokens[e-1].UPOS == "PUNCT" {
		e--
	}
	name := d.SpanText(s, e)
	if e <= s || schema.KeyOf(name) == "" {
		return schema.Term{}
	}
	n := db.r.node(schema.ClassThing, schema.KeyOf(d.ID)+"--"+schema.KeyOf(name), name, "", "")
	return schema.EntityTerm(db.r.nodes[n])
}

// trimEdgePunct narrows the tokens [s, e) to leave out the punctuation at
// their edges, but for a quotation mark whose partner stays inside:
// "-Silk would "deliver better"" becomes "Silk would "deliver better"",
// and "better"" becomes "better".
func trimEdgePunct(d *nlp.Document, s, e int) (int, int) {
	for s < e && d.Tokens[s].UPOS == "PUNCT" && !quotePartnered(d, s, s, e) {
		s++
	}
	for e > s && d.Tokens[e-1].UPOS == "PUNCT" && !quotePartnered(d, e-1, s, e) {
		e--
	}
	return s, e
}

// quotePartnered reports whether token i is a quotation mark whose
// partner lies in [s, e): for curly and doubled marks the next unmatched
// closing one after an opening one, or the unmatched opening one before a
// closing one; for straight marks, an odd number of others.
func quotePartnered(d *nlp.Document, i, s, e int) bool {
	kind := func(j int) int { // 1 opening, -1 closing, 2 straight, 0 none
		if d.Tokens[j].UPOS != "PUNCT" {
			return 0 // the possessive "'" of "learners'"
		}
		switch d.Tokens[j].Form {
		case "\u201c", "\u2018", "``":
			return 1
		case "\u201d", "\u2019", "''":
			return -1
		case "\"", "'", "`":
			return 2
		}
		return 0
	}
	switch kind(i) {
	case 1:
		depth := 0
		for j := i + 1; j < e; j++ {
			switch kind(j) {
			case 1:
				depth++
			case -1:
				if depth == 0 {
					return true
				}
				depth--
			}
		}
	case -1:
		depth := 0
		for j := i - 1; j >= s; j-- {
			switch kind(j) {
			case -1:
				depth++
			case 1:
				if depth == 0 {
					return true
				}
				depth--
			}
		}
	case 2:
		n := 0
		for j := s; j < e; j++ {
			if j != i && kind(j) == 2 {
				n++
			}
		}
		return n%2 == 1
	}
	return false
}

func containsTok(toks []int, t int) bool {
	for _, x := range toks {
		if x == t {
			return true
		}
	}
	return false
}

// ---- nominal facts

// nominal reads facts that a noun phrase states: "A's meeting with B",
// "their support for X", "its invasion of Y", "the X region of Y".
func (db *docBuilder) nominal(n int) {
	d := db.doc
	tok := &d.Tokens[n]
	if tok.UPOS != "NOUN" {
		return
	}
	lem := db.lemma(n)
	db.partOf(n)
	if _, known := db.lex.nouns[lem]; !known {
		return
	}
	subjects := db.nominalSubjects(n)
	if len(subjects) == 0 {
		return
	}
	emitted := false
	for _, c := range d.Children(n) {
		rel := d.Tokens[c].Rel
		if rel != "nmod" && rel != "acl" && !strings.HasPrefix(rel, "nmod:") || rel == "nmod:poss" {
			continue
		}
		cw := db.caseWord(c)
		if cw == "" {
			continue
		}
		r, ok := db.refOf(c)
		if !ok {
			continue
		}
		for _, k := range db.kinds(r) {
			p, ok := db.lex.Noun(lem, strings.Fields(cw), k)
			if !ok {
				continue
			}
			for _, s := range subjects {
				obj, ok := db.term(r, schema.EntityTerm(db.r.nodes[s]), 0)
				if !ok || obj.Entity == db.r.nodes[s] {
					continue
				}
				db.emit(db.nominalFact(s, p, lem+" "+cw, obj, n, c))
				emitted = true
			}
			break
		}
	}
	if emitted {
		return
	}
	// A predicate nominal: "X had been one of A's demands" → A demands X.
	if obj, ok := db.copulaSubject(n); ok {
		if p, ok := db.lex.Noun(lem, nil, AnyObject); ok {
			for _, s := range subjects {
				db.emit(db.nominalFact(s, p, lem, obj, n, n))
			}
			return
		}
	}
	// "the A-B meeting": two actors in compounds meet each other.
	if len(subjects) == 2 {
		if p, ok := db.lex.Noun(lem, []string{"with"}, ActorObject); ok {
			db.emit(db.nominalFact(subjects[0], p, lem, schema.EntityTerm(db.r.nodes[subjects[1]]), n, n))
		}
	}
}

// nominalSubjects returns who does what noun n names: its possessor, the
// actors compounded with it, or the subject of the clause it is an
// adjunct of.
func (db *docBuilder) nominalSubjects(n int) []int {
	d := db.doc
	var out []int
	for _, c := range d.Children(n) {
		if d.Tokens[c].Rel == "nmod:poss" {
			if r, ok := db.refOf(c); ok && r.node >= 0 && r.kind == ActorObject {
				return []int{r.node}
			}
			return nil // a possessor we cannot resolve: nobody else is the subject
		}
	}
	for _, c := range d.Children(n) {
		if (d.Tokens[c].Rel == "compound" || d.Tokens[c].Rel == "amod") && c < n {
			if m := db.r.headNode(c); m >= 0 && kindOf(db.r.nodes[m].Class) == ActorObject {
				out = append(out, m)
				for _, cc := range d.Children(c) {
					if d.Tokens[cc].Rel == "conj" || d.Tokens[cc].Rel == "compound" {
						if m2 := db.r.headNode(cc); m2 >= 0 && m2 != m {
							out = append(out, m2)
						}
					}
				}
			}
		}
	}
	if len(out) > 0 {
		sort.Slice(out, func(i, j int) bool { return db.firstToken(out[i]) < db.firstToken(out[j]) })
		return out
	}
	// "during a meeting with X": the subject of the governing verb.
	if strings.HasPrefix(d.Tokens[n].Rel, "obl") {
		v := d.Tokens[n].Head
		for steps := 0; v >= 0 && steps < 4; steps++ {
			for _, c := range d.Children(v) {
				if r := d.Tokens[c].Rel; r == "nsubj" || r == "nsubj:pass" {
					if ref, ok := db.refOf(c); ok && ref.node >= 0 && ref.kind == ActorObject {
						return []int{ref.node}
					}
				}
			}
			if r := d.Tokens[v].Rel; r != "xcomp" && r != "conj" && r != "advcl" {
				break
			}
			v = d.Tokens[v].Head
		}
	}
	return nil
}

// firstToken returns the first token of node n in the document.
func (db *docBuilder) firstToken(n int) int {
	for t, m := range db.r.tok {
		if m == n {
			return t
		}
	}
	return len(db.r.tok)
}

// copulaSubject returns the subject of a copular clause whose predicate is
// noun n or "one of n".
func (db *docBuilder) copulaSubject(n int) (schema.Term, bool) {
	d := db.doc
	pred := n
	if h := d.Tokens[n].Head; h >= 0 && strings.HasPrefix(d.Tokens[n].Rel, "nmod") && db.lemma(h) == "one" {
		pred = h
	}
	hasCop := false
	for _, c := range d.Children(pred) {
		if d.Tokens[c].Rel == "cop" {
			hasCop = true
		}
	}
	if !hasCop {
		return schema.Term{}, false
	}
	for _, c := range d.Children(pred) {
		if r := d.Tokens[c].Rel; r == "nsubj" || r == "csubj" {
			ref, ok := db.refOf(c)
			if !ok {
				return schema.Term{}, false
			}
			if ref.clause >= 0 {
				// The clause's own words name what is demanded.
				s, e := d.Subtree(c)
				name := d.SpanText(s, e)
				node := db.r.node(schema.ClassThing, schema.KeyOf(d.ID)+"--"+schema.KeyOf(name), name, "", "")
				return schema.EntityTerm(db.r.nodes[node]), true
			}
			return db.term(ref, schema.Term{}, 0)
		}
	}
	return schema.Term{}, false
}

func (db *docBuilder) nominalFact(subj int, p schema.Predicate, rel string, obj schema.Term, a, b int) schema.Fact {
	d := db.doc
	s1, e1 := d.Subtree(a)
	s2, e2 := d.Subtree(b)
	start, end := min(s1, s2), max(e1, e2)
	if end-start > 40 {
		start, end = min(a, b), max(a, b)+1
	}
	return schema.Fact{
		Subject: schema.EntityTerm(db.r.nodes[subj]), Predicate: p, Relation: rel, Object: obj,
		Evidence: schema.Evidence{Doc: d.ID, Sentence: d.SentenceOf(a), Start: d.Tokens[start].Start, End: d.Tokens[end-1].End,
			Text: d.SpanText(start, end), Extractor: extractorName, Conf: 0.7},
	}
}

// partOf reads "the X region of Y" and "Y's X region": place X is part of
// place Y.
func (db *docBuilder) partOf(n int) {
	d := db.doc
	inner, ok := db.refOf(n)
	if !ok || inner.node < 0 || db.r.nodes[inner.node].Class != schema.ClassTerritory {
		return
	}
	for _, c := range d.Children(n) {
		rel := d.Tokens[c].Rel
		if !(strings.HasPrefix(rel, "nmod") && (db.caseWord(c) == "of" || rel == "nmod:poss")) {
			continue
		}
		outer, ok := db.refOf(c)
		if !ok || outer.node < 0 || outer.node == inner.node {
			continue
		}
		if cl := db.r.nodes[outer.node].Class; cl != schema.ClassTerritory && cl != schema.ClassState {
			if !db.coercible(outer.node) {
				continue
			}
			// "the X region of Y": Y is a place too.
			db.makePlace(outer.node)
		}
		db.emit(db.nominalFact(inner.node, schema.PartOf, "of", schema.EntityTerm(db.r.nodes[outer.node]), n, c))
	}
}
