package segment_test

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/segment"
	"github.com/newsgraph/newsgraph/extract/tokenize"
)

// benchParagraph is a made-up news paragraph.
const benchParagraph = `WASHINGTON — The U.S. Senate voted 52-48 on Tuesday to approve a $1.2 trillion spending bill, ` +
	`sending it to the president's desk. "We didn't get everything we wanted," said Sen. Maria Lopez, a co-sponsor. ` +
	`The so-called stopgap measure funds agencies through Sept. 30 and adds 4.5% for defense; critics can't agree ` +
	`on whether it's enough. Details are at https://example.gov/bill and questions go to press@example.gov.` + "\n\n"

// benchFirst are its sentences. The dateline stands alone, as a dash
// followed by a capitalized clause does in EWT ("TEHRAN (AFP) -").
var benchFirst = []string{
	"WASHINGTON —",
	"The U.S. Senate voted 52-48 on Tuesday to approve a $1.2 trillion spending bill, sending it to the president's desk.",
	`"We didn't get everything we wanted," said Sen. Maria Lopez, a co-sponsor.`,
	"The so-called stopgap measure funds agencies through Sept. 30 and adds 4.5% for defense; critics can't agree on whether it's enough.",
	"Details are at https://example.gov/bill and questions go to press@example.gov.",
}

func BenchmarkSegment(b *testing.B) {
	const reps = 200
	text := strings.Repeat(benchParagraph, reps)
	toks := tokenize.New().Tokens(text)
	seg := segment.New()
	b.ResetTimer()
	n := 0
	nsent := 0
	for i := 0; i < b.N; i++ {
		sents := seg.Sentences(text, toks)
		n += len(toks)
		nsent = len(sents)
		if i == 0 {
			for k, want := range benchFirst {
				s := sents[k]
				if got := text[toks[s.Start].Start:toks[s.End-1].End]; got != want {
					b.Fatalf("sentence %d:\n got %q\nwant %q", k, got, want)
				}
			}
		}
	}
	b.StopTimer()
	if want := len(benchFirst) * reps; nsent != want {
		b.Fatalf("%d sentences, want %d", nsent, want)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
}
