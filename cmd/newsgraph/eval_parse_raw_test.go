package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestEvalParseRaw scores our raw-text annotation of a two-sentence gold
// file: the tokenizer and splitter must reproduce its tokens and sentences.
func TestEvalParseRaw(t *testing.T) {
	gold := `# sent_id = 1
# text = The minister signed the treaty.
1	The	the	DET	DT	_	2	det	_	_
2	minister	minister	NOUN	NN	_	3	nsubj	_	_
3	signed	sign	VERB	VBD	_	0	root	_	_
4	the	the	DET	DT	_	5	det	_	_
5	treaty	treaty	NOUN	NN	_	3	obj	_	SpaceAfter=No
6	.	.	PUNCT	.	_	3	punct	_	_

# sent_id = 2
# text = It worked.
1	It	it	PRON	PRP	_	2	nsubj	_	_
2	worked	work	VERB	VBD	_	0	root	_	SpaceAfter=No
3	.	.	PUNCT	.	_	2	punct	_	_

`
	path := filepath.Join(t.TempDir(), "gold.conllu")
	if err := os.WriteFile(path, []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, err := runCmd(t, runEvalParse, "", "--gold", path, "--raw", "--json")
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	var sc rawScores
	if err := json.Unmarshal([]byte(out), &sc); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if sc.Words != 9 || sc.TokensF1 != 100 || sc.SentencesF1 != 100 {
		t.Errorf("scores = %+v, want 9 words and tokens/sentences F1 100", sc)
	}
	if sc.UAS < 50 {
		t.Errorf("UAS %.1f on two easy sentences: the parser is broken", sc.UAS)
	}
}
