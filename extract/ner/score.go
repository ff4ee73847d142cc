package ner

import (
	"math"
	"sort"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

// Counts are span-level true positives, false positives and false
// negatives.
type Counts struct{ TP, FP, FN int }

// P is precision in percent (0 when nothing was predicted).
func (c Counts) P() float64 { return pct(c.TP, c.TP+c.FP) }

// R is recall in percent (0 when there is no gold span).
func (c Counts) R() float64 { return pct(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of P and R in percent.
func (c Counts) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Round2 rounds x to two decimals, for reports.
func Round2(x float64) float64 { return math.Round(x*100) / 100 }

// Scorer accumulates exact-match span scores (the CoNLL convention: a
// predicted span counts only if its start, end and type all match a gold
// span). Spans labelled Other are never scored.
type Scorer struct {
	// Map turns a label into the label scored, or "" to ignore the span
	// (nil: labels are scored as they are).
	Map     func(string) string
	Overall Counts
	PerType map[string]*Counts
}

// Add scores the predicted spans of one document or sentence against the
// gold spans.
func (s *Scorer) Add(gold, pred []nlp.Span) {
	if s.PerType == nil {
		s.PerType = map[string]*Counts{}
	}
	type key struct {
		start, end int
		label      string
	}
	norm := func(sp []nlp.Span) map[key]bool {
		m := map[key]bool{}
		for _, x := range sp {
			l := x.Label
			if l == Other {
				continue
			}
			if s.Map != nil {
				l = s.Map(l)
			}
			if l != "" {
				m[key{x.Start, x.End, l}] = true
			}
		}
		return m
	}
	g, p := norm(gold), norm(pred)
	c := func(l string) *Counts {
		if s.PerType[l] == nil {
			s.PerType[l] = &Counts{}
		}
		return s.PerType[l]
	}
	for k := range p {
		if g[k] {
			s.Overall.TP++
			c(k.label).TP++
		} else {
			s.Overall.FP++
			c(k.label).FP++
		}
	}
	for k := range g {
		if !p[k] {
			s.Overall.FN++
			c(k.label).FN++
		}
	}
}

// Types returns the scored types in sorted order.
func (s *Scorer) Types() []string {
	var ts []string
	for t := range s.PerType {
		ts = append(ts, t)
	}
	sort.Strings(ts)
	return ts
}

// UNERLabel maps our labels onto UNER's: PERSON → PER, ORG → ORG, GPE
// and LOC → LOC; every other label is not scored.
func UNERLabel(l string) string {
	switch l {
	case "PERSON", "PER":
		return "PER"
	case "ORG":
		return "ORG"
	case "GPE", "LOC":
		return "LOC"
	}
	return ""
}

// ModelLabel keeps only the labels the sequence model predicts (PERSON,
// ORG, GPE, LOC), for scoring against GUM-derived gold.
func ModelLabel(l string) string {
	for _, x := range labels {
		if x == l {
			return l
		}
	}
	return ""
}
