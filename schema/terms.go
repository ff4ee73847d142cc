package schema

import "strings"

// Well-known namespaces the vocabulary and the graph use.
const (
	RDF    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	RDFS   = "http://www.w3.org/2000/01/rdf-schema#"
	OWL    = "http://www.w3.org/2002/07/owl#"
	XSD    = "http://www.w3.org/2001/XMLSchema#"
	SKOS   = "http://www.w3.org/2004/02/skos/core#"
	PROV   = "http://www.w3.org/ns/prov#"
	SDO    = "https://schema.org/"
	DCT    = "http://purl.org/dc/terms/"
	PLOVER = "https://w3id.org/newsgraph/plover#" // PLOVER event types, as IRIs in our namespace
)

// Predicates that only the graph mapping uses (not fact predicates): they
// describe statements, propositions and articles.
const (
	PropRelation     Predicate = "relation"      // surface words of a fact's relation
	PropEvidence     Predicate = "evidence"      // evidence text
	PropStart        Predicate = "start"         // byte offset where the evidence starts
	PropEnd          Predicate = "end"           // byte offset where the evidence ends
	PropSentence     Predicate = "sentence"      // sentence index in the article
	PropNegated      Predicate = "negated"       // the text denies the fact
	PropModality     Predicate = "modality"      // future, hypothetical, conditional, desired
	PropHedged       Predicate = "hedged"        // "reportedly", "allegedly"
	PropAttributedTo Predicate = "attributedTo"  // who said it
	PropConfidence   Predicate = "confidence"    // extractor confidence in [0, 1]
	PropExtractor    Predicate = "extractor"     // extractor name/version
	PropModel        Predicate = "model"         // model versions
	PropDate         Predicate = "date"          // the date a fact refers to
	PropOpenRelation Predicate = "openRelation"  // rdf:predicate of a statement with no vocabulary predicate
	PropISO3166      Predicate = "iso3166"       // ISO 3166 code of a state or subdivision
	PropCanonical    Predicate = "canonicalName" // a gazetteer's name for an entity
	PropAsserted     Predicate = "asserted"      // the article itself asserts the statement
	PropPlover       Predicate = "ploverType"    // PLOVER event type of a predicate
	PropCameo        Predicate = "cameoRoot"     // CAMEO root code of a predicate
	PropFingerprint  Predicate = "fingerprint"   // what a build of an article depended on
)

// TermKind tells classes from properties.
type TermKind int

// The kinds of vocabulary terms.
const (
	KindClass TermKind = iota
	KindProperty
)

// VocabTerm is one entry of the published vocabulary. IRIs are full.
type VocabTerm struct {
	Name       string // local name in ng:
	Kind       TermKind
	Label      string
	Comment    string
	SubClassOf []string // full IRIs (classes only)
	Domain     string   // full IRI or ""
	Range      string   // full IRI or ""
	Plover     string   // PLOVER event type (properties only), "" when none fits
	Cameo      string   // CAMEO root code, two digits, "" when none fits
}

// IRI returns the term's full IRI.
func (t VocabTerm) IRI() string { return NS + t.Name }

func ng(name string) string { return NS + name }

// SchemaOrgClass maps our classes to the schema.org class written on every
// instance beside the ng: class (Cayley infers nothing). Classes with no
// good schema.org counterpart are absent.
var SchemaOrgClass = map[Class]string{
	ClassPerson:       SDO + "Person",
	ClassOrganization: SDO + "Organization",
	ClassGroup:        SDO + "Organization",
	ClassState:        SDO + "Country",
	ClassTerritory:    SDO + "Place",
	ClassEvent:        SDO + "Event",
	ClassArticle:      SDO + "NewsArticle",
	ClassThing:        SDO + "Thing",
}

// Vocab is the whole vocabulary in a fixed order: classes first, then
// fact predicates, then the properties statements and articles use.
var Vocab = []VocabTerm{
	{Name: "Actor", Label: "actor", Comment: "Someone who acts in politics: a person, a state, an organisation or a group."},
	{Name: "Person", Label: "person", Comment: "A human being.", SubClassOf: []string{ng("Actor"), SDO + "Person"}},
	{Name: "State", Label: "state", Comment: "A sovereign state. A state is both an actor and a territory.", SubClassOf: []string{ng("Actor"), ng("Territory"), SDO + "Country"}},
	{Name: "Organization", Label: "organization", Comment: "A formal organisation: an alliance, a government body, a company, a party.", SubClassOf: []string{ng("Actor"), SDO + "Organization"}},
	{Name: "Group", Label: "group", Comment: "An informal or armed group, a coalition or a faction.", SubClassOf: []string{ng("Actor"), SDO + "Organization"}},
	{Name: "Territory", Label: "territory", Comment: "A place that can be controlled, claimed, occupied or annexed: a region, a city, a state.", SubClassOf: []string{SDO + "Place"}},
	{Name: "Proposal", Label: "proposal", Comment: "Something put forward for others to accept: a plan, a deal, a condition.", SubClassOf: []string{SDO + "CreativeWork"}},
	{Name: "Ceasefire", Label: "ceasefire", Comment: "A proposal or agreement to stop fighting.", SubClassOf: []string{ng("Proposal")}},
	{Name: "PeaceAgreement", Label: "peace agreement", Comment: "A proposal or agreement that ends a conflict.", SubClassOf: []string{ng("Proposal")}},
	{Name: "SecurityGuarantee", Label: "security guarantee", Comment: "A commitment by one actor to protect another.", SubClassOf: []string{ng("Proposal")}},
	{Name: "Offer", Label: "offer", Comment: "A proposal in which an actor offers something.", SubClassOf: []string{ng("Proposal")}},
	{Name: "Demand", Label: "demand", Comment: "A proposal in which an actor demands something.", SubClassOf: []string{ng("Proposal")}},
	{Name: "Event", Label: "event", Comment: "Something that happens: a meeting, an invasion, an annexation, a summit.", SubClassOf: []string{SDO + "Event"}},
	{Name: "Statement", Label: "statement", Comment: "One extracted fact with its evidence and provenance (a reified triple).", SubClassOf: []string{RDF + "Statement", PROV + "Entity"}},
	{Name: "Proposition", Label: "proposition", Comment: "A fact used as a term of another fact, as in \"X opposes [Y joining Z]\"; not asserted.", SubClassOf: []string{RDF + "Statement"}},
	{Name: "Article", Label: "article", Comment: "A news article; its IRI also names the graph that holds its facts.", SubClassOf: []string{SDO + "NewsArticle", PROV + "Entity"}},
	{Name: "Thing", Label: "thing", Comment: "Anything named in text that fits no other class.", SubClassOf: []string{SDO + "Thing"}},

	{Name: "supports", Kind: KindProperty, Label: "supports", Comment: "The subject supports, endorses or backs the object.", Domain: ng("Actor"), Plover: "SUPPORT", Cameo: "05"},
	{Name: "opposes", Kind: KindProperty, Label: "opposes", Comment: "The subject opposes, criticises or objects to the object.", Domain: ng("Actor"), Plover: "ACCUSE", Cameo: "11"},
	{Name: "proposes", Kind: KindProperty, Label: "proposes", Comment: "The subject puts the object forward.", Domain: ng("Actor"), Range: ng("Proposal"), Plover: "COOPERATE", Cameo: "03"},
	{Name: "rejects", Kind: KindProperty, Label: "rejects", Comment: "The subject refuses or rules out the object.", Domain: ng("Actor"), Plover: "REJECT", Cameo: "12"},
	{Name: "agreesTo", Kind: KindProperty, Label: "agrees to", Comment: "The subject accepts or signs up to the object.", Domain: ng("Actor"), Plover: "AGREE", Cameo: "05"},
	{Name: "demands", Kind: KindProperty, Label: "demands", Comment: "The subject demands or insists on the object.", Domain: ng("Actor"), Plover: "REQUEST", Cameo: "10"},
	{Name: "offers", Kind: KindProperty, Label: "offers", Comment: "The subject offers the object, often to a recipient and in return for something.", Domain: ng("Actor"), Plover: "COOPERATE", Cameo: "03"},
	{Name: "meetsWith", Kind: KindProperty, Label: "meets with", Comment: "The subject meets the object in person or by call.", Domain: ng("Actor"), Range: ng("Actor"), Plover: "CONSULT", Cameo: "04"},
	{Name: "negotiatesWith", Kind: KindProperty, Label: "negotiates with", Comment: "The subject negotiates with the object.", Domain: ng("Actor"), Range: ng("Actor"), Plover: "CONSULT", Cameo: "04"},
	{Name: "says", Kind: KindProperty, Label: "says", Comment: "The subject states the object (usually a proposition).", Domain: ng("Actor"), Cameo: "01"},
	{Name: "controls", Kind: KindProperty, Label: "controls", Comment: "The subject holds the object territory.", Domain: ng("Actor"), Range: ng("Territory")},
	{Name: "claims", Kind: KindProperty, Label: "claims", Comment: "The subject claims the object territory as its own.", Domain: ng("Actor"), Range: ng("Territory")},
	{Name: "annexed", Kind: KindProperty, Label: "annexed", Comment: "The subject annexed the object territory.", Domain: ng("Actor"), Range: ng("Territory"), Plover: "ASSAULT", Cameo: "19"},
	{Name: "occupies", Kind: KindProperty, Label: "occupies", Comment: "The subject occupies the object territory by force.", Domain: ng("Actor"), Range: ng("Territory"), Plover: "ASSAULT", Cameo: "19"},
	{Name: "invaded", Kind: KindProperty, Label: "invaded", Comment: "The subject invaded the object.", Domain: ng("Actor"), Range: ng("Territory"), Plover: "ASSAULT", Cameo: "19"},
	{Name: "withdrawsFrom", Kind: KindProperty, Label: "withdraws from", Comment: "The subject withdraws its forces or itself from the object.", Domain: ng("Actor"), Plover: "RETREAT", Cameo: "08"},
	{Name: "partOf", Kind: KindProperty, Label: "part of", Comment: "The subject territory is part of the object territory.", Domain: ng("Territory"), Range: ng("Territory")},
	{Name: "locatedIn", Kind: KindProperty, Label: "located in", Comment: "The subject is located in the object place.", Range: ng("Territory")},
	{Name: "leaderOf", Kind: KindProperty, Label: "leader of", Comment: "The subject person leads the object.", Domain: ng("Person"), Range: ng("Actor")},
	{Name: "memberOf", Kind: KindProperty, Label: "member of", Comment: "The subject is a member of the object organisation or group.", Domain: ng("Actor"), Range: ng("Actor")},
	{Name: "representativeOf", Kind: KindProperty, Label: "representative of", Comment: "The subject speaks or acts for the object.", Domain: ng("Person"), Range: ng("Actor")},
	{Name: "hasRole", Kind: KindProperty, Label: "has role", Comment: "The subject holds the role named by the object (a literal such as \"prime minister\").", Domain: ng("Person"), Range: RDFS + "Literal"},
	{Name: "involvesTerritory", Kind: KindProperty, Label: "involves territory", Comment: "The subject proposal or event concerns the object territory.", Range: ng("Territory")},
	{Name: "proposedBy", Kind: KindProperty, Label: "proposed by", Comment: "The subject proposal was put forward by the object actor.", Domain: ng("Proposal"), Range: ng("Actor")},
	{Name: "requires", Kind: KindProperty, Label: "requires", Comment: "The subject proposal requires the object condition."},
	{Name: "inReturnFor", Kind: KindProperty, Label: "in return for", Comment: "Argument role: what is asked in exchange."},
	{Name: "recipient", Kind: KindProperty, Label: "recipient", Comment: "Argument role: who receives what is offered or demanded.", Range: ng("Actor")},
	{Name: "share", Kind: KindProperty, Label: "share", Comment: "Argument role: a quantity or share, such as a percentage of a territory.", Range: RDFS + "Literal"},
	{Name: "onDate", Kind: KindProperty, Label: "on date", Comment: "Argument role: when it happens or happened.", Range: RDFS + "Literal"},
	{Name: "location", Kind: KindProperty, Label: "location", Comment: "Argument role: where it happens or happened.", Range: ng("Territory")},
	{Name: "argument", Kind: KindProperty, Label: "argument", Comment: "Argument role: a further argument of an open relation."},

	{Name: "relation", Kind: KindProperty, Label: "relation", Comment: "The surface words of a fact's relation, as written.", Range: XSD + "string"},
	{Name: "openRelation", Kind: KindProperty, Label: "open relation", Comment: "The rdf:predicate of a statement whose relation has no vocabulary predicate; ng:relation holds its words."},
	{Name: "evidence", Kind: KindProperty, Label: "evidence", Comment: "The article text that supports the statement.", Domain: ng("Statement"), Range: XSD + "string"},
	{Name: "start", Kind: KindProperty, Label: "start", Comment: "Byte offset in the article text where the evidence starts.", Domain: ng("Statement"), Range: XSD + "integer"},
	{Name: "end", Kind: KindProperty, Label: "end", Comment: "Byte offset in the article text where the evidence ends (exclusive).", Domain: ng("Statement"), Range: XSD + "integer"},
	{Name: "sentence", Kind: KindProperty, Label: "sentence", Comment: "Index of the evidence sentence in the article, from 0.", Domain: ng("Statement"), Range: XSD + "integer"},
	{Name: "negated", Kind: KindProperty, Label: "negated", Comment: "True when the text denies the statement.", Domain: ng("Statement"), Range: XSD + "boolean"},
	{Name: "modality", Kind: KindProperty, Label: "modality", Comment: "How the text states it: future, hypothetical, conditional or desired; absent when stated as real.", Domain: ng("Statement"), Range: XSD + "string"},
	{Name: "hedged", Kind: KindProperty, Label: "hedged", Comment: "True when the text hedges the statement (\"reportedly\").", Domain: ng("Statement"), Range: XSD + "boolean"},
	{Name: "asserted", Kind: KindProperty, Label: "asserted", Comment: "True when the article itself asserts the statement, so that the direct triple is in its graph.", Domain: ng("Statement"), Range: XSD + "boolean"},
	{Name: "attributedTo", Kind: KindProperty, Label: "attributed to", Comment: "Who the article says made the statement.", Domain: ng("Statement"), Range: ng("Actor")},
	{Name: "confidence", Kind: KindProperty, Label: "confidence", Comment: "The extractor's confidence in [0, 1].", Domain: ng("Statement"), Range: XSD + "decimal"},
	{Name: "extractor", Kind: KindProperty, Label: "extractor", Comment: "Name and version of the extractor of an extraction activity (the prov:Activity a statement prov:wasGeneratedBy).", Domain: PROV + "Activity", Range: XSD + "string"},
	{Name: "model", Kind: KindProperty, Label: "model", Comment: "Versions of the models that fed the extractor of an extraction activity.", Domain: PROV + "Activity", Range: XSD + "string"},
	{Name: "date", Kind: KindProperty, Label: "date", Comment: "The date the statement refers to, when resolved.", Range: XSD + "date"},
	{Name: "canonicalName", Kind: KindProperty, Label: "canonical name", Comment: "The name a gazetteer gives the entity (\"United Kingdom\" for a mention \"British\"); unlike rdfs:label it need not occur in the article.", Range: XSD + "string"},
	{Name: "iso3166", Kind: KindProperty, Label: "ISO 3166 code", Comment: "ISO 3166-1 alpha-2 or ISO 3166-2 code.", Domain: ng("Territory"), Range: XSD + "string"},
	{Name: "ploverType", Kind: KindProperty, Label: "PLOVER event type", Comment: "The PLOVER event type a predicate corresponds to.", Domain: RDF + "Property"},
	{Name: "fingerprint", Kind: KindProperty, Label: "build fingerprint", Comment: "SHA-256 of what the facts of an article depend on (its text, title, date and URL, the program and its models); newsgraph build skips an article whose recorded fingerprint matches.", Domain: ng("Article"), Range: XSD + "string"},
	{Name: "cameoRoot", Kind: KindProperty, Label: "CAMEO root code", Comment: "The CAMEO root code (two digits) a predicate corresponds to.", Domain: RDF + "Property", Range: XSD + "string"},
}

// LookupTerm returns the vocabulary term with the given local name.
func LookupTerm(name string) (VocabTerm, bool) {
	for _, t := range Vocab {
		if t.Name == name {
			return t, true
		}
	}
	return VocabTerm{}, false
}

// ClassIRI and PredicateIRI return full IRIs in the ng: namespace.
func ClassIRI(c Class) string         { return NS + string(c) }
func PredicateIRI(p Predicate) string { return NS + string(p) }

// VocabularyIRI is the IRI of the ontology and of the named graph
// `newsgraph schema` writes it into.
const VocabularyIRI = "https://w3id.org/newsgraph/ns"

// Vocabulary returns the vocabulary as quads in the graph VocabularyIRI, in
// a fixed order.
func Vocabulary() []Quad {
	g := IRI(VocabularyIRI)
	var qs []Quad
	add := func(s, p string, o Node) { qs = append(qs, Quad{IRI(s), IRI(p), o, g}) }
	add(VocabularyIRI, RDF+"type", IRI(OWL+"Ontology"))
	add(VocabularyIRI, RDFS+"label", Lang("newsgraph vocabulary", "en"))
	add(VocabularyIRI, RDFS+"comment", Lang("Classes and properties for knowledge graphs built from news: actors, territories, proposals, events, and statements with their evidence.", "en"))
	for _, t := range Vocab {
		iri := t.IRI()
		if t.Kind == KindClass {
			add(iri, RDF+"type", IRI(RDFS+"Class"))
			add(iri, RDF+"type", IRI(OWL+"Class"))
		} else {
			add(iri, RDF+"type", IRI(RDF+"Property"))
		}
		add(iri, RDFS+"isDefinedBy", IRI(VocabularyIRI))
		add(iri, RDFS+"label", Lang(t.Label, "en"))
		add(iri, RDFS+"comment", Lang(t.Comment, "en"))
		for _, s := range t.SubClassOf {
			add(iri, RDFS+"subClassOf", IRI(s))
		}
		if t.Domain != "" {
			add(iri, RDFS+"domain", IRI(t.Domain))
		}
		if t.Range != "" {
			add(iri, RDFS+"range", IRI(t.Range))
		}
		if t.Plover != "" {
			add(iri, NS+string(PropPlover), IRI(PLOVER+t.Plover))
		}
		if t.Cameo != "" {
			add(iri, NS+string(PropCameo), Str(t.Cameo))
		}
	}
	return qs
}

// Turtle writes the vocabulary as Turtle with the usual prefixes.
func Turtle(b *strings.Builder) {
	prefixes := [][2]string{{"ng", NS}, {"rdf", RDF}, {"rdfs", RDFS}, {"owl", OWL}, {"xsd", XSD}, {"schema", SDO}, {"prov", PROV}, {"plover", PLOVER}}
	for _, p := range prefixes {
		b.WriteString("@prefix " + p[0] + ": <" + p[1] + "> .\n")
	}
	short := func(n Node) string {
		if n.Kind == KindIRI {
			for _, p := range prefixes {
				if local, ok := strings.CutPrefix(n.Value, p[1]); ok && isPNLocal(local) {
					return p[0] + ":" + local
				}
			}
		}
		return n.String()
	}
	var last string
	for _, q := range Vocabulary() {
		s := short(q.S)
		if s != last {
			if last != "" {
				b.WriteString(" .\n")
			}
			b.WriteString("\n" + s + "\n    " + short(q.P) + " " + short(q.O))
			last = s
			continue
		}
		b.WriteString(" ;\n    " + short(q.P) + " " + short(q.O))
	}
	if last != "" {
		b.WriteString(" .\n")
	}
}

// isPNLocal is a conservative check that local can be written after a
// prefix in Turtle.
func isPNLocal(local string) bool {
	if local == "" {
		return false
	}
	for i, r := range local {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r == '_':
		case r >= '0' && r <= '9', r == '-':
			if i == 0 && r == '-' {
				return false
			}
		default:
			return false
		}
	}
	return true
}
