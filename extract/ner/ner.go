package ner

import (
	_ "embed"
	"fmt"
	"sort"
	"sync"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

//go:embed model/ner.model
var modelData []byte

var (
	modelOnce sync.Once
	theModel  *model
	modelErr  error
)

func loadModel() (*model, error) {
	modelOnce.Do(func() { theModel, modelErr = decodeModel(modelData) })
	return theModel, modelErr
}

// ModelMeta returns the meta record of the embedded model.
func ModelMeta() (Meta, error) {
	m, err := loadModel()
	if err != nil {
		return Meta{}, err
	}
	return m.meta, nil
}

// Recognizer is the named-entity stage. It needs tokens and sentences,
// and part-of-speech tags when its model uses them, and adds
// Document.Entities. It is safe for concurrent use.
type Recognizer struct {
	m     *model
	rules bool
	pool  sync.Pool
}

// Option configures a Recognizer.
type Option func(*Recognizer)

// WithoutRules turns off the rule-found types (NORP, DATE, TIME, PERCENT,
// MONEY, QUANTITY), leaving only the model's PERSON, ORG, GPE and LOC.
func WithoutRules() Option { return func(r *Recognizer) { r.rules = false } }

// New returns a Recognizer using the embedded model, decoded once per
// process.
func New(opts ...Option) (*Recognizer, error) {
	m, err := loadModel()
	if err != nil {
		return nil, err
	}
	return newRecognizer(m, opts...), nil
}

// NewFromModel returns a Recognizer using the model file b (as written
// by Train) instead of the embedded one, after checking its meta record.
func NewFromModel(b []byte, opts ...Option) (*Recognizer, error) {
	m, err := decodeModel(b)
	if err != nil {
		return nil, err
	}
	return newRecognizer(m, opts...), nil
}

func newRecognizer(m *model, opts ...Option) *Recognizer {
	r := &Recognizer{m: m, rules: true}
	bias := classBias(m.meta.EntryBias)
	vit := m.meta.Decoder == DecoderViterbi
	netW := float32(m.meta.NetWeight)
	r.pool.New = func() any { return &decoder{bias: bias, viterbi1: vit, net: m.net, netW: netW} }
	for _, o := range opts {
		o(r)
	}
	return r
}

// Name returns the stage name and model version.
func (r *Recognizer) Name() string { return fmt.Sprintf("ner/%d", r.m.meta.Version) }

// Needs returns the layers the stage reads: tokens and sentences, and
// part-of-speech tags when the model's features use them (Meta.Tags).
func (r *Recognizer) Needs() nlp.Layer {
	if r.m.meta.Tags {
		return nlp.Tokens | nlp.Sentences | nlp.Tags
	}
	return nlp.Tokens | nlp.Sentences
}

// Adds returns the layers the stage fills.
func (r *Recognizer) Adds() nlp.Layer { return nlp.Entities }

// Process replaces doc.Entities with the entities found in doc, sorted by
// position. It returns an error, and leaves doc unchanged, when the
// sentences do not tile the tokens.
func (r *Recognizer) Process(doc *nlp.Document) error {
	if doc == nil {
		return fmt.Errorf("ner: nil document")
	}
	next := 0
	for i, s := range doc.Sentences {
		if s.Start != next || s.End < s.Start || s.End > len(doc.Tokens) {
			return fmt.Errorf("ner: sentence %d [%d,%d) does not continue at token %d of %d", i, s.Start, s.End, next, len(doc.Tokens))
		}
		next = s.End
	}
	if next != len(doc.Tokens) {
		return fmt.Errorf("ner: sentences end at token %d of %d", next, len(doc.Tokens))
	}
	if r.m.meta.Tags {
		for i := range doc.Tokens {
			if doc.Tokens[i].UPOS == "" {
				return fmt.Errorf("ner: token %d %q has no part-of-speech tag (run the tagger first)", i, doc.Tokens[i].Form)
			}
		}
	}
	d := r.pool.Get().(*decoder)
	defer r.pool.Put(d)
	var spans []nlp.Span
	if !r.m.meta.DocFeatures {
		d.docf = nil
		for _, s := range doc.Sentences {
			d.load(doc, s)
			classes := d.decode(r.m, &r.m.lex, d.ts)
			spans = appendSpans(spans, classes, s.Start)
		}
	} else {
		// two passes: the second sees what the first gave the same words
		// elsewhere in the document
		words := make([][]string, len(doc.Sentences))
		first := make([][]int, len(doc.Sentences))
		var netLogp [][]float32 // the network's scores do not change in the second pass
		if d.net != nil && d.netW != 0 && d.viterbi1 {
			netLogp = make([][]float32, len(doc.Sentences))
		}
		d.docf = nil
		for k, s := range doc.Sentences {
			d.load(doc, s)
			first[k] = append([]int(nil), d.decode(r.m, &r.m.lex, d.ts)...)
			words[k] = append([]string(nil), d.ts.words...)
			if netLogp != nil && s.Len() > 0 {
				netLogp[k] = append([]float32(nil), d.nst.logp[:s.Len()*len(classNames)]...)
			}
		}
		docf := docFeatures(words, first, nil)
		for k, s := range doc.Sentences {
			classes := first[k]
			if hasDocFeats(docf[k]) {
				d.load(doc, s)
				d.docf = docf[k]
				if netLogp != nil {
					d.netLogp = netLogp[k]
				}
				classes = d.decode(r.m, &r.m.lex, d.ts)
				d.docf, d.netLogp = nil, nil
			}
			spans = appendSpans(spans, classes, s.Start)
		}
	}
	spans = postprocess(doc, spans, r.m.lex.casing)
	if r.rules {
		spans = addRuleSpans(doc, spans)
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	doc.Entities = spans
	return nil
}

// load copies sentence s's words and tags into d.ts.
func (d *decoder) load(doc *nlp.Document, s nlp.Sentence) {
	d.ts.words, d.ts.upos, d.ts.xpos = d.ts.words[:0], d.ts.upos[:0], d.ts.xpos[:0]
	for i := s.Start; i < s.End; i++ {
		t := &doc.Tokens[i]
		d.ts.words = append(d.ts.words, t.Form)
		d.ts.upos = append(d.ts.upos, t.UPOS)
		d.ts.xpos = append(d.ts.xpos, t.XPOS)
	}
}

// scorer is what the decoder needs from a model or a learner.
type scorer interface {
	score(scores []float32, feats []uint32)
}

// decoder holds per-call scratch space.
type decoder struct {
	sf      sentFeats
	ts      tagged
	classes []int
	dyn     []uint32
	scores  []float32
	// unconstrained lifts the BILOU constraints (for training, where the
	// history is the gold one).
	unconstrained bool
	bias          []float32 // per class, from Meta.EntryBias; nil for none
	viterbi1      bool      // first-order Viterbi decoding (Meta.Decoder)
	emit, delta   []float32 // Viterbi scratch: n × classes
	trans, group  []float32 // Viterbi transition and history-group scores
	back          []int8
	docf          []uint32 // document features of the sentence's tokens, or nil
	net           *tagNet  // the GRU tagger (gru.go), or nil
	netW          float32  // the weight of its class scores (Meta.NetWeight)
	nst           netState
	nins          []netInput
	netLogp       []float32 // the network's scores of the sentence, when already known (second pass)
	dbuf          []uint32
}

// classBias spreads per-label entry biases over the classes.
func classBias(entry []float64) []float32 {
	if len(entry) == 0 {
		return nil
	}
	b := make([]float32, len(classNames))
	for i, l := range labels {
		b[classOf(l, posB)] = float32(entry[i])
		b[classOf(l, posU)] = float32(entry[i])
	}
	return b
}

// decode tags a sentence with the BILOU constraints: greedily, left to
// right, or with Viterbi for a first-order model.
func (d *decoder) decode(m scorer, lex *lexicon, ts tagged) []int {
	n := len(ts.words)
	d.classes = d.classes[:0]
	if n == 0 {
		return d.classes
	}
	d.sf.extract(ts, lex)
	if d.viterbi1 {
		return d.viterbi(m, n)
	}
	for i := 0; i < n; i++ {
		c := d.step(m, i, n)
		d.classes = append(d.classes, c)
	}
	return d.classes
}

// step scores token i given the classes so far and returns the best
// allowed class (ties go to the lower class number).
func (d *decoder) step(m scorer, i, n int) int {
	nc := len(classNames)
	if cap(d.scores) < nc {
		d.scores = make([]float32, nc)
	}
	sc := d.scores[:nc]
	clear(sc)
	p1, p2 := -1, -1
	if i > 0 {
		p1 = d.classes[i-1]
	}
	if i > 1 {
		p2 = d.classes[i-2]
	}
	m.score(sc, d.sf.feats[d.sf.off[i]:d.sf.off[i+1]])
	d.dbuf = tokenDocFeats(d.docf, i, d.dbuf)
	m.score(sc, d.dbuf)
	d.dyn = d.sf.dynamic(d.dyn[:0], i, p1, p2)
	m.score(sc, d.dyn)
	if d.bias != nil {
		for c, b := range d.bias {
			sc[c] += b
		}
	}
	best := -1
	for c := 0; c < nc; c++ {
		if !d.unconstrained && !allowed(p1, c, i == n-1) {
			continue
		}
		if best < 0 || sc[c] > sc[best] {
			best = c
		}
	}
	return best
}

// appendSpans turns BILOU classes into spans offset by base.
func appendSpans(spans []nlp.Span, classes []int, base int) []nlp.Span {
	start := -1
	for i, c := range classes {
		if c == 0 {
			start = -1
			continue
		}
		switch classPos(c) {
		case posU:
			spans = append(spans, nlp.Span{Start: base + i, End: base + i + 1, Label: classLabel(c)})
			start = -1
		case posB:
			start = i
		case posL:
			if start >= 0 {
				spans = append(spans, nlp.Span{Start: base + start, End: base + i + 1, Label: classLabel(c)})
			}
			start = -1
		}
	}
	return spans
}

// goldClasses returns the BILOU classes of the spans in sentence s, for
// the labels the model learns (other labels are O).
func goldClasses(doc *nlp.Document, s nlp.Sentence) []int {
	cs := make([]int, s.Len())
	for _, e := range doc.Entities {
		if e.Start < s.Start || e.End > s.End || classOf(e.Label, 0) == 0 {
			continue
		}
		if e.End-e.Start == 1 {
			cs[e.Start-s.Start] = classOf(e.Label, posU)
			continue
		}
		for i := e.Start; i < e.End; i++ {
			p := posI
			switch i {
			case e.Start:
				p = posB
			case e.End - 1:
				p = posL
			}
			cs[i-s.Start] = classOf(e.Label, p)
		}
	}
	return cs
}
