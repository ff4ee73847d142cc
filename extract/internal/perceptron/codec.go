package perceptron

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
)

// Meta describes a model: what it is, what it was trained on and how.
type Meta struct {
	Name       string     `json:"name"`        // "tag", "parse"
	Version    int        `json:"version"`     // model version, bumped on retraining with changes
	FeatureSet int        `json:"feature_set"` // version of the feature templates the weights are for
	Data       []DataFile `json:"data"`        // training data
	Iterations int        `json:"iterations"`
	Seed       uint64     `json:"seed"`
	Ensemble   int        `json:"ensemble,omitempty"` // training runs (seeds Seed, Seed+1, ...) whose weights were averaged
	Prune      float64    `json:"prune"`              // weights below this magnitude were dropped
	DevFile    string     `json:"dev_file"`           // file the dev scores were measured on
	DevScores  []Score    `json:"dev_scores"`
	Features   int        `json:"features"`       // features in the table
	Weights    int        `json:"weights"`        // weights in the table
	Checksum   string     `json:"weights_sha256"` // SHA-256 of the payload (classes, sections, weights)
}

// DataFile is one training file and its SHA-256.
type DataFile struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Note   string `json:"note,omitempty"` // e.g. which documents were used
}

// Score is one named dev score.
type Score struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
}

// Section is a named block of stage-specific data stored with the weights
// (a tag dictionary, lemma rules).
type Section struct {
	Name string
	Data []byte
}

// File is a decoded model file.
type File struct {
	Meta     Meta
	Classes  []string
	Sections []Section
	Model    *Model
}

// Section returns the data of the named section, or nil.
func (f *File) Section(name string) []byte {
	for _, s := range f.Sections {
		if s.Name == name {
			return s.Data
		}
	}
	return nil
}

const magic = "NGPM\x01"

// quantSteps is the number of quantisation steps between 0 and the largest
// weight magnitude (16-bit resolution).
const quantSteps = 32767

// Encode serialises f deterministically and fills in f.Meta.Checksum,
// Features and Weights. The weights are quantised to 16-bit resolution.
func Encode(f *File) ([]byte, error) {
	if f.Model == nil {
		return nil, errors.New("perceptron: encode: no model")
	}
	if len(f.Classes) != f.Model.NClasses {
		return nil, fmt.Errorf("perceptron: encode: %d class names for %d classes", len(f.Classes), f.Model.NClasses)
	}
	var p []byte
	p = binary.AppendUvarint(p, uint64(len(f.Classes)))
	for _, c := range f.Classes {
		p = appendString(p, c)
	}
	p = binary.AppendUvarint(p, uint64(len(f.Sections)))
	for _, s := range f.Sections {
		p = appendString(p, s.Name)
		p = appendString(p, string(s.Data))
	}
	m := f.Model
	var maxAbs float64
	for _, e := range m.entries {
		maxAbs = math.Max(maxAbs, math.Abs(float64(e.w)))
	}
	step := float32(maxAbs / quantSteps)
	if step == 0 {
		step = 1
	}
	p = binary.LittleEndian.AppendUint32(p, math.Float32bits(step))
	// Quantise first so that features whose weights all round to zero are dropped.
	type qe struct {
		class uint16
		q     int64
	}
	var rows [][]qe
	var kept []uint64
	m.each(func(k uint64, entries []entry) {
		var row []qe
		for _, e := range entries {
			q := int64(math.Round(float64(e.w) / float64(step)))
			if q != 0 {
				row = append(row, qe{e.class, q})
			}
		}
		if len(row) > 0 {
			rows = append(rows, row)
			kept = append(kept, k)
		}
	})
	p = binary.AppendUvarint(p, uint64(len(kept)))
	var prev uint64
	nw := 0
	for i, k := range kept {
		p = binary.AppendUvarint(p, k-prev)
		prev = k
		p = binary.AppendUvarint(p, uint64(len(rows[i])))
		pc := uint16(0)
		for _, e := range rows[i] {
			p = binary.AppendUvarint(p, uint64(e.class-pc))
			pc = e.class
			p = binary.AppendVarint(p, e.q)
			nw++
		}
	}
	sum := sha256.Sum256(p)
	f.Meta.Checksum = hex.EncodeToString(sum[:])
	f.Meta.Features = len(kept)
	f.Meta.Weights = nw
	meta, err := json.Marshal(f.Meta)
	if err != nil {
		return nil, fmt.Errorf("perceptron: encode meta: %w", err)
	}
	var out bytes.Buffer
	out.WriteString(magic)
	out.Write(binary.AppendUvarint(nil, uint64(len(meta))))
	out.Write(meta)
	out.Write(binary.AppendUvarint(nil, uint64(len(p))))
	out.Write(p)
	return out.Bytes(), nil
}

func appendString(p []byte, s string) []byte {
	p = binary.AppendUvarint(p, uint64(len(s)))
	return append(p, s...)
}

// decoder reads the varint stream, remembering the first error.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errors.New("truncated or bad varint")
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.err = errors.New("truncated or bad varint")
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) bytes(n uint64) []byte {
	if d.err != nil {
		return nil
	}
	if n > uint64(len(d.b)) {
		d.err = fmt.Errorf("truncated: want %d bytes, have %d", n, len(d.b))
		return nil
	}
	v := d.b[:n:n]
	d.b = d.b[n:]
	return v
}

func (d *decoder) string() string { return string(d.bytes(d.uvarint())) }

// Decode parses a model file and checks its payload checksum.
func Decode(b []byte) (*File, error) {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return nil, errors.New("perceptron: not a model file (bad magic); run `make models`")
	}
	d := &decoder{b: b[len(magic):]}
	meta := d.bytes(d.uvarint())
	payload := d.bytes(d.uvarint())
	if d.err != nil {
		return nil, fmt.Errorf("perceptron: decode: %w", d.err)
	}
	f := &File{}
	if err := json.Unmarshal(meta, &f.Meta); err != nil {
		return nil, fmt.Errorf("perceptron: decode meta: %w", err)
	}
	sum := sha256.Sum256(payload)
	if got := hex.EncodeToString(sum[:]); got != f.Meta.Checksum {
		return nil, fmt.Errorf("perceptron: model %q: weights checksum %s does not match meta %s", f.Meta.Name, got, f.Meta.Checksum)
	}
	d = &decoder{b: payload}
	nc := d.uvarint()
	if nc > 1<<16 {
		return nil, fmt.Errorf("perceptron: decode: %d classes", nc)
	}
	for i := uint64(0); i < nc && d.err == nil; i++ {
		f.Classes = append(f.Classes, d.string())
	}
	ns := d.uvarint()
	for i := uint64(0); i < ns && d.err == nil; i++ {
		name := d.string()
		f.Sections = append(f.Sections, Section{Name: name, Data: d.bytes(d.uvarint())})
	}
	step := math.Float32frombits(binary.LittleEndian.Uint32(d.bytes(4)))
	if d.err != nil {
		return nil, fmt.Errorf("perceptron: decode: %w", d.err)
	}
	nf := d.uvarint()
	if nf > uint64(len(d.b)) {
		return nil, fmt.Errorf("perceptron: decode: %d features in %d bytes", nf, len(d.b))
	}
	// The weights of a decoded model live as long as the process, on huge
	// pages (huge_linux.go): parsing spends most of its time on random
	// lookups in them, and huge pages made BenchmarkParse 20-30% faster.
	m := &Model{NClasses: int(nc), step: step, index: newTable(int(nf), true), entries: HugeSlice[entry](min(f.Meta.Weights, len(d.b)))[:0]}
	var key, prevKey uint64
	for i := uint64(0); i < nf && d.err == nil; i++ {
		key += d.uvarint()
		n := d.uvarint()
		if n > nc {
			return nil, fmt.Errorf("perceptron: decode: row of %d weights for %d classes", n, nc)
		}
		off := len(m.entries)
		c := uint64(0)
		var cs [2]uint64
		var qs [2]int64
		for j := uint64(0); j < n && d.err == nil; j++ {
			c += d.uvarint()
			q := d.varint()
			if c >= nc {
				return nil, fmt.Errorf("perceptron: decode: class %d of %d", c, nc)
			}
			if q < -quantSteps || q > quantSteps {
				return nil, fmt.Errorf("perceptron: decode: weight %d out of range", q)
			}
			if j < 2 {
				cs[j], qs[j] = c, q
			}
			m.entries = append(m.entries, entry{class: uint16(c), w: float32(q) * step})
		}
		if i > 0 && key == prevKey {
			return nil, fmt.Errorf("perceptron: decode: feature %x twice", key)
		}
		prevKey = key
		switch {
		case n == 2 && nc <= 256:
			m.index.put(key, pairSpan(cs[0], cs[1], qs[0], qs[1]))
			m.entries = m.entries[:off]
		default:
			m.index.put(key, rowSpan(off, m.entries[off:]))
			if n == 1 {
				m.entries = m.entries[:off]
			}
		}
	}
	if d.err != nil {
		return nil, fmt.Errorf("perceptron: decode: %w", d.err)
	}
	if len(d.b) != 0 {
		return nil, fmt.Errorf("perceptron: decode: %d trailing bytes", len(d.b))
	}
	m.densify()
	f.Model = m
	return f, nil
}

// CheckMeta returns an error unless the model is the named one for the
// given feature-set version.
func CheckMeta(m Meta, name string, featureSet int) error {
	if m.Name != name {
		return fmt.Errorf("perceptron: model is %q, want %q", m.Name, name)
	}
	if m.FeatureSet != featureSet {
		return fmt.Errorf("perceptron: model %q was trained for feature set %d, this code extracts feature set %d; retrain with `make models`", name, m.FeatureSet, featureSet)
	}
	return nil
}

// FileSHA256 returns the hex SHA-256 of b (for Meta.Data).
func FileSHA256(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
