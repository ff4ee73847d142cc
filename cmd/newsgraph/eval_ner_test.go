package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const goldIOB2 = `# newdoc id = d
# sent_id = s1
1	Maria	B-PER	-	-
2	Gomez	I-PER	-	-
3	visited	O	-	-
4	Madrid	B-LOC	-	-
5	and	O	-	-
6	Lisbon	B-LOC	-	-
7	.	O	-	-
`

func TestEvalNER(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.iob2")
	if err := os.WriteFile(gold, []byte(goldIOB2), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := runEval(context.Background(), []string{"ner", "--gold", gold, "--json"}, stdio{nil, &out, &errb}); err != nil {
		t.Fatalf("eval ner: %v (%s)", err, errb.String())
	}
	var got struct {
		P, R, F1 float64
		Gold     int
		PerType  map[string]struct{ Gold int } `json:"per_type"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("output %q: %v", out.String(), err)
	}
	if got.Gold != 3 || got.PerType["LOC"].Gold != 2 || got.PerType["PER"].Gold != 1 {
		t.Errorf("got %+v from %s, want 3 gold spans: PER 1, LOC 2", got, out.String())
	}
	if got.F1 < 0 || got.F1 > 100 {
		t.Errorf("F1 %v out of range", got.F1)
	}

	out.Reset()
	if err := runEval(context.Background(), []string{"ner", "--gold", gold}, stdio{nil, &out, &errb}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "overall") {
		t.Errorf("table output lacks the overall line:\n%s", out.String())
	}
	// --model scores a model file; the shipped one gives the same table
	table := out.String()
	out.Reset()
	if err := runEval(context.Background(), []string{"ner", "--gold", gold, "--model", "../../extract/ner/model/ner.model"}, stdio{nil, &out, &errb}); err != nil {
		t.Fatal(err)
	}
	if out.String() != table {
		t.Errorf("--model with the shipped model:\n%s\nwant\n%s", out.String(), table)
	}
	bad := filepath.Join(dir, "bad.model")
	if err := os.WriteFile(bad, []byte("not a model\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := runEval(context.Background(), []string{"ner", "--gold", gold, "--model", bad}, stdio{nil, &out, &errb}); err == nil {
		t.Error("--model with a broken file: no error")
	}
}

func TestEvalNERUsage(t *testing.T) {
	var out, errb bytes.Buffer
	for _, args := range [][]string{{"ner"}, {"ner", "--gold", "x.txt"}, {"nosuch"}, {}} {
		err := runEval(context.Background(), args, stdio{nil, &out, &errb})
		var ue usageError
		if !errors.As(err, &ue) {
			t.Errorf("eval %v: err = %v, want a usage error", args, err)
		}
	}
	err := runEval(context.Background(), []string{"ner", "--gold", filepath.Join(t.TempDir(), "missing.iob2")}, stdio{nil, &out, &errb})
	if err == nil {
		t.Error("missing gold file: no error")
	}
}
