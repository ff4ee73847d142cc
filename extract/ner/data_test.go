package ner

import (
	"strings"
	"testing"
)

const iob2Sample = `# newdoc id = d1
# sent_id = s1
# text = Ana Lopez flew to Lima with Aerolinea Sur .
1	Ana	B-PER	-	x
2	Lopez	I-PER	-	x
3	flew	O	-	-
4	to	O	-	-
5	Lima	B-LOC	-	x
6	with	O	-	-
7	Aerolinea	B-ORG	-	x
8	Sur	I-ORG	-	x
9	.	B-O	-	-

# sent_id = s2
1	the	O
2	Amazon	B-OTH	-	x
3	River	B-LOC	-	x
`

func TestReadIOB2(t *testing.T) {
	docs, err := ReadIOB2(strings.NewReader(iob2Sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || len(docs[0].Sentences) != 2 || len(docs[0].Tokens) != 12 {
		t.Fatalf("got %d docs, want 1 doc of 2 sentences and 12 tokens", len(docs))
	}
	d := docs[0]
	var got []string
	for _, e := range d.Entities {
		got = append(got, e.Label+":"+d.Forms(e.Start, e.End))
	}
	want := "PERSON:Ana Lopez GPE:Lima ORG:Aerolinea Sur OTHER:Amazon LOC:River"
	if strings.Join(got, " ") != want {
		t.Errorf("entities = %q, want %q", strings.Join(got, " "), want)
	}
	if err := d.Validate(); err != nil {
		t.Error(err)
	}
	if _, err := ReadIOB2(strings.NewReader("1\tx\n")); err == nil {
		t.Error("2-column line accepted")
	}
}

const gumSample = `# newdoc id = GUM_news_sample
# sent_id = 1
1	The	the	DET	DT	_	3	det	_	Entity=(1-person-new-sss-cf1-3-coref
2	former	former	ADJ	JJ	_	3	amod	_	_
3	President	President	PROPN	NNP	_	0	root	_	_
4	Ana	Ana	PROPN	NNP	_	3	flat	_	_
5	Lopez	Lopez	PROPN	NNP	_	3	flat	_	SpaceAfter=No|Entity=1)
6	,	,	PUNCT	,	_	3	punct	_	_
7	visited	visit	VERB	VBD	_	3	acl	_	_
8	Peru	Peru	PROPN	NNP	_	7	obj	_	Entity=(2-place-new-sss-cf2-1-sgl-Peru)
9	and	and	CCONJ	CC	_	10	cc	_	_
10	the	the	DET	DT	_	11	det	_	Entity=(3-organization-new-sss-cf3-2,3-sgl-Bank_of_Peru
11	Bank	Bank	PROPN	NNP	_	7	conj	_	_
12	of	of	ADP	IN	_	13	case	_	_
13	Peru	Peru	PROPN	NNP	_	11	nmod	_	Entity=(4-place-new-sss-cf2-1-sgl-Peru)3)
14	with	with	ADP	IN	_	15	case	_	_
15	friends	friend	NOUN	NNS	_	7	obl	_	Entity=(5-person-new-sss-cf2-1-sgl)
16	with	with	ADP	IN	_	15	case	_	_
17	US	US	PROPN	NNP	_	19	compound	_	Entity=(6-person-new-sss-cf1-3-sgl(7-place-new-sss-cf1-1-sgl-United_States)
18	Senator	Senator	PROPN	NNP	_	19	compound	_	_
19	Rosa	Rosa	PROPN	NNP	_	15	nmod	_	_
20	Vidal	Vidal	PROPN	NNP	_	19	flat	_	_
21	and	and	CCONJ	CC	_	22	cc	_	_
22	I	I	PRON	PRP	_	19	conj	_	Entity=6)

# newdoc id = GUM_fiction_sample
# sent_id = 2
1	Bob	Bob	PROPN	NNP	_	0	root	_	Entity=(6-person-new-sss-cf1-1-sgl)
`

func TestReadGUM(t *testing.T) {
	docs, err := ReadGUM(strings.NewReader(gumSample), NonCommercialGUM)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("got %d docs, want 1 (fiction left out)", len(docs))
	}
	d := docs[0]
	var got []string
	for _, e := range d.Entities {
		got = append(got, e.Label+":"+d.Forms(e.Start, e.End))
	}
	want := "PERSON:Ana Lopez GPE:Peru ORG:Bank of Peru GPE:US PERSON:Rosa Vidal"
	if strings.Join(got, " ") != want {
		t.Errorf("entities = %q, want %q", strings.Join(got, " "), want)
	}
	if d.Text[d.Tokens[4].End] != ',' {
		t.Errorf("SpaceAfter=No not honoured: %q", d.Text)
	}
}

func TestPlaceLabel(t *testing.T) {
	tests := []struct{ in, want string }{
		{"France", "GPE"}, {"Alaska", "GPE"}, {"Springfield", "GPE"}, {"Europe", "LOC"},
		{"Middle East", "LOC"}, {"Amazon River", "LOC"}, {"Mount Kenya", "LOC"},
	}
	for _, tt := range tests {
		if got := PlaceLabel(strings.Fields(tt.in)); got != tt.want {
			t.Errorf("PlaceLabel(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
