package schema

// Namespaces used by the vocabulary and the graph.
const (
	NS          = "https://w3id.org/newsgraph/ns#"
	DefaultBase = "https://w3id.org/newsgraph/id/"
)

// Classes of the vocabulary.
const (
	ClassActor             Class = "Actor"
	ClassPerson            Class = "Person"
	ClassState             Class = "State"
	ClassOrganization      Class = "Organization"
	ClassGroup             Class = "Group"
	ClassTerritory         Class = "Territory"
	ClassProposal          Class = "Proposal"
	ClassCeasefire         Class = "Ceasefire"
	ClassPeaceAgreement    Class = "PeaceAgreement"
	ClassSecurityGuarantee Class = "SecurityGuarantee"
	ClassOffer             Class = "Offer"
	ClassDemand            Class = "Demand"
	ClassEvent             Class = "Event"
	ClassStatement         Class = "Statement"
	ClassProposition       Class = "Proposition"
	ClassArticle           Class = "Article"
	ClassThing             Class = "Thing" // anything named in text that fits no other class
)

// Predicates of the vocabulary.
const (
	Supports          Predicate = "supports"
	Opposes           Predicate = "opposes"
	Proposes          Predicate = "proposes"
	Rejects           Predicate = "rejects"
	AgreesTo          Predicate = "agreesTo"
	Demands           Predicate = "demands"
	Offers            Predicate = "offers"
	MeetsWith         Predicate = "meetsWith"
	NegotiatesWith    Predicate = "negotiatesWith"
	Says              Predicate = "says"
	Controls          Predicate = "controls"
	Claims            Predicate = "claims"
	Annexed           Predicate = "annexed"
	Occupies          Predicate = "occupies"
	Invaded           Predicate = "invaded"
	WithdrawsFrom     Predicate = "withdrawsFrom"
	PartOf            Predicate = "partOf"
	LocatedIn         Predicate = "locatedIn"
	LeaderOf          Predicate = "leaderOf"
	MemberOf          Predicate = "memberOf"
	RepresentativeOf  Predicate = "representativeOf"
	HasRole           Predicate = "hasRole"
	InvolvesTerritory Predicate = "involvesTerritory"
	ProposedBy        Predicate = "proposedBy"
	Requires          Predicate = "requires"
	InReturnFor       Predicate = "inReturnFor"
	Recipient         Predicate = "recipient"
	Share             Predicate = "share"
	OnDate            Predicate = "onDate"
	Location          Predicate = "location"
	Argument          Predicate = "argument" // an open relation's further argument
)

var classes = []Class{
	ClassActor, ClassPerson, ClassState, ClassOrganization, ClassGroup, ClassTerritory,
	ClassProposal, ClassCeasefire, ClassPeaceAgreement, ClassSecurityGuarantee, ClassOffer, ClassDemand,
	ClassEvent, ClassStatement, ClassProposition, ClassArticle, ClassThing,
}

var predicates = []Predicate{
	Supports, Opposes, Proposes, Rejects, AgreesTo, Demands, Offers, MeetsWith, NegotiatesWith, Says,
	Controls, Claims, Annexed, Occupies, Invaded, WithdrawsFrom, PartOf, LocatedIn, LeaderOf, MemberOf,
	RepresentativeOf, HasRole, InvolvesTerritory, ProposedBy, Requires, InReturnFor, Recipient, Share,
	OnDate, Location, Argument,
}

// KnownClass reports whether c is a class of the vocabulary.
func KnownClass(c Class) bool {
	for _, k := range classes {
		if k == c {
			return true
		}
	}
	return false
}

// KnownPredicate reports whether p is a predicate of the vocabulary.
func KnownPredicate(p Predicate) bool {
	for _, k := range predicates {
		if k == p {
			return true
		}
	}
	return false
}
