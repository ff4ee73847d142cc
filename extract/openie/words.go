package openie

import "strings"

// General English word classes the rules use. None names a person, place
// or event.

// speechVerbs introduce reported speech or thought: the complement they
// govern is attributed to their subject.
var speechVerbs = set("say", "tell", "add", "state", "claim", "announce", "report", "warn", "insist", "argue",
	"suggest", "confirm", "note", "explain", "write", "believe", "think", "allege", "acknowledge", "admit",
	"assert", "declare", "predict", "reply", "respond", "stress", "tweet", "post", "indicate", "estimate",
	"reveal", "recall", "contend", "maintain", "assure", "testify", "remark", "comment", "emphasize",
	"emphasise", "complain", "concede", "observe", "speculate", "signal", "hint", "told", "said")

// objectControlVerbs take an object and a to-infinitive whose subject the
// object is: "urged Spain to join".
var objectControlVerbs = set("ask", "urge", "press", "pressure", "pressurise", "pressurize", "push", "force", "persuade",
	"convince", "tell", "order", "encourage", "invite", "allow", "permit", "enable", "require", "compel", "oblige",
	"instruct", "advise", "warn", "beg", "implore", "lobby", "challenge", "remind", "want", "expect", "need", "authorise",
	"authorize", "empower", "forbid", "entice", "induce", "inspire", "prompt", "motivate", "nudge", "coax")

// negVerbs negate the complement they govern: "failed to agree".
var negVerbs = set("fail", "refuse", "decline", "deny", "reject", "neglect", "avoid", "cease", "stop", "forget")

// desireVerbs mark their complement as desired: "wants to join".
var desireVerbs = set("want", "hope", "seek", "wish", "plan", "intend", "aim", "try", "attempt", "strive", "desire", "propose", "offer")

// hedgeVerbs hedge a passive raising construction: "is said to have".
var hedgeVerbs = set("say", "report", "believe", "think", "rumor", "rumour", "allege", "expect", "understand", "suppose", "claim")

// hedgeAdverbs hedge the clause they modify.
var hedgeAdverbs = set("reportedly", "allegedly", "apparently", "purportedly", "supposedly", "seemingly", "ostensibly", "possibly", "perhaps", "probably", "presumably", "arguably", "maybe")

// subordinators open adverbial clauses that stay outside the scope of a
// negation above them ("refused to come because he was ill").
var subordinators = set("because", "although", "though", "while", "whereas", "since", "after", "before", "when",
	"whenever", "once", "until", "till", "as", "where", "unless", "if")

// condMarks introduce conditional clauses.
var condMarks = set("if", "unless", "provided", "providing", "whether")

// timeNouns head temporal adjuncts.
var timeNouns = set("today", "yesterday", "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "week", "weeks", "month", "months", "year", "years", "day", "days", "hour",
	"hours", "minute", "minutes", "decade", "decades", "century", "centuries", "morning", "afternoon", "evening",
	"night", "weekend", "spring", "summer", "autumn", "fall", "winter", "time", "period", "moment", "era", "season",
	"quarter", "1990s", "1980s", "2000s", "1970s", "1960s")

// timeAdverbs are single-word temporal adjuncts kept as arguments.
var timeAdverbs = set("now", "then", "today", "yesterday", "tomorrow", "later", "earlier", "recently", "soon", "already", "once", "currently", "previously", "formerly", "eventually", "finally")

// placePreps introduce locative adjuncts.
var placePreps = set("in", "at", "near", "inside", "outside", "across", "throughout", "within", "around")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// lemmaGuess strips common verb inflections when no lemma layer is present;
// it only feeds the word classes above, whose members it covers.
func lemmaGuess(w string) string {
	switch w {
	case "said", "says":
		return "say"
	case "told", "tells":
		return "tell"
	case "thought":
		return "think"
	case "wrote", "written":
		return "write"
	case "sought":
		return "seek"
	case "understood":
		return "understand"
	}
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			stem := strings.TrimSuffix(w, suf)
			for _, cand := range []string{stem, stem + "e", stem[:len(stem)-1]} {
				if speechVerbs[cand] || negVerbs[cand] || desireVerbs[cand] || hedgeVerbs[cand] {
					return cand
				}
			}
		}
	}
	return w
}
