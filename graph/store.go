package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	cleveldb "github.com/cayleygraph/cayley/graph/kv/leveldb"
	"github.com/cayleygraph/cayley/graph/memstore"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/cayley/graph/sql/postgres"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"

	"github.com/newsgraph/newsgraph/schema"
)

// Backend names.
const (
	Bolt     = "bolt"
	Memstore = "memstore"
	LevelDB  = "leveldb"
	Postgres = "postgres"
)

// Backends lists the backend names Open accepts.
var Backends = []string{Bolt, Memstore, LevelDB, Postgres}

// DefaultPath is the default bolt database (a folder holding indexes.bolt,
// the layout stock cayley expects for --db bolt).
const DefaultPath = "newsgraph.db"

// Options says which store to open and how.
type Options struct {
	Backend string        // bolt (default), memstore, leveldb, postgres
	Path    string        // folder for bolt and leveldb, DSN for postgres; default DefaultPath
	Base    string        // IRI base for minted IRIs; default schema.DefaultBase
	Timeout time.Duration // how long to wait for a bolt file another process holds; default 2s
	// ReadOnly opens a bolt store read-only (a shared lock: several
	// readers may hold it at once). Other backends ignore it.
	ReadOnly bool
	// QueryMemory caps the heap a Gizmo query may grow by; default 1 GiB.
	QueryMemory uint64
}

// ErrLocked is returned by Open when another process holds the bolt file.
var ErrLocked = errors.New("database is locked by another process")

// ErrCorrupt is returned when a store's file is damaged: shorter than its
// own pages say, or with pages that are not what they claim to be.
var ErrCorrupt = errors.New("database file is damaged")

// Store is an open newsgraph store. Its methods are safe for concurrent use;
// writes are serialised.
type Store struct {
	qs      cgraph.QuadStore
	kv      hkv.KV // the bolt kv store under qs, for log scans; else nil
	backend string
	minter  schema.Minter
	opts    Options
	wmu     sync.Mutex // serialises writes
	adder   *boltAdder // writes additions on a writable bolt store; else nil
}

// Open opens (creating on first use) the store the options name.
func Open(ctx context.Context, o Options) (s *Store, err error) {
	defer recoverCorrupt(&err)
	return open(ctx, o)
}

func open(ctx context.Context, o Options) (*Store, error) {
	if o.Backend == "" {
		o.Backend = Bolt
	}
	if o.Path == "" && (o.Backend == Bolt || o.Backend == LevelDB) {
		o.Path = DefaultPath
	}
	if o.Timeout <= 0 {
		o.Timeout = 2 * time.Second
	}
	if o.QueryMemory == 0 {
		o.QueryMemory = 1 << 30
	}
	m, err := schema.NewMinter(o.Base)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var qs cgraph.QuadStore
	var h hkv.KV
	switch o.Backend {
	case Bolt:
		qs, h, err = openBolt(o)
	case Memstore:
		qs = memstore.New()
	case LevelDB:
		qs, h, err = openLevelDB(o)
	case Postgres:
		qs, err = openSQL(postgres.Type, o)
	default:
		return nil, fmt.Errorf("unknown backend %q (want one of bolt, memstore, leveldb, postgres)", o.Backend)
	}
	if err != nil {
		return nil, err
	}
	s := &Store{qs: qs, kv: h, backend: o.Backend, minter: m, opts: o}
	if o.Backend == Bolt && !o.ReadOnly {
		if s.adder, err = newBoltAdder(h.(*hbolt.DB).DB()); err != nil {
			qs.Close()
			return nil, fmt.Errorf("open bolt store %s: %w", o.Path, err)
		}
	}
	return s, nil
}

// kvOptions are the options every kv store is opened with: no bloom
// filters (they reserve ~300 MB on an empty store and make opening a
// large file slow).
var kvOptions = cgraph.Options{kv.OptNoBloom: true}

func openBolt(o Options) (cgraph.QuadStore, hkv.KV, error) {
	file := filepath.Join(o.Path, "indexes.bolt")
	st, err := os.Stat(o.Path)
	switch {
	case err == nil && !st.IsDir():
		return nil, nil, fmt.Errorf("open bolt store %s: not a folder (a bolt store is a folder holding indexes.bolt)", o.Path)
	case errors.Is(err, os.ErrNotExist):
		if o.ReadOnly {
			return nil, nil, fmt.Errorf("open bolt store %s: %w", o.Path, os.ErrNotExist)
		}
		if err := os.MkdirAll(o.Path, 0o755); err != nil {
			return nil, nil, fmt.Errorf("create bolt store: %w", err)
		}
	case err != nil:
		return nil, nil, fmt.Errorf("open bolt store: %w", err)
	}
	if o.ReadOnly {
		if _, err := os.Stat(file); err != nil {
			return nil, nil, fmt.Errorf("open bolt store %s: %w", o.Path, err)
		}
	}
	// A file cut short makes bolt read past its end while it opens (the
	// freelist page): a bus error, which this turns into a panic that
	// Open reports as ErrCorrupt.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	// A large initial mmap avoids remapping (and dereferencing every
	// node) each time the file doubles during a big load; it reserves
	// address space, not memory.
	db, err := bolt.Open(file, 0o644, &bolt.Options{Timeout: o.Timeout, ReadOnly: o.ReadOnly,
		InitialMmapSize: 1 << 30, FreelistType: bolt.FreelistMapType})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, nil, fmt.Errorf("open bolt store %s: %w (waited %v)", o.Path, ErrLocked, o.Timeout)
	} else if err != nil {
		return nil, nil, fmt.Errorf("open bolt store %s: %w", o.Path, err)
	}
	if err := checkBoltSize(db); err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("open bolt store %s: %w", o.Path, err)
	}
	if !o.ReadOnly {
		// Before Cayley opens the store: it reads the index list then.
		if _, err := addLabelIndex(db); err != nil {
			db.Close()
			return nil, nil, fmt.Errorf("open bolt store %s: add the graph-label index: %w", o.Path, err)
		}
	}
	h := hbolt.New(db)
	qs, err := newKV(h, o.ReadOnly, "bolt store "+o.Path)
	return qs, h, err
}

// newKV initialises a kv store on first use, with the label index
// (storeIndexes), and opens it.
func newKV(h hkv.KV, readOnly bool, what string) (cgraph.QuadStore, error) {
	qs, err := kv.New(h, kvOptions)
	if errors.Is(err, cgraph.ErrNotInitialized) && !readOnly {
		if err = kv.Init(h, kvOptions); err == nil {
			err = initIndexes(context.Background(), h)
		}
		if err == nil {
			qs, err = kv.New(h, kvOptions)
		}
	}
	if err != nil {
		h.Close()
		return nil, fmt.Errorf("open %s: %w", what, err)
	}
	return qs, nil
}

func openLevelDB(o Options) (cgraph.QuadStore, hkv.KV, error) {
	if _, err := os.Stat(filepath.Join(o.Path, "CURRENT")); errors.Is(err, os.ErrNotExist) {
		db, err := cleveldb.Create(o.Path, nil)
		if err != nil {
			return nil, nil, fmt.Errorf("create leveldb store %s: %w", o.Path, err)
		}
		qs, err := newKV(db, false, "leveldb store "+o.Path)
		return qs, nil, err // flat keys do not sort in id order: no log scan
	}
	db, err := cleveldb.Open(o.Path, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("open leveldb store %s: %w", o.Path, err)
	}
	qs, err := newKV(db, false, "leveldb store "+o.Path)
	return qs, nil, err
}

func openSQL(flavor string, o Options) (cgraph.QuadStore, error) {
	if o.Path == "" {
		return nil, fmt.Errorf("open %s store: no connection string (set --dbpath, e.g. postgres://user@127.0.0.1/db)", flavor)
	}
	db, err := sql.Open(flavor, o.Path)
	if err != nil {
		return nil, fmt.Errorf("open %s store: %w", flavor, err)
	}
	defer db.Close()
	// Cayley's Init on an existing store logs an error ("cannot create
	// nodes table") before it says so; ask first.
	var exists bool
	if err := db.QueryRow(`SELECT to_regclass('quads') IS NOT NULL`).Scan(&exists); err != nil {
		return nil, fmt.Errorf("open %s store: %w", flavor, err)
	}
	switch {
	case !exists && o.ReadOnly:
		return nil, fmt.Errorf("open %s store: no newsgraph store in that database (no quads table; build or load creates one)", flavor)
	case !exists:
		if err := csql.Init(flavor, o.Path, nil); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			return nil, fmt.Errorf("open %s store: %w", flavor, err)
		}
	}
	if !o.ReadOnly {
		// Cayley's four indexes on quads all lead with subject, predicate
		// or object: without this one, reading an article's graph to
		// rewrite or delete it scans the whole table (as on bolt before
		// labelIndex). PostgreSQL's planner uses it without Cayley knowing.
		if _, err := db.Exec(`CREATE INDEX IF NOT EXISTS quads_label_index ON quads (label_hash)`); err != nil {
			return nil, fmt.Errorf("open %s store: index on graph labels: %w", flavor, err)
		}
	}
	qs, err := csql.New(flavor, o.Path, nil)
	if err != nil {
		return nil, fmt.Errorf("open %s store: %w", flavor, err)
	}
	return qs, nil
}

// Backend returns the name of the store's backend.
func (s *Store) Backend() string { return s.backend }

// Minter returns the IRI minter of the store's base.
func (s *Store) Minter() schema.Minter { return s.minter }

// Close closes the store.
func (s *Store) Close() error { return s.qs.Close() }

// checkBoltSize compares the file's size with the pages its last committed
// transaction says it has: a file cut short (a copy that did not finish, a
// full disk) would otherwise crash the process with a bus error on the
// first read past its end.
func checkBoltSize(db *bolt.DB) error {
	st, err := os.Stat(db.Path())
	if err != nil {
		return err
	}
	return db.View(func(tx *bolt.Tx) error {
		if need := tx.Size(); st.Size() < need {
			return fmt.Errorf("%w: the file has %d bytes but its pages reach %d (cut short?)", ErrCorrupt, st.Size(), need)
		}
		return nil
	})
}

// recoverCorrupt turns a panic of the bolt package on a damaged page
// ("page expected to be ...", "invalid page type") met in this goroutine
// into ErrCorrupt; other panics go on.
func recoverCorrupt(err *error) {
	r := recover()
	if r == nil {
		return
	}
	msg := fmt.Sprint(r)
	if _, fault := r.(interface{ Addr() uintptr }); fault {
		// a read past the end of the mapped file (debug.SetPanicOnFault)
		*err = fmt.Errorf("%w: read past the end of the file (%s)", ErrCorrupt, msg)
		return
	}
	if strings.Contains(msg, "page") || strings.Contains(msg, "assertion failed") {
		*err = fmt.Errorf("%w: %s", ErrCorrupt, msg)
		return
	}
	panic(r)
}
