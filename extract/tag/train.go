package tag

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/extract/internal/clusters"
	"github.com/newsgraph/newsgraph/extract/internal/perceptron"
	"github.com/newsgraph/newsgraph/extract/nlp"
)

// TrainOptions control training.
type TrainOptions struct {
	Context    context.Context // training stops with its error when it is done (nil: never)
	Iterations int
	Seed       uint64
	Prune      float64               // drop averaged weights below this magnitude
	Version    int                   // model version for the meta record
	Data       []perceptron.DataFile // recorded in the meta record
	Dev        []*nlp.Document       // scored after each iteration when set
	DevFile    string
	Log        io.Writer // progress, or nil
	FeatureSet int       // feature templates (0: the latest, FeatureSet)
	// ClusterText is unlabelled text whose words are clustered with those
	// of the training data for feature sets 2 and up.
	ClusterText []*nlp.Document
}

type sample struct {
	forms []string
	gold  []int
}

// Class returns the joint class name of a token.
func className(t nlp.Token) string { return blankTag(t.UPOS) + " " + blankTag(t.XPOS) }

func blankTag(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

// Train trains a tagger and lemmatizer on the gold tags and lemmas of docs
// and returns the encoded model file. The same input and options give the
// same bytes.
func Train(docs []*nlp.Document, opt TrainOptions) ([]byte, error) {
	if opt.Iterations <= 0 {
		opt.Iterations = 1
	}
	if opt.FeatureSet == 0 {
		opt.FeatureSet = FeatureSet
	}
	if opt.FeatureSet < 1 || opt.FeatureSet > FeatureSet {
		return nil, fmt.Errorf("tag: train: no feature set %d", opt.FeatureSet)
	}
	logf := func(format string, a ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format, a...)
		}
	}
	classSet := map[string]bool{}
	var lemmas []lemmaSample
	for _, d := range docs {
		for _, t := range d.Tokens {
			classSet[className(t)] = true
			lemmas = append(lemmas, lemmaSample{t.Form, blankTag(t.XPOS), t.Lemma})
		}
	}
	if len(classSet) == 0 {
		return nil, fmt.Errorf("tag: train: no tokens")
	}
	classes := make([]string, 0, len(classSet))
	for c := range classSet {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	classIdx := map[string]int{}
	for i, c := range classes {
		classIdx[c] = i
	}
	var samples []sample
	counts := map[string]map[int]int{}
	for _, d := range docs {
		for _, s := range d.Sentences {
			var sm sample
			for _, t := range d.Tokens[s.Start:s.End] {
				sm.forms = append(sm.forms, t.Form)
				c := classIdx[className(t)]
				sm.gold = append(sm.gold, c)
				n := perceptron.Norm(t.Form)
				if counts[n] == nil {
					counts[n] = map[int]int{}
				}
				counts[n][c]++
			}
			if len(sm.forms) > 0 {
				samples = append(samples, sm)
			}
		}
	}
	// Tag dictionary: frequent words with one tag at least 97% of the time.
	dict := map[string]int{}
	for w, m := range counts {
		total, best, bc := 0, -1, 0
		for c, n := range m {
			total += n
			if n > bc || (n == bc && c < best) {
				best, bc = c, n
			}
		}
		if total >= 20 && float64(bc)/float64(total) >= 0.97 {
			dict[w] = best
		}
	}
	tr := perceptron.NewTrainer(len(classes))
	tagger := &Tagger{classes: classes, dict: dict, fs: opt.FeatureSet}
	sections := []perceptron.Section{{Name: "tagdict", Data: encodeDict(dict)}, {Name: "lemmas"}}
	if opt.FeatureSet >= 2 {
		tagger.cl = clusters.Learn(append(slices.Clone(docs), opt.ClusterText...))
		logf("tag: %d words clustered\n", len(tagger.cl))
		sections = append(sections, tagger.cl.Section())
	}
	for _, c := range classes {
		u, x, _ := strings.Cut(c, " ")
		tagger.upos = append(tagger.upos, u)
		tagger.xpos = append(tagger.xpos, x)
	}
	lem := trainLemmatizer(lemmas)
	tagger.lem = lem
	sections[1].Data = lem.encode()
	rng := rand.New(rand.NewPCG(opt.Seed, 0x7461676765720000))
	order := make([]int, len(samples))
	for i := range order {
		order[i] = i
	}
	scores := make([]float32, len(classes))
	var feats []uint64
	var buf []word
	var final []perceptron.Score
	for it := 1; it <= opt.Iterations; it++ {
		if opt.Context != nil && opt.Context.Err() != nil {
			return nil, opt.Context.Err()
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, si := range order {
			sm := samples[si]
			ctx := newContext(sm.forms, buf, tagger.cl)
			buf = ctx.words
			p1, p2 := -1, -2
			for i := range sm.forms {
				guess, ok := dict[ctx.words[i+2].norm]
				if !ok {
					feats = ctx.features(i, p1, p2, feats, opt.FeatureSet)
					clear(scores)
					tr.Score(feats, scores)
					guess = perceptron.Best(scores, nil)
					tr.Tick()
					tr.Update(feats, sm.gold[i], guess)
				}
				if guess == sm.gold[i] {
					correct++
				}
				total++
				p2, p1 = p1, guess
			}
		}
		logf("tag: iteration %d: train accuracy %.2f%%\n", it, 100*float64(correct)/float64(total))
		if len(opt.Dev) > 0 && (it == opt.Iterations || opt.Log != nil) {
			tagger.model = tr.Average(opt.Prune)
			final = Evaluate(tagger, opt.Dev)
			logf("tag: iteration %d: dev %s\n", it, formatScores(final))
		}
	}
	f := &perceptron.File{
		Meta: perceptron.Meta{
			Name: ModelName, Version: opt.Version, FeatureSet: opt.FeatureSet, Data: opt.Data,
			Iterations: opt.Iterations, Seed: opt.Seed, Prune: opt.Prune, DevFile: opt.DevFile,
		},
		Classes:  classes,
		Sections: sections,
		Model:    tr.Average(opt.Prune),
	}
	if len(opt.Dev) > 0 {
		// Score the model as it will be stored (quantised).
		b, err := perceptron.Encode(f)
		if err != nil {
			return nil, err
		}
		t2, err := New(b)
		if err != nil {
			return nil, err
		}
		final = Evaluate(t2, opt.Dev)
		logf("tag: stored model: dev %s\n", formatScores(final))
		f.Meta.DevScores = final
	}
	return perceptron.Encode(f)
}

func encodeDict(dict map[string]int) []byte {
	lines := make([]string, 0, len(dict))
	for w, c := range dict {
		if strings.ContainsAny(w, "\n\x00") {
			continue
		}
		lines = append(lines, w+"\x00"+strconv.Itoa(c))
	}
	sort.Strings(lines)
	return []byte(strings.Join(lines, "\n"))
}

func formatScores(s []perceptron.Score) string {
	var parts []string
	for _, x := range s {
		parts = append(parts, fmt.Sprintf("%s %.2f", x.Name, x.Value))
	}
	return strings.Join(parts, ", ")
}

// Evaluate tags copies of docs and returns UPOS, XPOS and lemma accuracy
// (percent) against their gold annotation.
func Evaluate(t *Tagger, docs []*nlp.Document) []perceptron.Score {
	var n, upos, xpos, lemma int
	for _, d := range docs {
		c := *d
		c.Tokens = append([]nlp.Token(nil), d.Tokens...)
		if err := t.Process(&c); err != nil {
			continue
		}
		for i, g := range d.Tokens {
			p := c.Tokens[i]
			n++
			if p.UPOS == blankTag(g.UPOS) {
				upos++
			}
			if p.XPOS == blankTag(g.XPOS) {
				xpos++
			}
			if p.Lemma == g.Lemma {
				lemma++
			}
		}
	}
	pct := func(k int) float64 { return 100 * float64(k) / float64(max(n, 1)) }
	return []perceptron.Score{{Name: "upos", Value: pct(upos)}, {Name: "xpos", Value: pct(xpos)}, {Name: "lemma", Value: pct(lemma)}}
}
