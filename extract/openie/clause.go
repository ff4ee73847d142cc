package openie

import (
	"slices"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/schema"
)

// sentence is one parsed sentence with its children lists.
type sentence struct {
	doc        *nlp.Document
	start, end int
	kids       [][]int // children of token start+i, in text order
	controlled []int   // advcl heads read as xcomp (ObjectControlled)
}

func newSentence(doc *nlp.Document, si int) *sentence {
	sp := doc.Sentences[si]
	if sp.Start < 0 || sp.End > len(doc.Tokens) || sp.Start >= sp.End {
		return nil
	}
	s := &sentence{doc: doc, start: sp.Start, end: sp.End, kids: make([][]int, sp.Len())}
	for i := sp.Start; i < sp.End; i++ {
		h := doc.Tokens[i].Head
		if h >= sp.Start && h < sp.End && h != i {
			s.kids[h-sp.Start] = append(s.kids[h-sp.Start], i)
		}
	}
	// A cycle would make subtree walks loop; cut heads that never reach a root.
	for i := sp.Start; i < sp.End; i++ {
		if !s.reachesRoot(i) {
			return nil
		}
	}
	for i := sp.Start; i < sp.End; i++ {
		if ObjectControlled(doc, i) {
			s.controlled = append(s.controlled, i)
		}
	}
	return s
}

// ObjectControlled reports whether token i, which the parser attached as
// an adverbial clause, is the to-infinitive complement of an object
// control verb, to be read as xcomp: "pressed the minister to resign",
// where the minister is to resign, not the one who pressed. It must
// follow the verb's object directly and have no subject of its own.
// Parsers confuse the two readings, which "bought a car to impress her"
// (a purpose clause: the buyer impresses) shows are both English; the
// verb decides.
func ObjectControlled(doc *nlp.Document, i int) bool {
	t := &doc.Tokens[i]
	h := t.Head
	if t.Rel != "advcl" || t.UPOS != "VERB" || h < 0 || h >= i || !objectControlVerbs[strings.ToLower(doc.Tokens[h].Lemma)] {
		return false
	}
	mark, obj := -1, -1
	for k := h + 1; k < len(doc.Tokens) && k <= i; k++ {
		switch u := &doc.Tokens[k]; {
		case u.Head == i && (u.Rel == "nsubj" || u.Rel == "csubj" || u.Rel == "nsubj:pass"):
			return false
		case u.Head == i && u.Rel == "mark" && strings.EqualFold(u.Form, "to") && mark < 0:
			mark = k
		case u.Head == h && (u.Rel == "obj" || u.Rel == "iobj") && obj < 0:
			obj = k
		}
	}
	if mark < 0 || obj < 0 || mark < obj {
		return false
	}
	// Only the object's own words stand between it and "to".
	for k := obj + 1; k < mark; k++ {
		a := k
		for steps := 0; a >= 0 && a != obj && steps < len(doc.Tokens); steps++ {
			a = doc.Tokens[a].Head
		}
		if a != obj {
			return false
		}
	}
	return true
}

func (s *sentence) reachesRoot(i int) bool {
	for steps := 0; steps <= s.end-s.start; steps++ {
		h := s.doc.Tokens[i].Head
		if h < s.start || h >= s.end || h == i {
			return true
		}
		i = h
	}
	return false
}

func (s *sentence) tok(i int) *nlp.Token { return &s.doc.Tokens[i] }
func (s *sentence) children(i int) []int { return s.kids[i-s.start] }
func (s *sentence) head(i int) int {
	h := s.tok(i).Head
	if h < s.start || h >= s.end {
		return -1
	}
	return h
}

// rel returns the relation without subtype ("nsubj:pass" -> "nsubj").
func (s *sentence) rel(i int) string {
	r := s.tok(i).Rel
	if r == "advcl" && slices.Contains(s.controlled, i) {
		return "xcomp"
	}
	if k := strings.IndexByte(r, ':'); k >= 0 {
		return r[:k]
	}
	return r
}

// lemma returns the lower-cased lemma, or the form when no lemma is set.
func (s *sentence) lemma(i int) string {
	t := s.tok(i)
	if t.Lemma != "" && t.Lemma != "_" {
		return strings.ToLower(t.Lemma)
	}
	return lemmaGuess(strings.ToLower(t.Form))
}

func (s *sentence) lower(i int) string { return strings.ToLower(s.tok(i).Form) }

// child returns the first child of i with relation r (full label or base).
func (s *sentence) child(i int, rels ...string) int {
	for _, c := range s.children(i) {
		for _, r := range rels {
			if s.tok(c).Rel == r || s.rel(c) == r {
				return c
			}
		}
	}
	return -1
}

// isVerb reports a verb that heads a clause of its own.
func (s *sentence) isVerb(i int) bool {
	t := s.tok(i)
	return t.UPOS == "VERB" || (t.UPOS == "AUX" && !isAuxRel(t.Rel)) || (t.UPOS == "" && strings.HasPrefix(t.XPOS, "VB"))
}

func isAuxRel(r string) bool { return r == "aux" || r == "aux:pass" || r == "cop" }

// isPredicate reports whether p heads a clause we extract from.
func (s *sentence) isPredicate(p int) bool {
	r := s.rel(p)
	switch r {
	case "aux", "cop", "amod", "compound", "det", "case", "mark", "punct", "fixed", "flat", "goeswith", "reparandum", "discourse", "cc":
		return false
	}
	if s.child(p, "cop") >= 0 {
		return s.subjectSource(p) >= 0
	}
	if !s.isVerb(p) {
		return false
	}
	switch r {
	case "root", "conj", "ccomp", "advcl", "parataxis", "acl", "xcomp", "csubj", "list", "dep", "appos":
	case "obj":
		if s.tok(p).XPOS != "VBG" {
			return false
		}
	default:
		return false
	}
	if r == "xcomp" && s.mergedXcomp(p) {
		return false // its words join the governing verb's relation
	}

	return true
}

// subjectSource returns the clause whose subject p uses (p itself when it
// has one), or -1.
func (s *sentence) subjectSource(p int) int {
	for steps := 0; p >= 0 && steps < 32; steps++ {
		if s.subjectOf(p) >= 0 {
			return p
		}
		switch s.rel(p) {
		case "conj", "xcomp", "advcl", "obj":
			if r := s.reportingVerbOf(p); r >= 0 {
				p = r
				continue
			}
			p = s.head(p)
		case "acl":
			return p
		default:
			return -1
		}
	}
	return -1
}

// subjectOf returns clause p's subject (nsubj or csubj child), or -1. A
// one-word "subject" right after a preposition of its own ("but on
// Wednesday said ...") is an adjunct the parser mislabelled: the clause
// has none of its own and takes one as a clause without a subject does.
// (A longer one is kept: in "On Tuesday Foreign Secretary Jack Straw
// told ..." the parser hung the preposition on the real subject.)
func (s *sentence) subjectOf(p int) int {
	c := s.child(p, "nsubj", "csubj")
	if c >= 0 && s.rel(c) == "nsubj" && c > s.start {
		if k := s.child(c, "case"); k == c-1 && s.tok(k).UPOS == "ADP" && len(s.children(c)) == 1 {
			return -1
		}
	}
	return c
}

// reportingVerbOf returns, for a participle of speech set off by a comma
// and attached to a reported clause ("claimed the detention had driven
// them mad, saying two were held"), the verb that reports that clause: the
// participle reports too, and its speaker is the one who claimed. It
// returns -1 otherwise.
func (s *sentence) reportingVerbOf(p int) int {
	if r := s.rel(p); r != "advcl" && r != "acl" || p <= s.start || s.tok(p).XPOS != "VBG" || !speechVerbs[s.lemma(p)] ||
		s.lower(p-1) != "," || s.child(p, "nsubj", "csubj", "mark") >= 0 {
		return -1
	}
	// Up through the reported clause's own parts ("driven four of them to
	// madness, saying": the parser may hang it on any of them, nouns
	// included).
	h := s.head(p)
	for steps := 0; h >= 0 && steps < 8; steps++ {
		switch s.rel(h) {
		case "ccomp":
			if g := s.head(h); g >= 0 && speechVerbs[s.lemma(g)] {
				return g
			}
			return -1
		case "xcomp", "obj", "obl", "conj", "advcl", "acl", "nmod":
			h = s.head(h)
		default:
			return -1
		}
	}
	return -1
}

// mergedXcomp reports whether a verbal xcomp with "to" joins its governor's
// relation ("wants to buy"): the governor has no object of its own.
func (s *sentence) mergedXcomp(x int) bool {
	h := s.head(x)
	if h < 0 || s.rel(x) != "xcomp" || !s.isVerb(x) {
		return false
	}
	if s.child(h, "obj", "iobj") >= 0 {
		return false
	}
	m := s.child(x, "mark")
	return m >= 0 && s.lower(m) == "to"
}

// ctx is what a clause inherits from the clauses above it.
type ctx struct {
	negated  bool
	modality schema.Modality
	hedged   bool
	attrib   *Attribution
}

// clause returns the extractions of the clause headed by p.
func (s *sentence) clause(p int) []Extraction {
	if s.reportingParataxis(p) {
		return s.reporting(p)
	}
	subjects, inherited := s.subjects(p)
	if len(subjects) == 0 {
		return nil
	}
	c := s.context(p)
	rel, args, last := s.relationAndArgs(p, &c)
	if rel.Empty() {
		return nil
	}
	// Coordinated objects split the extraction: "bought a car and a house".
	variants := s.splitObjects(args)
	var out []Extraction
	for _, subj := range subjects {
		for _, as := range variants {
			e := Extraction{Subject: subj, Relation: rel, Args: as, Kind: Verbal,
				Negated: c.negated, Modality: c.modality, Hedged: c.hedged, Attribution: c.attrib}
			s.movePreposition(&e)
			e.Clause = clauseType(e.Args)
			e.feats = s.featuresOf(p, last, &e, inherited)
			out = append(out, e)
		}
	}
	return out
}

// reportingParataxis reports "..., officials said, ...": a speech verb in
// parataxis with no object of its own, which attributes its host clause.
func (s *sentence) reportingParataxis(p int) bool {
	return s.rel(p) == "parataxis" && speechVerbs[s.lemma(p)] && s.child(p, "ccomp", "obj") < 0 && s.child(p, "nsubj") >= 0 && s.head(p) >= 0
}

// reporting returns (speaker; said; host clause) for a reporting
// parataxis; the host clause's own extractions carry the attribution.
func (s *sentence) reporting(p int) []Extraction {
	host := s.head(p)
	content := s.phrase(host, func(k int) bool { return k == p })
	if content.Empty() {
		return nil
	}
	var out []Extraction
	for _, subj := range s.coordinated(s.child(p, "nsubj")) {
		e := Extraction{Subject: subj, Relation: s.verbGroup(p), Args: []Arg{{Role: Object, Phrase: content}}, Kind: Verbal, Clause: SVO}
		c := s.context(host)
		e.Negated, e.Modality = s.negatedHere(p), ""
		if c.attrib != nil && c.attrib.Verb.Head != p {
			e.Attribution = c.attrib
		}
		e.feats = s.featuresOf(p, p, &e, false)
		out = append(out, e)
	}
	return out
}

// subjects returns the subject phrases of clause p, split on coordination,
// and whether they were inherited from another clause. A relative pronoun
// reached through control ("ailments that it failed to cure") stands for
// the noun its relative clause modifies.
func (s *sentence) subjects(p int) ([]Phrase, bool) {
	subjs, inherited := s.rawSubjects(p)
	for i, sp := range subjs {
		if len(sp.Tokens) == 1 && isRelPronoun(s, sp.Head) {
			if n, cl := s.relNoun(p); n >= 0 {
				subjs[i] = s.nounPhrase(n, cl)
			}
		}
	}
	return subjs, inherited
}

func (s *sentence) rawSubjects(p int) ([]Phrase, bool) {
	if r := s.reportingVerbOf(p); r >= 0 {
		subjs, _ := s.rawSubjects(r)
		return subjs, true
	}
	if c := s.freeAdjunct(p); c >= 0 {
		return s.coordinated(s.child(c, "nsubj", "csubj")), true
	}
	if s.rel(p) == "acl" && s.subjectOf(p) < 0 {
		// Participial or relative clause: the modified noun.
		n := s.head(p)
		if n < 0 {
			return nil, false
		}
		return []Phrase{s.nounPhrase(n, p)}, true
	}
	src := s.subjectSource(p)
	if src < 0 {
		return nil, false
	}
	if src != p && (s.rel(p) == "xcomp" || s.rel(p) == "advcl" && s.child(p, "mark") >= 0 && s.lower(s.child(p, "mark")) == "as") {
		// Object control: "persuaded him to leave", "cited sources as
		// saying", "urged the miners to walk out" (parsers label that object
		// iobj too); "promise" is the one common verb whose subject stays
		// the controller ("promised voters to cut taxes").
		if o := s.child(s.head(p), "obj", "iobj"); o >= 0 && s.tok(s.head(p)).Lemma != "promise" {
			return s.coordinated(o), true
		}
	}
	if c := s.freeAdjunct(src); c >= 0 {
		return s.coordinated(s.child(c, "nsubj", "csubj")), true
	}
	if s.rel(src) == "acl" && s.subjectOf(src) < 0 {
		n := s.head(src)
		if n < 0 {
			return nil, false
		}
		return []Phrase{s.nounPhrase(n, src)}, true
	}
	subj := s.subjectOf(src)
	if subj < 0 {
		return nil, false
	}
	if isRelPronoun(s, subj) {
		// "the envoy who met X": the relative pronoun stands for the noun.
		if n, cl := s.relNoun(src); n >= 0 {
			return []Phrase{s.nounPhrase(n, cl)}, true
		}
	}
	if s.rel(subj) == "csubj" {
		return []Phrase{s.phrase(subj, nil)}, src != p
	}
	return s.coordinated(subj), src != p
}

// freeAdjunct returns the clause whose subject a present participle set
// off by a comma takes when the parser attached it to a noun ("leaders
// reacted to the outcome of the meeting, seeking not to criticise ..."):
// such a participle is a free adjunct of the clause, not a restrictive
// modifier of the noun, so its subject is the nearest clause subject
// above it. It returns -1 when p is not such a participle.
func (s *sentence) freeAdjunct(p int) int {
	if p <= s.start || s.tok(p).Rel != "acl" || s.tok(p).XPOS != "VBG" || s.lower(p-1) != "," ||
		s.child(p, "nsubj", "csubj", "mark") >= 0 {
		return -1
	}
	for h, steps := s.head(p), 0; h >= 0 && steps < 32; h, steps = s.head(h), steps+1 {
		if s.isVerb(h) || s.child(h, "cop") >= 0 {
			if s.child(h, "nsubj", "csubj") >= 0 {
				return h
			}
			return -1 // the nearest clause has no subject of its own
		}
	}
	return -1
}

// gerundComplement returns the unmarked gerund clause right after verb v
// that completes it as its object ("avoided paying", "ruled out sending"),
// whatever relation the parser gave it, or -1. v must have no object.
func (s *sentence) gerundComplement(v int) int {
	if v < 0 || !s.isVerb(v) || s.child(v, "obj", "ccomp") >= 0 {
		return -1
	}
	for _, k := range s.children(v) {
		if k <= v || s.tok(k).XPOS != "VBG" || s.child(k, "mark", "nsubj") >= 0 {
			continue
		}
		switch s.rel(k) {
		case "xcomp", "advcl", "obj":
			// Only words of the verb group may stand between them.
			for j := v + 1; j < k; j++ {
				if r := s.rel(j); r != "compound" && s.tok(j).Rel != "compound:prt" && r != "advmod" && r != "aux" {
					return -1
				}
			}
			return k
		}
	}
	return -1
}

// relNoun returns the noun a relative clause holding clause p modifies,
// and the relative clause's head, or -1.
func (s *sentence) relNoun(p int) (noun, clause int) {
	for steps := 0; p >= 0 && steps < 8; steps++ {
		switch s.rel(p) {
		case "acl":
			return s.head(p), p
		case "conj", "xcomp":
			p = s.head(p)
		default:
			return -1, -1
		}
	}
	return -1, -1
}

func isRelPronoun(s *sentence, i int) bool {
	if i < 0 {
		return false
	}
	if strings.Contains(s.tok(i).Feats, "PronType=Rel") {
		return true
	}
	switch s.lower(i) {
	case "who", "which", "whom":
		return true
	case "that":
		// "that" is relative when tagged a pronoun (WDT/PRON), not a
		// determiner or a complementizer.
		return s.tok(i).UPOS == "PRON" || s.tok(i).XPOS == "WDT"
	}
	return false
}

// coordinated returns the phrase of noun n, or one phrase per conjunct when
// n heads a coordination of nouns ("Paris and Berlin").
func (s *sentence) coordinated(n int) []Phrase {
	var conj []int
	for _, c := range s.children(n) {
		if s.rel(c) == "conj" && !s.isVerb(c) && s.child(c, "cop") < 0 && s.child(c, "nsubj") < 0 {
			if cc := s.child(c, "cc"); cc >= 0 && s.tok(cc).Form == "&" {
				// "Donaldson, Lufkin & Jenrette" names one firm.
				return []Phrase{s.nounPhrase(n, -1)}
			}
			conj = append(conj, c)
		}
	}
	if len(conj) == 0 {
		return []Phrase{s.nounPhrase(n, -1)}
	}
	out := []Phrase{s.phrase(n, func(c int) bool {
		return s.rel(c) == "conj" || s.rel(c) == "cc" || s.rel(c) == "acl" && s.tok(c).Rel == "acl:relcl" || s.rel(c) == "appos"
	})}
	for _, c := range conj {
		out = append(out, s.phrase(c, func(d int) bool { return s.rel(d) == "cc" || s.tok(d).Rel == "acl:relcl" || s.rel(d) == "appos" }))
	}
	return out
}

// nounPhrase is noun n with its modifiers, without relative clauses,
// appositions and the clause except (a relative or participial clause
// that uses n as its subject).
// Its preposition (case) is left out: the noun stands as a subject.
func (s *sentence) nounPhrase(n, except int) Phrase {
	return s.phrase(n, func(c int) bool {
		return c == except || (s.rel(c) == "case" && s.head(c) == n) || s.tok(c).Rel == "acl:relcl" || s.rel(c) == "appos" || (s.rel(c) == "acl" && s.isVerb(c) && except >= 0) || s.freeAdjunct(c) >= 0
	})
}

// adjunctPhrase is a prepositional argument with its preposition and
// without relative clauses and appositions.
func (s *sentence) adjunctPhrase(n int) Phrase {
	return s.phrase(n, func(c int) bool { return s.tok(c).Rel == "acl:relcl" || s.rel(c) == "appos" || s.freeAdjunct(c) >= 0 })
}

// phrase is the subtree of i without the children skip selects (and their
// subtrees), trimmed of punctuation and conjunctions at its edges.
func (s *sentence) phrase(i int, skip func(c int) bool) Phrase {
	var toks []int
	var walk func(j int, depth int)
	walk = func(j int, depth int) {
		if depth > s.end-s.start {
			return
		}
		toks = append(toks, j)
		for _, c := range s.children(j) {
			if skip != nil && skip(c) {
				continue
			}
			walk(c, depth+1)
		}
	}
	walk(i, 0)
	sort.Ints(toks)
	// Trim punctuation and conjunctions at the edges, but keep a quotation
	// mark whose partner is inside the phrase.
	for len(toks) > 1 && s.edgeWord(toks[0]) && toks[0] != i && !(s.isQuote(toks[0]) && s.quotes(toks[1:]) > 0) {
		toks = toks[1:]
	}
	for len(toks) > 1 && s.edgeWord(toks[len(toks)-1]) && toks[len(toks)-1] != i && !(s.isQuote(toks[len(toks)-1]) && s.quotes(toks[:len(toks)-1])%2 == 1) {
		toks = toks[:len(toks)-1]
	}
	return Phrase{Head: i, Tokens: toks}
}

// isQuote reports a quotation mark token.
func (s *sentence) isQuote(i int) bool {
	switch s.doc.TokenText(i) {
	case "``", "''", "\"", "\u201c", "\u201d", "'", "`":
		return true
	}
	return false
}

// quotes counts the quotation marks among toks.
func (s *sentence) quotes(toks []int) int {
	n := 0
	for _, t := range toks {
		if s.isQuote(t) {
			n++
		}
	}
	return n
}

func (s *sentence) edgeWord(i int) bool {
	r := s.rel(i)
	return r == "punct" || r == "cc" || (r == "mark" && s.lower(i) == "that")
}

// context walks up from clause p and collects what it inherits:
// attribution to a speaker, conditional, desired, negating governors,
// hedges, plus its own modal auxiliaries and negation.
func (s *sentence) context(p int) ctx {
	var c ctx
	s.ownFlags(p, &c)
	cur := p
	// Polarity and modality scope over complement clauses only: once the
	// walk leaves through a clause that modifies a noun ("the house that
	// Jack built"), only attribution is inherited.
	nominal := false
	// Nor do negation, desire and hedging reach into an adverbial clause
	// that is set off by punctuation or opened by a subordinator ("refused
	// to sign it, saying it was unfair": the saying is no refusal; "refused
	// to come because he was ill"), however deep the parser attached it.
	// A clause opened by a preposition stays in scope: "failed to reach a
	// deal on ending the war".
	adjunct := false
	for steps := 0; steps < 32; steps++ {
		// "X, he said": a speech verb in parataxis attributes its host.
		if c.attrib == nil {
			for _, k := range s.children(cur) {
				if s.rel(k) == "parataxis" && speechVerbs[s.lemma(k)] && s.child(k, "ccomp", "obj") < 0 {
					if subj := s.child(k, "nsubj"); subj >= 0 {
						c.attrib = &Attribution{Speaker: s.nounPhrase(subj, -1), Verb: s.verbGroup(k)}
					}
				}
				if s.rel(k) == "obl" && s.child(k, "case") >= 0 && s.lower(s.child(k, "case")) == "according" {
					c.attrib = &Attribution{Speaker: s.nounPhrase(k, -1), Verb: Phrase{Head: s.child(k, "case"), Tokens: caseWords(s, k)}}
				}
			}
		}
		r := s.rel(cur)
		h := s.head(cur)
		if h < 0 {
			break
		}
		if s.gerundComplement(h) == cur {
			r = "xcomp" // "ruled out giving up control": a complement however attached
		}
		// Relative clauses and bare participles ("terms discussed in
		// Alaska") state facts of their own; marked adnominal clauses ("a
		// deal on ending the war", "a plan to invade") stay in the scope.
		if (r == "acl" && (s.tok(cur).Rel == "acl:relcl" || s.child(cur, "mark") < 0)) || (r != "acl" && !(s.isVerb(h) || s.child(h, "cop") >= 0)) {
			nominal = true
		}
		if nominal {
			if r == "ccomp" && c.attrib == nil && speechVerbs[s.lemma(h)] {
				if subjs, _ := s.subjects(h); len(subjs) > 0 {
					c.attrib = &Attribution{Speaker: subjs[0], Verb: s.verbGroup(h)}
				}
			}
			cur = h
			continue
		}
		switch r {
		case "ccomp", "xcomp":
			lem := s.lemma(h)
			if c.attrib == nil && r == "ccomp" && speechVerbs[lem] {
				// The speaker may be inherited: "cited sources as saying that ...".
				if subjs, _ := s.subjects(h); len(subjs) > 0 {
					c.attrib = &Attribution{Speaker: subjs[0], Verb: s.verbGroup(h)}
				}
			}
			if adjunct {
				break
			}
			if negVerbs[lem] || (lem == "rule" && s.child(h, "compound:prt") >= 0 && s.lower(s.child(h, "compound:prt")) == "out") {
				c.negated = !c.negated
			}
			if desireVerbs[lem] && c.modality == schema.Realis {
				c.modality = schema.Desired
			}
			if r == "xcomp" && hedgeVerbs[lem] && s.child(h, "aux:pass", "nsubj:pass") >= 0 {
				c.hedged = true
			}
			if s.negatedHere(h) && r == "xcomp" {
				c.negated = !c.negated
			}
		case "advcl":
			m := s.child(cur, "mark")
			if m >= 0 && condMarks[s.lower(m)] {
				c.modality = schema.Conditional
			}
			if m >= 0 && subordinators[s.lower(m)] || m < 0 && s.setOff(cur) {
				adjunct = true
			}
		}
		cur = h
	}
	return c
}

// setOff reports whether the words of clause p follow a comma, dash,
// semicolon or opening bracket.
func (s *sentence) setOff(p int) bool {
	first := p
	for i := p - 1; i >= s.start; i-- {
		a := i
		for a >= 0 && a != p {
			a = s.head(a)
		}
		if a != p {
			break
		}
		first = i
	}
	setOff := func(i int) bool {
		switch s.tok(i).Form {
		case ",", "–", "—", "-", ";", "(":
			return true
		}
		return false
	}
	// The punctuation is the clause's own (", saying") or ends what
	// comes before it.
	return setOff(first) || first > s.start && setOff(first-1)
}

// ownFlags sets the clause's own modality, negation and hedging.
func (s *sentence) ownFlags(p int, c *ctx) {
	if s.negatedHere(p) {
		c.negated = true
	}
	for _, k := range s.groupHeads(p) {
		for _, a := range s.children(k) {
			switch s.tok(a).Rel {
			case "aux":
				switch s.lower(a) {
				case "will", "shall", "'ll", "wo":
					if c.modality == schema.Realis {
						c.modality = schema.Future
					}
				case "would", "could", "may", "might", "should", "'d":
					c.modality = schema.Hypothetical
				}
			case "advmod":
				if hedgeAdverbs[s.lower(a)] {
					c.hedged = true
				}
			case "advcl":
				if m := s.child(a, "mark"); m >= 0 && condMarks[s.lower(m)] {
					c.modality = schema.Conditional
				}
			}
		}
	}
}

// groupHeads is p and, for a conjunct verb without auxiliaries, the first
// conjunct whose auxiliaries it shares.
func (s *sentence) groupHeads(p int) []int {
	out := []int{p}
	if s.rel(p) == "conj" && s.child(p, "aux", "aux:pass", "cop", "nsubj") < 0 {
		if h := s.head(p); h >= 0 {
			out = append(out, h)
		}
	}
	return out
}

// negatedHere reports negation on the clause head: a "not"/"n't"/"never"
// dependent or Polarity=Neg.
func (s *sentence) negatedHere(p int) bool {
	for _, k := range s.groupHeads(p) {
		for _, a := range s.children(k) {
			if isNegWord(s, a) {
				return true
			}
		}
	}
	return false
}

func isNegWord(s *sentence, a int) bool {
	r := s.rel(a)
	if r != "advmod" && r != "neg" && r != "aux" {
		return false
	}
	switch s.lower(a) {
	case "not", "n't", "never", "no":
		return true
	}
	return strings.Contains(s.tok(a).Feats, "Polarity=Neg") && r != "aux"
}

// verbGroup is verb v with its auxiliaries, negation and particles.
func (s *sentence) verbGroup(v int) Phrase {
	toks := []int{v}
	for _, a := range s.children(v) {
		switch s.tok(a).Rel {
		case "aux", "aux:pass", "compound:prt", "cop":
			toks = append(toks, a)
		default:
			if isNegWord(s, a) {
				toks = append(toks, a)
			}
		}
	}
	sort.Ints(toks)
	return Phrase{Head: v, Tokens: toks}
}

func caseWords(s *sentence, n int) []int {
	var toks []int
	for _, c := range s.children(n) {
		if s.rel(c) == "case" && c < n {
			toks = append(toks, c)
			toks = append(toks, s.fixedOf(c)...)
		}
	}
	sort.Ints(toks)
	return toks
}

// fixedOf returns the fixed dependents of w ("according [to]", "because [of]").
func (s *sentence) fixedOf(w int) []int {
	var out []int
	for _, c := range s.children(w) {
		if s.rel(c) == "fixed" {
			out = append(out, c)
		}
	}
	return out
}

// relationAndArgs builds the relation and arguments of clause p, following
// chains of merged xcomps ("wants to try to buy"). last is the verb whose
// arguments were taken.
func (s *sentence) relationAndArgs(p int, c *ctx) (rel Phrase, args []Arg, last int) {
	cop := s.child(p, "cop")
	var relToks []int
	if x := s.child(p, "xcomp"); cop >= 0 && s.tok(p).UPOS == "ADJ" && x > p && s.mergedXcomp(x) {
		// "were unable to see each other": the adjective joins the
		// relation like a verb with a "to" complement.
		relToks = append(relToks, s.verbGroup(p).Tokens...)
		relToks = append(relToks, s.inheritedAux(p)...)
		cop = -1
	} else if cop >= 0 {
		// Copular clause: "is [the president]", "is in [Paris]".
		for _, a := range s.children(p) {
			switch s.tok(a).Rel {
			case "cop", "aux", "aux:pass":
				relToks = append(relToks, a)
			default:
				if isNegWord(s, a) {
					relToks = append(relToks, a)
				}
			}
		}
		relToks = append(relToks, s.inheritedAux(p)...)
		comp := s.phrase(p, func(k int) bool { return s.clauseLevel(k) })
		var caseToks []int
		for _, k := range s.children(p) {
			if s.rel(k) == "case" && k < p {
				caseToks = append(caseToks, k)
				caseToks = append(caseToks, s.fixedOf(k)...)
			}
		}
		role := Complement
		if len(caseToks) > 0 {
			relToks = append(relToks, caseToks...)
			comp = Phrase{Head: p, Tokens: without(comp.Tokens, caseToks)}
			role = Prep
		}
		sort.Ints(relToks)
		args = append(args, Arg{Role: role, Phrase: comp})
		args = append(args, s.adjuncts(p)...)
		sortArgs(args)
		return Phrase{Head: cop, Tokens: relToks}, args, p
	}
	v := p
	if len(relToks) == 0 {
		relToks = append(relToks, s.verbGroup(v).Tokens...)
		relToks = append(relToks, s.inheritedAux(p)...)
	}
	for steps := 0; steps < 8; steps++ {
		x := s.child(v, "xcomp")
		if x < 0 || !s.mergedXcomp(x) {
			break
		}
		lem := s.lemma(v)
		if negVerbs[lem] {
			c.negated = !c.negated
		}
		if desireVerbs[lem] && c.modality == schema.Realis {
			c.modality = schema.Desired
		}
		if hedgeVerbs[lem] && s.child(v, "aux:pass") >= 0 {
			c.hedged = true // "is said to have sunk"
		}
		relToks = append(relToks, s.child(x, "mark"))
		relToks = append(relToks, s.verbGroup(x).Tokens...)
		// adjuncts of the governor stay with the clause
		args = append(args, s.adjuncts(v)...)
		v = x
	}
	sort.Ints(relToks)
	for _, k := range s.children(v) {
		switch s.tok(k).Rel {
		case "obj", "iobj":
			args = append(args, Arg{Role: Object, Phrase: s.nounPhrase(k, -1)})
		case "ccomp":
			args = append(args, Arg{Role: Object, Phrase: s.phrase(k, func(d int) bool { return s.rel(d) == "mark" && s.lower(d) == "that" })})
		case "xcomp":
			if !s.mergedXcomp(k) && k != s.gerundComplement(v) {
				args = append(args, Arg{Role: Complement, Phrase: s.phrase(k, nil)})
			}
		}
	}
	if g := s.gerundComplement(v); g >= 0 {
		args = append(args, Arg{Role: Object, Phrase: s.phrase(g, nil)})
	}
	// "the deal that X signed": the noun is the object.
	if o := s.child(v, "obj"); o >= 0 && isRelPronoun(s, o) {
		if n, cl := s.relNoun(p); n >= 0 {
			for i := range args {
				if args[i].Head == o {
					args[i].Phrase = s.nounPhrase(n, cl)
				}
			}
		}
	}
	if s.rel(v) == "conj" && s.child(v, "obj", "ccomp") < 0 && s.isVerb(v) {
		// "seeks and builds weapons": the object after the last conjunct
		// hangs on the first one but belongs to both.
		if h := s.head(v); h >= 0 && s.isVerb(h) {
			if o := s.child(h, "obj"); o > v {
				args = append(args, Arg{Role: Object, Phrase: s.nounPhrase(o, -1)})
			}
		}
	}
	args = append(args, s.adjuncts(v)...)
	if !hasCore(args) {
		// "were proven when squadrons were mobilized": with no object or
		// complement, a marked adverbial clause after the verb is one.
		for _, k := range s.children(v) {
			if s.rel(k) == "advcl" && k > v {
				if m := s.child(k, "mark"); m >= 0 && m < k && !condMarks[s.lower(m)] {
					args = append(args, Arg{Role: Prep, Phrase: s.phrase(k, nil)})
					break
				}
			}
		}
	}
	if len(args) == 0 {
		// "prices rose sharply": a manner or degree adverb after the verb.
		for _, k := range s.children(v) {
			if s.rel(k) == "advmod" && k > v && s.tok(k).UPOS == "ADV" && !isNegWord(s, k) && !hedgeAdverbs[s.lower(k)] && !strings.Contains(s.tok(k).Feats, "PronType") {
				args = append(args, Arg{Role: Prep, Phrase: s.phrase(k, nil)})
			}
		}
	}
	sortArgs(args)
	return Phrase{Head: v, Tokens: relToks}, args, v
}

// hasCore reports an object or complement among args.
func hasCore(args []Arg) bool {
	for _, a := range args {
		if a.Role == Object || a.Role == Complement {
			return true
		}
	}
	return false
}

// inheritedAux gives a conjunct verb with no auxiliary or subject of its
// own the auxiliaries of its first conjunct ("has [eaten] and drunk").
func (s *sentence) inheritedAux(p int) []int {
	if s.rel(p) != "conj" || s.child(p, "aux", "aux:pass", "cop", "nsubj", "nsubj:pass") >= 0 {
		return nil
	}
	h := s.head(p)
	if h < 0 || h > p {
		return nil
	}
	if x := s.tok(p).XPOS; x == "VBZ" || x == "VBP" {
		// A present-tense verb has its own tense ("has left and works").
		// Past forms are left alone: taggers confuse VBD with VBN.
		return nil
	}
	var out []int
	for _, a := range s.children(h) {
		switch s.tok(a).Rel {
		case "aux", "aux:pass":
			out = append(out, a)
		case "cop":
			if s.child(p, "cop") < 0 && !s.isVerb(p) {
				out = append(out, a)
			}
		}
	}
	return out
}

// clauseLevel reports dependents of a copular predicate that belong to the
// clause, not to the predicate nominal.
func (s *sentence) clauseLevel(k int) bool {
	switch s.rel(k) {
	case "nsubj", "csubj", "cop", "aux", "punct", "cc", "conj", "advcl", "parataxis", "ccomp", "mark", "obl", "expl", "discourse", "vocative", "dep", "list":
		return true
	case "advmod":
		return isNegWord(s, k) || hedgeAdverbs[s.lower(k)]
	case "acl":
		return s.tok(k).Rel == "acl:relcl"
	case "appos":
		return true
	}
	return false
}

// adjuncts are the prepositional, temporal and locative arguments of v.
func (s *sentence) adjuncts(v int) []Arg {
	var out []Arg
	for _, k := range s.children(v) {
		r := s.tok(k).Rel
		base := s.rel(k)
		switch {
		case base == "obl" || r == "nmod:tmod" || r == "nmod:npmod" || (base == "nmod" && s.child(v, "cop") < 0 && s.isVerb(v)):
			role := Prep
			switch {
			case strings.HasSuffix(r, "tmod") || s.isTimeWord(k):
				role = Time
			case s.isPlace(k):
				role = Place
			}
			if c := s.child(k, "case"); c >= 0 && s.lower(c) == "according" {
				continue // attribution, not an argument
			}
			out = append(out, Arg{Role: role, Phrase: s.adjunctPhrase(k)})
		case base == "advmod" && s.isTimeWord(k) && len(s.children(k)) == 0 && s.tok(k).UPOS != "ADV" || (base == "advmod" && timeAdverbs[s.lower(k)]):
			out = append(out, Arg{Role: Time, Phrase: Phrase{Head: k, Tokens: []int{k}}})
		}
	}
	return out
}

// isTimeWord reports a temporal head: a time noun, or a number that
// looks like a year (1000-2099).
func (s *sentence) isTimeWord(k int) bool {
	if timeNouns[s.lower(k)] {
		return true
	}
	f := s.tok(k).Form
	return s.tok(k).UPOS == "NUM" && len(f) == 4 && (f[0] == '1' || strings.HasPrefix(f, "20")) && strings.Trim(f, "0123456789") == ""
}

// isPlace reports a locative adjunct: a named-entity place, or a proper
// noun after a locative preposition.
func (s *sentence) isPlace(k int) bool {
	for _, e := range s.doc.Entities {
		if k >= e.Start && k < e.End && (e.Label == "GPE" || e.Label == "LOC" || e.Label == "FAC") {
			return true
		}
	}
	c := s.child(k, "case")
	return c >= 0 && placePreps[s.lower(c)] && s.tok(k).UPOS == "PROPN"
}

func sortArgs(args []Arg) {
	sort.SliceStable(args, func(i, j int) bool {
		a, _ := args[i].Span()
		b, _ := args[j].Span()
		return a < b
	})
}

func without(toks, drop []int) []int {
	var out []int
	for _, t := range toks {
		keep := true
		for _, d := range drop {
			if t == d {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, t)
		}
	}
	return out
}

// splitObjects returns one argument list per conjunct of a coordinated
// direct object, or args itself.
func (s *sentence) splitObjects(args []Arg) [][]Arg {
	for i, a := range args {
		if a.Role != Object || s.rel(a.Head) != "obj" {
			continue
		}
		parts := s.coordinated(a.Head)
		if len(parts) < 2 {
			continue
		}
		var out [][]Arg
		for _, p := range parts {
			as := append([]Arg(nil), args...)
			as[i] = Arg{Role: Object, Phrase: p}
			out = append(out, as)
		}
		return out
	}
	return [][]Arg{args}
}

// movePreposition puts the preposition of the first prepositional argument
// after the verb into the relation when the clause has no object or
// complement (OpenIE convention: "was born in; Honolulu").
func (s *sentence) movePreposition(e *Extraction) {
	rs, _ := e.Relation.Span()
	for _, a := range e.Args {
		if a.Role == Object || a.Role == Complement {
			return
		}
	}
	for i, a := range e.Args {
		if a.Role == Time {
			continue
		}
		st, _ := a.Span()
		if st < rs {
			continue
		}
		cw := caseWords(s, a.Head)
		if len(cw) == 0 || cw[0] != st || len(cw) >= len(a.Tokens) {
			return
		}
		toks := append(append([]int(nil), e.Relation.Tokens...), cw...)
		sort.Ints(toks)
		e.Relation = Phrase{Head: e.Relation.Head, Tokens: toks}
		args := append([]Arg(nil), e.Args...)
		args[i] = Arg{Role: a.Role, Phrase: Phrase{Head: a.Head, Tokens: without(a.Tokens, cw)}}
		e.Args = args
		return
	}
}

// clauseType classifies a clause by its arguments.
func clauseType(args []Arg) ClauseType {
	objs, comp, adv := 0, false, false
	for _, a := range args {
		switch a.Role {
		case Object:
			objs++
		case Complement:
			comp = true
		default:
			adv = true
		}
	}
	switch {
	case objs >= 2:
		return SVOO
	case objs == 1 && comp:
		return SVOC
	case objs == 1 && adv:
		return SVOA
	case objs == 1:
		return SVO
	case comp:
		return SVC
	case adv:
		return SVA
	}
	return SV
}

// appositives returns (X; is; Y) for every "X, Y," apposition.
func (s *sentence) appositives() []Extraction {
	var out []Extraction
	for a := s.start; a < s.end; a++ {
		if s.rel(a) != "appos" {
			continue
		}
		n := s.head(a)
		if n < 0 {
			continue
		}
		subj := s.nounPhrase(n, -1)
		obj := s.phrase(a, func(k int) bool { return s.tok(k).Rel == "acl:relcl" || s.rel(k) == "appos" })
		if subj.Empty() || obj.Empty() {
			continue
		}
		e := Extraction{Subject: subj, Implicit: "be", Relation: Phrase{Head: -1}, Args: []Arg{{Role: Complement, Phrase: obj}},
			Clause: SVC, Kind: Appositive}
		c := s.context(n)
		e.Attribution = c.attrib
		e.feats = s.featuresOf(a, a, &e, false)
		out = append(out, e)
	}
	return out
}
