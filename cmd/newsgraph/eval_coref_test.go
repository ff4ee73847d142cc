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

	"github.com/newsgraph/newsgraph/extract/parse"
	"github.com/newsgraph/newsgraph/extract/tag"
)

// An invented two-sentence document: gold chain {Anna, she}; the system
// file below gets it right, so every metric is 100.
const corefGold = "# begin document \n0\tAnna\t(1)\n1\tslept\t_\n2\t.\t_\n3\tShe\t(1)\n4\twoke\t_\n5\t.\t_\n# end document\n"

const corefUD = `# newdoc id = tiny
# text = Anna slept.
1	Anna	Anna	PROPN	NNP	Number=Sing	2	nsubj	_	_
2	slept	sleep	VERB	VBD	_	0	root	_	SpaceAfter=No
3	.	.	PUNCT	.	_	2	punct	_	_

# text = She woke.
1	She	she	PRON	PRP	Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs	2	nsubj	_	_
2	woke	wake	VERB	VBD	_	0	root	_	SpaceAfter=No
3	.	.	PUNCT	.	_	2	punct	_	_

`

func TestEvalCoref(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "tiny.conll")
	ud := filepath.Join(dir, "tiny.conllu")
	empty := filepath.Join(dir, "empty.conll")
	for p, s := range map[string]string{
		gold:  corefGold,
		ud:    corefUD,
		empty: strings.ReplaceAll(strings.ReplaceAll(corefGold, "(1)", "_"), "# begin document ", "# begin document tiny"),
	} {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name  string
		args  []string
		conll float64
	}{
		{"gold as system", []string{"--gold", gold, "--system", gold, "--json"}, 100},
		{"our stages on the gold parse", []string{"--gold", gold, "--ud", ud, "--gold-parse", "--json"}, 100},
		{"our pipeline, gold sentences", []string{"--gold", gold, "--ud", ud, "--json"}, 100},
		{"our pipeline, our sentences", []string{"--gold", gold, "--json"}, 100},
		{"empty system", []string{"--gold", gold, "--system", empty, "--json"}, 0},
	}
	_, tagErr := tag.Load()
	_, parseErr := parse.Load()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if strings.HasPrefix(tc.name, "our pipeline") && (tagErr != nil || parseErr != nil) {
				t.Skipf("no embedded tagger or parser: %v %v", tagErr, parseErr)
			}
			var out, errb bytes.Buffer
			if err := runEvalCoref(context.Background(), tc.args, stdio{strings.NewReader(""), &out, &errb}); err != nil {
				t.Fatalf("%v\n%s", err, errb.String())
			}
			var got map[string]float64
			if err := json.Unmarshal(out.Bytes(), &got); err != nil {
				t.Fatalf("%v: %q", err, out.String())
			}
			for _, k := range []string{"muc", "b3", "ceafe", "conll"} {
				if _, ok := got[k]; !ok {
					t.Errorf("missing key %q in %v", k, got)
				}
			}
			if got["conll"] != tc.conll {
				t.Errorf("conll: got %v, want %v", got["conll"], tc.conll)
			}
		})
	}
}

func TestEvalCorefUsage(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"--gold", "x", "--ud", "y", "--system", "z"},
		{"--gold", "x", "--gold-parse"},
	} {
		var out, errb bytes.Buffer
		err := runEvalCoref(context.Background(), args, stdio{strings.NewReader(""), &out, &errb})
		var ue usageError
		if !errors.As(err, &ue) {
			t.Errorf("%q: got %v, want a usage error", args, err)
		}
	}
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"eval", "nosuch"}, stdio{strings.NewReader(""), &out, &errb}); code != exitUsage {
		t.Errorf("eval nosuch: exit %d, want %d", code, exitUsage)
	}
}
