package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEvalCarbJSON(t *testing.T) {
	gold := writeFile(t, "gold.tsv", "He bought a car and a house .\tbought\tHe\ta car\nHe bought a car and a house .\tbought\tHe\ta house\n")
	sys := writeFile(t, "sys.txt", "He bought a car and a house .\t1.0\tbought\tHe\ta car and a house\n")
	var out, errb bytes.Buffer
	err := runEval(context.Background(), []string{"carb", "--gold", gold, "--system", sys, "--json"}, stdio{nil, &out, &errb})
	if err != nil {
		t.Fatalf("%v: %s", err, errb.String())
	}
	if !strings.HasPrefix(out.String(), `{"p":`) {
		t.Errorf("got %q, want keys in order p, r, f1, auc", out.String())
	}
	var got jsonScore
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	want := jsonScore{P: 4.0 / 7, R: 1, F1: 0.727273, AUC: 0.785714}
	if math.Abs(got.P-want.P) > 1e-6 || math.Abs(got.R-want.R) > 1e-6 || math.Abs(got.F1-want.F1) > 1e-6 || math.Abs(got.AUC-want.AUC) > 1e-6 {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestEvalCarbUsage(t *testing.T) {
	for _, args := range [][]string{
		{"carb"},
		{"carb", "--gold", "g"},
		{"carb", "--gold", "g", "--system", "a", "--sentences", "b"},
		{"nosuch"},
	} {
		var out, errb bytes.Buffer
		err := runEval(context.Background(), args, stdio{nil, &out, &errb})
		var ue usageError
		if err == nil || !asUsage(err, &ue) {
			t.Errorf("%q: got %v, want a usage error", args, err)
		}
	}
}

func asUsage(err error, ue *usageError) bool {
	u, ok := err.(usageError)
	if ok {
		*ue = u
	}
	return ok
}

const parsed = `# text = The company bought a factory .
1	The	the	DET	DT	_	2	det	_	_
2	company	company	NOUN	NN	_	3	nsubj	_	_
3	bought	buy	VERB	VBD	_	0	root	_	_
4	a	a	DET	DT	_	5	det	_	_
5	factory	factory	NOUN	NN	_	3	obj	_	_
6	.	.	PUNCT	.	_	3	punct	_	_

`

func TestExtractCarbConllu(t *testing.T) {
	in := writeFile(t, "in.conllu", parsed)
	var out, errb bytes.Buffer
	if err := runExtract(context.Background(), []string{"--conllu", in}, stdio{nil, &out, &errb}); err != nil {
		t.Fatalf("%v: %s", err, errb.String())
	}
	f := strings.Split(strings.TrimSpace(out.String()), "\t")
	if len(f) != 5 || f[0] != "The company bought a factory ." || f[2] != "bought" || f[3] != "The company" || f[4] != "a factory" {
		t.Errorf("got %q, want one extraction (The company; bought; a factory)", out.String())
	}
	gold := writeFile(t, "gold.tsv", "The company bought a factory .\tbought\tThe company\ta factory\n")
	out.Reset()
	if err := runEval(context.Background(), []string{"carb", "--gold", gold, "--conllu", in, "--json"}, stdio{nil, &out, &errb}); err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(out.String()) != `{"p":1,"r":1,"f1":1,"auc":1}` {
		t.Errorf("got %s, want a perfect score", out.String())
	}
}

func TestTokenizedDocument(t *testing.T) {
	doc, lines := tokenizedDocument("x", []string{"He said `` no '' -LRB- twice -RRB- .", "", "Ok ."})
	if len(doc.Sentences) != 2 || len(lines) != 2 || lines[1] != "Ok ." {
		t.Fatalf("got %d sentences %q", len(doc.Sentences), lines)
	}
	if err := doc.Validate(); err != nil {
		t.Fatal(err)
	}
	var forms, texts []string
	for i := range doc.Tokens {
		forms = append(forms, doc.Tokens[i].Form)
		texts = append(texts, doc.TokenText(i))
	}
	if got, want := strings.Join(forms, " "), `He said " no " ( twice ) . Ok .`; got != want {
		t.Errorf("forms: got %q, want %q", got, want)
	}
	if got, want := strings.Join(texts, " "), "He said `` no '' -LRB- twice -RRB- . Ok ."; got != want {
		t.Errorf("text: got %q, want %q", got, want)
	}
}

// TestExtractCarbTokenized runs our tagger and parser on PTB-tokenized
// lines; the output keeps the input's tokens.
func TestExtractCarbTokenized(t *testing.T) {
	if _, err := pipelineStages(); err != nil {
		t.Skipf("no models: %v", err)
	}
	line := "The company said -LRB- on Monday -RRB- it bought `` a new factory '' ."
	in := writeFile(t, "in.txt", line+"\n\nThe mayor did n't approve the plan .\n")
	var out, errb bytes.Buffer
	if err := runExtract(context.Background(), []string{"--format", "carb", in}, stdio{nil, &out, &errb}); err != nil {
		t.Fatalf("%v: %s", err, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) < 2 {
		t.Fatalf("got %q, want extractions of both sentences", out.String())
	}
	sawNeg := false
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) < 4 || (f[0] != line && f[0] != "The mayor did n't approve the plan .") {
			t.Fatalf("bad line %q", l)
		}
		for _, field := range f[2:] {
			if strings.Contains(field, "(") || strings.Contains(field, "\"") {
				t.Errorf("field %q has mapped characters, want the input's tokens", field)
			}
		}
		if strings.Contains(f[2], "n't") {
			sawNeg = true
		}
	}
	if !sawNeg {
		t.Errorf("got %q, want the relation of the second sentence to keep \"n't\"", out.String())
	}
}
