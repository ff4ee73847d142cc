package kg

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// Format writes a fact on one line for people: "A -opposes-> B", with
// propositions in brackets, further arguments in braces and the flags that
// keep the fact from being asserted in parentheses.
func Format(f *schema.Fact) string {
	var b strings.Builder
	b.WriteString(formatCore(f))
	if len(f.Args) > 0 {
		var as []string
		for _, a := range f.Args {
			as = append(as, string(a.Role)+"="+TermLabel(a.Value))
		}
		fmt.Fprintf(&b, " {%s}", strings.Join(as, ", "))
	}
	var fl []string
	ev := &f.Evidence
	if ev.Negated {
		fl = append(fl, "negated")
	}
	if ev.Modality != schema.Realis {
		fl = append(fl, string(ev.Modality))
	}
	if ev.Hedged {
		fl = append(fl, "hedged")
	}
	if ev.AttributedTo != nil {
		fl = append(fl, "said by "+ev.AttributedTo.Name)
	}
	if len(fl) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(fl, ", "))
	}
	return b.String()
}

func formatCore(f *schema.Fact) string {
	rel := string(f.Predicate)
	if rel == "" {
		rel = "\"" + f.Relation + "\""
	}
	return fmt.Sprintf("%s -%s-> %s", TermLabel(f.Subject), rel, TermLabel(f.Object))
}

// TermLabel names a term for people: an entity's canonical name or label, a quoted literal,
// a proposition in brackets.
func TermLabel(t schema.Term) string {
	switch {
	case t.Entity != nil && t.Entity.Canonical != "":
		return t.Entity.Canonical // the gazetteer's name reads better than "French"
	case t.Entity != nil:
		return t.Entity.Name
	case t.Literal != nil:
		return fmt.Sprintf("%q", t.Literal.Value)
	case t.Prop != nil:
		return "[" + formatCore(t.Prop) + "]"
	}
	return "?"
}
