package tag

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/extract/internal/clusters"
	"github.com/newsgraph/newsgraph/extract/internal/perceptron"
	"github.com/newsgraph/newsgraph/extract/nlp"
)

// ModelName is the name in the meta record of tagger models.
const ModelName = "tag"

//go:embed model/tagger.model
var embedded []byte

// Tagger tags and lemmatizes tokens. It is read-only after construction
// and safe for concurrent use.
type Tagger struct {
	meta    perceptron.Meta
	model   *perceptron.Model
	classes []string // "UPOS XPOS"
	upos    []string
	xpos    []string
	dict    map[string]int // norm -> class for frequent unambiguous words
	lem     *lemmatizer
	fs      int            // feature set
	cl      clusters.Table // word clusters (feature set 2)
}

var (
	loadOnce sync.Once
	loaded   *Tagger
	loadErr  error
)

// Load returns the embedded tagger, decoded once per process.
func Load() (*Tagger, error) {
	loadOnce.Do(func() {
		if len(embedded) == 0 {
			loadErr = fmt.Errorf("tag: no model embedded; run `make models`")
			return
		}
		loaded, loadErr = New(embedded)
	})
	return loaded, loadErr
}

// New decodes a tagger model file.
func New(b []byte) (*Tagger, error) {
	f, err := perceptron.Decode(b)
	if err != nil {
		return nil, fmt.Errorf("tag: %w", err)
	}
	fs := f.Meta.FeatureSet
	if fs < 1 || fs > FeatureSet {
		fs = FeatureSet // so that CheckMeta reports the mismatch
	}
	if err := perceptron.CheckMeta(f.Meta, ModelName, fs); err != nil {
		return nil, fmt.Errorf("tag: %w", err)
	}
	t := &Tagger{meta: f.Meta, model: f.Model, classes: f.Classes, dict: map[string]int{}, fs: fs}
	if fs >= 2 {
		if t.cl, err = clusters.FromFile(f); err != nil {
			return nil, fmt.Errorf("tag: %w", err)
		}
	}
	for _, c := range f.Classes {
		u, x, ok := strings.Cut(c, " ")
		if !ok {
			return nil, fmt.Errorf("tag: bad class %q", c)
		}
		t.upos = append(t.upos, u)
		t.xpos = append(t.xpos, x)
	}
	for _, line := range strings.Split(string(f.Section("tagdict")), "\n") {
		if line == "" {
			continue
		}
		w, c, ok := strings.Cut(line, "\x00")
		n, err := strconv.Atoi(c)
		if !ok || err != nil || n < 0 || n >= len(t.classes) {
			return nil, fmt.Errorf("tag: bad tag dictionary line %q", line)
		}
		t.dict[w] = n
	}
	if t.lem, err = decodeLemmatizer(f.Section("lemmas")); err != nil {
		return nil, err
	}
	return t, nil
}

// Meta returns the model's meta record.
func (t *Tagger) Meta() perceptron.Meta { return t.meta }

// Name implements extract.Stage.
func (t *Tagger) Name() string { return fmt.Sprintf("tag/%d", t.meta.Version) }

// Needs implements extract.Stage.
func (t *Tagger) Needs() nlp.Layer { return nlp.Tokens | nlp.Sentences }

// Adds implements extract.Stage.
func (t *Tagger) Adds() nlp.Layer { return nlp.Tags | nlp.Lemmas }

// Process tags and lemmatizes every sentence of doc.
func (t *Tagger) Process(doc *nlp.Document) error {
	var forms []string
	var tags []int
	var buf []word
	for _, s := range doc.Sentences {
		if s.Start < 0 || s.End > len(doc.Tokens) || s.Start > s.End {
			return fmt.Errorf("tag: sentence [%d,%d) out of range of %d tokens", s.Start, s.End, len(doc.Tokens))
		}
		forms = forms[:0]
		for i := s.Start; i < s.End; i++ {
			forms = append(forms, doc.Tokens[i].Form)
		}
		tags, buf = t.tag(forms, tags, buf)
		for k, c := range tags {
			tok := &doc.Tokens[s.Start+k]
			tok.UPOS = t.upos[c]
			tok.XPOS = t.xpos[c]
			tok.Lemma = t.lem.lemma(tok.Form, t.xpos[c])
		}
	}
	return nil
}

// Tag returns the UPOS and XPOS tags of a sentence's words.
func (t *Tagger) Tag(forms []string) (upos, xpos []string) {
	tags, _ := t.tag(forms, nil, nil)
	for _, c := range tags {
		upos = append(upos, t.upos[c])
		xpos = append(xpos, t.xpos[c])
	}
	return upos, xpos
}

// Lemma returns the lemma of form tagged xpos.
func (t *Tagger) Lemma(form, xpos string) string { return t.lem.lemma(form, xpos) }

func (t *Tagger) tag(forms []string, tags []int, buf []word) ([]int, []word) {
	ctx := newContext(forms, buf, t.cl)
	tags = tags[:0]
	scores := make([]float32, len(t.classes))
	var feats []uint64
	p1, p2 := -1, -2
	for i := range forms {
		c, ok := t.dict[ctx.words[i+2].norm]
		if !ok {
			feats = ctx.features(i, p1, p2, feats, t.fs)
			clear(scores)
			t.model.Score(feats, scores)
			c = perceptron.Best(scores, nil)
		}
		tags = append(tags, c)
		p2, p1 = p1, c
	}
	return tags, ctx.words
}

// Meta, DataFile and Score are the model meta record and its parts.
type (
	Meta     = perceptron.Meta
	DataFile = perceptron.DataFile
	Score    = perceptron.Score
)
