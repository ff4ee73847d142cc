package ner

import (
	"strings"
	"testing"
)

// The readers return an error or documents that validate; they never
// panic.
func FuzzReadGUM(f *testing.F) {
	f.Add(gumSample)
	f.Add("1\tA\ta\tX\tX\t_\t0\troot\t_\tEntity=(1-person-x)2)\n")
	f.Add("1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\ta\tX\tX\t_\t5\tx\t_\tEntity=((\n")
	f.Fuzz(func(t *testing.T, s string) {
		docs, err := ReadGUM(strings.NewReader(s), nil)
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, e := range d.Entities {
				if e.Start < 0 || e.End > len(d.Tokens) || e.Start >= e.End {
					t.Fatalf("bad span %v in %d tokens", e, len(d.Tokens))
				}
			}
		}
	})
}

func FuzzReadIOB2(f *testing.F) {
	f.Add(iob2Sample)
	f.Add("1\tx\tI-PER\n2\ty\tB-\n")
	f.Fuzz(func(t *testing.T, s string) {
		docs, err := ReadIOB2(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, d := range docs {
			if err := d.Validate(); err != nil {
				t.Fatal(err)
			}
		}
	})
}
