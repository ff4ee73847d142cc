package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/ner"
)

// Two groups of words pointing in two directions, as GloVe text and as
// the wink JSON layout; clustered into two, each group must share a
// cluster and the groups must not.
const gloveText = `paris 1 0.1 0
rome 0.9 0 0.1
berlin 1 0.05 0.05
Paris 0 0 9
acme 0 1 0.1
globex 0.1 0.9 0
initech 0 1 0
1999 0.5 0.5 0.5
`

const winkJSON = `{"dimensions":3,"words":["paris","rome","berlin","acme","globex","initech"],` +
	`"vectors":{"paris":[1,0.1,0,1.1,0],"rome":[0.9,0,0.1,1,1],"berlin":[1,0.05,0.05,1,2],` +
	`"acme":[0,1,0.1,1,3],"globex":[0.1,0.9,0,1,4],"initech":[0,1,0,1,5]}}`

func TestClusterEmbeddings(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{"glove.txt": gloveText, "wink.json": winkJSON} {
		in, out := filepath.Join(dir, name), filepath.Join(dir, name+".tsv")
		writePath(t, in, text)
		if _, stderr, err := runCmd(t, runClusterEmbeddings, "", "--levels", "2", "--iterations", "5", in, out); err != nil {
			t.Fatalf("%s: %v\n%s", name, err, stderr)
		}
		f, err := os.Open(out)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ner.ReadEmbeddingClusters(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(got) != 6 { // "1999" has no letter; "Paris" repeats "paris" lowercased
			t.Errorf("%s: %d words, want 6: %v", name, len(got), got)
		}
		if got["paris"] != got["rome"] || got["rome"] != got["berlin"] || got["acme"] != got["globex"] || got["globex"] != got["initech"] {
			t.Errorf("%s: a group is split: %v", name, got)
		}
		if got["paris"] == got["acme"] {
			t.Errorf("%s: the two groups share cluster %x", name, got["paris"])
		}
	}
}

func TestClusterEmbeddingsErrors(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"ragged.txt": "a 1 2\nb 1\n",
		"nan.txt":    "a 1 x\n",
		"empty.txt":  "\n",
		"bad.json":   `{"dimensions":3,"words":["a"],"vectors":{"a":[1]}}`,
		"trunc.json": `{"dimensions":3,"words":["a"]`,
	} {
		in := filepath.Join(dir, name)
		writePath(t, in, text)
		_, _, err := runCmd(t, runClusterEmbeddings, "", "--levels", "2", in, filepath.Join(dir, "out.tsv"))
		if err == nil || !strings.Contains(err.Error(), in) {
			t.Errorf("%s: error %v, want one naming the file", name, err)
		}
	}
	if _, _, err := runCmd(t, runClusterEmbeddings, "", "only-one-arg"); err == nil {
		t.Error("one argument: no error")
	}
}
