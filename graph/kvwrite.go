package graph

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	bolt "go.etcd.io/bbolt"
	"google.golang.org/protobuf/proto"
)

// boltAdder adds quads to a bolt store by writing Cayley's kv layout
// itself, in one bolt transaction per call. Cayley's own write path
// (kv.QuadStore.ApplyDeltas over hidalgo's bolt wrapper) spends most of
// its time on per-key bookkeeping: a bucket lookup from the root for
// every key, maps of index entries, protobuf marshalling through
// reflection, and puts in hash order into half-filled pages. The adder
// writes the same keys and values (checked against Cayley in
// TestBoltAdderMatchesCayley) with each bucket looked up once and its
// keys put in sorted order. It only adds; deletes go through Cayley, whose
// reads need no cache of ours (the store is opened without bloom filters,
// the only state Cayley keeps about the data besides an IRI cache that
// only deletes invalidate).
//
// The layout, as graph/kv of the pinned Cayley writes it:
//
//	meta/horizon, meta/size     little-endian uint64: last id, live quads
//	v<h0><h1>/<hash>            uvarint node id (hash = quad.HashOf(value))
//	n<h0><h1>/<hash>            uvarint count of quad directions naming the node
//	log/<big-endian id>         a cproto.Primitive: a node (Value) or a quad
//	<index dirs>/<ids>          uvarint quad ids, ascending, for each index
//	                            (sp: subject, predicate; ops: object,
//	                            predicate, subject), from meta/indexes
type boltAdder struct {
	db      *bolt.DB
	indexes [][]quad.Direction
	// now stamps primitives (a variable for tests).
	now func() int64
}

var (
	bucketMeta = []byte("meta")
	bucketLog  = []byte("log")
)

// newBoltAdder returns an adder for db, or nil when the store uses
// indexes it does not know how to check duplicates with.
func newBoltAdder(db *bolt.DB) (*boltAdder, error) {
	a := &boltAdder{db: db, now: func() int64 { return time.Now().UnixNano() }}
	err := db.View(func(tx *bolt.Tx) error {
		m := tx.Bucket(bucketMeta)
		if m == nil {
			return fmt.Errorf("no meta bucket")
		}
		var inds []kv.QuadIndex
		raw := m.Get([]byte("indexes"))
		if raw == nil {
			return nil // a legacy store: leave it to Cayley
		}
		if err := json.Unmarshal(raw, &inds); err != nil {
			return fmt.Errorf("read index list: %w", err)
		}
		for _, in := range inds {
			a.indexes = append(a.indexes, in.Dirs)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if a.dupIndex() < 0 {
		return nil, nil
	}
	return a, nil
}

// dupIndex is the index whose key holds subject, predicate and object,
// which finds a quad's twins; -1 if there is none.
func (a *boltAdder) dupIndex() int {
	for i, dirs := range a.indexes {
		has := 0
		for _, d := range dirs {
			if d == quad.Subject || d == quad.Predicate || d == quad.Object {
				has++
			}
		}
		if has == 3 && len(dirs) == 3 {
			return i
		}
	}
	return -1
}

// addNode is a node the adder writes or counts.
type addNode struct {
	hash  refs.ValueHash
	val   quad.Value
	id    uint64
	refs  uint64 // directions of added quads naming it
	isNew bool
}

// add writes the quads that are not in the store yet, in one transaction,
// and returns how many it wrote. A quad that is already there (or twice in
// qs) is skipped when ignoreDup is set, and fails the whole call with
// cgraph.ErrQuadExists otherwise.
func (a *boltAdder) add(qs []quad.Quad, ignoreDup bool) (int, error) {
	added := 0
	err := a.db.Update(func(tx *bolt.Tx) error {
		n, err := a.addTx(tx, qs, ignoreDup)
		added = n
		return err
	})
	if err != nil {
		return 0, err
	}
	return added, nil
}

func (a *boltAdder) addTx(tx *bolt.Tx, qs []quad.Quad, ignoreDup bool) (int, error) {
	meta := tx.Bucket(bucketMeta)
	logb := tx.Bucket(bucketLog)
	if meta == nil || logb == nil {
		return 0, fmt.Errorf("not a Cayley kv store: no meta or log bucket")
	}
	ar := &arena{}

	// Nodes: one per distinct value, resolved against the store in hash
	// order (Cayley gives new nodes their ids in that order too).
	nodes := make(map[refs.ValueHash]*addNode, len(qs))
	qnodes := make([][4]*addNode, len(qs))
	hashes := make(map[quad.Value]refs.ValueHash) // SHA-1 once per value
	for i, q := range qs {
		for d, dir := range quad.Directions {
			v := q.Get(dir)
			if v == nil {
				if dir != quad.Label {
					return 0, fmt.Errorf("quad %d has no %s", i, dir)
				}
				continue
			}
			h, ok := hashes[v]
			if !ok {
				h = refs.HashOf(v)
				if comparableValue(v) {
					hashes[v] = h
				}
			}
			n := nodes[h]
			if n == nil {
				n = &addNode{hash: h, val: v}
				nodes[h] = n
			}
			qnodes[i][d] = n
		}
	}
	sorted := make([]*addNode, 0, len(nodes))
	for _, n := range nodes {
		sorted = append(sorted, n)
	}
	slices.SortFunc(sorted, func(x, y *addNode) int { return bytes.Compare(x.hash[:], y.hash[:]) })
	horizon := metaUint(meta, "horizon")
	var vb *bolt.Bucket
	var vname [3]byte
	for _, n := range sorted {
		name := [3]byte{'v', n.hash[0], n.hash[1]}
		if vb == nil || name != vname {
			vname, vb = name, tx.Bucket(name[:])
		}
		if vb != nil {
			if raw := vb.Get(n.hash[:]); raw != nil {
				n.id, _ = binary.Uvarint(raw)
			}
		}
		if n.id == 0 {
			horizon++
			n.id, n.isNew = horizon, true
		}
	}

	// Quads: drop the ones the batch repeats or the store holds.
	dupDirs := a.indexes[a.dupIndex()]
	dupb := tx.Bucket(indexName(dupDirs))
	keep := make([]addQuad, 0, len(qs))
	seen := make(map[[4]uint64]struct{}, len(qs))
	var key []byte
	for i := range qs {
		aq := addQuad{nodes: qnodes[i]}
		isNew := false
		for d, n := range aq.nodes {
			if n != nil {
				aq.ids[d] = n.id
				isNew = isNew || n.isNew
			}
		}
		_, twice := seen[aq.ids]
		if !twice && !isNew && dupb != nil {
			key = indexKey(key[:0], dupDirs, aq.ids)
			var err error
			if twice, err = holds(logb, dupb.Get(key), aq.ids); err != nil {
				return 0, err
			}
		}
		if twice {
			if ignoreDup {
				continue
			}
			return 0, fmt.Errorf("quad %d (%v): %w", i, qs[i], cgraph.ErrQuadExists)
		}
		seen[aq.ids] = struct{}{}
		for _, n := range aq.nodes {
			if n != nil {
				n.refs++
			}
		}
		keep = append(keep, aq)
	}
	if len(keep) == 0 {
		return 0, nil
	}

	// The log: new nodes, then the quads, in id order (appends).
	logb.FillPercent = 1
	now := a.now()
	for _, n := range sorted {
		if !n.isNew {
			continue
		}
		v, err := pquads.MarshalValue(n.val)
		if err != nil {
			return 0, err
		}
		if err := logb.Put(ar.idKey(n.id), ar.primitive(n.id, [4]uint64{}, now, v)); err != nil {
			return 0, err
		}
	}
	first := horizon + 1
	for k, aq := range keep {
		id := first + uint64(k)
		if err := logb.Put(ar.idKey(id), ar.primitive(id, aq.ids, now, nil)); err != nil {
			return 0, err
		}
	}
	horizon += uint64(len(keep))

	// Reference and value buckets, in hash order, n before v: a bucket the
	// batch creates goes into the root node, which bolt only splits at
	// commit, so creating them in key order appends instead of moving
	// every later key (creating v's first made a batch of 300,000 quads on
	// an empty store spend 70% of its time in memmove).
	if err := putHashed(tx, 'n', sorted, func(b *bolt.Bucket, n *addNode) []byte {
		if n.refs == 0 {
			return nil
		}
		c := n.refs
		if !n.isNew {
			if old := b.Get(n.hash[:]); old != nil {
				o, _ := binary.Uvarint(old)
				c += o
			}
		}
		return ar.uvarint(c)
	}); err != nil {
		return 0, err
	}
	if err := putHashed(tx, 'v', sorted, func(_ *bolt.Bucket, n *addNode) []byte {
		if !n.isNew {
			return nil
		}
		return ar.uvarint(n.id)
	}); err != nil {
		return 0, err
	}

	// Indexes: each key's new quad ids appended to its list.
	for _, dirs := range a.indexes {
		byKey := make(map[string]*indexEntry, len(keep))
		list := make([]*indexEntry, 0, len(keep))
		for k, aq := range keep {
			key = indexKey(key[:0], dirs, aq.ids)
			e := byKey[string(key)]
			if e == nil {
				e = &indexEntry{key: ar.copy(key)}
				for _, d := range dirs {
					if n := aq.nodes[d-1]; n != nil && n.isNew {
						e.isNew = true
					}
				}
				byKey[string(e.key)] = e
				list = append(list, e)
			}
			e.ids = append(e.ids, first+uint64(k))
		}
		slices.SortFunc(list, func(x, y *indexEntry) int { return bytes.Compare(x.key, y.key) })
		b, err := tx.CreateBucketIfNotExists(indexName(dirs))
		if err != nil {
			return 0, err
		}
		for _, e := range list {
			var old []byte
			if !e.isNew {
				old = b.Get(e.key)
			}
			if err := b.Put(e.key, ar.appendIndex(old, e.ids)); err != nil {
				return 0, err
			}
		}
	}

	if err := meta.Put([]byte("horizon"), ar.le64(horizon)); err != nil {
		return 0, err
	}
	return len(keep), meta.Put([]byte("size"), ar.le64(metaUint(meta, "size")+uint64(len(keep))))
}

// addQuad is a quad the adder writes: its nodes and their ids, by
// direction (quad.Directions order; no label is nil and 0).
type addQuad struct {
	nodes [4]*addNode
	ids   [4]uint64
}

// indexEntry is one key of an index and the ids of the quads added to it.
type indexEntry struct {
	key   []byte
	ids   []uint64
	isNew bool // the key names a new node, so the store cannot hold it
}

// putHashed puts val(b, n) under each node's hash in the prefix bucket
// (<prefix><h0><h1>) for the nodes, sorted by hash, whose val is not nil.
func putHashed(tx *bolt.Tx, prefix byte, sorted []*addNode, val func(*bolt.Bucket, *addNode) []byte) error {
	var b *bolt.Bucket
	var name [3]byte
	for _, n := range sorted {
		nm := [3]byte{prefix, n.hash[0], n.hash[1]}
		if b == nil || nm != name {
			name = nm
			var err error
			if b, err = tx.CreateBucketIfNotExists(name[:]); err != nil {
				return err
			}
		}
		if v := val(b, n); v != nil {
			if err := b.Put(n.hash[:], v); err != nil {
				return err
			}
		}
	}
	return nil
}

// comparableValue reports whether v can be a map key: the value types
// toQuad makes are.
func comparableValue(v quad.Value) bool {
	switch v.(type) {
	case quad.IRI, quad.String, quad.TypedString, quad.LangString, quad.BNode:
		return true
	}
	return false
}

// indexName is the bucket of the index on dirs ("sp", "ops").
func indexName(dirs []quad.Direction) []byte {
	b := make([]byte, len(dirs))
	for i, d := range dirs {
		b[i] = d.Prefix()
	}
	return b
}

// indexKey appends the key of a quad (its node ids by direction) in the
// index on dirs: the ids, big-endian, in the index's order.
func indexKey(dst []byte, dirs []quad.Direction, ids [4]uint64) []byte {
	for _, d := range dirs {
		dst = binary.BigEndian.AppendUint64(dst, ids[d-1])
	}
	return dst
}

// holds reports whether the quad ids (by direction) is a live quad among
// the candidates of an index list.
func holds(logb *bolt.Bucket, list []byte, ids [4]uint64) (bool, error) {
	var key [8]byte
	for len(list) > 0 {
		id, n := binary.Uvarint(list)
		if n <= 0 {
			return false, fmt.Errorf("corrupt index list")
		}
		list = list[n:]
		binary.BigEndian.PutUint64(key[:], id)
		raw := logb.Get(key[:])
		if raw == nil {
			continue
		}
		var p cproto.Primitive
		if err := proto.Unmarshal(raw, &p); err != nil {
			return false, fmt.Errorf("log entry %d: %w", id, err)
		}
		if !p.Deleted && p.Subject == ids[0] && p.Predicate == ids[1] && p.Object == ids[2] && p.Label == ids[3] {
			return true, nil
		}
	}
	return false, nil
}

// metaUint reads a little-endian counter of the meta bucket (0 if unset).
func metaUint(meta *bolt.Bucket, name string) uint64 {
	v := meta.Get([]byte(name))
	if len(v) != 8 {
		return 0
	}
	return binary.LittleEndian.Uint64(v)
}

// arena hands out byte slices that stay valid until the transaction
// commits, as bolt requires, from a few large allocations.
type arena struct{ buf []byte }

func (a *arena) alloc(n int) []byte {
	if len(a.buf) < n {
		a.buf = make([]byte, max(n, 1<<20))
	}
	b := a.buf[:n:n]
	a.buf = a.buf[n:]
	return b
}

func (a *arena) copy(p []byte) []byte {
	b := a.alloc(len(p))
	copy(b, p)
	return b
}

func (a *arena) uvarint(x uint64) []byte {
	var tmp [binary.MaxVarintLen64]byte
	return a.copy(tmp[:binary.PutUvarint(tmp[:], x)])
}

func (a *arena) le64(x uint64) []byte {
	b := a.alloc(8)
	binary.LittleEndian.PutUint64(b, x)
	return b
}

func (a *arena) idKey(id uint64) []byte {
	b := a.alloc(8)
	binary.BigEndian.PutUint64(b, id)
	return b
}

// appendIndex is old followed by ids as uvarints.
func (a *arena) appendIndex(old []byte, ids []uint64) []byte {
	var tmp []byte
	tmp = append(tmp, old...)
	for _, id := range ids {
		tmp = binary.AppendUvarint(tmp, id)
	}
	return a.copy(tmp)
}

// primitive encodes a cproto.Primitive as protobuf does (fields in number
// order, zero values left out): a quad when value is nil, else a node.
func (a *arena) primitive(id uint64, ids [4]uint64, ts int64, value []byte) []byte {
	var tmp [80]byte
	b := tmp[:0]
	field := func(num int, x uint64) {
		if x != 0 {
			b = binary.AppendUvarint(b, uint64(num)<<3)
			b = binary.AppendUvarint(b, x)
		}
	}
	field(1, id)
	for d, x := range ids {
		field(2+d, x)
	}
	field(7, uint64(ts))
	if len(value) == 0 {
		return a.copy(b)
	}
	b = binary.AppendUvarint(b, 8<<3|2)
	b = binary.AppendUvarint(b, uint64(len(value)))
	out := a.alloc(len(b) + len(value))
	copy(out[copy(out, b):], value)
	return out
}
