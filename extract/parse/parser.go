package parse

import (
	_ "embed"
	"fmt"
	"slices"
	"sync"

	"github.com/newsgraph/newsgraph/extract/internal/clusters"
	"github.com/newsgraph/newsgraph/extract/internal/perceptron"
	"github.com/newsgraph/newsgraph/extract/nlp"
)

// ModelName is the name in the meta record of parser models.
const ModelName = "parse"

// RootLabel is the relation of a sentence's root word.
const RootLabel = "root"

//go:embed model/parser.model
var embedded []byte

// Parser is a trained dependency parser. It is read-only after
// construction and safe for concurrent use.
type Parser struct {
	meta   perceptron.Meta
	model  *perceptron.Model
	labels []string
	moves  moves
	fs     int            // feature set
	cl     clusters.Table // word clusters (feature sets 3-5)
}

var (
	loadOnce sync.Once
	loaded   *Parser
	loadErr  error
)

// Load returns the embedded parser, decoded once per process.
func Load() (*Parser, error) {
	loadOnce.Do(func() {
		if len(embedded) == 0 {
			loadErr = fmt.Errorf("parse: no model embedded; run `make models`")
			return
		}
		loaded, loadErr = New(embedded)
	})
	return loaded, loadErr
}

// New decodes a parser model file.
func New(b []byte) (*Parser, error) {
	f, err := perceptron.Decode(b)
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	fs := f.Meta.FeatureSet
	if fs < 1 || fs > FeatureSet {
		fs = FeatureSet // so that CheckMeta reports the mismatch
	}
	if err := perceptron.CheckMeta(f.Meta, ModelName, fs); err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	labels := f.Section("labels")
	p := &Parser{meta: f.Meta, model: f.Model, labels: splitLines(labels), fs: fs}
	if UsesClusters(fs) {
		if p.cl, err = clusters.FromFile(f); err != nil {
			return nil, fmt.Errorf("parse: %w", err)
		}
	}
	return p, p.init()
}

func (p *Parser) init() error {
	if len(p.labels) > 128 {
		return fmt.Errorf("parse: model has %d labels, at most 128 supported", len(p.labels))
	}
	root := slices.Index(p.labels, RootLabel)
	if root < 0 {
		return fmt.Errorf("parse: model has no %q label", RootLabel)
	}
	p.moves = moves{nLabels: len(p.labels), root: root}
	if p.model != nil && p.model.NClasses != p.moves.count() {
		return fmt.Errorf("parse: model has %d classes, want %d for %d labels", p.model.NClasses, p.moves.count(), len(p.labels))
	}
	return nil
}

func splitLines(b []byte) []string {
	var out []string
	start := 0
	for i, c := range b {
		if c == '\n' {
			out = append(out, string(b[start:i]))
			start = i + 1
		}
	}
	if start < len(b) {
		out = append(out, string(b[start:]))
	}
	return out
}

// Meta returns the model's meta record.
func (p *Parser) Meta() perceptron.Meta { return p.meta }

// Labels returns the dependency relations the parser can predict.
func (p *Parser) Labels() []string { return slices.Clone(p.labels) }

// Name implements extract.Stage.
func (p *Parser) Name() string { return fmt.Sprintf("parse/%d", p.meta.Version) }

// Needs implements extract.Stage.
func (p *Parser) Needs() nlp.Layer { return nlp.Tokens | nlp.Sentences | nlp.Tags }

// Adds implements extract.Stage.
func (p *Parser) Adds() nlp.Layer { return nlp.Deps }

// worker holds the buffers of one parse.
type worker struct {
	x      sentence
	s      *state
	feats  []uint64
	scores []float32
	forms  []string
	upos   []string
	xpos   []string
}

var workers = sync.Pool{New: func() any { return &worker{} }}

// Process parses every sentence of doc, setting Head (a document index,
// -1 for the root) and Rel on every token.
func (p *Parser) Process(doc *nlp.Document) error {
	w := workers.Get().(*worker)
	defer workers.Put(w)
	for _, sn := range doc.Sentences {
		if sn.Start < 0 || sn.End > len(doc.Tokens) || sn.Start > sn.End {
			return fmt.Errorf("parse: sentence [%d,%d) out of range of %d tokens", sn.Start, sn.End, len(doc.Tokens))
		}
		w.forms, w.upos, w.xpos = w.forms[:0], w.upos[:0], w.xpos[:0]
		for _, t := range doc.Tokens[sn.Start:sn.End] {
			w.forms = append(w.forms, t.Form)
			w.upos = append(w.upos, t.UPOS)
			w.xpos = append(w.xpos, t.XPOS)
		}
		s := p.parse(w, w.forms, w.upos, w.xpos)
		for i := range w.forms {
			tok := &doc.Tokens[sn.Start+i]
			if h := s.heads[i]; h == s.n {
				tok.Head = -1
			} else {
				tok.Head = sn.Start + h
			}
			tok.Rel = p.labels[s.labels[i]]
		}
	}
	return nil
}

// Parse parses one sentence given its words and tags and returns each
// word's head (0-based within the sentence, -1 for the root) and relation.
func (p *Parser) Parse(forms, upos, xpos []string) (heads []int, rels []string, err error) {
	if len(upos) != len(forms) || len(xpos) != len(forms) {
		return nil, nil, fmt.Errorf("parse: %d forms, %d UPOS and %d XPOS tags", len(forms), len(upos), len(xpos))
	}
	w := &worker{}
	s := p.parse(w, forms, upos, xpos)
	for i := range forms {
		h := s.heads[i]
		if h == s.n {
			h = -1
		}
		heads = append(heads, h)
		rels = append(rels, p.labels[s.labels[i]])
	}
	return heads, rels, nil
}

func (p *Parser) parse(w *worker, forms, upos, xpos []string) *state {
	w.x.set(forms, upos, xpos, p.cl)
	w.s = newState(len(forms), w.s)
	if cap(w.scores) < p.moves.count() {
		w.scores = make([]float32, p.moves.count())
	}
	scores := w.scores[:p.moves.count()]
	s := w.s
	for !s.terminal() {
		w.feats = w.x.features(s, w.feats, p.fs)
		clear(scores)
		p.model.Score(w.feats, scores)
		mv := p.best(s, scores)
		p.moves.apply(s, mv)
	}
	return s
}

// best returns the highest-scoring valid move (lowest index on ties).
func (p *Parser) best(s *state, scores []float32) int {
	best := -1
	for mv, sc := range scores {
		if (best < 0 || sc > scores[best]) && p.moves.valid(s, mv) {
			best = mv
		}
	}
	return best
}

// Meta, DataFile and Score are the model meta record and its parts.
type (
	Meta     = perceptron.Meta
	DataFile = perceptron.DataFile
	Score    = perceptron.Score
)
