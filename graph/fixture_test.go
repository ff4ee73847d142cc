package graph

import (
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// The fixture: two hand-built articles about fictional states, so tests
// never depend on an extractor.
var (
	freedonia = &schema.Entity{Class: schema.ClassState, Name: "Freedonia", ISO3166: "FD", Aliases: []string{"the Republic of Freedonia"}}
	sylvania  = &schema.Entity{Class: schema.ClassState, Name: "Sylvania", ISO3166: "SY"}
	eastMarsh = &schema.Entity{Class: schema.ClassTerritory, Name: "East Marsh"}
	firefly   = &schema.Entity{Class: schema.ClassPerson, Name: "Rufus Firefly", Aliases: []string{"Firefly"}}
	alliance  = &schema.Entity{Class: schema.ClassOrganization, Name: "Northern Alliance"}
	truce     = &schema.Entity{Class: schema.ClassCeasefire, Name: "thirty-day ceasefire"}
)

const text1 = `Sylvania controls East Marsh. Freedonia claims East Marsh. Rufus Firefly proposed a thirty-day ceasefire. ` +
	`Sylvania rejected the thirty-day ceasefire. Firefly said Sylvania would never join the Northern Alliance. ` +
	`Sylvania reportedly "agreed" to talks with Freedonia.`

const text2 = `Freedonia supports the thirty-day ceasefire. Sylvania met with Freedonia on 3 March.`

var article1 = schema.Article{ID: "fd-001", Title: "Freedonia and Sylvania <talks>", Date: "2026-03-01", URL: "https://example.org/news/fd 001?x=\"1\"", Text: text1}
var article2 = schema.Article{ID: "fd/002 b", Title: "Ceasefire backed", Date: "2026-03-04", URL: "https://example.org/news/fd-002", Text: text2}

// ev returns evidence for the first occurrence of span in text.
func ev(doc, text, span string, sent int) schema.Evidence {
	i := strings.Index(text, span)
	if i < 0 {
		panic("fixture: span not in text: " + span)
	}
	return schema.Evidence{Doc: doc, Sentence: sent, Start: i, End: i + len(span), Text: span,
		Extractor: "test/1", Model: "hand/1", Conf: 0.9}
}

func ent(e *schema.Entity) schema.Term { return schema.EntityTerm(e) }

func facts1() []schema.Fact {
	d := article1.ID
	neg := ev(d, text1, "Firefly said Sylvania would never join the Northern Alliance", 4)
	neg.AttributedTo = firefly
	hedged := ev(d, text1, `Sylvania reportedly "agreed" to talks with Freedonia`, 5)
	hedged.Hedged = true
	inner := &schema.Fact{Subject: ent(sylvania), Predicate: schema.MemberOf, Relation: "join", Object: ent(alliance),
		Evidence: schema.Evidence{Doc: d, Negated: true, Modality: schema.Hypothetical}}
	return []schema.Fact{
		{Subject: ent(sylvania), Predicate: schema.Controls, Relation: "controls", Object: ent(eastMarsh), Evidence: ev(d, text1, "Sylvania controls East Marsh", 0)},
		{Subject: ent(freedonia), Predicate: schema.Claims, Relation: "claims", Object: ent(eastMarsh), Evidence: ev(d, text1, "Freedonia claims East Marsh", 1)},
		{Subject: ent(firefly), Predicate: schema.Proposes, Relation: "proposed", Object: ent(truce), Evidence: ev(d, text1, "Rufus Firefly proposed a thirty-day ceasefire", 2)},
		{Subject: ent(sylvania), Predicate: schema.Rejects, Relation: "rejected", Object: ent(truce), Evidence: ev(d, text1, "Sylvania rejected the thirty-day ceasefire", 3)},
		{Subject: ent(firefly), Predicate: schema.Says, Relation: "said", Object: schema.PropTerm(inner), Evidence: neg},
		{Subject: ent(sylvania), Predicate: schema.AgreesTo, Relation: "agreed to talks with", Object: ent(freedonia), Evidence: hedged},
		{Subject: ent(sylvania), Relation: "agreed to talks with", Object: schema.LiteralTerm(schema.Literal{Value: "talks \"now\"\n\\ <x>", Lang: "en-GB"}), Evidence: hedged},
	}
}

func facts2() []schema.Fact {
	d := article2.ID
	met := ev(d, text2, "Sylvania met with Freedonia on 3 March", 1)
	met.Date = "2026-03-03"
	return []schema.Fact{
		{Subject: ent(freedonia), Predicate: schema.Supports, Relation: "supports", Object: ent(truce), Evidence: ev(d, text2, "Freedonia supports the thirty-day ceasefire", 0)},
		{Subject: ent(sylvania), Predicate: schema.MeetsWith, Relation: "met with", Object: ent(freedonia), Evidence: met,
			Args: []schema.Arg{{Role: schema.OnDate, Value: schema.LiteralTerm(schema.Literal{Value: "2026-03-03", Datatype: "date"})}}},
	}
}
