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
	// CasingText is extra unlabelled text, tokenised and split into
	// sentences, that only feeds the casing profile and the word clusters.
	CasingText []*nlp.Document
	// EmbeddingClusters are word-vector clusters (ReadEmbeddingClusters)
	// for features; nil: none.
	EmbeddingClusters map[string]uint64
	// Calibrate tunes Meta.EntryBias on Dev by coordinate ascent on F1.
	Calibrate bool
	// WordDrop is the probability of hiding a token's own word features
	// during training, so that context, shape and gazetteer features
	// learn too (default 0.5; negative: none).
	WordDrop float64
	// Lower is the probability of training on a sentence in lower case
	// (web text often is; default 0.2; negative: none).
	Lower float64
	// Decoder is DecoderGreedy (default) or DecoderViterbi (structured
	// perceptron training).
	Decoder string
	// Ensemble is the number of training runs, with seeds Seed,
	// Seed+1, ..., whose weights are averaged (default 1).
	Ensemble int
	// Tags adds part-of-speech features (the tokens' UPOS and XPOS, which
	// the documents must carry; see Tag for lower-cased copies).
	Tags bool
	// DocFeatures trains a two-pass model with document features.
	DocFeatures bool
	// Tag tags a sentence's words (the lower-cased training sentences);
	// nil keeps the tags of the original sentence.
	Tag func(words []string) (upos, xpos []string)
	// NetHidden, when not zero, trains a bidirectional GRU tagger with
	// that many hidden units per direction (gru.go) alongside the
	// perceptron, for NetEpochs passes (default 15); its weight in the
	// emission scores is tuned on Dev with the entry biases.
	NetHidden, NetEpochs int
	// NetVectors are fixed word vectors the network reads, or nil.
	NetVectors *WordVectors
	// NetInDrop and NetOutDrop are the network's dropout rates on its
	// input and on the states its output layer reads.
	NetInDrop, NetOutDrop float64
	// Base, when not nil, is a model file whose perceptron weights are
	// kept instead of training new ones (to train only the network; the
	// other options must be those the base was trained with).
	Base []byte
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
	lex := lexicon{casing: casingProfile(text), clusters: learnClusters(text), emb: embeddingTable(opt.EmbeddingClusters), tags: opt.Tags}
	type sent struct {
		tagged
		lower *tagged // the sentence in lower case, tagged when first used
		gold  []int
		docf  []uint32 // document features from the last first pass
	}
	var sents []sent
	var docStart []int // index of each document's first sentence in sents
	for _, d := range docs {
		docStart = append(docStart, len(sents))
		for _, s := range d.Sentences {
			if s.Len() == 0 {
				continue
			}
			var ts tagged
			for i := s.Start; i < s.End; i++ {
				t := &d.Tokens[i]
				ts.words = append(ts.words, t.Form)
				ts.upos = append(ts.upos, t.UPOS)
				ts.xpos = append(ts.xpos, t.XPOS)
			}
			sents = append(sents, sent{tagged: ts, gold: goldClasses(d, s)})
		}
	}
	if len(sents) == 0 {
		return nil, fmt.Errorf("ner: no training sentences")
	}
	docStart = append(docStart, len(sents))
	// the GRU tagger trains on the other core while the perceptron runs
	var netDone chan *tagNet
	if opt.NetHidden > 0 && opt.Decoder != DecoderViterbi {
		return nil, fmt.Errorf("ner: the GRU tagger needs the Viterbi decoder")
	}
	if opt.NetHidden > 0 {
		netDone = make(chan *tagNet, 1)
		ts := make([]tagged, len(sents))
		gold := make([][]int, len(sents))
		for i, s := range sents {
			ts[i], gold[i] = s.tagged, s.gold
		}
		no := netTrainOptions{Hidden: opt.NetHidden, Epochs: opt.NetEpochs, Rate: 0.05, Seed: opt.Seed,
			WordDrop: opt.WordDrop, Lower: opt.Lower, InDrop: opt.NetInDrop, OutDrop: opt.NetOutDrop, Vectors: opt.NetVectors}
		if no.Epochs == 0 {
			no.Epochs = 15
		}
		if opt.Log != nil {
			no.Log = func(f string, a ...any) { fmt.Fprintf(opt.Log, f+"\n", a...) }
		}
		go func() { netDone <- trainNet(ts, gold, &lex, no) }()
	}
	run := func(seed uint64) *learner {
		l := newLearner(len(classNames))
		rng := rand.New(rand.NewPCG(seed, 0x6e6572))
		for i := range sents {
			sents[i].docf = nil
		}
		order := make([]int, len(sents))
		for i := range order {
			order[i] = i
		}
		dec := decoder{unconstrained: true, viterbi1: opt.Decoder == DecoderViterbi}
		var feats []uint32
		var pass1 [][]int
		var pass1Words [][]string
		var docf [][]uint32
		for it := 0; it < opt.Iterations; it++ {
			if opt.DocFeatures && it > 0 {
				// the first pass, with the current weights, on words hidden
				// by word dropout as in training (so it errs as on new text)
				for k := 0; k+1 < len(docStart); k++ {
					pass1, pass1Words = pass1[:0], pass1Words[:0]
					for si := docStart[k]; si < docStart[k+1]; si++ {
						s := &sents[si]
						dec.sf.extract(s.tagged, &lex)
						if opt.WordDrop > 0 {
							dec.sf.dropWords(rng, opt.WordDrop)
						}
						dec.docf, dec.unconstrained = nil, false
						pass1 = append(pass1, append([]int(nil), dec.firstPass(l, len(s.words))...))
						dec.unconstrained = true
						pass1Words = append(pass1Words, s.words)
					}
					docf = docFeatures(pass1Words, pass1, docf)
					for si := docStart[k]; si < docStart[k+1]; si++ {
						sents[si].docf = docf[si-docStart[k]]
					}
				}
			}
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			correct, total := 0, 0
			for _, si := range order {
				s := &sents[si]
				ts := s.tagged
				if rng.Float64() < opt.Lower {
					if s.lower == nil {
						lw := tagged{upos: s.upos, xpos: s.xpos}
						for _, w := range s.words {
							lw.words = append(lw.words, strings.ToLower(w))
						}
						if opt.Tag != nil {
							lw.upos, lw.xpos = opt.Tag(lw.words)
						}
						s.lower = &lw
					}
					ts = *s.lower
				}
				words := ts.words
				dec.sf.extract(ts, &lex)
				dec.docf = s.docf
				if opt.WordDrop > 0 {
					dec.sf.dropWords(rng, opt.WordDrop)
				}
				if opt.Decoder == DecoderViterbi {
					dec.unconstrained = false
					pred := dec.viterbi(l, len(words))
					for i := range words {
						if pred[i] == s.gold[i] {
							correct++
						}
						total++
					}
					dec.updatePath(l, s.gold, pred)
					l.tick()
					continue
				}
				dec.classes = dec.classes[:0]
				for i := range words {
					guess := dec.step(l, i, len(words))
					gold := s.gold[i]
					if guess != gold {
						feats = append(append(feats[:0], dec.sf.feats[dec.sf.off[i]:dec.sf.off[i+1]]...), dec.dyn...)
						feats = append(feats, tokenDocFeats(dec.docf, i, dec.dbuf)...)
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
		return l
	}
	meta := Meta{
		Name:        modelName,
		Version:     opt.Version,
		FeatureSet:  featureSet,
		Classes:     classNames,
		Data:        opt.Data,
		Iterations:  opt.Iterations,
		Seed:        opt.Seed,
		DevFile:     opt.DevFile,
		Decoder:     opt.Decoder,
		DocFeatures: opt.DocFeatures,
		Tags:        opt.Tags,
	}
	// An ensemble of Ensemble runs with seeds Seed, Seed+1, ...: the mean
	// of their averaged weights, which evens out the luck of one order.
	var m *model
	if opt.Base != nil {
		base, err := decodeModel(opt.Base)
		if err != nil {
			return nil, fmt.Errorf("ner: base model: %w", err)
		}
		m = base
		m.meta.EntryBias, m.meta.NetWeight, m.net, m.meta.Data = nil, 0, nil, opt.Data
	} else {
		var runs []*model
		for k := 0; k < max(opt.Ensemble, 1); k++ {
			runs = append(runs, run(opt.Seed+uint64(k)).average(meta, opt.Scale))
			if opt.Log != nil && opt.Ensemble > 1 {
				fmt.Fprintf(opt.Log, "ner: ensemble member %d of %d trained\n", k+1, opt.Ensemble)
			}
		}
		m = meanModel(runs, meta, opt.Scale)
	}
	m.lex = lex
	if netDone != nil {
		m.net = <-netDone
		m.meta.NetWeight = 1
	}
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
	if log != nil {
		fmt.Fprintf(log, "ner: dev F1 before calibration %.2f\n", best)
	}
	tuneNet := func() error {
		if m.net == nil {
			return nil
		}
		keep := m.meta.NetWeight
		for _, v := range []float64{0, 0.25, 0.5, 1, 1.5, 2, 3, 4, 6} {
			if v == keep {
				continue
			}
			m.meta.NetWeight = v
			f, err := score()
			if err != nil {
				return err
			}
			if f > best+1e-9 {
				best, keep = f, v
			}
		}
		m.meta.NetWeight = keep
		if log != nil {
			fmt.Fprintf(log, "ner: network weight %g (dev F1 %.2f)\n", keep, best)
		}
		return nil
	}
	if err := tuneNet(); err != nil {
		return err
	}
	for round := 0; round < 2; round++ {
		if round == 1 {
			if err := tuneNet(); err != nil {
				return err
			}
		}
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
