package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/newsgraph/newsgraph/extract/ner"
	"github.com/newsgraph/newsgraph/extract/nlp"
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
	calibrate := fs.Bool("calibrate", true, "tune the per-label entry biases on UNER EWT dev")
	wordnet := fs.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 dict directory (Debian wordnet-base), whose glosses feed the casing profile; empty: none")
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
	if err := add(uner, "B-O/I-O and OTH mapped to O", func(f *os.File) ([]*nlp.Document, error) { return ner.ReadIOB2(f) }); err != nil {
		return err
	}
	if !*noGUM {
		if err := add(gum, "named person/organization/place mentions; genres essay, fiction, letter, podcast, whow left out", func(f *os.File) ([]*nlp.Document, error) {
			return ner.ReadGUM(f, ner.NonCommercialGUM)
		}); err != nil {
			return err
		}
	}
	var glosses []*nlp.Document
	if *wordnet != "" {
		for _, name := range []string{"data.noun", "data.verb", "data.adj", "data.adv"} {
			path := filepath.Join(*wordnet, name)
			f, err := os.Open(path)
			if err != nil {
				return fmt.Errorf("%w (install wordnet-base or pass --wordnet '')", err)
			}
			ds, err := ner.ReadGlosses(f)
			f.Close()
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			sum, err := ner.FileSHA256(path)
			if err != nil {
				return err
			}
			glosses = append(glosses, ds...)
			files = append(files, ner.DataFile{Path: path, SHA256: sum, Note: "WordNet 3.0 glosses, casing profile only"})
		}
	}
	if err := ctx.Err(); err != nil {
		return err
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
	rel, _ := filepath.Rel(*data, devPath)
	b, err := ner.Train(docs, ner.TrainOptions{
		Iterations: *iters, Seed: *seed, Data: files, Dev: dev, DevFile: filepath.ToSlash(rel), Log: io.err,
		CasingText: glosses, Calibrate: *calibrate,
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
