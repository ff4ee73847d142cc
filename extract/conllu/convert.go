package conllu

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

// ToDocument builds an nlp.Document from sentences: the text is rebuilt
// from the surface tokens (a space after each unless SpaceAfter=No, a
// newline before each "# newpar" sentence), and every column is copied into
// the tokens, with heads turned into document indices. The document has the
// Tokens, Sentences, Tags, Lemmas and Deps layers.
func ToDocument(id string, sents []*Sentence) *nlp.Document {
	var b strings.Builder
	doc := nlp.New(id, "")
	for si, s := range sents {
		if si > 0 {
			if s.HasComment("newpar") || s.HasComment("newpar id") {
				trimTrailingSpace(&b)
				b.WriteString("\n")
			} else if !endsWithSpace(&b) {
				b.WriteString(" ")
			}
		}
		base := len(doc.Tokens)
		mw := 0 // index into s.MultiWords
		for wi := 0; wi < len(s.Words); {
			w := s.Words[wi]
			if mw < len(s.MultiWords) && s.MultiWords[mw].First == w.ID {
				m := s.MultiWords[mw]
				mw++
				start := b.Len()
				b.WriteString(m.Form)
				end := b.Len()
				words := s.Words[m.First-1 : m.Last]
				placeWords(doc, words, m.Form, start, end)
				doc.Tokens[len(doc.Tokens)-len(words)].MWT = len(words)
				space := MiscValue(m.Misc, "SpaceAfter") != "No"
				doc.Tokens[len(doc.Tokens)-1].SpaceAfter = space
				if space {
					b.WriteString(" ")
				}
				wi = m.Last
				continue
			}
			start := b.Len()
			b.WriteString(w.Form)
			space := MiscValue(w.Misc, "SpaceAfter") != "No"
			doc.Tokens = append(doc.Tokens, token(w, start, b.Len(), space))
			if space {
				b.WriteString(" ")
			}
			wi++
		}
		for i := base; i < len(doc.Tokens); i++ {
			h := s.Words[i-base].Head
			switch {
			case h == 0:
				doc.Tokens[i].Head = -1
			case h > 0:
				doc.Tokens[i].Head = base + h - 1
			default:
				doc.Tokens[i].Head = -1
			}
		}
		doc.Sentences = append(doc.Sentences, nlp.Sentence{Start: base, End: len(doc.Tokens)})
	}
	doc.Text = strings.TrimRight(b.String(), " ")
	for i := range doc.Tokens {
		if doc.Tokens[i].End > len(doc.Text) { // cannot happen: only spaces were trimmed
			doc.Tokens[i].End = len(doc.Text)
		}
	}
	doc.Layers = nlp.Tokens | nlp.Sentences | nlp.Tags | nlp.Lemmas | nlp.Deps
	return doc
}

// placeWords gives each word of a multiword token its own slice of the
// surface form when the words spell it out in order (do + n't in don't,
// ignoring case), else the whole surface span.
func placeWords(doc *nlp.Document, words []Word, form string, start, end int) {
	pos := 0
	ok := true
	spans := make([][2]int, len(words))
	for i, w := range words {
		if pos+len(w.Form) <= len(form) && strings.EqualFold(form[pos:pos+len(w.Form)], w.Form) {
			spans[i] = [2]int{start + pos, start + pos + len(w.Form)}
			pos += len(w.Form)
		} else {
			ok = false
			break
		}
	}
	if !ok || pos != len(form) {
		for i := range spans {
			spans[i] = [2]int{start, end}
		}
	}
	for i, w := range words {
		doc.Tokens = append(doc.Tokens, token(w, spans[i][0], spans[i][1], false))
	}
}

func token(w Word, start, end int, space bool) nlp.Token {
	return nlp.Token{
		Start: start, End: end, Form: w.Form, SpaceAfter: space,
		UPOS: blank(w.UPOS), XPOS: blank(w.XPOS), Feats: blank(w.Feats), Lemma: blank(w.Lemma),
		Rel: blank(w.Rel),
	}
}

func blank(s string) string {
	if s == "_" {
		return ""
	}
	return s
}

func endsWithSpace(b *strings.Builder) bool {
	s := b.String()
	return len(s) == 0 || s[len(s)-1] == ' ' || s[len(s)-1] == '\n'
}

func trimTrailingSpace(b *strings.Builder) {
	s := strings.TrimRight(b.String(), " ")
	b.Reset()
	b.WriteString(s)
}

// Write prints doc as CoNLL-U: for each sentence a sent_id and text
// comment, multiword-token lines where Token.MWT is set, and one line per
// word with the layers the document has ("_" for the others). Named
// entities go into MISC as NE=B-LABEL and NE=I-LABEL.
func Write(w io.Writer, doc *nlp.Document) error {
	bw := bufio.NewWriter(w)
	ne := make([]string, len(doc.Tokens))
	for _, e := range doc.Entities {
		for i := e.Start; i < e.End && i < len(ne); i++ {
			if i == e.Start {
				ne[i] = "NE=B-" + e.Label
			} else {
				ne[i] = "NE=I-" + e.Label
			}
		}
	}
	if doc.ID != "" {
		fmt.Fprintf(bw, "# newdoc id = %s\n", oneLine(doc.ID))
	}
	for si, s := range doc.Sentences {
		if s.Len() == 0 {
			continue
		}
		if si > 0 && strings.Contains(doc.Text[doc.Tokens[s.Start-1].End:doc.Tokens[s.Start].Start], "\n") {
			bw.WriteString("# newpar\n")
		}
		fmt.Fprintf(bw, "# sent_id = %s\n", sentID(doc.ID, si))
		fmt.Fprintf(bw, "# text = %s\n", oneLine(doc.SpanText(s.Start, s.End)))
		for i := s.Start; i < s.End; i++ {
			t := doc.Tokens[i]
			id := i - s.Start + 1
			if t.MWT > 1 && i+t.MWT <= s.End {
				last := doc.Tokens[i+t.MWT-1]
				misc := "_"
				if !last.SpaceAfter && i+t.MWT < len(doc.Tokens) {
					misc = "SpaceAfter=No"
				}
				fmt.Fprintf(bw, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", id, id+t.MWT-1, field(doc.Text[t.Start:last.End]), misc)
			}
			head := "_"
			rel := "_"
			if doc.Layers.Has(nlp.Deps) {
				head = "0"
				if t.Head >= 0 {
					head = strconv.Itoa(t.Head - s.Start + 1)
				}
				rel = field(t.Rel)
			}
			var misc []string
			if ne[i] != "" {
				misc = append(misc, ne[i])
			}
			if !t.SpaceAfter && !inMWT(doc, i, s) && i+1 < len(doc.Tokens) {
				misc = append(misc, "SpaceAfter=No")
			}
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t_\t%s\n", id, field(t.Form), field(t.Lemma),
				field(t.UPOS), field(t.XPOS), field(t.Feats), head, rel, field(strings.Join(misc, "|")))
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}

// inMWT reports whether token i is a word of a multiword token in sentence s.
func inMWT(doc *nlp.Document, i int, s nlp.Sentence) bool {
	for j := i; j >= s.Start && j > i-8; j-- {
		if m := doc.Tokens[j].MWT; m > 1 {
			return i < j+m
		}
	}
	return false
}

func sentID(docID string, i int) string {
	if docID == "" {
		return strconv.Itoa(i + 1)
	}
	return oneLine(docID) + "-" + strconv.Itoa(i+1)
}

// field makes a value safe for one CoNLL-U column.
func field(s string) string {
	if s == "" {
		return "_"
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\r':
			return ' '
		}
		return r
	}, s)
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
