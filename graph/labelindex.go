package graph

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	bolt "go.etcd.io/bbolt"
	"google.golang.org/protobuf/proto"
)

// labelIndex is the index on graph labels that newsgraph adds to the two
// Cayley keeps by default (sp and ops). An article is a named graph, and
// rewriting or deleting one reads that graph's quads; without an index on
// labels Cayley answers that by scanning every quad of the store, so
// rebuilding a folder into an existing store took time quadratic in its
// size (321 BBC articles: 195 s instead of 10 s). The index is listed in
// the store's meta/indexes record, so the stock cayley binary reads and
// maintains it like its own.
var labelIndex = kv.QuadIndex{Dirs: []quad.Direction{quad.Label}}

// storeIndexes is the index list of the kv stores newsgraph creates.
func storeIndexes() []kv.QuadIndex {
	return append(slices.Clone(kv.DefaultQuadIndexes), labelIndex)
}

var keyMetaIndexes = hkv.Key{bucketMeta, []byte("indexes")}

// initIndexes replaces the index list of a kv store that kv.Init has just
// created, before anything is written to it, with storeIndexes.
func initIndexes(ctx context.Context, h hkv.KV) error {
	data, err := json.Marshal(storeIndexes())
	if err != nil {
		return err
	}
	return hkv.Update(ctx, h, func(tx hkv.Tx) error {
		if err := hkv.CreateBucket(ctx, tx, hkv.Key{indexName(labelIndex.Dirs)}); err != nil {
			return err
		}
		return tx.Put(ctx, keyMetaIndexes, data)
	})
}

// hasLabelIndex reports whether an index list holds the label index.
func hasLabelIndex(inds []kv.QuadIndex) bool {
	for _, in := range inds {
		if slices.Equal(in.Dirs, labelIndex.Dirs) {
			return true
		}
	}
	return false
}

// addLabelIndex gives a bolt store written by an earlier newsgraph (or by
// Cayley) the label index: one pass over the log, in one transaction, that
// lists the live quads of every graph label. It reports whether it did;
// stores that already have the index, and legacy stores without an index
// record (which Cayley would read as its pre-0.7.6 layout), are left
// alone. Cayley must not have the store open yet: it reads the index list
// when it opens a store.
func addLabelIndex(db *bolt.DB) (bool, error) {
	added := false
	err := db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			return nil
		}
		raw := meta.Get(keyMetaIndexes[1])
		if raw == nil {
			return nil
		}
		var inds []kv.QuadIndex
		if err := json.Unmarshal(raw, &inds); err != nil {
			return fmt.Errorf("read index list: %w", err)
		}
		if hasLabelIndex(inds) {
			return nil
		}
		lists := map[uint64][]byte{}
		if logb := tx.Bucket(bucketLog); logb != nil {
			c := logb.Cursor()
			for k, v := c.First(); k != nil; k, v = c.Next() {
				var p cproto.Primitive
				if err := proto.Unmarshal(v, &p); err != nil {
					return fmt.Errorf("log entry %x: %w", k, err)
				}
				if p.IsNode() || p.Deleted {
					continue
				}
				// The log is in id order, so each list comes out ascending.
				lists[p.Label] = binary.AppendUvarint(lists[p.Label], p.ID)
			}
		}
		b, err := tx.CreateBucketIfNotExists(indexName(labelIndex.Dirs))
		if err != nil {
			return err
		}
		for _, l := range slices.Sorted(maps.Keys(lists)) {
			if err := b.Put(binary.BigEndian.AppendUint64(nil, l), lists[l]); err != nil {
				return err
			}
		}
		data, err := json.Marshal(append(inds, labelIndex))
		if err != nil {
			return err
		}
		added = true
		return meta.Put(keyMetaIndexes[1], data)
	})
	return added, err
}
