package ner

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

// Titles and roles, from general English usage (not from any article).
// Multi-word roles are listed with single spaces, lower case.
var roles = []string{
	"president", "vice president", "vice-president", "prime minister", "deputy prime minister",
	"chancellor", "vice chancellor", "secretary-general", "secretary general", "secretary of state",
	"foreign secretary", "home secretary", "defence secretary", "defense secretary", "secretary",
	"minister", "foreign minister", "defence minister", "defense minister", "finance minister",
	"interior minister", "prime minister-designate", "first minister", "chief minister",
	"king", "queen", "prince", "princess", "emperor", "empress", "sultan", "emir", "sheikh", "crown prince",
	"envoy", "special envoy", "ambassador", "consul", "diplomat", "negotiator",
	"governor", "mayor", "senator", "sen.", "congressman", "congresswoman", "representative", "rep.",
	"speaker", "leader", "opposition leader", "party leader", "chairman", "chairwoman", "chair",
	"chief executive", "ceo", "founder", "director", "director-general", "commissioner", "spokesman",
	"spokeswoman", "spokesperson", "adviser", "advisor", "national security adviser", "aide",
	"general", "gen.", "admiral", "adm.", "colonel", "col.", "lieutenant", "lt.", "major", "maj.",
	"captain", "capt.", "commander", "sergeant", "sgt.", "marshal", "field marshal",
	"judge", "justice", "chief justice", "attorney general", "attorney-general", "prosecutor",
	"pope", "cardinal", "archbishop", "bishop", "rabbi", "imam", "ayatollah", "supreme leader",
	"premier", "head of state", "head of government", "monarch", "pm", "mp", "mep",
	"coach", "manager", "professor", "prof.", "dr", "dr.", "doctor", "officer", "chief",
	"lord chancellor", "lord chief justice", "lord mayor", "lord advocate", "lord speaker", "lord president",
}

// honorifics are forms of address that are not roles.
var honorifics = map[string]bool{
	"mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true, "ms.": true, "miss": true,
	"sir": true, "dame": true, "lord": true, "lady": true, "madam": true, "madame": true, "mme": true,
	"m.": true, "herr": true, "frau": true, "st.": true, "saint": true, "rev.": true, "reverend": true,
	"hon.": true, "honourable": true, "honorable": true,
}

// roleSet holds every role; roleWords every word of every role (lower
// case); maxRole the most words in a role.
var roleSet, roleWords, maxRole = buildRoles()

func buildRoles() (map[string]bool, map[string]bool, int) {
	roleSet, roleWords, maxRole := map[string]bool{}, map[string]bool{}, 1
	for _, r := range roles {
		roleSet[r] = true
		ws := strings.Fields(r)
		if len(ws) > maxRole {
			maxRole = len(ws)
		}
		for _, w := range ws {
			roleWords[w] = true
		}
	}
	return roleSet, roleWords, maxRole
}

// IsTitle reports whether word is a one-word title or role ("President",
// "minister", "Gen.").
func IsTitle(word string) bool { return roleSet[strings.ToLower(word)] }

func isHonorific(word string) bool { return honorifics[strings.ToLower(word)] }

// middleInitial reports whether token i is a one-letter abbreviation
// ("M.") right after a capitalised word that is neither a title nor an
// honorific: a middle initial ("Jennifer M. Anderson"), not the French
// honorific ("M. Dupont").
func middleInitial(doc *nlp.Document, i int) bool {
	f := doc.Tokens[i].Form
	if len(f) != 2 || f[1] != '.' || !isCap(f) || i == 0 {
		return false
	}
	p := doc.Tokens[i-1].Form
	return isCap(p) && hasLetter(p) && !IsTitle(p) && !isHonorific(p) && !strings.HasSuffix(p, ".")
}
