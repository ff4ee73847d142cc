// Command train fits the sentence-boundary model of package segment on
// the UD English treebanks and writes it with its meta record:
//
//	go run ./extract/segment/internal/train -ud ../shared/data/ud -o extract/segment/segment.model
//
// Training data: EWT train and the GUM train documents whose genre is not
// essay, fiction, letter, podcast or whow (licensed non-commercial). The
// dev files are scored with the new model (tokenize + segment on the
// rebuilt text, sentences F1) and the scores go into the meta record. The
// same data and flags give byte-identical output.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/extract/segment"
	"github.com/newsgraph/newsgraph/extract/tokenize"
	"github.com/newsgraph/newsgraph/extract/udeval"
)

// excluded are the GUM genres whose texts are licensed non-commercial.
var excluded = map[string]bool{"essay": true, "fiction": true, "letter": true, "podcast": true, "whow": true}

func main() {
	ud := flag.String("ud", "../shared/data/ud", "folder with UD_English-EWT and UD_English-GUM")
	out := flag.String("o", "extract/segment/segment.model", "model file to write")
	iter := flag.Int("iter", 4, "training passes")
	seed := flag.Int64("seed", 1, "shuffle seed")
	flag.Parse()
	if err := run(*ud, *out, *iter, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(ud, out string, iter int, seed int64) error {
	train := []string{
		filepath.Join("UD_English-EWT", "en_ewt-ud-train.conllu"),
		filepath.Join("UD_English-GUM", "en_gum-ud-train.conllu"),
	}
	dev := []string{
		filepath.Join("UD_English-EWT", "en_ewt-ud-dev.conllu"),
		filepath.Join("UD_English-GUM", "en_gum-ud-dev.conllu"),
	}
	sums := map[string]string{}
	var docs []*nlp.Document
	for _, f := range train {
		d, sum, err := load(filepath.Join(ud, f), true)
		if err != nil {
			return err
		}
		sums[filepath.ToSlash(f)] = sum
		docs = append(docs, d...)
	}
	m := segment.Train(docs, segment.TrainOptions{Iterations: iter, Seed: seed})
	m.Meta.Version = 1
	m.Meta.TrainingData = sums
	m.Meta.Exclude = "GUM genres essay, fiction, letter, podcast, whow"
	m.Meta.Dev = map[string]string{}
	for _, f := range dev {
		d, _, err := load(filepath.Join(ud, f), false)
		if err != nil {
			return err
		}
		var total udeval.Scores
		seg := segment.NewWithModel(m)
		for _, gold := range d {
			sys := nlp.New(gold.ID, gold.Text)
			sys.Tokens = tokenize.New().Tokens(gold.Text)
			sys.Sentences = seg.Sentences(sys.Text, sys.Tokens)
			sys.Layers = nlp.Tokens | nlp.Sentences
			total.Add(udeval.Evaluate(gold, sys))
		}
		score := fmt.Sprintf("tokens F1 %.2f, sentences F1 %.2f", 100*total.Tokens.F1(), 100*total.Sentences.F1())
		m.Meta.Dev[filepath.ToSlash(f)] = score
		fmt.Fprintf(os.Stderr, "%s: %s\n", f, score)
	}
	data, err := m.Encode()
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%d features, %d bytes -> %s\n", m.Meta.Features, len(data), out)
	return os.WriteFile(out, data, 0o644)
}

// load reads a treebank as one gold document per newdoc, leaving out the
// non-commercial GUM genres when training, and returns the file's sha256.
func load(path string, filter bool) ([]*nlp.Document, string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, "", err
	}
	sum := sha256.Sum256(raw)
	sents, err := conllu.ReadAll(strings.NewReader(string(raw)))
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", path, err)
	}
	var docs []*nlp.Document
	for _, d := range conllu.SplitDocuments(sents) {
		if filter {
			if parts := strings.Split(d.ID, "_"); len(parts) > 1 && parts[0] == "GUM" && excluded[parts[1]] {
				continue
			}
		}
		docs = append(docs, conllu.ToDocument(d.ID, d.Sentences))
	}
	return docs, hex.EncodeToString(sum[:]), nil
}
