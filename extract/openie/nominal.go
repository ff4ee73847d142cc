package openie

// nominals returns the relations that noun phrases state without a verb:
// possession ("the company's chairman" -> (the company; has; chairman))
// and prepositional modifiers of nouns ("Symphony Hall in Boston" ->
// (Symphony Hall; be in; Boston), "demand for seeds" -> (demand; be for;
// seeds)).
func (s *sentence) nominals() []Extraction {
	var out []Extraction
	for n := s.start; n < s.end; n++ {
		switch s.tok(n).Rel {
		case "nmod:poss":
			// Possessive pronouns name no one by themselves.
			if s.tok(n).UPOS == "PRON" {
				continue
			}
			h := s.head(n)
			if h < 0 || !isNoun(s, h) {
				continue
			}
			owner := s.phrase(n, func(k int) bool { return s.rel(k) == "case" || s.tok(k).Rel == "acl:relcl" || s.rel(k) == "appos" })
			owned := s.phrase(h, func(k int) bool {
				return k == n || (s.head(k) == h && (s.rel(k) == "det" || s.rel(k) == "case")) || s.tok(k).Rel == "acl:relcl" || s.rel(k) == "appos" || s.rel(k) == "acl" || s.rel(k) == "conj" || s.rel(k) == "cc"
			})
			if owner.Empty() || owned.Empty() {
				continue
			}
			out = append(out, s.nominal(n, owner, "has", Phrase{Head: -1}, owned, Possessive))
		case "nmod":
			h := s.head(n)
			c := s.child(n, "case")
			if h < 0 || c < 0 || !isNoun(s, h) || !isNoun(s, n) || !nominalPreps[s.lower(c)] || c > n || h > n {
				continue
			}
			subj := s.phrase(h, func(k int) bool {
				return k == n || (s.rel(k) == "case" && s.head(k) == h) || s.tok(k).Rel == "acl:relcl" || s.rel(k) == "appos" || s.rel(k) == "acl" || s.rel(k) == "conj" || s.rel(k) == "cc"
			})
			obj := s.phrase(n, func(k int) bool {
				return k == c || s.tok(k).Rel == "acl:relcl" || s.rel(k) == "appos" || s.rel(k) == "acl"
			})
			rel := Phrase{Head: c, Tokens: append([]int{c}, s.fixedOf(c)...)}
			out = append(out, s.nominal(n, subj, "be", rel, obj, Prepositional))
		}
	}
	return out
}

func (s *sentence) nominal(n int, subj Phrase, implicit string, rel, obj Phrase, kind Kind) Extraction {
	e := Extraction{Subject: subj, Implicit: implicit, Relation: rel, Args: []Arg{{Role: Complement, Phrase: obj}}, Clause: SVC, Kind: kind}
	if kind == Possessive {
		e.Args[0].Role = Object
		e.Clause = SVO
	}
	e.Attribution = s.context(n).attrib
	e.feats = s.featuresOf(n, n, &e, false)
	return e
}

// nominalPreps are the prepositions whose noun modifiers state a relation.
var nominalPreps = set("in", "at", "from", "for", "on", "near", "with", "by", "inside", "outside", "between", "among")

func isNoun(s *sentence, i int) bool {
	switch s.tok(i).UPOS {
	case "NOUN", "PROPN":
		return true
	}
	return false
}
