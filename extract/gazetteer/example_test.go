package gazetteer_test

import (
	"fmt"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
)

func ExampleLookupPlace() {
	for _, s := range []string{"U.S.", "Britain", "Alaska", "Kyiv"} {
		e, _ := gazetteer.LookupPlace(s)
		fmt.Println(s, "→", e.Kind, e.Name, e.Code, gazetteer.CountryOf(e).Name)
	}
	// Output:
	// U.S. → country United States US United States
	// Britain → country United Kingdom GB United Kingdom
	// Alaska → subdivision Alaska US-AK United States
	// Kyiv → subdivision Kyiv UA-30 Ukraine
}

func ExampleDemonym() {
	e, _ := gazetteer.Demonym("Ukrainian")
	fmt.Println(e.Name, e.Code)
	// Output: Ukraine UA
}

func ExampleLookupOrg() {
	a, _ := gazetteer.LookupOrg("Nato")
	b, _ := gazetteer.LookupOrg("NATO")
	fmt.Println(a == b, a.Code, a.Name)
	// Output: true NATO North Atlantic Treaty Organization
}
