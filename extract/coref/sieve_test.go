package coref

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/nlp"
)

// parse builds a document from compact hand-written parses: one word a
// line as "FORM UPOS HEAD REL [FEATS [LEMMA]]" (HEAD counted from 1 in the
// sentence, 0 for the root), sentences separated by blank lines. The
// sentences are invented for these tests.
func parse(t *testing.T, src string) *nlp.Document {
	t.Helper()
	var b strings.Builder
	for _, block := range strings.Split(strings.TrimSpace(src), "\n\n") {
		for i, line := range strings.Split(strings.TrimSpace(block), "\n") {
			f := strings.Fields(line)
			if len(f) < 4 {
				t.Fatalf("bad line %q", line)
			}
			feats, lemma := "_", strings.ToLower(f[0])
			if len(f) > 4 {
				feats = f[4]
			}
			if len(f) > 5 {
				lemma = f[5]
			}
			xpos := map[string]string{"PROPN": "NNP", "NOUN": "NN", "PRON": "PRP"}[f[1]]
			if xpos == "" {
				xpos = "_"
			}
			if strings.Contains(feats, "Number=Plur") && f[1] == "NOUN" {
				xpos = "NNS"
			}
			fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t_\t_\n", i+1, f[0], lemma, f[1], xpos, feats, f[2], f[3])
		}
		b.WriteString("\n")
	}
	sents, err := conllu.ReadAll(strings.NewReader(b.String()))
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	return conllu.ToDocument("test", sents)
}

// chains renders doc's chains as "rep: m1 | m2 | ..." lines, sorted.
func chains(doc *nlp.Document) []string {
	var out []string
	for _, c := range doc.Chains {
		var ms []string
		for _, i := range c.Mentions {
			m := doc.Mentions[i]
			ms = append(ms, doc.Forms(m.Start, m.End))
		}
		r := doc.Mentions[c.Rep]
		out = append(out, doc.Forms(r.Start, r.End)+": "+strings.Join(ms, " | "))
	}
	sort.Strings(out)
	return out
}

func TestSieves(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "relaxed name and pronoun",
			src: `
Maria PROPN 3 nsubj
Lopez PROPN 1 flat
met VERB 0 root
the DET 5 det
board NOUN 3 obj
. PUNCT 3 punct

Lopez PROPN 2 nsubj
said VERB 0 root
she PRON 5 nsubj Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs
was AUX 5 cop
pleased ADJ 2 ccomp
. PUNCT 2 punct`,
			want: []string{"Maria Lopez: Maria Lopez | Lopez | she"},
		},
		{
			name: "appositive name and first name",
			src: `
Their PRON 2 nmod:poss Case=Gen|Number=Plur|Person=3|Poss=Yes|PronType=Prs
daughter NOUN 6 nsubj Number=Sing
, PUNCT 4 punct
Lina PROPN 2 appos
, PUNCT 4 punct
fell VERB 0 root
ill ADJ 6 xcomp
. PUNCT 6 punct

Lina PROPN 2 nsubj
recovered VERB 0 root
. PUNCT 2 punct

Omar PROPN 3 nsubj
Reyes PROPN 1 flat
visited VERB 0 root
. PUNCT 3 punct

Omar PROPN 2 nsubj
stayed VERB 0 root
. PUNCT 2 punct`,
			// The appositive name is a mention of its own and takes the
			// later "Lina"; the whole "Their daughter, Lina" stays alone
			// (OntoNotes does not link an appositive to its anchor).
			want: []string{"Lina: Lina | Lina", "Omar Reyes: Omar Reyes | Omar"},
		},
		{
			name: "role with demonym and possessor",
			src: `
Chilean ADJ 2 amod
President PROPN 3 compound
Tomas PROPN 5 nsubj
Vidal PROPN 3 flat
arrived VERB 0 root
in ADP 7 case
Lima PROPN 5 obl
. PUNCT 5 punct

Chile PROPN 3 nmod:poss
's PART 1 case
president NOUN 4 nsubj
praised VERB 0 root
the DET 6 det
army NOUN 4 obj
. PUNCT 4 punct`,
			want: []string{"Chilean President Tomas Vidal: Chilean President Tomas Vidal | Chile 's president"},
		},
		{
			name: "role from an appositive",
			src: `
Ana PROPN 7 nsubj
Ruiz PROPN 1 flat
, PUNCT 6 punct
the DET 6 det
Chilean ADJ 6 amod
minister NOUN 1 appos Number=Sing
spoke VERB 0 root
. PUNCT 7 punct

The DET 3 det
Chilean ADJ 3 amod
minister NOUN 4 nsubj Number=Sing
left VERB 0 root
. PUNCT 4 punct`,
			want: []string{"Ana Ruiz , the Chilean minister: Ana Ruiz , the Chilean minister | The Chilean minister"},
		},
		{
			// The parse cuts the demonym off the titled name ("Chilean"
			// the object of "with", the name its conjunct), as parsers do
			// after "a meeting with": the words just before the mention
			// still name its country.
			name: "role whose country the parse cut off the name",
			src: `
Ana PROPN 2 nsubj
met VERB 0 root
with ADP 2 obl
Chilean PROPN 3 obj
President PROPN 6 nmod:desc
Tomas PROPN 4 conj
Vidal PROPN 6 flat
. PUNCT 2 punct

The DET 3 det
Chilean ADJ 3 amod
president NOUN 4 nsubj
left VERB 0 root
. PUNCT 4 punct`,
			want: []string{"President Tomas Vidal: President Tomas Vidal | The Chilean president"},
		},
		{
			name: "role of another country stays apart",
			src: `
Chilean ADJ 2 amod
President PROPN 3 compound
Tomas PROPN 5 nsubj
Vidal PROPN 3 flat
arrived VERB 0 root
. PUNCT 5 punct

Peru PROPN 3 nmod:poss
's PART 1 case
president NOUN 4 nsubj
stayed VERB 0 root
. PUNCT 4 punct`,
			want: nil,
		},
		{
			name: "acronym",
			src: `
The DET 4 det
Northern PROPN 4 compound
Fishing PROPN 4 compound
Council PROPN 5 nsubj
met VERB 0 root
. PUNCT 5 punct

The DET 2 det
NFC PROPN 3 nsubj
agreed VERB 0 root
. PUNCT 3 punct`,
			want: []string{"The Northern Fishing Council: The Northern Fishing Council | The NFC"},
		},
		{
			name: "alias from the gazetteer",
			src: `
The DET 3 det
United PROPN 3 compound
Kingdom PROPN 4 nsubj
voted VERB 0 root
. PUNCT 4 punct

Britain PROPN 2 nsubj
abstained VERB 0 root
. PUNCT 2 punct`,
			want: []string{"The United Kingdom: The United Kingdom | Britain"},
		},
		{
			name: "category description",
			src: `
Norway PROPN 2 nsubj
signed VERB 0 root
the DET 4 det
treaty NOUN 2 obj Number=Sing
. PUNCT 2 punct

The DET 2 det
country NOUN 3 nsubj Number=Sing
agreed VERB 0 root
. PUNCT 3 punct`,
			want: []string{"Norway: Norway | The country"},
		},
		{
			name: "gender and animacy",
			src: `
Mr. PROPN 2 compound
Brown PROPN 3 nsubj
addressed VERB 0 root
the DET 5 det
committee NOUN 3 obj Number=Sing
. PUNCT 3 punct

It PRON 2 nsubj Case=Nom|Gender=Neut|Number=Sing|Person=3|PronType=Prs
rejected VERB 0 root
his PRON 4 nmod:poss Case=Gen|Gender=Masc|Number=Sing|Person=3|Poss=Yes|PronType=Prs
plan NOUN 2 obj Number=Sing
. PUNCT 2 punct`,
			want: []string{"Mr. Brown: Mr. Brown | his", "the committee: the committee | It"},
		},
		{
			name: "gender of first names",
			src: `
Omar PROPN 3 nsubj
Ruiz PROPN 1 flat
met VERB 0 root
Lena PROPN 3 obj
Park PROPN 4 flat
. PUNCT 3 punct

She PRON 2 nsubj Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs
thanked VERB 0 root
him PRON 2 obj Case=Acc|Gender=Masc|Number=Sing|Person=3|PronType=Prs
. PUNCT 2 punct`,
			want: []string{"Lena Park: Lena Park | She", "Omar Ruiz: Omar Ruiz | him"},
		},
		{
			name: "pleonastic it",
			src: `
The DET 2 det
report NOUN 3 nsubj Number=Sing
failed VERB 0 root
. PUNCT 3 punct

It PRON 3 nsubj Case=Nom|Gender=Neut|Number=Sing|Person=3|PronType=Prs
is AUX 3 cop
clear ADJ 0 root
that SCONJ 6 mark
it PRON 6 nsubj Case=Nom|Gender=Neut|Number=Sing|Person=3|PronType=Prs
erred VERB 3 csubj
. PUNCT 3 punct

It PRON 3 nsubj Case=Nom|Gender=Neut|Number=Sing|Person=3|PronType=Prs
was AUX 3 cop
dark ADJ 0 root
. PUNCT 3 punct`,
			want: []string{"The report: The report | it"},
		},
		{
			name: "narrator and quoted speaker",
			src: `
I PRON 2 nsubj Case=Nom|Number=Sing|Person=1|PronType=Prs
left VERB 0 root
early ADV 2 advmod
. PUNCT 2 punct

" PUNCT 3 punct
I PRON 3 nsubj Case=Nom|Number=Sing|Person=1|PronType=Prs
stay VERB 0 root
" PUNCT 3 punct
, PUNCT 8 punct
the DET 7 det
host NOUN 8 nsubj Number=Sing
said VERB 3 parataxis _ say
. PUNCT 3 punct

Later ADV 3 advmod
I PRON 3 nsubj Case=Nom|Number=Sing|Person=1|PronType=Prs
returned VERB 0 root
. PUNCT 3 punct`,
			want: []string{"I: I | I", "the host: I | the host"},
		},
		{
			name: "quotation inside reported speech",
			src: `
Vera PROPN 2 nsubj
said VERB 0 root _ say
Sam PROPN 4 nsubj
agreed VERB 2 ccomp _ agree
to ADP 7 case
" PUNCT 7 punct
terms NOUN 4 obl Number=Plur
that PRON 10 obj PronType=Rel
I PRON 10 nsubj Case=Nom|Number=Sing|Person=1|PronType=Prs
like VERB 7 acl:relcl
" PUNCT 7 punct
. PUNCT 2 punct`,
			want: []string{"Vera: Vera | I"},
		},
		{
			name: "number agreement",
			src: `
The DET 2 det
senators NOUN 6 nsubj Number=Plur
and CCONJ 5 cc
the DET 5 det
mayor NOUN 2 conj Number=Sing
argued VERB 0 root
. PUNCT 6 punct

They PRON 2 nsubj Case=Nom|Number=Plur|Person=3|PronType=Prs
left VERB 0 root
. PUNCT 2 punct`,
			want: []string{"The senators and the mayor: The senators and the mayor | They"},
		},
		{
			// The object of a subjectless non-finite adverbial clause
			// is backgrounded: a subject pronoun in the next conjunct
			// continues the main clause's possessor instead.
			name: "subject pronoun after a non-finite adjunct",
			src: `
Talks NOUN 4 nsubj Number=Plur
had AUX 4 aux
been AUX 4 cop
one NUM 0 root
of ADP 9 case
Omar PROPN 9 nmod:poss
Reyes PROPN 6 flat
's PART 6 case
demands NOUN 4 nmod Number=Plur
before SCONJ 11 mark
meeting VERB 4 advcl VerbForm=Ger
Tomas PROPN 11 obj
Vidal PROPN 12 flat
, PUNCT 18 punct
but CCONJ 18 cc
he PRON 18 nsubj Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs
later ADV 18 advmod
left VERB 4 conj VerbForm=Fin
. PUNCT 4 punct`,
			want: []string{"Omar Reyes 's: Omar Reyes 's | he"},
		},
		{
			// Only a subject pronoun discounts the adjunct: an object
			// pronoun still weighs its object in full.
			name: "object pronoun after a non-finite adjunct",
			src: `
Talks NOUN 4 nsubj Number=Plur
had AUX 4 aux
been AUX 4 cop
one NUM 0 root
of ADP 9 case
Omar PROPN 9 nmod:poss
Reyes PROPN 6 flat
's PART 6 case
demands NOUN 4 nmod Number=Plur
before SCONJ 11 mark
meeting VERB 4 advcl VerbForm=Ger
Tomas PROPN 11 obj
Vidal PROPN 12 flat
, PUNCT 18 punct
but CCONJ 18 cc
Ana PROPN 18 nsubj
thanked VERB 4 conj VerbForm=Fin
him PRON 17 obj Case=Acc|Gender=Masc|Number=Sing|Person=3|PronType=Prs
. PUNCT 4 punct`,
			want: []string{"Tomas Vidal: Tomas Vidal | him"},
		},
		{
			// A subject pronoun in the complement of a verb of saying takes
			// that verb's subject, although the entity of the sentence
			// before weighs more in summed salience.
			name: "subject pronoun in a complement clause",
			src: `
Omar PROPN 3 nsubj
Reyes PROPN 1 flat
told VERB 0 root _ tell
his PRON 5 nmod:poss Case=Gen|Gender=Masc|Number=Sing|Person=3|Poss=Yes|PronType=Prs
party NOUN 3 iobj Number=Sing
he PRON 7 nsubj Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs
expected VERB 3 ccomp VerbForm=Fin
a DET 9 det
vote NOUN 7 obj Number=Sing
. PUNCT 3 punct

But CCONJ 4 cc
Tomas PROPN 4 nsubj
Vidal PROPN 2 flat
said VERB 0 root VerbForm=Fin say
he PRON 6 nsubj Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs
rejected VERB 4 ccomp VerbForm=Fin
the DET 8 det
plan NOUN 6 obj Number=Sing
. PUNCT 4 punct`,
			want: []string{"Omar Reyes: Omar Reyes | his | he", "Tomas Vidal: Tomas Vidal | he"},
		},
		{
			// The same through a relative clause on a phrase of the
			// governing clause.
			name: "subject pronoun in a relative clause",
			src: `
Omar PROPN 3 nsubj
Reyes PROPN 1 flat
said VERB 0 root VerbForm=Fin say
his PRON 5 nmod:poss Case=Gen|Gender=Masc|Number=Sing|Person=3|Poss=Yes|PronType=Prs
hosts NOUN 7 nsubj Number=Plur
had AUX 7 aux
welcomed VERB 3 ccomp VerbForm=Part
him PRON 7 obj Case=Acc|Gender=Masc|Number=Sing|Person=3|PronType=Prs
. PUNCT 3 punct

Before SCONJ 2 mark
visiting VERB 7 advcl VerbForm=Ger
Lima PROPN 2 obj
, PUNCT 2 punct
Tomas PROPN 7 nsubj
Vidal PROPN 5 flat
made VERB 0 root VerbForm=Fin
a DET 9 det
visit NOUN 7 obj Number=Sing
to ADP 11 case
Quito PROPN 9 nmod
, PUNCT 15 punct
where ADV 15 advmod
he PRON 15 nsubj Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs
met VERB 11 acl:relcl VerbForm=Fin
ministers NOUN 15 obj Number=Plur
. PUNCT 7 punct`,
			want: []string{"Omar Reyes: Omar Reyes | his | him", "Tomas Vidal: Tomas Vidal | he"},
		},
		{
			// A pronoun inside a quotation is the speaker's word about
			// someone else: no preference for the speaker.
			name: "subject pronoun quoted after a verb of saying",
			src: `
Omar PROPN 3 nsubj
Reyes PROPN 1 flat
told VERB 0 root _ tell
his PRON 5 nmod:poss Case=Gen|Gender=Masc|Number=Sing|Person=3|Poss=Yes|PronType=Prs
party NOUN 3 iobj Number=Sing
he PRON 7 nsubj Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs
expected VERB 3 ccomp VerbForm=Fin
a DET 9 det
vote NOUN 7 obj Number=Sing
. PUNCT 3 punct

Tomas PROPN 3 nsubj
Vidal PROPN 1 flat
said VERB 0 root VerbForm=Fin say
: PUNCT 7 punct
" PUNCT 7 punct
he PRON 7 nsubj Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs
lost VERB 3 ccomp VerbForm=Fin
. PUNCT 3 punct
" PUNCT 7 punct`,
			want: []string{"Omar Reyes: Omar Reyes | his | he | he"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := parse(t, tc.src)
			if err := New().Process(doc); err != nil {
				t.Fatal(err)
			}
			got := chains(doc)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("chains:\ngot  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	doc := parse(t, `
a NOUN 2 nsubj
b VERB 0 root`)
	doc.Tokens[1].Head = 0 // a cycle: 0 -> 1 -> 0
	if err := New().Process(doc); err == nil {
		t.Error("cyclic parse: got no error")
	}
	doc = parse(t, `
a NOUN 2 nsubj
b VERB 0 root`)
	doc.Sentences = nil
	if err := New().Process(doc); err == nil {
		t.Error("no sentences: got no error")
	}
}

func TestRepresentative(t *testing.T) {
	doc := parse(t, `
Maria PROPN 3 nsubj
Lopez PROPN 1 flat
met VERB 0 root
the DET 5 det
board NOUN 3 obj
. PUNCT 3 punct

She PRON 2 nsubj Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs
left VERB 0 root
. PUNCT 2 punct`)
	if err := New().Process(doc); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		head int
		want string
		ok   bool
	}{
		{6, "Maria Lopez", true}, // She
		{0, "Maria Lopez", true}, // Maria Lopez itself
		{4, "", false},           // the board: alone
		{2, "", false},           // a verb
	}
	for _, tc := range tests {
		m, ok := Representative(doc, tc.head)
		got := ""
		if ok {
			got = doc.Forms(m.Start, m.End)
		}
		if got != tc.want || ok != tc.ok {
			t.Errorf("Representative(%d): got %q, %v; want %q, %v", tc.head, got, ok, tc.want, tc.ok)
		}
	}
}
