package openie

import (
	_ "embed"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Feature is one named feature value of an extraction.
type Feature struct {
	Name  string
	Value float64
}

// featuresOf returns the features the confidence model sees, sorted by name.
func (s *sentence) featuresOf(p, last int, e *Extraction, inherited bool) []Feature {
	if e.Kind != Verbal {
		// Nominal facts get features of their own, so that fitting them
		// does not move the weights of clauses.
		k := "kind=" + string(e.Kind)
		toks := 0
		for _, a := range e.Args {
			toks += len(a.Tokens)
		}
		out := []Feature{{"bias", 1}, {k, 1}, {k + "*argtoks/10", float64(toks) / 10}, {k + "*subjtoks/10", float64(len(e.Subject.Tokens)) / 10}}
		if !e.Subject.Empty() && s.tok(e.Subject.Head).UPOS == "PROPN" {
			out = append(out, Feature{k + "*subjpropn", 1})
		}
		if len(e.Args) > 0 && s.tok(e.Args[0].Head).UPOS == "PROPN" {
			out = append(out, Feature{k + "*argpropn", 1})
		}
		for _, t := range e.Relation.Tokens {
			out = append(out, Feature{k + "*word=" + s.lower(t), 1})
		}
		sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
		return out
	}
	f := map[string]float64{
		"bias":                       1,
		"clause=" + string(e.Clause): 1,
		"headrel=" + s.headRel(p):    1,
		"nargs":                      float64(len(e.Args)),
		"reltoks":                    float64(len(e.Relation.Tokens)),
		"subjtoks/10":                float64(len(e.Subject.Tokens)) / 10,
	}
	if e.Kind != Verbal {
		f["kind="+string(e.Kind)] = 1
	}
	if inherited {
		f["inherited"] = 1
	}
	if e.Attribution != nil {
		f["attributed"] = 1
	}
	if e.Negated {
		f["negated"] = 1
	}
	if e.Hedged {
		f["hedged"] = 1
	}
	if e.Modality != "" {
		f["modality"] = 1
	}
	argToks := 0
	for _, a := range e.Args {
		argToks += len(a.Tokens)
		f["role="+string(a.Role)] = 1
		if a.Role == Object && s.rel(a.Head) == "ccomp" && speechVerbs[s.lemma(last)] {
			f["speech"] = 1
		}
	}
	f["argtoks/10"] = float64(argToks) / 10
	if argToks > 12 {
		f["argtoks>12/10"] = float64(argToks-12) / 10
	}
	if !e.Subject.Empty() && e.Subject.Head >= 0 && s.tok(e.Subject.Head).UPOS == "PRON" {
		f["subjpron"] = 1
	}
	for _, t := range e.Relation.Tokens {
		switch s.rel(t) {
		case "case":
			f["prepinrel"] = 1
		case "aux":
			f["auxinrel"] = 1
		}
	}
	out := make([]Feature, 0, len(f))
	for k, v := range f {
		out = append(out, Feature{k, v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// headRel is the clause head's relation, with infinitival ("to")
// adverbial and adnominal clauses apart: their inherited subjects are
// less often right.
func (s *sentence) headRel(p int) string {
	r := s.rel(p)
	switch r {
	case "advcl", "acl":
		if m := s.child(p, "mark"); m >= 0 && s.lower(m) == "to" {
			return r + "+to"
		}
		if s.tok(p).Rel == "acl:relcl" {
			return "relcl"
		}
		return r
	case "root", "conj", "ccomp", "xcomp", "parataxis", "appos":
		return r
	}
	return "other"
}

// Features returns the confidence features of e, sorted by name.
func (e *Extraction) Features() []Feature { return e.feats }

//go:embed conf.tsv
var confTSV string

// Weights is a logistic-regression model over extraction features.
type Weights map[string]float64

// Score is the model's probability for features fs.
func (w Weights) Score(fs []Feature) float64 {
	z := 0.0
	for _, f := range fs {
		z += w[f.Name] * f.Value
	}
	return 1 / (1 + math.Exp(-z))
}

var (
	weightsOnce sync.Once
	weights     Weights
	weightsErr  error
)

// ConfWeights returns the embedded confidence weights (conf.tsv), decoded
// once per process.
func ConfWeights() (Weights, error) {
	weightsOnce.Do(func() { weights, weightsErr = ParseWeights(confTSV) })
	return weights, weightsErr
}

// ParseWeights reads "name<TAB>weight" lines; lines starting with "#" are
// comments.
func ParseWeights(text string) (Weights, error) {
	w := Weights{}
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, val, ok := strings.Cut(line, "\t")
		x, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
		if !ok || err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, fmt.Errorf("openie: confidence weights line %d: want name<TAB>number, got %q", n+1, line)
		}
		w[strings.TrimSpace(name)] = x
	}
	if len(w) == 0 {
		return nil, fmt.Errorf("openie: confidence weights are empty")
	}
	return w, nil
}

// Format writes weights as conf.tsv lines, sorted by name, after the
// header comment lines.
func (w Weights) Format(header []string) string {
	var b strings.Builder
	for _, h := range header {
		b.WriteString("# " + h + "\n")
	}
	names := make([]string, 0, len(w))
	for k := range w {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		b.WriteString(k + "\t" + strconv.FormatFloat(w[k], 'f', 6, 64) + "\n")
	}
	return b.String()
}

// confidence scores e with the embedded weights. The embedded table is
// checked by the tests; should it ever fail to decode, every extraction
// gets 0.5.
func confidence(e *Extraction) float64 {
	w, err := ConfWeights()
	if err != nil {
		return 0.5
	}
	return w.Score(e.feats)
}
