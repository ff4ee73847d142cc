package ner

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/nlp"
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
		{"viterbi, GRU tagger with word vectors", TrainOptions{Iterations: 5, Seed: 7, Decoder: DecoderViterbi, EmbeddingClusters: tinyEmbeddings(t),
			NetHidden: 8, NetEpochs: 5, NetInDrop: 0.1, NetVectors: &WordVectors{Dims: 8, Words: []string{"said", "in"},
				Data: []int8{1, -2, 3, -4, 5, -6, 7, -8, 100, 90, -80, 70, -60, 50, -40, 30}, Scale: []float32{0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1}}}},
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
		if (m.net != nil) != (v.opt.NetHidden > 0) || (m.net != nil && (m.net.H != v.opt.NetHidden || len(m.net.vrow) != 2 || m.meta.NetWeight != 1)) {
			t.Errorf("%s: network %v, weight %v, trained with %d hidden units", v.name, m.net != nil, m.meta.NetWeight, v.opt.NetHidden)
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

// TestTrainBase checks that training with a base model keeps its
// perceptron weights and adds the network, and that the network needs
// the Viterbi decoder.
func TestTrainBase(t *testing.T) {
	docs := tinyDocs(t)
	opt := TrainOptions{Iterations: 3, Seed: 5, Decoder: DecoderViterbi}
	a, err := Train(docs, opt)
	if err != nil {
		t.Fatal(err)
	}
	opt.Base, opt.NetHidden, opt.NetEpochs = a, 8, 2
	b, err := Train(docs, opt)
	if err != nil {
		t.Fatal(err)
	}
	ma, err := decodeModel(a)
	if err != nil {
		t.Fatal(err)
	}
	mb, err := decodeModel(b)
	if err != nil {
		t.Fatal(err)
	}
	if ma.net != nil || mb.net == nil || mb.net.H != 8 {
		t.Fatalf("networks: base %v, trained %v", ma.net != nil, mb.net != nil)
	}
	if len(ma.index) != len(mb.index) || !slices.Equal(ma.weights, mb.weights) {
		t.Fatal("training on a base model changed its perceptron weights")
	}
	if _, err := Train(docs, TrainOptions{Iterations: 1, NetHidden: 4}); err == nil {
		t.Fatal("a network with the greedy decoder: no error")
	}
}

// TestScoreChunks checks that score, which looks its features up in
// chunks with prefetching, adds the same rows in the same order as a
// plain loop: over several chunks, with unknown features among them.
func TestScoreChunks(t *testing.T) {
	m, err := loadModel()
	if err != nil {
		t.Fatal(err)
	}
	var known []uint32
	for f := range m.index {
		known = append(known, f)
		if len(known) == 300 {
			break
		}
	}
	rng := rand.New(rand.NewPCG(7, 7))
	var feats []uint32
	for i := 0; i < 400; i++ {
		if i%5 == 4 {
			feats = append(feats, rng.Uint32()) // almost surely unknown
		} else {
			feats = append(feats, known[rng.IntN(len(known))])
		}
	}
	for _, n := range []int{0, 1, 3, 4, 127, 128, 129, 400} {
		got := make([]float32, m.nc)
		m.score(got, feats[:n])
		want := make([]float32, m.nc)
		for _, f := range feats[:n] {
			if r, ok := m.index[f]; ok {
				for c := range want {
					want[c] += m.weights[int(r)*m.nc+c]
				}
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%d features: score = %v, want %v", n, got, want)
		}
	}
}
