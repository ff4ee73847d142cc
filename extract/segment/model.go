package segment

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

// FeatureVersion names the feature set; a model trained with another
// feature set is refused on load.
const FeatureVersion = "segfeat/1"

// Meta describes a trained boundary model. It is stored as the first line
// of the model file (JSON) and checked on load.
type Meta struct {
	Name           string            `json:"name"`
	Version        int               `json:"version"`
	FeatureVersion string            `json:"feature_version"`
	TrainingData   map[string]string `json:"training_data"` // file -> sha256
	Exclude        string            `json:"exclude,omitempty"`
	Iterations     int               `json:"iterations"`
	Seed           int64             `json:"seed"`
	Features       int               `json:"features"`
	Dev            map[string]string `json:"dev"` // file -> score summary
	WeightsSHA256  string            `json:"weights_sha256"`
}

// Model is an averaged-perceptron classifier over sentence-boundary
// candidates: hashed features, one weight each. It is read-only once
// built and safe for concurrent use.
type Model struct {
	Meta    Meta
	keys    []uint64 // sorted feature hashes
	weights []float32
	slots   []int32 // open-addressing index into keys, -1 when empty
	mask    uint64
}

// index builds the hash table used by weight.
func (m *Model) index() {
	size := 16
	for size < 2*len(m.keys) {
		size *= 2
	}
	m.slots = make([]int32, size)
	for i := range m.slots {
		m.slots[i] = -1
	}
	m.mask = uint64(size - 1)
	for i, k := range m.keys {
		j := k & m.mask
		for m.slots[j] >= 0 {
			j = (j + 1) & m.mask
		}
		m.slots[j] = int32(i)
	}
}

// weight returns the weight of feature h, 0 when absent.
func (m *Model) weight(h uint64) float32 {
	if m.slots == nil {
		return 0
	}
	for j := h & m.mask; ; j = (j + 1) & m.mask {
		i := m.slots[j]
		if i < 0 {
			return 0
		}
		if m.keys[i] == h {
			return m.weights[i]
		}
	}
}

// score sums the weights of feats.
func (m *Model) score(feats []uint64) float32 {
	var s float32
	for _, f := range feats {
		s += m.weight(f)
	}
	return s
}

// Encode writes the model: one JSON line of Meta (with the features count
// and the weights checksum filled in), then the sorted table of 8-byte
// feature hashes and 4-byte float32 weights, little-endian. The same model
// always gives the same bytes.
func (m *Model) Encode() ([]byte, error) {
	var table bytes.Buffer
	var b [12]byte
	for i, k := range m.keys {
		binary.LittleEndian.PutUint64(b[:8], k)
		binary.LittleEndian.PutUint32(b[8:], math.Float32bits(m.weights[i]))
		table.Write(b[:])
	}
	sum := sha256.Sum256(table.Bytes())
	m.Meta.WeightsSHA256 = hex.EncodeToString(sum[:])
	m.Meta.Features = len(m.keys)
	meta, err := json.Marshal(m.Meta)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.Write(meta)
	out.WriteByte('\n')
	out.Write(table.Bytes())
	return out.Bytes(), nil
}

// Decode reads a model written by Encode and checks its meta record: the
// feature set version, the number of features and the weights checksum.
func Decode(data []byte) (*Model, error) {
	nl := bytes.IndexByte(data, '\n')
	if nl < 0 {
		return nil, errors.New("segment: model has no meta line")
	}
	var m Model
	if err := json.Unmarshal(data[:nl], &m.Meta); err != nil {
		return nil, fmt.Errorf("segment: model meta: %w", err)
	}
	if m.Meta.FeatureVersion != FeatureVersion {
		return nil, fmt.Errorf("segment: model uses features %q, this code computes %q", m.Meta.FeatureVersion, FeatureVersion)
	}
	table := data[nl+1:]
	if len(table)%12 != 0 || len(table)/12 != m.Meta.Features {
		return nil, fmt.Errorf("segment: model table has %d bytes, want %d features of 12", len(table), m.Meta.Features)
	}
	sum := sha256.Sum256(table)
	if got := hex.EncodeToString(sum[:]); got != m.Meta.WeightsSHA256 {
		return nil, fmt.Errorf("segment: model weights checksum %s, meta says %s", got, m.Meta.WeightsSHA256)
	}
	n := len(table) / 12
	m.keys = make([]uint64, n)
	m.weights = make([]float32, n)
	for i := 0; i < n; i++ {
		m.keys[i] = binary.LittleEndian.Uint64(table[12*i:])
		m.weights[i] = math.Float32frombits(binary.LittleEndian.Uint32(table[12*i+8:]))
		if i > 0 && m.keys[i] <= m.keys[i-1] {
			return nil, fmt.Errorf("segment: model features not sorted at %d", i)
		}
	}
	m.index()
	return &m, nil
}

// candidate reports whether a sentence may end after token i: the token is
// punctuation or ends in a period, or the next token starts with a
// capital, a digit or an opening quote or bracket. Elsewhere the model is
// not asked. Line breaks are left to the rules (the treebanks have line
// breaks only between paragraphs, so a model cannot learn wrapped lines).
func candidate(text string, toks []nlp.Token, i int) bool {
	cur, next := toks[i].Form, toks[i+1].Form
	r, _ := utf8.DecodeRuneInString(cur)
	if !isWordRune(r) || strings.HasSuffix(cur, ".") {
		return true
	}
	return startsUpper(next) || isOpener(next) || !isWordRune(firstRune(next))
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func firstRune(w string) rune {
	r, _ := utf8.DecodeRuneInString(w)
	return r
}

// Feature templates. Each feature is the FNV-1a hash of its template
// number and its values.
const (
	fBias = iota
	fRule
	fGap
	fCur
	fNext
	fPrev
	fCurShape
	fNextShape
	fCurNextShape
	fCurGap
	fRuleGap
	fShapesGap
	fNextNext2Shape
	fPrevShapeCur
	fCurNext
	fLenBucket
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

type hasher uint64

func newHash(template int) hasher {
	h := hasher(fnvOffset)
	return h.byte(byte(template))
}

func (h hasher) byte(c byte) hasher { return (h ^ hasher(c)) * fnvPrime }

func (h hasher) str(s string) hasher {
	for i := 0; i < len(s); i++ {
		h = h.byte(s[i])
	}
	return h.byte(0xff) // separator
}

// lowerKey returns w lowercased (ASCII) into buf, or its shape when long.
func lowerKey(buf []byte, w string) []byte {
	buf = buf[:0]
	if len(w) > 24 {
		return shape(buf, w)
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// shape maps letters to X or x, digits to d, keeps other characters, and
// collapses runs: "U.S." -> "X.X.", "Tuesday" -> "Xx", "4.25" -> "d.d".
func shape(buf []byte, w string) []byte {
	buf = buf[:0]
	var last byte
	n := 0
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last && (c == 'X' || c == 'x' || c == 'd') {
			continue
		}
		buf = append(buf, c)
		last = c
		if n++; n >= 8 {
			break
		}
	}
	return buf
}

func gapClass(g string) string {
	switch nl := strings.Count(g, "\n"); {
	case nl >= 2:
		return "P"
	case nl == 1:
		return "N"
	case g == "":
		return "0"
	}
	return "S"
}

func (h hasher) bs(b []byte) hasher {
	for _, c := range b {
		h = h.byte(c)
	}
	return h.byte(0xff)
}

// featurizer computes the features of boundary candidates; its buffers
// are reused from call to call.
type featurizer struct {
	curL, nextL, curS, nextS, prevL, prevS, next2S []byte
	out                                            []uint64
}

// features returns the hashed features of a boundary after token i
// (i+1 < len(toks)); since is the number of tokens since the last
// boundary. The slice is reused by the next call.
func (z *featurizer) features(text string, toks []nlp.Token, i, since int) []uint64 {
	cur, next := toks[i].Form, toks[i+1].Form
	prev, next2 := "<s>", "</s>"
	if i > 0 {
		prev = toks[i-1].Form
	}
	if i+2 < len(toks) {
		next2 = toks[i+2].Form
	}
	rule := "0"
	if boundary(text, toks, i) {
		rule = "1"
	}
	g := gapClass(gap(text, toks, i))
	z.curL = lowerKey(z.curL, cur)
	z.nextL = lowerKey(z.nextL, next)
	z.curS = shape(z.curS, cur)
	z.nextS = shape(z.nextS, next)
	z.prevL = lowerKey(z.prevL, prev)
	z.prevS = shape(z.prevS, prev)
	z.next2S = shape(z.next2S, next2)
	bucket := "long"
	switch {
	case since < 3:
		bucket = "1-2"
	case since < 6:
		bucket = "3-5"
	case since < 12:
		bucket = "6-11"
	}
	z.out = append(z.out[:0],
		uint64(newHash(fBias)),
		uint64(newHash(fRule).str(rule)),
		uint64(newHash(fGap).str(g)),
		uint64(newHash(fCur).bs(z.curL)),
		uint64(newHash(fNext).bs(z.nextL)),
		uint64(newHash(fPrev).bs(z.prevL)),
		uint64(newHash(fCurShape).bs(z.curS)),
		uint64(newHash(fNextShape).bs(z.nextS)),
		uint64(newHash(fCurNextShape).bs(z.curL).bs(z.nextS)),
		uint64(newHash(fCurGap).bs(z.curL).str(g)),
		uint64(newHash(fRuleGap).str(rule).str(g)),
		uint64(newHash(fShapesGap).bs(z.curS).bs(z.nextS).str(g)),
		uint64(newHash(fNextNext2Shape).bs(z.nextL).bs(z.next2S)),
		uint64(newHash(fPrevShapeCur).bs(z.prevS).bs(z.curL)),
		uint64(newHash(fCurNext).bs(z.curL).bs(z.nextL)),
		uint64(newHash(fLenBucket).str(bucket).bs(z.curS)),
	)
	return z.out
}
