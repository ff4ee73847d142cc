package ner

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

// TrainOptions configures Train.
type TrainOptions struct {
	Iterations int     // passes over the training data (default 12)
	Seed       uint64  // shuffling seed (default 1)
	Scale      float64 // weights are stored as round(w*Scale) (default 100)
	Version    int     // model version written to the meta record (default 1)
	Data       []DataFile
	Dev        []*nlp.Document // scored with UNERLabel after training, when not nil
	DevFile    string
	Log        io.Writer // progress, when not nil
	// CasingText is extra unlabelled text (one sentence a document) that
	// only feeds the casing profile and the word clusters.
	CasingText []*nlp.Document
	// Calibrate tunes Meta.EntryBias on Dev by coordinate ascent on F1.
	Calibrate bool
	// WordDrop is the probability of hiding a token's own word features
	// during training, so that context, shape and gazetteer features
	// learn too (default 0.5; negative: none).
	WordDrop float64
	// Lower is the probability of training on a sentence in lower case
	// (web text often is; default 0.2; negative: none).
	Lower float64
}

// Train trains the sequence model on docs (gold spans in Entities) and
// returns the encoded model file. The same input and options give the
// same bytes.
func Train(docs []*nlp.Document, opt TrainOptions) ([]byte, error) {
	if opt.Iterations == 0 {
		opt.Iterations = 12
	}
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	if opt.Scale == 0 {
		opt.Scale = 100
	}
	if opt.Version == 0 {
		opt.Version = 1
	}
	if opt.WordDrop == 0 {
		opt.WordDrop = 0.5
	}
	if opt.Lower == 0 {
		opt.Lower = 0.2
	}
	text := append(append([]*nlp.Document(nil), docs...), opt.CasingText...)
	lex := lexicon{casing: casingProfile(text), clusters: learnClusters(text)}
	type sent struct {
		words []string
		gold  []int
	}
	var sents []sent
	for _, d := range docs {
		for _, s := range d.Sentences {
			if s.Len() == 0 {
				continue
			}
			ws := make([]string, 0, s.Len())
			for i := s.Start; i < s.End; i++ {
				ws = append(ws, d.Tokens[i].Form)
			}
			sents = append(sents, sent{ws, goldClasses(d, s)})
		}
	}
	if len(sents) == 0 {
		return nil, fmt.Errorf("ner: no training sentences")
	}
	l := newLearner(len(classNames))
	rng := rand.New(rand.NewPCG(opt.Seed, 0x6e6572))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	dec := decoder{unconstrained: true}
	var lowered []string
	var feats []uint32
	for it := 0; it < opt.Iterations; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, si := range order {
			s := sents[si]
			words := s.words
			if rng.Float64() < opt.Lower {
				lowered = lowered[:0]
				for _, w := range words {
					lowered = append(lowered, strings.ToLower(w))
				}
				words = lowered
			}
			dec.sf.extract(words, &lex)
			if opt.WordDrop > 0 {
				dec.sf.dropWords(rng, opt.WordDrop)
			}
			dec.classes = dec.classes[:0]
			for i := range words {
				guess := dec.step(l, i, len(words))
				gold := s.gold[i]
				if guess != gold {
					feats = append(append(feats[:0], dec.sf.feats[dec.sf.off[i]:dec.sf.off[i+1]]...), dec.dyn...)
					l.update(gold, guess, feats)
				} else {
					correct++
				}
				total++
				l.tick()
				// The history is the gold one (teacher forcing): following
				// the model's own guesses under BILOU constraints piles up
				// forced errors and drowns the entity classes.
				dec.classes = append(dec.classes, gold)
			}
		}
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "ner: iteration %d: train token accuracy %.2f%%, %d features\n", it+1, 100*float64(correct)/float64(total), len(l.index))
		}
	}
	meta := Meta{
		Name:       modelName,
		Version:    opt.Version,
		FeatureSet: featureSet,
		Classes:    classNames,
		Data:       opt.Data,
		Iterations: opt.Iterations,
		Seed:       opt.Seed,
		DevFile:    opt.DevFile,
	}
	m := l.average(meta, opt.Scale)
	m.lex = lex
	if opt.Dev != nil && opt.Calibrate {
		if err := calibrate(m, opt.Dev, opt.Log); err != nil {
			return nil, err
		}
	}
	if opt.Dev != nil {
		sc, err := Evaluate(newRecognizer(m, WithoutRules()), opt.Dev, UNERLabel)
		if err != nil {
			return nil, err
		}
		m.meta.DevF1 = Round2(sc.Overall.F1())
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "ner: dev P %.2f R %.2f F1 %.2f\n", sc.Overall.P(), sc.Overall.R(), sc.Overall.F1())
		}
	}
	return m.encode()
}

// casingProfile counts, for each folded word, how often it is written
// capitalised when it is not the first word of a sentence.
func casingProfile(docs []*nlp.Document) map[uint32]uint8 {
	type cnt struct{ capN, total int }
	counts := map[string]*cnt{}
	for _, d := range docs {
		for _, s := range d.Sentences {
			for i := s.Start + 1; i < s.End; i++ {
				w := d.Tokens[i].Form
				if !hasLetter(w) {
					continue
				}
				lw := strings.ToLower(w)
				c := counts[lw]
				if c == nil {
					c = &cnt{}
					counts[lw] = c
				}
				c.total++
				if isCap(w) {
					c.capN++
				}
			}
		}
	}
	out := map[uint32]uint8{}
	for w, c := range counts {
		if b := casingBucket(c.capN, c.total); b != caseUnseen {
			out[wordKey(w)] = b
		}
	}
	return out
}

// Evaluate runs r on copies of the gold documents' tokens and scores the
// result against their Entities, mapping labels with m (nil: as is).
func Evaluate(r *Recognizer, gold []*nlp.Document, m func(string) string) (*Scorer, error) {
	sc := &Scorer{Map: m}
	for _, g := range gold {
		d := *g
		d.Entities = nil
		if err := r.Process(&d); err != nil {
			return nil, fmt.Errorf("%s: %w", g.ID, err)
		}
		sc.Add(g.Entities, d.Entities)
	}
	return sc, nil
}

// FileSHA256 returns the hex SHA-256 of a file.
func FileSHA256(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:]), nil
}

// ReadGlosses reads the glosses of a WordNet data file (data.noun, ...)
// as one-sentence documents of whitespace- and punctuation-split words,
// for the casing profile.
func ReadGlosses(r io.Reader) ([]*nlp.Document, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	var docs []*nlp.Document
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == ' ' {
			continue // licence header
		}
		_, gloss, ok := strings.Cut(line, " | ")
		if !ok {
			continue
		}
		// the definition part, before any quoted examples
		if i := strings.Index(gloss, "; \""); i >= 0 {
			gloss = gloss[:i]
		}
		words := strings.FieldsFunc(gloss, func(r rune) bool {
			return unicode.IsSpace(r) || strings.ContainsRune(",;:()\"", r)
		})
		if len(words) == 0 {
			continue
		}
		var b docBuilder
		b.start("gloss")
		b.addSentence(words, nil, func(int) {})
		docs = append(docs, b.finish())
	}
	return docs, sc.Err()
}

// calibrate sets m.meta.EntryBias by coordinate ascent over a grid,
// maximising UNER F1 on dev; ties keep the smaller bias in magnitude.
func calibrate(m *model, dev []*nlp.Document, log io.Writer) error {
	bias := make([]float64, len(labels))
	score := func() (float64, error) {
		m.meta.EntryBias = bias
		sc, err := Evaluate(newRecognizer(m, WithoutRules()), dev, UNERLabel)
		if err != nil {
			return 0, err
		}
		return sc.Overall.F1(), nil
	}
	best, err := score()
	if err != nil {
		return err
	}
	for round := 0; round < 2; round++ {
		for i := range labels {
			keep := bias[i]
			for step := -4; step <= 8; step++ {
				v := float64(step) / 2
				if v == keep {
					continue
				}
				bias[i] = v
				f, err := score()
				if err != nil {
					return err
				}
				if f > best+1e-9 || (math.Abs(f-best) <= 1e-9 && math.Abs(v) < math.Abs(keep)) {
					best, keep = f, v
				}
			}
			bias[i] = keep
		}
	}
	m.meta.EntryBias = bias
	if log != nil {
		fmt.Fprintf(log, "ner: calibrated entry biases %v (dev F1 %.2f)\n", bias, best)
	}
	return nil
}
