package gazetteer

import "testing"

func TestLookup(t *testing.T) {
	tests := []struct {
		in         string
		kind       Kind
		name, code string
		country    string
	}{
		{"Ukraine", Country, "Ukraine", "UA", "UA"},
		{"US", Country, "United States", "US", "US"},
		{"U.S.", Country, "United States", "US", "US"},
		{"the United States", Country, "United States", "US", "US"},
		{"United States of America", Country, "United States", "US", "US"},
		{"Britain", Country, "United Kingdom", "GB", "GB"},
		{"Russian Federation", Country, "Russia", "RU", "RU"},
		{"NATO", Org, "North Atlantic Treaty Organization", "NATO", ""},
		{"UN", Org, "United Nations", "UN", ""},
		{"U.N.", Org, "United Nations", "UN", ""},
		{"IMF", Org, "International Monetary Fund", "IMF", ""},
		{"Nato", Org, "North Atlantic Treaty Organization", "NATO", ""},
		{"Alaska", Subdivision, "Alaska", "US-AK", "US"},
		{"Scotland", Subdivision, "Scotland", "GB-SCT", "GB"},
		{"Kyiv", Subdivision, "Kyiv", "UA-30", "UA"}, // a city with the status of a region
		{"Moscow", City, "Moscow", "RU-capital", "RU"},
		{"Canberra", City, "Canberra", "AU-capital", "AU"},
	}
	for _, tt := range tests {
		es := Lookup(tt.in)
		if len(es) == 0 {
			t.Errorf("Lookup(%q) = nothing, want %s %s", tt.in, tt.kind, tt.name)
			continue
		}
		e := es[0]
		if e.Kind != tt.kind || e.Name != tt.name || e.Code != tt.code || e.Country != tt.country {
			t.Errorf("Lookup(%q) = {%s %q %q %q}, want {%s %q %q %q}", tt.in, e.Kind, e.Name, e.Code, e.Country, tt.kind, tt.name, tt.code, tt.country)
		}
	}
}

func TestLookupLowerCaseAcronyms(t *testing.T) {
	for _, s := range []string{"us", "who", "eu"} {
		if es := Lookup(s); len(es) != 0 {
			t.Errorf("Lookup(%q) = %s %q, want nothing", s, es[0].Kind, es[0].Name)
		}
	}
	if _, ok := LookupPlace("ukraine"); !ok {
		t.Errorf("LookupPlace(%q) found nothing; lower-case full names should match", "ukraine")
	}
}

func TestDemonym(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ukrainian", "Ukraine"},
		{"Ukrainians", "Ukraine"},
		{"American", "United States"},
		{"British", "United Kingdom"},
		{"French", "France"},
		{"Chinese", "China"},
		{"European", "European Union"},
	}
	for _, tt := range tests {
		e, ok := Demonym(tt.in)
		if !ok {
			t.Errorf("Demonym(%q) found nothing, want %q", tt.in, tt.want)
			continue
		}
		if got := e.Name; got != tt.want {
			t.Errorf("Demonym(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if _, ok := Demonym("american"); ok {
		t.Errorf("Demonym(%q) matched; want only capitalised words", "american")
	}
}

func TestCountryOf(t *testing.T) {
	e, ok := LookupPlace("Alaska")
	if !ok {
		t.Fatal("no Alaska")
	}
	if got := CountryOf(e); got == nil || got.Name != "United States" {
		t.Errorf("CountryOf(Alaska) = %v, want United States", got)
	}
	if err := Err(); err != nil {
		t.Fatal(err)
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{"country\tUA\n", "planet\tX\tMars\t\t\t\n"} {
		if _, err := parse(in); err == nil {
			t.Errorf("parse(%q) = nil error, want one", in)
		}
	}
}

func TestListNames(t *testing.T) {
	tests := []struct {
		l    List
		name string
	}{
		{GivenNames, "Maria"},
		{GivenNames, "John"},
		{PersonNames, "Einstein"},
		{PlaceNames, "Kilimanjaro"},
	}
	for _, tt := range tests {
		found := false
		for _, n := range ListNames(tt.l) {
			if n == tt.name {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("list %d lacks %q", tt.l, tt.name)
		}
	}
}
