package ner

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/nlp"
)

// Name is a normalised entity mention: the bare name and the parts that
// were stripped from it or read around it. It writes no facts; the
// knowledge-graph stage turns it into facts (hasRole, leaderOf, ...).
type Name struct {
	Text       string   // the bare name: "Anna Dubois"
	Start, End int      // its token range in the document
	Honorifics []string // stripped forms of address: "Sir", "Mr"
	Role       string   // a title or role, title-cased: "President", "Prime Minister"
	// Of is the country or organisation the role belongs to, when the
	// mention says so ("Freedonian President ...", "..., the Freedonian prime
	// minister", "Sylvania's president"); nil otherwise.
	Of *gazetteer.Entry
}

// Normalize strips titles, roles and honorifics from a PERSON (or any)
// span and reads the role and its country from the words before it
// ("French President Anna Dubois") or from an appositive right after
// it ("Omar Haddad, the British prime minister"). Spans that are not
// inside doc give a Name with Start == End.
func Normalize(doc *nlp.Document, span nlp.Span) Name {
	n := len(doc.Tokens)
	if span.Start < 0 || span.End > n || span.Start >= span.End {
		return Name{}
	}
	s, e := span.Start, span.End
	var nm Name
	roleStart := -1
	// inside the span: leading honorifics and roles
	for s < e-1 {
		f := doc.Tokens[s].Form
		if isHonorific(f) {
			nm.Honorifics = append(nm.Honorifics, strings.TrimSuffix(f, "."))
			s++
			continue
		}
		if k := roleAt(doc, s, e-1); k > 0 {
			nm.Role = titleCase(roleText(doc, s, s+k))
			roleStart = s
			s += k
			continue
		}
		if of, ok := gazetteer.Demonym(f); ok && nm.Role == "" && roleAt(doc, s+1, e-1) > 0 {
			nm.Of = of
			s++
			continue
		}
		break
	}
	// before the span: [Demonym|Country's|Org] [Role] [Honorific] name
	b := s
	if b == span.Start {
		for b > 0 && isHonorific(doc.Tokens[b-1].Form) {
			nm.Honorifics = append([]string{strings.TrimSuffix(doc.Tokens[b-1].Form, ".")}, nm.Honorifics...)
			b--
		}
		if nm.Role == "" {
			if k, st := roleBefore(doc, b); k > 0 {
				nm.Role = titleCase(roleText(doc, st, st+k))
				roleStart = st
			}
		}
	}
	if nm.Role != "" && nm.Of == nil && roleStart > 0 {
		nm.Of = ofBefore(doc, roleStart)
	}
	// after the span: ", the Freedonian prime minister"
	if nm.Role == "" && e < n && doc.Tokens[e].Form == "," {
		if role, of, ok := appositive(doc, e+1); ok {
			nm.Role, nm.Of = role, of
		}
	}
	nm.Start, nm.End = s, e
	nm.Text = doc.SpanText(s, e)
	return nm
}

// roleAt returns the number of tokens of the longest role starting at
// token i and ending at or before token last, or 0.
func roleAt(doc *nlp.Document, i, last int) int {
	for k := min(maxRole+2, last-i+1); k >= 1; k-- { // +2: hyphens are tokens
		if i+k > len(doc.Tokens) {
			continue
		}
		if roleSet[roleText(doc, i, i+k)] {
			return k
		}
	}
	return 0
}

// roleBefore finds a role ending right before token b; it returns its
// length and start.
func roleBefore(doc *nlp.Document, b int) (int, int) {
	for k := min(maxRole+2, b); k >= 1; k-- {
		if roleSet[roleText(doc, b-k, b)] {
			return k, b - k
		}
	}
	return 0, 0
}

// ofBefore reads the owner of a role that ends right before token b:
// a demonym ("Russian"), a country or organisation name, or a possessive
// ("Ukraine's", "Nato's").
func ofBefore(doc *nlp.Document, b int) *gazetteer.Entry {
	f := doc.Tokens[b-1].Form
	if e, ok := gazetteer.Demonym(f); ok {
		return e
	}
	end := b
	if f == "'s" || f == "’s" || f == "'" || f == "’" {
		end = b - 1
	}
	for k := min(5, end); k >= 1; k-- {
		name := doc.Forms(end-k, end)
		if !isCap(doc.Tokens[end-k].Form) && !strings.EqualFold(doc.Tokens[end-k].Form, "the") {
			continue
		}
		if es := gazetteer.Lookup(name); len(es) > 0 {
			return es[0]
		}
	}
	return nil
}

// appositive reads "[the|a] [former] [Demonym|Country's] role [of X]"
// starting at token i.
func appositive(doc *nlp.Document, i int) (string, *gazetteer.Entry, bool) {
	n := len(doc.Tokens)
	lw := func(j int) string {
		if j >= n {
			return ""
		}
		return strings.ToLower(doc.Tokens[j].Form)
	}
	if lw(i) == "the" || lw(i) == "a" || lw(i) == "an" {
		i++
	}
	if lw(i) == "former" || lw(i) == "current" || lw(i) == "new" || lw(i) == "then" {
		i++
	}
	var of *gazetteer.Entry
	if i < n {
		if e, ok := gazetteer.Demonym(doc.Tokens[i].Form); ok {
			of = e
			i++
		} else {
			for k := 4; k >= 1; k-- {
				if i+k+1 <= n && (lw(i+k) == "'s" || lw(i+k) == "’s") {
					if es := gazetteer.Lookup(doc.Forms(i, i+k)); len(es) > 0 {
						of = es[0]
						i += k + 1
						break
					}
				}
			}
		}
	}
	k := roleAt(doc, i, n-1)
	if k == 0 {
		return "", nil, false
	}
	role := titleCase(roleText(doc, i, i+k))
	j := i + k
	if of == nil && lw(j) == "of" {
		for m := min(5, n-j-1); m >= 1; m-- {
			if es := gazetteer.Lookup(doc.Forms(j+1, j+1+m)); len(es) > 0 {
				of = es[0]
				break
			}
		}
	}
	return role, of, true
}

// PossessiveRole reads a role phrase after a place or organisation span:
// "Ukraine's president", "the president of Ukraine" is not handled here.
// It returns the role, the entry the span names and the end of the
// phrase.
func PossessiveRole(doc *nlp.Document, span nlp.Span) (role string, of *gazetteer.Entry, end int, ok bool) {
	n := len(doc.Tokens)
	if span.Start < 0 || span.End >= n || span.Start >= span.End {
		return "", nil, 0, false
	}
	f := doc.Tokens[span.End].Form
	if f != "'s" && f != "’s" && f != "'" && f != "’" {
		return "", nil, 0, false
	}
	es := gazetteer.Lookup(doc.SpanText(span.Start, span.End))
	if len(es) == 0 {
		return "", nil, 0, false
	}
	i := span.End + 1
	if i < n && (strings.EqualFold(doc.Tokens[i].Form, "former") || strings.EqualFold(doc.Tokens[i].Form, "new")) {
		i++
	}
	k := roleAt(doc, i, n-1)
	if k == 0 {
		return "", nil, 0, false
	}
	return titleCase(roleText(doc, i, i+k)), es[0], i + k, true
}

// roleText returns tokens [i, j) in lower case, joined by spaces except
// around hyphens ("Secretary - General" → "secretary-general").
func roleText(doc *nlp.Document, i, j int) string {
	return strings.ReplaceAll(strings.ToLower(doc.Forms(i, j)), " - ", "-")
}

// titleCase writes a role with capitals: "prime minister" → "Prime
// Minister", "secretary-general" → "Secretary-General".
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		parts := strings.Split(w, "-")
		for j, p := range parts {
			if p != "" && p != "of" {
				parts[j] = strings.ToUpper(p[:1]) + p[1:]
			}
		}
		words[i] = strings.Join(parts, "-")
	}
	return strings.Join(words, " ")
}

// Link returns the gazetteer entry an entity span names: a country,
// subdivision or capital for GPE and LOC spans ("U.S." → United States,
// ISO 3166-1 US), an international organisation for ORG spans ("Nato"),
// and the country or organisation of a NORP demonym ("Ukrainian" →
// Ukraine). Other labels and unknown names give false.
func Link(doc *nlp.Document, span nlp.Span) (*gazetteer.Entry, bool) {
	if span.Start < 0 || span.End > len(doc.Tokens) || span.Start >= span.End {
		return nil, false
	}
	text := doc.SpanText(span.Start, span.End)
	switch span.Label {
	case "GPE", "LOC":
		return gazetteer.LookupPlace(text)
	case "ORG":
		return gazetteer.LookupOrg(text)
	case "NORP":
		return gazetteer.Demonym(text)
	}
	return nil, false
}
