package conllu

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const small = `# newdoc id = d1
# sent_id = s1
# text = I don't know.
1	I	I	PRON	PRP	_	4	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
4.1	knew	know	VERB	VBD	_	_	_	4:conj	_
5	.	.	PUNCT	.	_	4	punct	_	_

# sent_id = s2
# text = Bush's plan
1-2	Bush's	_	_	_	_	_	_	_	_
1	Bush	Bush	PROPN	NNP	_	3	nmod:poss	_	_
2	's	's	PART	POS	_	1	case	_	_
3	plan	plan	NOUN	NN	_	0	root	_	_
`

func TestReadSmall(t *testing.T) {
	sents, err := ReadAll(strings.NewReader(small))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(sents), 2; got != want {
		t.Fatalf("sentences = %d, want %d", got, want)
	}
	s := sents[0]
	if got, want := s.ID(), "s1"; got != want {
		t.Errorf("ID = %q, want %q", got, want)
	}
	if got, want := len(s.Words), 5; got != want {
		t.Errorf("words = %d, want %d (empty node must be skipped)", got, want)
	}
	if got, want := s.MultiWords[0], (MultiWord{First: 2, Last: 3, Form: "don't", Misc: "_"}); got != want {
		t.Errorf("multiword = %+v, want %+v", got, want)
	}
	doc := ToDocument("d1", sents)
	if got, want := doc.Text, "I don't know. Bush's plan"; got != want {
		t.Errorf("text = %q, want %q", got, want)
	}
	if err := doc.Validate(); err != nil {
		t.Fatal(err)
	}
	type tok struct {
		text string
		head int
		mwt  int
	}
	var got []tok
	for i := range doc.Tokens {
		got = append(got, tok{doc.TokenText(i), doc.Tokens[i].Head, doc.Tokens[i].MWT})
	}
	want := []tok{{"I", 3, 0}, {"do", 3, 2}, {"n't", 3, 0}, {"know", -1, 0}, {".", 3, 0},
		{"Bush", 7, 2}, {"'s", 5, 0}, {"plan", -1, 0}}
	if len(got) != len(want) {
		t.Fatalf("tokens = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("token %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"columns", "1\tI\tI\n", "line 1: 3 columns"},
		{"id", "# c\n2\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n", "line 2: word id \"2\""},
		{"head", "1\tI\tI\tPRON\tPRP\t_\t5\troot\t_\t_\n", "head 5 out of range"},
		{"range", "1-x\tI\t_\t_\t_\t_\t_\t_\t_\t_\n", "bad multiword range"},
		{"utf8", "1\t\xff\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n", "invalid UTF-8"},
	}
	for _, tt := range tests {
		_, err := ReadAll(strings.NewReader(tt.in))
		var ce *Error
		if !errors.As(err, &ce) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

// TestRoundTripTreebank reads the EWT dev file, converts it to a document,
// writes it back and reads it again: every word column the document keeps
// must survive, and each sentence's rebuilt text must equal its text comment.
func TestRoundTripTreebank(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "data", "ud", "UD_English-EWT", "en_ewt-ud-dev.conllu")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("treebank not available: %v", err)
	}
	sents, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	docs := SplitDocuments(sents)
	if got, want := len(docs), 318; got != want {
		t.Errorf("documents = %d, want %d", got, want)
	}
	textMismatch := 0
	for _, d := range docs {
		doc := ToDocument(d.ID, d.Sentences)
		if err := doc.Validate(); err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		for si, s := range doc.Sentences {
			if got, want := oneLine(doc.SpanText(s.Start, s.End)), oneLine(d.Sentences[si].Text()); got != want {
				textMismatch++
			}
		}
		var buf bytes.Buffer
		if err := Write(&buf, doc); err != nil {
			t.Fatal(err)
		}
		again, err := ReadAll(&buf)
		if err != nil {
			t.Fatalf("%s: reading our own output: %v", d.ID, err)
		}
		doc2 := ToDocument(d.ID, again)
		if doc2.Text != doc.Text {
			t.Fatalf("%s: text changed on round trip:\n%q\n%q", d.ID, doc.Text, doc2.Text)
		}
		for i := range doc.Tokens {
			if doc.Tokens[i] != doc2.Tokens[i] {
				t.Fatalf("%s token %d: %+v became %+v", d.ID, i, doc.Tokens[i], doc2.Tokens[i])
			}
		}
	}
	if textMismatch > 0 {
		t.Errorf("%d sentences rebuild a text different from their text comment", textMismatch)
	}
}

func FuzzReader(f *testing.F) {
	f.Add(small)
	f.Add("1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadAll(strings.NewReader(in))
		if err != nil {
			return
		}
		doc := ToDocument("fuzz", sents)
		if err := doc.Validate(); err != nil {
			t.Fatalf("valid input gave an invalid document: %v", err)
		}
		var buf bytes.Buffer
		if err := Write(&buf, doc); err != nil {
			t.Fatal(err)
		}
		again, err := ReadAll(&buf)
		if err != nil {
			t.Fatalf("cannot read our own output: %v\n%s", err, buf.String())
		}
		n := 0
		for _, s := range sents {
			n += len(s.Words)
		}
		m := 0
		for _, s := range again {
			m += len(s.Words)
		}
		if n != m {
			t.Fatalf("words: %d before, %d after round trip", n, m)
		}
	})
}
