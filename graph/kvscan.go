package graph

import (
	"context"
	"encoding/binary"
	"fmt"

	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad/pquads"
	hkv "github.com/hidal-go/hidalgo/kv"
	"github.com/hidal-go/hidalgo/kv/options"
	"google.golang.org/protobuf/proto"
)

// kvLog is the bucket in which Cayley's kv stores keep every node and quad
// as a protobuf Primitive under its big-endian id, in id (= insertion)
// order.
var kvLog = hkv.Key{[]byte("log")}

// maxScanNodes bounds the node map of a scan; past it the map starts over
// and evicted nodes are read back by id.
const maxScanNodes = 1 << 21

// scanKV streams every live quad of a bolt store in store
// order with one cursor over the log in one read transaction, instead of
// one index lookup per quad and node. Nodes precede the quads that use
// them in the log, so one pass sees each node before it is needed.
func (s *Store) scanKV(ctx context.Context, render bool, fn func([4]*node) error) error {
	r := newQuadReader(s.qs, render)
	return hkv.View(ctx, s.kv, func(tx hkv.Tx) error {
		nodes := make(map[uint64]*node)
		get := func(id uint64) (*node, error) {
			if id == 0 {
				return nil, nil
			}
			if n, ok := nodes[id]; ok {
				return n, nil
			}
			var key [8]byte
			binary.BigEndian.PutUint64(key[:], id)
			b, err := tx.Get(ctx, kvLog.AppendBytes(key[:]))
			if err != nil {
				return nil, fmt.Errorf("kv log: node %d: %w", id, err)
			}
			var p cproto.Primitive
			if err := proto.Unmarshal(b, &p); err != nil {
				return nil, fmt.Errorf("kv log: node %d: %w", id, err)
			}
			v, err := pquads.UnmarshalValue(p.Value)
			if err != nil {
				return nil, fmt.Errorf("kv log: node %d: %w", id, err)
			}
			return r.newNode(v), nil
		}
		it := tx.Scan(ctx, options.WithPrefixKV(kvLog))
		defer it.Close()
		n := 0
		for it.Next(ctx) {
			var p cproto.Primitive
			if err := proto.Unmarshal(it.Val(), &p); err != nil {
				return fmt.Errorf("kv log: %w", err)
			}
			if p.IsNode() {
				v, err := pquads.UnmarshalValue(p.Value)
				if err != nil {
					return fmt.Errorf("kv log: node %d: %w", p.ID, err)
				}
				if len(nodes) >= maxScanNodes {
					nodes = make(map[uint64]*node)
				}
				nodes[p.ID] = r.newNode(v)
				continue
			}
			if p.Deleted {
				continue
			}
			var ns [4]*node
			for d, id := range [4]uint64{p.Subject, p.Predicate, p.Object, p.Label} {
				nd, err := get(id)
				if err != nil {
					return err
				}
				ns[d] = nd
			}
			if ns[0] == nil || ns[1] == nil || ns[2] == nil {
				continue
			}
			if err := fn(ns); err != nil {
				return err
			}
			if n++; n%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
		}
		return it.Err()
	})
}
