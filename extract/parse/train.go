package parse

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/extract/internal/clusters"
	"github.com/newsgraph/newsgraph/extract/internal/perceptron"
	"github.com/newsgraph/newsgraph/extract/nlp"
)

// TrainOptions control training.
type TrainOptions struct {
	Context    context.Context // training stops with its error when it is done (nil: never)
	Iterations int
	FeatureSet int // feature templates to train with (0: the latest, FeatureSet)
	Seed       uint64
	Prune      float64               // drop averaged weights below this magnitude
	Explore    float64               // probability of following a wrong prediction (default 0.9)
	Version    int                   // model version for the meta record
	Data       []perceptron.DataFile // recorded in the meta record
	Dev        []*nlp.Document       // dev documents with predicted tags, scored when set
	DevGold    []*nlp.Document       // the same documents with gold trees
	DevFile    string
	Log        io.Writer // progress, or nil
	Verbose    bool      // score dev after every iteration
	// ClusterText is unlabelled text whose words are clustered with those
	// of the training data for the feature sets with clusters
	// (UsesClusters).
	ClusterText []*nlp.Document
	// Ensemble is the number of training runs, with seeds Seed, Seed+1,
	// ..., whose averaged weights are averaged again (0 or 1: one run).
	Ensemble int
	// Jobs is how many ensemble members train at once (0: one).
	Jobs int
}

// example is one training sentence: words, tags and its projectivised gold
// tree (heads with n for the root, label indices).
type example struct {
	forms, upos, xpos []string
	heads, labels     []int
}

// sentenceTree returns the heads of sentence sn of doc, relative to the
// sentence, with n (its length) for the root; ok is false when a head
// points outside the sentence or the tree is not a tree.
func sentenceTree(doc *nlp.Document, sn nlp.Sentence) (heads []int, ok bool) {
	n := sn.Len()
	roots := 0
	for _, t := range doc.Tokens[sn.Start:sn.End] {
		switch {
		case t.Head < 0:
			heads = append(heads, n)
			roots++
		case t.Head >= sn.Start && t.Head < sn.End:
			heads = append(heads, t.Head-sn.Start)
		default:
			return nil, false
		}
	}
	if roots != 1 {
		return nil, false
	}
	// acyclic: every word reaches the root
	for i := range heads {
		k, steps := i, 0
		for k != n && steps <= n {
			k = heads[k]
			steps++
		}
		if k != n {
			return nil, false
		}
	}
	return heads, true
}

// nonProjective returns the index of a dependent whose arc is
// non-projective, choosing the shortest such arc (leftmost on ties), or -1.
func nonProjective(heads []int) int {
	n := len(heads)
	best, bestLen := -1, 0
	for d, h := range heads {
		if h == n {
			continue
		}
		lo, hi := min(d, h), max(d, h)
		for k := lo + 1; k < hi; k++ {
			// k must be dominated by h
			a := k
			for a != h && a != n {
				a = heads[a]
			}
			if a != h {
				if best < 0 || hi-lo < bestLen {
					best, bestLen = d, hi-lo
				}
				break
			}
		}
	}
	return best
}

// Projectivize lifts non-projective arcs (the shortest first) to the head's
// head until the tree is projective, and returns the new heads and the
// number of lifts. heads uses n for the root.
func Projectivize(heads []int) ([]int, int) {
	h := append([]int(nil), heads...)
	lifts := 0
	for {
		d := nonProjective(h)
		if d < 0 {
			return h, lifts
		}
		h[d] = h[h[d]]
		lifts++
	}
}

// Train trains a parser on the trees of docs (whose tags should be
// predicted, e.g. by jackknifing) and returns the encoded model file. The
// same input and options give the same bytes.
func Train(docs []*nlp.Document, opt TrainOptions) ([]byte, error) {
	if opt.Iterations <= 0 {
		opt.Iterations = 1
	}
	if opt.FeatureSet == 0 {
		opt.FeatureSet = FeatureSet
	}
	if opt.FeatureSet < 1 || opt.FeatureSet > FeatureSet {
		return nil, fmt.Errorf("parse: train: no feature set %d", opt.FeatureSet)
	}
	if opt.Explore == 0 {
		opt.Explore = 0.9
	}
	logf := func(format string, a ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format, a...)
		}
	}
	labelSet := map[string]bool{RootLabel: true}
	for _, d := range docs {
		for _, t := range d.Tokens {
			if t.Rel != "" {
				labelSet[t.Rel] = true
			}
		}
	}
	labels := make([]string, 0, len(labelSet))
	for l := range labelSet {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	if len(labels) > 128 {
		return nil, fmt.Errorf("parse: train: %d labels, at most 128 supported", len(labels))
	}
	labelIdx := map[string]int{}
	for i, l := range labels {
		labelIdx[l] = i
	}
	var exs []example
	skipped, lifted := 0, 0
	for _, d := range docs {
		for _, sn := range d.Sentences {
			heads, ok := sentenceTree(d, sn)
			if !ok || sn.Len() == 0 {
				skipped++
				continue
			}
			ph, lifts := Projectivize(heads)
			lifted += lifts
			var ex example
			for i, t := range d.Tokens[sn.Start:sn.End] {
				ex.forms = append(ex.forms, t.Form)
				ex.upos = append(ex.upos, t.UPOS)
				ex.xpos = append(ex.xpos, t.XPOS)
				l := labelIdx[t.Rel]
				if ph[i] == sn.Len() {
					l = labelIdx[RootLabel]
				} else if t.Rel == RootLabel || t.Rel == "" {
					l = labelIdx["dep"]
				}
				ex.labels = append(ex.labels, l)
			}
			ex.heads = ph
			exs = append(exs, ex)
		}
	}
	logf("parse: %d training sentences, %d skipped (not a tree), %d arcs lifted, %d labels\n", len(exs), skipped, lifted, len(labels))
	p := &Parser{labels: labels, fs: opt.FeatureSet}
	if err := p.init(); err != nil {
		return nil, err
	}
	sections := []perceptron.Section{{Name: "labels"}}
	if UsesClusters(opt.FeatureSet) {
		p.cl = clusters.Learn(append(slices.Clone(docs), opt.ClusterText...))
		logf("parse: %d words clustered\n", len(p.cl))
		sections = append(sections, p.cl.Section())
	}
	// An ensemble of Ensemble runs with seeds Seed, Seed+1, ..., Jobs of
	// them at a time: the mean of their averaged weights, pruned once
	// the mean is taken.
	ens := max(opt.Ensemble, 1)
	members := make([]*perceptron.Model, ens)
	errs := make([]error, ens)
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(opt.Jobs, 1))
	for k := range ens {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			pm := *p // its own scratch model for dev scores
			members[k], errs[k] = trainMember(&pm, exs, opt, opt.Seed+uint64(k), ens > 1, logf)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	model := members[0]
	if ens > 1 {
		model = perceptron.Mean(members, opt.Prune)
	}
	var lb strings.Builder
	for _, l := range labels {
		lb.WriteString(l)
		lb.WriteByte('\n')
	}
	sections[0].Data = []byte(lb.String())
	f := &perceptron.File{
		Meta: perceptron.Meta{
			Name: ModelName, Version: opt.Version, FeatureSet: opt.FeatureSet, Data: opt.Data,
			Iterations: opt.Iterations, Seed: opt.Seed, Prune: opt.Prune, DevFile: opt.DevFile, Ensemble: opt.Ensemble,
		},
		Classes:  moveNames(labels),
		Sections: sections,
		Model:    model,
	}
	if len(opt.Dev) > 0 {
		b, err := perceptron.Encode(f)
		if err != nil {
			return nil, err
		}
		p2, err := New(b)
		if err != nil {
			return nil, err
		}
		f.Meta.DevScores = Evaluate(p2, opt.Dev, opt.DevGold)
		logf("parse: stored model: dev %s\n", formatScores(f.Meta.DevScores))
	}
	return perceptron.Encode(f)
}

// trainMember trains one averaged perceptron over exs with the given
// shuffling seed (p supplies the moves, the clusters and, during
// training, a scratch model for dev scores) and returns its averaged
// weights: pruned at opt.Prune for a single run, unpruned for a member
// of an ensemble, whose dev scores are logged after the last iteration
// too (the ensemble's own come after the mean).
func trainMember(p *Parser, exs []example, opt TrainOptions, seed uint64, member bool, logf func(string, ...any)) (*perceptron.Model, error) {
	prune := opt.Prune
	if member {
		prune = 0
	}
	mv := p.moves
	tr := perceptron.NewTrainer(mv.count())
	rng := rand.New(rand.NewPCG(seed, 0x7061727365720000))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	var x sentence
	var s *state
	var feats []uint64
	scores := make([]float32, mv.count())
	for it := 1; it <= opt.Iterations; it++ {
		if opt.Context != nil && opt.Context.Err() != nil {
			return nil, opt.Context.Err()
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, ei := range order {
			ex := &exs[ei]
			x.set(ex.forms, ex.upos, ex.xpos, p.cl)
			s = newState(len(ex.forms), s)
			for !s.terminal() {
				feats = x.features(s, feats, opt.FeatureSet)
				clear(scores)
				tr.Score(feats, scores)
				guess := p.best(s, scores)
				sh, la, ra := costs(s, ex.heads)
				// The truth is the best-scoring move of least cost (zero
				// except where the single-root rule forces a loss).
				truth, tc := -1, 0
				for m, sc := range scores {
					if !mv.valid(s, m) {
						continue
					}
					c := moveCost(mv, s, ex, m, sh, la, ra)
					if truth < 0 || c < tc || (c == tc && sc > scores[truth]) {
						truth, tc = m, c
					}
				}
				tr.Tick()
				tr.Update(feats, truth, guess)
				total++
				if guess == truth {
					correct++
				}
				next := truth
				if guess != truth && it > 1 && rng.Float64() < opt.Explore {
					next = guess
				}
				mv.apply(s, next)
			}
		}
		logf("parse: seed %d iteration %d: %.2f%% of moves correct\n", seed, it, 100*float64(correct)/float64(max(total, 1)))
		if opt.Verbose && len(opt.Dev) > 0 && (it < opt.Iterations || member) {
			p.model = tr.Average(prune)
			logf("parse: seed %d iteration %d: dev %s\n", seed, it, formatScores(Evaluate(p, opt.Dev, opt.DevGold)))
		}
	}
	return tr.Average(prune), nil
}

// moveCost is the cost of move m: the unlabelled cost plus one when the
// arc is gold but the label is not.
func moveCost(mv moves, s *state, ex *example, m, sh, la, ra int) int {
	kind, l := mv.decode(m)
	switch kind {
	case 0:
		return sh
	case 1:
		c := la
		if d := s.s(0); ex.heads[d] == s.b0 && ex.labels[d] != l {
			c++
		}
		return c
	default:
		c := ra
		if d := s.s(0); ex.heads[d] == s.s(1) && ex.labels[d] != l {
			c++
		}
		return c
	}
}

func moveNames(labels []string) []string {
	names := []string{"shift"}
	for _, l := range labels {
		names = append(names, "left "+l)
	}
	for _, l := range labels {
		names = append(names, "right "+l)
	}
	return names
}

func formatScores(s []perceptron.Score) string {
	var parts []string
	for _, x := range s {
		parts = append(parts, fmt.Sprintf("%s %.2f", x.Name, x.Value))
	}
	return strings.Join(parts, ", ")
}

// Evaluate parses copies of docs (which carry the tags to parse with) and
// returns UAS and LAS (percent, punctuation included) against the trees of
// gold, which must have the same tokens.
func Evaluate(p *Parser, docs, gold []*nlp.Document) []perceptron.Score {
	var n, uas, las int
	for i, d := range docs {
		c := *d
		c.Tokens = append([]nlp.Token(nil), d.Tokens...)
		if err := p.Process(&c); err != nil {
			continue
		}
		for k, g := range gold[i].Tokens {
			n++
			if c.Tokens[k].Head == g.Head {
				uas++
				if c.Tokens[k].Rel == g.Rel {
					las++
				}
			}
		}
	}
	pct := func(k int) float64 { return 100 * float64(k) / float64(max(n, 1)) }
	return []perceptron.Score{{Name: "uas", Value: pct(uas)}, {Name: "las", Value: pct(las)}}
}
