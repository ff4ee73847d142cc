package ner

import (
	"bytes"
	"fmt"
	"github.com/newsgraph/newsgraph/extract/nlp"
	"strings"
	"testing"
)

// tinyDocs is a small hand-made training set.
func tinyDocs(t *testing.T) []*nlp.Document {
	t.Helper()
	docs, err := ReadIOB2(strings.NewReader(strings.Replace(iob2Sample, "B-OTH", "O", 1) + "\n" + `# sent_id = s3
1	Maria	B-PER	-	x
2	Silva	I-PER	-	x
3	joined	O	-	-
4	Aerolinea	B-ORG	-	x
5	Sur	I-ORG	-	x
6	in	O	-	-
7	Quito	B-LOC	-	x
8	.	O	-	-
`))
	if err != nil {
		t.Fatal(err)
	}
	tagDocs(t, docs)
	return docs
}

func TestTrainDeterministicAndRoundTrip(t *testing.T) {
	docs := tinyDocs(t)
	for _, v := range []struct {
		name string
		opt  TrainOptions
	}{
		{"greedy", TrainOptions{Iterations: 5, Seed: 7}},
		{"viterbi", TrainOptions{Iterations: 5, Seed: 7, Decoder: DecoderViterbi}},
		{"viterbi, document features, tags, ensemble", TrainOptions{Iterations: 5, Seed: 7, Decoder: DecoderViterbi, DocFeatures: true, Tags: true, Ensemble: 2}},
		{"viterbi, word-vector clusters", TrainOptions{Iterations: 5, Seed: 7, Decoder: DecoderViterbi, EmbeddingClusters: tinyEmbeddings(t)}},
	} {
		a, err := Train(docs, v.opt)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Train(docs, v.opt)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Fatalf("%s: two trainings with the same seed gave different model bytes", v.name)
		}
		m, err := decodeModel(a)
		if err != nil {
			t.Fatal(err)
		}
		if m.meta.Iterations != 5 || m.meta.Seed != 7 || m.meta.Features != len(m.index) || m.meta.Decoder != v.opt.Decoder || m.meta.DocFeatures != v.opt.DocFeatures || m.meta.Tags != v.opt.Tags {
			t.Errorf("%s: meta = %+v", v.name, m.meta)
		}
		if len(m.lex.emb) != len(v.opt.EmbeddingClusters) {
			t.Errorf("%s: decoded %d word-vector clusters, trained with %d", v.name, len(m.lex.emb), len(v.opt.EmbeddingClusters))
		}
		re, err := m.encode()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, re) {
			t.Errorf("%s: decode+encode changed the bytes", v.name)
		}
		// the tiny model must fit its training data
		sc, err := Evaluate(newRecognizer(m, WithoutRules()), docs, nil)
		if err != nil {
			t.Fatal(err)
		}
		if sc.Overall.F1() < 99 {
			t.Errorf("%s: tiny model scores F1 %.1f on its own training data, want 100", v.name, sc.Overall.F1())
		}
	}
}

func TestDecodeModelErrors(t *testing.T) {
	good, err := Train(tinyDocs(t), TrainOptions{Iterations: 1})
	if err != nil {
		t.Fatal(err)
	}
	flip := append([]byte(nil), good...)
	flip[len(flip)-3] ^= 0xff
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"empty", nil, "bad magic"},
		{"truncated", good[:len(good)/2], ""},
		{"flipped byte", flip, "checksum"},
		{"wrong feature set", bytes.Replace(good, []byte(fmt.Sprintf(`"feature_set": %d`, featureSet)), []byte(fmt.Sprintf(`"feature_set": %d`, (featureSet+1)%10)), 1), "feature set"},
		{"wrong name", bytes.Replace(good, []byte(`"name": "ner"`), []byte(`"name": "xyz"`), 1), "name"},
	}
	for _, tt := range tests {
		_, err := decodeModel(tt.in)
		if err == nil {
			t.Errorf("%s: decoded without error", tt.name)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %q, want it to mention %q", tt.name, err, tt.want)
		}
	}
}

func TestEmbeddedModel(t *testing.T) {
	meta, err := ModelMeta()
	if err != nil {
		t.Fatal(err)
	}
	if meta.Name != "ner" || meta.FeatureSet != featureSet || len(meta.Data) == 0 || meta.WeightsSHA256 == "" {
		t.Errorf("embedded model meta = %+v", meta)
	}
	m, err := decodeModel(modelData)
	if err != nil {
		t.Fatal(err)
	}
	if re, err := m.encode(); err != nil || !bytes.Equal(re, modelData) {
		t.Errorf("decode+encode of the embedded model changed its bytes (err %v)", err)
	}
	// about 2.8 MB of weights, casing profile and clusters, and 2.9 MB of
	// word-vector clusters (341,439 words)
	if len(modelData) > 8<<20 {
		t.Errorf("model file is %d bytes, want at most 8 MiB", len(modelData))
	}
}

func TestAllowed(t *testing.T) {
	bPer, lPer, iOrg := classOf("PERSON", posB), classOf("PERSON", posL), classOf("ORG", posI)
	tests := []struct {
		prev, c int
		last    bool
		want    bool
	}{
		{-1, 0, false, true},
		{-1, bPer, false, true},
		{-1, bPer, true, false},
		{bPer, 0, false, false},
		{bPer, lPer, false, true},
		{bPer, iOrg, false, false},
		{lPer, iOrg, false, false},
		{lPer, bPer, false, true},
	}
	for _, tt := range tests {
		if got := allowed(tt.prev, tt.c, tt.last); got != tt.want {
			t.Errorf("allowed(%d, %d, %v) = %v, want %v", tt.prev, tt.c, tt.last, got, tt.want)
		}
	}
}

// tinyEmbeddings is a cluster-embeddings file for a few words of tinyDocs.
func tinyEmbeddings(t *testing.T) map[string]uint64 {
	t.Helper()
	e, err := ReadEmbeddingClusters(strings.NewReader("# test clusters\nmaria\t0\t5\nsilva\t0\t5\nquito\t1\t7\naerolinea\t2\t9\n"))
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestReadEmbeddingClusters(t *testing.T) {
	e := tinyEmbeddings(t)
	if got, want := e["quito"], uint64(2|8<<16); got != want {
		t.Errorf("quito: packed clusters %x, want %x", got, want)
	}
	for _, bad := range []string{
		"",                   // no words
		"a\t1\nb\t1\t2\n",    // levels differ
		"a\tx\n",             // not a number
		"a\t65535\n",         // too large
		"a\t1\t2\t3\t4\t5\n", // too many levels
	} {
		if _, err := ReadEmbeddingClusters(strings.NewReader(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
