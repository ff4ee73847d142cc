package ner

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/nlp"
	"github.com/newsgraph/newsgraph/schema"
)

// This file reads the two training and evaluation formats into documents
// whose Entities hold the gold spans in our label set:
//
//   - UNER IOB2 (index, token, tag, -, annotator; some lines have only 3
//     columns). PER → PERSON, ORG → ORG, LOC → GPE or LOC (PlaceLabel).
//     B-O/I-O are mapped to O; OTH spans are kept with the label Other,
//     which is never predicted or scored and counts as O in training
//     (skipping updates on its tokens instead cost 0.5 F1 on dev).
//   - GUM CoNLL-U with CorefUD Entity brackets in MISC. Named mentions
//     (PROPN head, or a Wikipedia identity on a capitalised head) of type
//     person → PERSON, organization → ORG, place → GPE or LOC
//     (PlaceLabel); other types are not named entities in our scheme.
//     Spans are trimmed to the name: leading determiners, lower-case
//     modifiers and (for persons) titles and demonyms go, and the span
//     ends before the first comma, bracket, possessive or lower-case word
//     after the head other than name-internal function words.

// Other labels a gold span of a named thing outside our types (UNER's
// pre-release OTH). It is not scored; training treats it as O.
const Other = "OTHER"

// maxLine is the longest line the readers accept.
const maxLine = 1 << 20

// ReadIOB2 reads a UNER-style IOB2 file into one document per "# newdoc"
// (or one document in all when there is none). Token text is the forms
// joined by single spaces; gold spans are in Entities.
func ReadIOB2(r io.Reader) ([]*nlp.Document, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	var (
		docs  []*nlp.Document
		b     docBuilder
		words []string
		tags  []string
		ln    int
	)
	flushSent := func() error {
		if len(words) == 0 {
			return nil
		}
		spans, err := spansFromBIO(tags)
		if err != nil {
			return fmt.Errorf("line %d: %w", ln, err)
		}
		b.addSentence(words, nil, func(start int) {
			for _, s := range spans {
				lab := s.Label
				switch lab {
				case "PER":
					lab = "PERSON"
				case "ORG":
				case "LOC":
					lab = PlaceLabel(words[s.Start:s.End])
				case "OTH":
					lab = Other
				default:
					continue
				}
				b.doc.Entities = append(b.doc.Entities, nlp.Span{Start: start + s.Start, End: start + s.End, Label: lab})
			}
		})
		words, tags = words[:0], tags[:0]
		return nil
	}
	for sc.Scan() {
		ln++
		line := strings.TrimRight(sc.Text(), "\r")
		switch {
		case strings.HasPrefix(line, "# newdoc"):
			if err := flushSent(); err != nil {
				return nil, err
			}
			if d := b.finish(); d != nil {
				docs = append(docs, d)
			}
			b.start(strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(line, "# newdoc"), " id =")))
		case strings.HasPrefix(line, "#"):
		case strings.TrimSpace(line) == "":
			if err := flushSent(); err != nil {
				return nil, err
			}
		default:
			f := strings.Split(line, "\t")
			if len(f) < 3 {
				return nil, fmt.Errorf("line %d: want at least 3 tab-separated columns, got %d", ln, len(f))
			}
			if f[1] == "" {
				return nil, fmt.Errorf("line %d: empty token", ln)
			}
			tag := f[2]
			if tag == "B-O" || tag == "I-O" {
				tag = "O"
			}
			words = append(words, f[1])
			tags = append(tags, tag)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", ln, err)
	}
	if err := flushSent(); err != nil {
		return nil, err
	}
	if d := b.finish(); d != nil {
		docs = append(docs, d)
	}
	return docs, nil
}

// spansFromBIO turns IOB2 tags into spans (an I- without a matching
// opener starts a new span, as conlleval does).
func spansFromBIO(tags []string) ([]nlp.Span, error) {
	var spans []nlp.Span
	cur := -1
	for i, t := range tags {
		if t == "O" {
			cur = -1
			continue
		}
		if len(t) < 3 || (t[0] != 'B' && t[0] != 'I') || t[1] != '-' {
			return nil, fmt.Errorf("bad IOB2 tag %q", t)
		}
		lab := t[2:]
		if t[0] == 'I' && cur >= 0 && spans[cur].Label == lab {
			spans[cur].End = i + 1
			continue
		}
		spans = append(spans, nlp.Span{Start: i, End: i + 1, Label: lab})
		cur = len(spans) - 1
	}
	return spans, nil
}

// docBuilder accumulates sentences into a document with a synthetic text.
type docBuilder struct {
	doc *nlp.Document
	sb  strings.Builder
}

func (b *docBuilder) start(id string) {
	b.doc = &nlp.Document{ID: id, Layers: nlp.Tokens | nlp.Sentences | nlp.Entities}
	b.sb.Reset()
}

// addSentence appends words; spaceAfter (nil: always) says where a space
// follows. Then add is called with the index of the first token.
func (b *docBuilder) addSentence(words []string, spaceAfter []bool, add func(start int)) {
	if b.doc == nil {
		b.start("doc")
	}
	d := b.doc
	first := len(d.Tokens)
	if b.sb.Len() > 0 {
		b.sb.WriteByte('\n')
	}
	for i, w := range words {
		sa := spaceAfter == nil || spaceAfter[i]
		st := b.sb.Len()
		b.sb.WriteString(w)
		d.Tokens = append(d.Tokens, nlp.Token{Start: st, End: b.sb.Len(), Form: w, SpaceAfter: sa, Head: -1})
		if sa && i+1 < len(words) {
			b.sb.WriteByte(' ')
		}
	}
	d.Sentences = append(d.Sentences, nlp.Sentence{Start: first, End: len(d.Tokens)})
	add(first)
}

func (b *docBuilder) finish() *nlp.Document {
	d := b.doc
	b.doc = nil
	if d == nil || len(d.Tokens) == 0 {
		return nil
	}
	d.Text = b.sb.String()
	return d
}

// NonCommercialGUM lists the GUM genres whose texts are licensed for
// non-commercial use only; they are left out of every model we ship.
var NonCommercialGUM = []string{"essay", "fiction", "letter", "podcast", "whow"}

// GUMGenre returns the genre of a GUM document id ("GUM_news_iodine" →
// "news").
func GUMGenre(id string) string {
	f := strings.Split(id, "_")
	if len(f) < 3 {
		return ""
	}
	return f[1]
}

// gumWord is one word line of a GUM sentence.
type gumWord struct {
	form, upos string
	head       int // sentence-relative, 0 = root, 1-based
	spaceAfter bool
	misc       string
}

// ReadGUM reads GUM-style CoNLL-U into one document per "# newdoc",
// deriving named-entity spans from the MISC Entity brackets as described
// above. Documents whose genre is in skip are left out.
func ReadGUM(r io.Reader, skip []string) ([]*nlp.Document, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	var (
		docs     []*nlp.Document
		b        docBuilder
		sent     []gumWord
		ln       int
		skipping bool
		open     = map[string][]openMention{} // entity id -> stack of openings (doc-wide)
		pending  []mention                    // finished mentions of the current document
		order    int                          // opening counter
	)
	mwtSpace := map[int]bool{} // word index (1-based) of the last word of an MWT -> its SpaceAfter
	flushSent := func() error {
		if len(sent) == 0 {
			return nil
		}
		defer func() { sent = sent[:0]; clear(mwtSpace) }()
		if skipping {
			return nil
		}
		words := make([]string, len(sent))
		space := make([]bool, len(sent))
		for i, w := range sent {
			words[i], space[i] = w.form, w.spaceAfter
		}
		var err error
		b.addSentence(words, space, func(start int) {
			for i, w := range sent {
				if e := parseEntity(w.misc); e != "" {
					var ms []mention
					ms, err = scanBrackets(e, start+i, open, &order)
					if err != nil {
						err = fmt.Errorf("line %d: %w", ln, err)
						return
					}
					pending = append(pending, ms...)
				}
			}
			for i, w := range sent {
				t := &b.doc.Tokens[start+i]
				t.UPOS = w.upos
				if w.head > 0 {
					t.Head = start + w.head - 1
				} else {
					t.Head = -1
				}
			}
		})
		return err
	}
	finishDoc := func() {
		d := b.finish()
		if d != nil {
			d.Entities = gumSpans(d, pending)
			d.Layers |= nlp.Tags | nlp.Deps
			docs = append(docs, d)
		}
		pending = pending[:0]
		clear(open)
	}
	for sc.Scan() {
		ln++
		line := strings.TrimRight(sc.Text(), "\r")
		switch {
		case strings.HasPrefix(line, "# newdoc"):
			if err := flushSent(); err != nil {
				return nil, err
			}
			finishDoc()
			id := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(line, "# newdoc"), " id ="))
			skipping = false
			for _, g := range skip {
				if GUMGenre(id) == g {
					skipping = true
				}
			}
			b.start(id)
		case strings.HasPrefix(line, "#"):
		case strings.TrimSpace(line) == "":
			if err := flushSent(); err != nil {
				return nil, err
			}
		default:
			f := strings.Split(line, "\t")
			if len(f) != 10 {
				return nil, fmt.Errorf("line %d: want 10 columns, got %d", ln, len(f))
			}
			if strings.Contains(f[0], ".") {
				continue // empty node
			}
			if i := strings.IndexByte(f[0], '-'); i > 0 {
				last, err := strconv.Atoi(f[0][i+1:])
				if err != nil {
					return nil, fmt.Errorf("line %d: bad range %q", ln, f[0])
				}
				mwtSpace[last] = !strings.Contains(f[9], "SpaceAfter=No")
				continue
			}
			id, err := strconv.Atoi(f[0])
			if err != nil {
				return nil, fmt.Errorf("line %d: bad id %q", ln, f[0])
			}
			head, err := strconv.Atoi(f[6])
			if err != nil {
				return nil, fmt.Errorf("line %d: bad head %q", ln, f[6])
			}
			sa := !strings.Contains(f[9], "SpaceAfter=No")
			if v, ok := mwtSpace[id]; ok {
				sa = v
			}
			sent = append(sent, gumWord{form: f[1], upos: f[3], head: head, spaceAfter: sa, misc: f[9]})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", ln, err)
	}
	if err := flushSent(); err != nil {
		return nil, err
	}
	finishDoc()
	return docs, nil
}

func parseEntity(misc string) string {
	for _, kv := range strings.Split(misc, "|") {
		if v, ok := strings.CutPrefix(kv, "Entity="); ok {
			return v
		}
	}
	return ""
}

type openMention struct {
	start    int
	etype    string
	identity string
	order    int
}

type mention struct {
	start, end int // token range [start, end)
	etype      string
	identity   string
	order      int // opening order, outer mentions first
}

// scanBrackets reads "(12-person-new-...-Identity(13-place-...)12)" at
// token i, opening and closing mentions.
func scanBrackets(s string, i int, open map[string][]openMention, order *int) ([]mention, error) {
	var done []mention
	for len(s) > 0 {
		switch {
		case s[0] == '(':
			j := strings.IndexAny(s[1:], "()")
			body := s[1:]
			if j >= 0 {
				body = s[1 : 1+j]
			}
			f := strings.SplitN(body, "-", 8)
			if len(f) < 2 {
				return nil, fmt.Errorf("bad Entity bracket %q", body)
			}
			om := openMention{start: i, etype: f[1], order: *order}
			*order++
			if len(f) == 8 {
				if id, err := url.PathUnescape(f[7]); err == nil {
					om.identity = id
				} else {
					om.identity = f[7]
				}
			}
			closed := j >= 0 && s[1+j] == ')'
			if closed {
				done = append(done, mention{start: i, end: i + 1, etype: om.etype, identity: om.identity, order: om.order})
				s = s[2+j:]
			} else {
				open[f[0]] = append(open[f[0]], om)
				if j < 0 {
					s = ""
				} else {
					s = s[1+j:]
				}
			}
		default:
			j := strings.IndexByte(s, ')')
			if j < 0 {
				return nil, fmt.Errorf("bad Entity value %q", s)
			}
			id := s[:j]
			st := open[id]
			if len(st) == 0 {
				return nil, fmt.Errorf("Entity %q closed but not open", id)
			}
			om := st[len(st)-1]
			open[id] = st[:len(st)-1]
			done = append(done, mention{start: om.start, end: i + 1, etype: om.etype, identity: om.identity, order: om.order})
			s = s[j+1:]
		}
	}
	return done, nil
}

// gumSpans turns GUM mentions into flat, non-overlapping named-entity
// spans.
func gumSpans(d *nlp.Document, ms []mention) []nlp.Span {
	type cand struct {
		nlp.Span
		order int
	}
	var cs []cand
	for _, m := range ms {
		var lab string
		switch m.etype {
		case "person":
			lab = "PERSON"
		case "organization":
			lab = "ORG"
		case "place":
			lab = "GPE"
		default:
			continue
		}
		s, e, ok := trimMention(d, m.start, m.end, lab == "PERSON", m.identity != "")
		if !ok {
			continue
		}
		if lab == "GPE" {
			lab = PlaceLabel(forms(d, s, e))
		}
		cs = append(cs, cand{nlp.Span{Start: s, End: e, Label: lab}, m.order})
	}
	// Outer (longer) spans win; among equal spans the earlier opening.
	sort.SliceStable(cs, func(i, j int) bool {
		li, lj := cs[i].End-cs[i].Start, cs[j].End-cs[j].Start
		if li != lj {
			return li > lj
		}
		return cs[i].order < cs[j].order
	})
	taken := make([]bool, len(d.Tokens))
	var out []nlp.Span
	for _, c := range cs {
		free := true
		for k := c.Start; k < c.End; k++ {
			if taken[k] {
				free = false
				break
			}
		}
		if !free {
			continue
		}
		for k := c.Start; k < c.End; k++ {
			taken[k] = true
		}
		out = append(out, c.Span)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

func forms(d *nlp.Document, s, e int) []string {
	out := make([]string, 0, e-s)
	for i := s; i < e; i++ {
		out = append(out, d.Tokens[i].Form)
	}
	return out
}

// nameInternal are lower-case words that may appear inside a name
// ("Bank of England", "Ludwig van Beethoven").
var nameInternal = map[string]bool{
	"of": true, "for": true, "and": true, "&": true, "the": true, "de": true, "du": true, "des": true,
	"la": true, "le": true, "van": true, "von": true, "der": true, "den": true, "da": true, "di": true,
	"del": true, "on": true, "in": true, "y": true, "bin": true, "al": true, "ibn": true, "-": true, ".": true,
}

// trimMention cuts a GUM mention down to the name inside it, or reports
// false when the mention is not a named one.
func trimMention(d *nlp.Document, start, end int, person, wiki bool) (int, int, bool) {
	// head: the token whose head lies outside the mention
	head := -1
	for i := start; i < end; i++ {
		h := d.Tokens[i].Head
		if h < start || h >= end {
			head = i
			break
		}
	}
	if head < 0 {
		return 0, 0, false
	}
	ht := d.Tokens[head]
	named := ht.UPOS == "PROPN" || (wiki && isCap(ht.Form) && ht.UPOS != "PRON")
	if !named {
		return 0, 0, false
	}
	// left edge: skip lower-case words, titles and (for persons) demonyms
	s := start
	for s < head {
		f := d.Tokens[s].Form
		switch {
		case !isCap(f) && !isDigit(f):
		case person && (IsTitle(f) || isHonorific(f)):
		case person && isDemonym(f):
		case d.Tokens[s].UPOS == "DET" || d.Tokens[s].UPOS == "PRON" || d.Tokens[s].UPOS == "PUNCT":
		default:
			goto right
		}
		s++
	}
right:
	// a person's name starts after the last title before the head: "US
	// President Ana Lopez", "Vice President Lopez"
	if person {
		for k := head - 1; k >= s; k-- {
			if f := d.Tokens[k].Form; IsTitle(f) || isHonorific(f) {
				s = k + 1
				break
			}
		}
	}
	e := head + 1
	for e < end {
		f := d.Tokens[e].Form
		if f == "'s" || f == "’s" || f == "'" || f == "’" || f == "," || f == "(" || f == "[" || f == ";" || f == ":" {
			break
		}
		if person && !schema.IsNameParticle(f) && !isCap(f) {
			break // "Ana Lopez and I", "Muslims in the United States"
		}
		if !isCap(f) && !isDigit(f) && !nameInternal[strings.ToLower(f)] {
			break
		}
		e++
	}
	// no dangling function words at the end
	for e > head+1 && nameInternal[strings.ToLower(d.Tokens[e-1].Form)] && !isCap(d.Tokens[e-1].Form) {
		e--
	}
	for e > head+1 && (d.Tokens[e-1].Form == "-" || d.Tokens[e-1].Form == ".") {
		e--
	}
	// a title may be the syntactic head: "President Ana Lopez"
	for person && s < e-1 && (IsTitle(d.Tokens[s].Form) || isHonorific(d.Tokens[s].Form)) {
		s++
	}
	return s, e, s < e
}

func isDemonym(f string) bool {
	_, ok := gazetteer.Demonym(f)
	return ok
}

// geoWords mark a place name as a natural or man-made location (LOC)
// rather than a political entity (GPE).
var geoWords = map[string]bool{
	"river": true, "lake": true, "mountain": true, "mountains": true, "mount": true, "mt.": true, "mt": true,
	"ocean": true, "sea": true, "bay": true, "gulf": true, "island": true, "islands": true, "isle": true,
	"valley": true, "desert": true, "forest": true, "park": true, "street": true, "st.": true, "avenue": true,
	"ave": true, "ave.": true, "road": true, "rd": true, "rd.": true, "square": true, "bridge": true,
	"beach": true, "coast": true, "peninsula": true, "canal": true, "strait": true, "straits": true,
	"channel": true, "hill": true, "hills": true, "airport": true, "station": true, "falls": true,
	"creek": true, "canyon": true, "highway": true, "boulevard": true, "blvd": true, "lane": true,
	"plaza": true, "trail": true, "range": true, "glacier": true, "cape": true, "basin": true,
	"region": true, "coastline": true, "reef": true, "harbour": true, "harbor": true, "pass": true,
}

// continents and world regions are LOC, not GPE.
var continents = map[string]bool{
	"europe": true, "asia": true, "africa": true, "antarctica": true, "oceania": true, "north america": true,
	"south america": true, "latin america": true, "central america": true, "middle east": true,
	"the middle east": true, "eurasia": true, "scandinavia": true, "the balkans": true, "balkans": true,
	"caribbean": true, "the caribbean": true, "arctic": true, "the arctic": true, "siberia": true,
	"east asia": true, "southeast asia": true, "south asia": true, "central asia": true, "western europe": true,
	"eastern europe": true, "north africa": true, "west africa": true, "east africa": true, "sub-saharan africa": true,
	"the west": true, "west": true, "mediterranean": true, "the mediterranean": true, "pacific": true, "atlantic": true,
}

// PlaceLabel decides whether a place name is a GPE (a country,
// subdivision or city: in the gazetteer, or any place name without a
// geographic feature word) or a LOC (continents, world regions, and names
// with a feature word such as River, Mount, Sea, Street).
func PlaceLabel(words []string) string {
	name := strings.Join(words, " ")
	if _, ok := gazetteer.LookupPlace(name); ok {
		return "GPE"
	}
	if continents[strings.ToLower(name)] {
		return "LOC"
	}
	for _, w := range words {
		if geoWords[strings.ToLower(w)] {
			return "LOC"
		}
	}
	return "GPE"
}
