package coref

// Closed-class English words used to type mentions. These are general
// facts of English, not names.

type gender uint8

const (
	genderUnknown gender = iota
	masculine
	feminine
	neuter
)

type number uint8

const (
	numberUnknown number = iota
	singular
	plural
)

type animacy uint8

const (
	animacyUnknown animacy = iota
	animate
	inanimate
)

type pronounInfo struct {
	person int // 1, 2, 3
	num    number
	gen    gender
	anim   animacy
	poss   bool
	refl   bool
}

var pronouns = map[string]pronounInfo{
	"i": {1, singular, 0, animate, false, false}, "me": {1, singular, 0, animate, false, false},
	"my": {1, singular, 0, animate, true, false}, "mine": {1, singular, 0, animate, true, false},
	"myself": {1, singular, 0, animate, false, true},
	"we":     {1, plural, 0, animate, false, false}, "us": {1, plural, 0, animate, false, false},
	"our": {1, plural, 0, animate, true, false}, "ours": {1, plural, 0, animate, true, false},
	"ourselves": {1, plural, 0, animate, false, true},
	"you":       {2, 0, 0, animate, false, false}, "your": {2, 0, 0, animate, true, false},
	"yours": {2, 0, 0, animate, true, false}, "yourself": {2, singular, 0, animate, false, true},
	"yourselves": {2, plural, 0, animate, false, true},
	"he":         {3, singular, masculine, animate, false, false}, "him": {3, singular, masculine, animate, false, false},
	"his": {3, singular, masculine, animate, true, false}, "himself": {3, singular, masculine, animate, false, true},
	"she": {3, singular, feminine, animate, false, false}, "her": {3, singular, feminine, animate, true, false},
	"hers": {3, singular, feminine, animate, true, false}, "herself": {3, singular, feminine, animate, false, true},
	"it": {3, singular, neuter, inanimate, false, false}, "its": {3, singular, neuter, inanimate, true, false},
	"itself": {3, singular, neuter, inanimate, false, true},
	"they":   {3, plural, 0, 0, false, false}, "them": {3, plural, 0, 0, false, false},
	"their": {3, plural, 0, 0, true, false}, "theirs": {3, plural, 0, 0, true, false},
	"themselves": {3, plural, 0, 0, false, true},
}

// titles are honorifics that precede a name and fix its gender (or not).
var titles = map[string]gender{
	"mr": masculine, "mr.": masculine, "mrs": feminine, "mrs.": feminine, "ms": feminine, "ms.": feminine,
	"miss": feminine, "sir": masculine, "lady": feminine, "lord": masculine, "dame": feminine,
	"madam": feminine, "madame": feminine, "king": masculine, "queen": feminine, "prince": masculine,
	"princess": feminine, "emperor": masculine, "empress": feminine, "duke": masculine, "duchess": feminine,
	"dr": 0, "dr.": 0, "prof": 0, "prof.": 0, "president": 0, "minister": 0, "senator": 0,
	"general": 0, "chancellor": 0, "governor": 0, "judge": 0, "justice": 0,
	"professor": 0, "pope": masculine, "rabbi": 0, "reverend": 0, "rev": 0, "rev.": 0,
	"sheikh": masculine, "ambassador": 0, "commissioner": 0, "secretary": 0, "mayor": 0,
	"admiral": 0, "captain": 0, "colonel": 0, "lieutenant": 0, "sergeant": 0,
	"inspector": 0, "detective": 0, "premier": 0, "count": masculine, "countess": feminine,
	"baron": masculine, "baroness": feminine, "archbishop": 0, "bishop": 0, "cardinal": 0,
}

// gendered nouns: kinship and social roles whose gender English fixes.
var genderedNouns = map[string]gender{
	"man": masculine, "men": masculine, "boy": masculine, "father": masculine, "dad": masculine,
	"son": masculine, "brother": masculine, "husband": masculine, "uncle": masculine,
	"nephew": masculine, "grandfather": masculine, "grandson": masculine, "king": masculine,
	"prince": masculine, "emperor": masculine, "gentleman": masculine, "boyfriend": masculine,
	"monk": masculine, "priest": masculine, "actor": masculine, "waiter": masculine, "guy": masculine,
	"woman": feminine, "women": feminine, "girl": feminine, "mother": feminine, "mom": feminine,
	"mum": feminine, "daughter": feminine, "sister": feminine, "wife": feminine, "aunt": feminine,
	"niece": feminine, "grandmother": feminine, "granddaughter": feminine, "queen": feminine,
	"princess": feminine, "empress": feminine, "lady": feminine, "girlfriend": feminine,
	"nun": feminine, "actress": feminine, "waitress": feminine,
}

// personNouns are common nouns that denote people (animate), beyond the
// gendered ones: roles, occupations and group members frequent in news.
var personNouns = map[string]bool{
	"person": true, "people": true, "child": true, "kid": true, "baby": true, "parent": true,
	"friend": true, "president": true, "minister": true, "leader": true, "official": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "chancellor": true,
	"prime": true, "secretary": true, "senator": true, "governor": true, "mayor": true,
	"chief": true, "head": false, "envoy": true, "ambassador": true, "diplomat": true,
	"director": true, "author": true, "writer": true, "researcher": true, "scientist": true,
	"student": true, "teacher": true, "professor": true, "doctor": true, "patient": true,
	"player": true, "member": true, "citizen": true, "resident": true, "soldier": true,
	"officer": true, "worker": true, "employee": true, "expert": true, "analyst": true,
	"reporter": true, "journalist": true, "lawyer": true, "judge": true, "candidate": true,
	"voter": true, "victim": true, "user": true, "owner": true, "founder": true, "artist": true,
	"poet": true, "singer": true, "host": true, "guest": true, "speaker": true, "audience": false,
	"participant": true, "colleague": true, "partner": true, "neighbor": true, "neighbour": true,
	"stranger": true, "individual": true, "human": true, "everyone": true, "someone": true,
	"commander": true, "general": true, "king": true, "queen": true, "emperor": true,
	"negotiator": true, "counterpart": true, "ally": false, "defendant": true, "plaintiff": true,
	"customer": true, "client": true, "driver": true, "fan": true, "librarian": true,
	"learner": true, "subject": false, "nurse": true, "surgeon": true, "physician": true,
	"brother": true, "sister": true, "mother": true, "father": true, "wife": true, "husband": true,
}

// determiners that make a noun phrase indefinite (an indefinite mention
// may start a chain but does not refer back).
var indefiniteDets = map[string]bool{
	"a": true, "an": true, "some": true, "any": true, "another": true, "no": true,
	"many": true, "several": true, "few": true, "each": true, "every": true, "such": true,
}

// temporalNouns name days and months; their mentions are inanimate.
var temporalNouns = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "may": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true, "today": true, "yesterday": true,
	"tomorrow": true,
}
