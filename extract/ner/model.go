package ner

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sort"
	"unsafe"

	"github.com/newsgraph/newsgraph/extract/internal/perceptron"
)

// This file holds the learner: a compact averaged perceptron over hashed
// features with lazy averaging, and its deterministic codec. It lives in
// this package (unexported) until extract/internal/perceptron is shared.

// Meta describes a model; it is stored with the weights and checked on
// load.
type Meta struct {
	Name       string     `json:"name"`
	Version    int        `json:"version"`
	FeatureSet int        `json:"feature_set"`
	Classes    []string   `json:"classes"`
	Data       []DataFile `json:"data"`
	Iterations int        `json:"iterations"`
	Seed       uint64     `json:"seed"`
	DevFile    string     `json:"dev_file,omitempty"`
	DevF1      float64    `json:"dev_f1"`
	Scale      float64    `json:"scale"` // stored weight = round(weight * Scale)
	// EntryBias, per label in the order PERSON, ORG, GPE, LOC, is added
	// to the scores of the label's B- and U- classes when decoding; it is
	// tuned on the dev file (calibration), empty when not tuned.
	EntryBias []float64 `json:"entry_bias,omitempty"`
	// Tags: the features include the words' part-of-speech tags, so the
	// stage needs the Tags layer.
	Tags bool `json:"tags,omitempty"`
	// DocFeatures: two passes over a document, the second with document
	// features (docfeats.go).
	DocFeatures bool `json:"doc_features,omitempty"`
	// Decoder is DecoderGreedy ("") or DecoderViterbi.
	Decoder string `json:"decoder,omitempty"`
	// NetWeight weighs the GRU tagger's class scores (gru.go) in the
	// emission scores of Viterbi decoding; 0 without the network.
	NetWeight     float64 `json:"net_weight,omitempty"`
	Features      int     `json:"features"`
	WeightsSHA256 string  `json:"weights_sha256"`
}

// DataFile names one training file and its checksum.
type DataFile struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Note   string `json:"note,omitempty"`
}

// model is a trained perceptron: a row of per-class weights for each
// feature hash, plus the casing profile of the training vocabulary.
type model struct {
	meta    Meta
	nc      int
	index   map[uint32]int32 // feature -> row
	weights []float32        // rows × nc
	lex     lexicon          // casing profile and word clusters
	rows    rowTable         // index frozen for lookups; empty until freeze
	net     *tagNet          // the GRU tagger, or nil
}

// rowTable is an open-addressing copy of a model's index for fast
// lookups (a Go map costs about a third of decoding time). Keys are
// stored plus one, so zero marks an empty slot.
type rowTable struct {
	keys []uint64 // feature<<32 | row+1
	mask uint32
}

// freeze builds the lookup table from the index; call it once the model
// no longer changes (it is never freed: decoded models only).
func (m *model) freeze() {
	size := 16
	for size < 2*len(m.index) {
		size <<= 1
	}
	t := rowTable{keys: perceptron.HugeSlice[uint64](size), mask: uint32(size - 1)}
	for f, r := range m.index {
		i := mixRow(f) & t.mask
		for t.keys[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.keys[i] = uint64(f)<<32 | uint64(uint32(r)+1)
	}
	m.rows = t
}

func mixRow(f uint32) uint32 { return (f * 0x9e3779b1) ^ (f >> 16) }

// row returns the row of feature f, or -1.
func (m *model) row(f uint32) int {
	if m.rows.keys == nil {
		if r, ok := m.index[f]; ok {
			return int(r)
		}
		return -1
	}
	return m.rows.find(f, mixRow(f)&m.rows.mask)
}

// find returns the row of feature f, probing from slot i, or -1.
func (t *rowTable) find(f, i uint32) int {
	for ; ; i = (i + 1) & t.mask {
		k := t.keys[i]
		if k == 0 {
			return -1
		}
		if uint32(k>>32) == f {
			return int(uint32(k)) - 1
		}
	}
}

// score adds the weights of feats to scores (len nc), in the order of
// feats.
func (m *model) score(scores []float32, feats []uint32) {
	nc := m.nc
	if m.rows.keys == nil || len(feats) < 4 {
		for _, f := range feats {
			if r := m.row(f); r >= 0 {
				perceptron.AddDense(scores, m.weights[r*nc:r*nc+nc])
			}
		}
		return
	}
	// Find the home slots and the rows of a chunk of features first,
	// asking the processor for each before it is read, so that the cache
	// misses of a chunk overlap instead of following one another.
	var buf [128]int32
	t := &m.rows
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), len(buf))]
		feats = feats[len(chunk):]
		slots := buf[:len(chunk)]
		for i, f := range chunk {
			slots[i] = int32(mixRow(f) & t.mask)
		}
		perceptron.PrefetchIndexed(unsafe.Pointer(&t.keys[0]), slots, 8, 8)
		rows := buf[:0] // overwrites slots behind the reads
		for i, f := range chunk {
			if r := t.find(f, uint32(slots[i])); r >= 0 {
				rows = append(rows, int32(r))
			}
		}
		perceptron.PrefetchIndexed(unsafe.Pointer(&m.weights[0]), rows, nc*4, nc*4)
		for _, r := range rows {
			perceptron.AddDense(scores, m.weights[int(r)*nc:int(r)*nc+nc])
		}
	}
}

// learner trains a model with lazy averaging: each weight keeps its
// running total and the step at which it last changed.
type learner struct {
	nc    int
	index map[uint32]int32
	w     []int32 // updates are ±1, so weights and totals stay integers
	tot   []int64
	ts    []int32
	step  int64
}

func newLearner(nc int) *learner {
	return &learner{nc: nc, index: map[uint32]int32{}}
}

func (l *learner) row(f uint32, create bool) int {
	r, ok := l.index[f]
	if !ok {
		if !create {
			return -1
		}
		r = int32(len(l.index))
		l.index[f] = r
		l.w = append(l.w, make([]int32, l.nc)...)
		l.tot = append(l.tot, make([]int64, l.nc)...)
		l.ts = append(l.ts, make([]int32, l.nc)...)
	}
	return int(r)
}

// score adds the current weights of feats to scores.
func (l *learner) score(scores []float32, feats []uint32) {
	for _, f := range feats {
		r := l.row(f, false)
		if r < 0 {
			continue
		}
		for c := 0; c < l.nc; c++ {
			scores[c] += float32(l.w[r*l.nc+c])
		}
	}
}

// tick marks the end of one training instance.
func (l *learner) tick() { l.step++ }

// update moves weight toward truth and away from guess for feats.
func (l *learner) update(truth, guess int, feats []uint32) {
	if truth == guess {
		return
	}
	for _, f := range feats {
		r := l.row(f, true)
		l.bump(r*l.nc+truth, 1)
		l.bump(r*l.nc+guess, -1)
	}
}

// add adds delta to the weights of class c for feats.
func (l *learner) add(c int, feats []uint32, delta int32) {
	for _, f := range feats {
		r := l.row(f, true)
		l.bump(r*l.nc+c, delta)
	}
}

func (l *learner) bump(i int, d int32) {
	l.tot[i] += (l.step - int64(l.ts[i])) * int64(l.w[i])
	l.ts[i] = int32(l.step)
	l.w[i] += d
}

// average returns the averaged model, pruned to features with a rounded
// weight other than zero. Rows are kept in hash order.
func (l *learner) average(meta Meta, scale float64) *model {
	keys := make([]uint32, 0, len(l.index))
	for f := range l.index {
		keys = append(keys, f)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	m := &model{meta: meta, nc: l.nc, index: make(map[uint32]int32, len(keys))}
	row := make([]float32, l.nc)
	for _, f := range keys {
		r := int(l.index[f])
		nz := false
		for c := 0; c < l.nc; c++ {
			i := r*l.nc + c
			total := l.tot[i] + (l.step-int64(l.ts[i]))*int64(l.w[i])
			avg := 0.0
			if l.step > 0 {
				avg = float64(total) / float64(l.step)
			}
			q := math.Round(avg * scale)
			q = max(min(q, math.MaxInt32), math.MinInt32)
			row[c] = float32(q / scale)
			if q != 0 {
				nz = true
			}
		}
		if nz {
			m.index[f] = int32(len(m.weights) / l.nc)
			m.weights = append(m.weights, row...)
		}
	}
	m.meta.Scale = scale
	m.meta.Classes = meta.Classes
	return m
}

// meanModel returns the mean of models' weights (over the union of their
// features), rounded to 1/scale, zero rows pruned, rows in hash order.
func meanModel(ms []*model, meta Meta, scale float64) *model {
	if len(ms) == 1 {
		return ms[0]
	}
	nc := ms[0].nc
	set := map[uint32]bool{}
	for _, m := range ms {
		for f := range m.index {
			set[f] = true
		}
	}
	keys := make([]uint32, 0, len(set))
	for f := range set {
		keys = append(keys, f)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	out := &model{meta: meta, nc: nc, index: make(map[uint32]int32, len(keys))}
	out.meta.Scale = scale
	row := make([]float64, nc)
	q := make([]float32, nc)
	for _, f := range keys {
		clear(row)
		for _, m := range ms {
			if r, ok := m.index[f]; ok {
				for c, w := range m.weights[int(r)*nc : int(r)*nc+nc] {
					row[c] += math.Round(float64(w)*scale) / scale
				}
			}
		}
		nz := false
		for c := range row {
			v := math.Round(row[c] / float64(len(ms)) * scale)
			q[c] = float32(v / scale)
			if v != 0 {
				nz = true
			}
		}
		if nz {
			out.index[f] = int32(len(out.weights) / nc)
			out.weights = append(out.weights, q...)
		}
	}
	return out
}

// The model file: magic, uvarint length + meta JSON, then the body:
// uvarint nc, uvarint rows, per row (sorted by hash) the uvarint hash
// delta, the uvarint count of nonzero weights and (uvarint class, zigzag
// varint weight) pairs; then uvarint casing entries with (uvarint hash
// delta, byte bucket), then uvarint cluster entries with (uvarint hash
// delta, uvarint cluster); in a model with word-vector clusters, then
// uvarint entries with (uvarint hash delta, uvarint packed clusters).
// Meta.WeightsSHA256 is the SHA-256 of the body.
const magic = "newsgraph-ner-model\n"

// encode writes the model deterministically.
func (m *model) encode() ([]byte, error) {
	var body bytes.Buffer
	var tmp [binary.MaxVarintLen64]byte
	uv := func(x uint64) { body.Write(tmp[:binary.PutUvarint(tmp[:], x)]) }
	sv := func(x int64) { body.Write(tmp[:binary.PutVarint(tmp[:], x)]) }
	keys := make([]uint32, 0, len(m.index))
	for f := range m.index {
		keys = append(keys, f)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	uv(uint64(m.nc))
	uv(uint64(len(keys)))
	prev := uint32(0)
	for _, f := range keys {
		uv(uint64(f - prev))
		prev = f
		r := int(m.index[f])
		row := m.weights[r*m.nc : r*m.nc+m.nc]
		nz := 0
		for _, w := range row {
			if q := math.Round(float64(w) * m.meta.Scale); q != 0 {
				nz++
			}
		}
		uv(uint64(nz))
		for c, w := range row {
			if q := math.Round(float64(w) * m.meta.Scale); q != 0 {
				uv(uint64(c))
				sv(int64(q))
			}
		}
	}
	writeTable(&body, m.lex.casing, func(b *bytes.Buffer, v uint8) { b.WriteByte(v) })
	writeTable(&body, m.lex.clusters, func(b *bytes.Buffer, v uint16) { b.Write(binary.AppendUvarint(nil, uint64(v))) })
	if m.lex.emb != nil || m.net != nil {
		writeTable(&body, m.lex.emb, func(b *bytes.Buffer, v uint64) { b.Write(binary.AppendUvarint(nil, v)) })
	}
	if m.net != nil {
		m.net.encode(&body)
	}
	sum := sha256.Sum256(body.Bytes())
	meta := m.meta
	meta.WeightsSHA256 = hex.EncodeToString(sum[:])
	meta.Features = len(keys)
	mj, err := json.MarshalIndent(meta, "", " ")
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.WriteString(magic)
	out.Write(tmp[:binary.PutUvarint(tmp[:], uint64(len(mj)))])
	out.Write(mj)
	out.Write(body.Bytes())
	return out.Bytes(), nil
}

var errCorrupt = errors.New("ner model: corrupt or truncated file")

// writeTable writes a word table: uvarint entries, then per key in
// increasing order the uvarint delta from the previous key and the value.
func writeTable[V any](b *bytes.Buffer, t map[uint32]V, put func(*bytes.Buffer, V)) {
	keys := make([]uint32, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	b.Write(binary.AppendUvarint(nil, uint64(len(keys))))
	prev := uint32(0)
	for _, k := range keys {
		b.Write(binary.AppendUvarint(nil, uint64(k-prev)))
		prev = k
		put(b, t[k])
	}
}

// readTable reads a table written by writeTable.
func readTable[V any](r *bytes.Reader, get func(*bytes.Reader) (V, error)) (map[uint32]V, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil || n > uint64(r.Len()) {
		return nil, errCorrupt
	}
	t := make(map[uint32]V, n)
	var k uint64
	for i := uint64(0); i < n; i++ {
		d, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, errCorrupt
		}
		k += d
		v, err := get(r)
		if err != nil || k > math.MaxUint32 {
			return nil, errCorrupt
		}
		t[uint32(k)] = v
	}
	return t, nil
}

// decodeModel reads a model and checks its meta: name, feature-set
// version, classes and the weights checksum.
func decodeModel(b []byte) (*model, error) {
	if !bytes.HasPrefix(b, []byte(magic)) {
		return nil, fmt.Errorf("ner model: bad magic")
	}
	r := bytes.NewReader(b[len(magic):])
	n, err := binary.ReadUvarint(r)
	if err != nil || n > uint64(r.Len()) {
		return nil, errCorrupt
	}
	mj := make([]byte, n)
	if _, err := r.Read(mj); err != nil {
		return nil, errCorrupt
	}
	var meta Meta
	if err := json.Unmarshal(mj, &meta); err != nil {
		return nil, fmt.Errorf("ner model: meta: %w", err)
	}
	if meta.Name != modelName {
		return nil, fmt.Errorf("ner model: name %q, want %q", meta.Name, modelName)
	}
	if meta.FeatureSet != featureSet {
		return nil, fmt.Errorf("ner model: feature set %d, this code extracts %d", meta.FeatureSet, featureSet)
	}
	if fmt.Sprint(meta.Classes) != fmt.Sprint(classNames) {
		return nil, fmt.Errorf("ner model: classes %v, want %v", meta.Classes, classNames)
	}
	if len(meta.EntryBias) != 0 && len(meta.EntryBias) != len(labels) {
		return nil, fmt.Errorf("ner model: %d entry biases for %d labels", len(meta.EntryBias), len(labels))
	}
	if meta.Decoder != DecoderGreedy && meta.Decoder != DecoderViterbi {
		return nil, fmt.Errorf("ner model: unknown decoder %q", meta.Decoder)
	}
	if meta.Scale <= 0 {
		return nil, fmt.Errorf("ner model: bad scale %v", meta.Scale)
	}
	body := b[len(b)-r.Len():]
	sum := sha256.Sum256(body)
	if got := hex.EncodeToString(sum[:]); got != meta.WeightsSHA256 {
		return nil, fmt.Errorf("ner model: weights checksum %s, meta says %s", got, meta.WeightsSHA256)
	}
	nc, err := binary.ReadUvarint(r)
	if err != nil || int(nc) != len(classNames) {
		return nil, errCorrupt
	}
	rows, err := binary.ReadUvarint(r)
	if err != nil || rows > uint64(r.Len()) {
		return nil, errCorrupt
	}
	// Decoded weights live as long as the process, on huge pages (see
	// perceptron.HugeSlice).
	m := &model{meta: meta, nc: int(nc), index: make(map[uint32]int32, rows), weights: perceptron.HugeSlice[float32](int(rows) * int(nc))}
	var f uint64
	for i := 0; i < int(rows); i++ {
		d, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, errCorrupt
		}
		f += d
		if f > math.MaxUint32 {
			return nil, errCorrupt
		}
		m.index[uint32(f)] = int32(i)
		nz, err := binary.ReadUvarint(r)
		if err != nil || nz > nc {
			return nil, errCorrupt
		}
		for j := 0; j < int(nz); j++ {
			c, err := binary.ReadUvarint(r)
			if err != nil || c >= nc {
				return nil, errCorrupt
			}
			q, err := binary.ReadVarint(r)
			if err != nil {
				return nil, errCorrupt
			}
			m.weights[i*int(nc)+int(c)] = float32(float64(q) / meta.Scale)
		}
	}
	m.lex.tags = meta.Tags
	if m.lex.casing, err = readTable(r, func(r *bytes.Reader) (uint8, error) { return r.ReadByte() }); err != nil {
		return nil, err
	}
	if m.lex.clusters, err = readTable(r, func(r *bytes.Reader) (uint16, error) {
		c, err := binary.ReadUvarint(r)
		if c > math.MaxUint16 {
			return 0, errCorrupt
		}
		return uint16(c), err
	}); err != nil {
		return nil, err
	}
	if r.Len() != 0 { // the word-vector clusters (embed.go), in models trained with them
		if m.lex.emb, err = readTable(r, func(r *bytes.Reader) (uint64, error) { return binary.ReadUvarint(r) }); err != nil {
			return nil, err
		}
		if len(m.lex.emb) == 0 { // written empty before a network (a model without word-vector clusters)
			m.lex.emb = nil
		}
	}
	if r.Len() != 0 { // the GRU tagger (gru.go), in models trained with it
		if m.net, err = decodeNet(r); err != nil {
			return nil, err
		}
	}
	if r.Len() != 0 {
		return nil, fmt.Errorf("ner model: %d trailing bytes", r.Len())
	}
	m.freeze()
	return m, nil
}
