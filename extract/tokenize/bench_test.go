package tokenize

import (
	"strings"
	"testing"
)

// benchParagraph is a made-up news paragraph exercising the rules.
const benchParagraph = `WASHINGTON — The U.S. Senate voted 52-48 on Tuesday to approve a $1.2 trillion spending bill, ` +
	`sending it to the president's desk. "We didn't get everything we wanted," said Sen. Maria Lopez, a co-sponsor. ` +
	`The so-called stopgap measure funds agencies through Sept. 30 and adds 4.5% for defense; critics can't agree ` +
	`on whether it's enough. Details are at https://example.gov/bill and questions go to press@example.gov. `

// benchWant is benchParagraph tokenized: surface tokens, words of a
// multiword token joined by "|".
const benchWant = `WASHINGTON — The U.S. Senate voted 52 - 48 on Tuesday to approve a $ 1.2 trillion spending bill , ` +
	`sending it to the president|'s desk . " We did|n't get everything we wanted , " said Sen. Maria Lopez , a co-sponsor . ` +
	`The so - called stopgap measure funds agencies through Sept. 30 and adds 4.5 % for defense ; critics ca|n't agree ` +
	`on whether it|'s enough . Details are at https://example.gov/bill and questions go to press@example.gov .`

func BenchmarkTokenize(b *testing.B) {
	const reps = 200
	text := strings.Repeat(benchParagraph, reps)
	want := strings.TrimSpace(strings.Repeat(benchWant+" ", reps))
	tok := New()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	n := 0
	var got string
	for i := 0; i < b.N; i++ {
		toks := tok.Tokens(text)
		n += len(toks)
		if i == 0 {
			got = render(toks)
		}
	}
	b.StopTimer()
	if got != want {
		b.Fatalf("wrong tokens:\n got %.300q\nwant %.300q", got, want)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
}
