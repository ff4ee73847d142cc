package openie

import "math"

// features are what the confidence model sees of an extraction.
type features struct {
	clause     ClauseType
	kind       Kind
	rel        string // dependency relation of the clause head
	inherited  bool   // the subject comes from another clause
	nargs      int
	argToks    int
	relToks    int
	subjToks   int
	subjPron   bool
	attributed bool
	speech     bool // the relation is a speech verb with a clausal object
	prepInRel  bool
	flags      bool // negated, hedged or non-realis
}

func (s *sentence) featuresOf(p, last int, e *Extraction, inherited bool) features {
	f := features{clause: e.Clause, kind: e.Kind, rel: s.rel(p), inherited: inherited, nargs: len(e.Args),
		relToks: len(e.Relation.Tokens), subjToks: len(e.Subject.Tokens), attributed: e.Attribution != nil,
		flags: e.Negated || e.Hedged || e.Modality != ""}
	for _, a := range e.Args {
		f.argToks += len(a.Tokens)
		if a.Role == Object && s.rel(a.Head) == "ccomp" && speechVerbs[s.lemma(last)] {
			f.speech = true
		}
	}
	if e.Subject.Head >= 0 && !e.Subject.Empty() {
		f.subjPron = s.tok(e.Subject.Head).UPOS == "PRON"
	}
	for _, t := range e.Relation.Tokens {
		if s.rel(t) == "case" {
			f.prepInRel = true
		}
	}
	return f
}

// confidence is a rule score: a logistic function of hand-set weights on
// the extraction's features. It has not been fitted to data yet (CaRB has
// no parses of its own; see docs/openie.md), so it ranks, it does not
// calibrate.
func confidence(e *Extraction) float64 {
	f := e.feats
	z := 0.6
	switch f.clause {
	case SVO, SVOA:
		z += 0.5
	case SVC, SVOO, SVOC:
		z += 0.3
	case SVA:
		z += 0.2
	case SV:
		z -= 1.0
	}
	switch f.rel {
	case "root":
		z += 0.4
	case "conj":
		z += 0.1
	case "acl", "advcl":
		z -= 0.4
	case "parataxis", "dep", "list", "csubj":
		z -= 0.6
	}
	if f.kind == Appositive {
		z += 0.1
	}
	if f.inherited {
		z -= 0.2
	}
	if f.speech {
		z -= 0.3
	}
	if f.prepInRel {
		z += 0.1
	}
	if f.nargs > 2 {
		z -= 0.15 * float64(f.nargs-2)
	}
	if f.argToks > 12 {
		z -= 0.04 * float64(f.argToks-12)
	}
	if f.subjToks > 8 {
		z -= 0.05 * float64(f.subjToks-8)
	}
	if f.relToks > 4 {
		z -= 0.1 * float64(f.relToks-4)
	}
	// a tiny length term breaks ties so the PR curve has many points
	z -= 0.001 * float64(f.argToks+f.subjToks+f.relToks)
	return 1 / (1 + math.Exp(-z))
}
