// Package graph stores newsgraph facts in Cayley and gets them out again:
// open a store by backend, write and delete one article's facts as a
// batch, export and import N-Quads, run Gizmo queries (raw or from a small
// library of named queries) and count what is there. It is the only
// package that imports Cayley; no Cayley type appears in its API.
//
// # Backends
//
// Open takes Options{Backend, Path, Base, Timeout, ReadOnly, QueryMemory}:
//
//   - bolt (default): Path is a folder (default "newsgraph.db") holding
//     indexes.bolt, the layout the stock "cayley --db bolt --dbpath PATH"
//     expects. Opened through go.etcd.io/bbolt (the old boltdb/bolt fails
//     Go's pointer checks under -race), with Timeout (default 2s) on the
//     file lock: when another process holds it Open returns ErrLocked
//     instead of blocking forever. ReadOnly takes a shared lock.
//   - memstore: in memory, gone on Close.
//   - leveldb: Path is a folder.
//   - postgres: Path is a connection string; CockroachDB speaks the same
//     protocol.
//
// kv stores (bolt, leveldb) are opened with no_bloom: the bloom filters
// reserve ~300 MB on an empty store and slow down opening a large one, and
// newsgraph never needs them because it never writes a quad the store
// already holds.
//
// # The RDF mapping of a fact
//
// Every article is a named graph whose IRI is the article node,
// <base>article/<id>, typed ng:Article and schema:NewsArticle, with
// dct:identifier, schema:headline and rdfs:label, schema:datePublished
// (xsd:date) and schema:url. Everything written for the article goes into
// its graph, so replacing or deleting an article touches nothing else.
//
// Entities get <base>entity/<key> (actors, territories, things),
// <base>proposal/<key> or <base>event/<key>, where key is
// Entity.IdentityKey() percent-encoded (schema.Minter): the same entity in
// two articles is one node. Each is typed with its ng: class and, where one
// fits, the schema.org class (Cayley infers nothing from rdfs:subClassOf),
// and has rdfs:label, skos:altLabel per alias and ng:iso3166.
//
// A proposition (a fact used as a term, Term.Prop) is a node
// <base>prop/<hash of its structure> typed ng:Proposition with
// rdf:subject, rdf:predicate, rdf:object, ng:relation and one triple per
// argument. It is never asserted.
//
// Every fact becomes a statement node <base>stmt/<hash of structure and
// evidence> typed ng:Statement with
//
//	rdf:subject, rdf:predicate (ng:<predicate>, or ng:openRelation), rdf:object
//	ng:relation        surface words
//	ng:<role>          one triple per argument (ng:onDate, ng:recipient, ...)
//	ng:evidence        the supporting text
//	ng:start, ng:end   byte offsets in the article text (xsd:integer)
//	ng:sentence        sentence index (xsd:integer)
//	ng:negated, ng:hedged, ng:asserted (xsd:boolean)
//	ng:modality        future, hypothetical, conditional, desired (absent when realis)
//	ng:attributedTo    the speaker's entity node
//	ng:confidence      xsd:decimal
//	prov:wasGeneratedBy <base>activity/<hash>, a prov:Activity (one per
//	                   extractor and model versions) with ng:extractor,
//	                   ng:model and prov:wasAssociatedWith <base>extractor/<name>
//	ng:date            xsd:date the fact refers to
//	prov:wasDerivedFrom the article
//
// and, Wikidata style, the direct triple subject ng:<predicate> object only
// when the article asserts the fact (Fact.Asserted: not negated, realis,
// not hedged, not attributed) and the predicate is in the vocabulary.
// Hashes are SHA-256 of length-prefixed fields, so the same input gives the
// same quads in the same order on every run.
//
// # Writing
//
// WriteArticle validates every fact, maps the article, reads the quads its
// graph holds, and applies the difference (removals of quads no longer
// there, additions of new ones) in one transaction on bolt, leveldb and
// postgres: Cayley's ApplyDeltas, except that on a writable bolt store a
// batch that only adds goes through the store's own writer of Cayley's kv
// layout (kvwrite.go, checked key for key against Cayley's; 2.4 times
// faster). Writing the same article twice is a no-op; no
// quad is ever added twice, which keeps clear of upstream issue 737 (a
// quad added twice stays visible after delete on the kv and SQL backends).
// WriteArticles does the same for many articles in one transaction (a new
// one whenever an article ID repeats), which is how "newsgraph build"
// writes a folder: per-transaction costs are paid once per batch. Each
// article stays all or nothing; an invalid article is rejected alone, and
// a batch that fails is retried article by article.
// DeleteArticle removes exactly the article's graph.
//
// # N-Quads
//
// Export writes the whole store (streaming, store order) or one article
// (sorted). On bolt a whole-store export reads Cayley's log bucket with one
// cursor in one read transaction; elsewhere quads are read in batches of
// 4096 with one batched value lookup and a bounded node cache, so each
// distinct node is decoded and rendered once. It does not trust Cayley's writer, which neither escapes nor
// checks IRIs, blank nodes or language tags and writes short datatypes
// like <xsd:integer>: every term is repaired or checked on the way out
// (see schema.Node.Check). Import parses N-Quads strictly with line and
// column in errors, decodes \u escapes in IRIs, and writes nothing unless
// the whole input parses.
//
// # Queries
//
// Query runs Gizmo in a fresh session per query (the stock REPL reuses one
// and fails with "iterator closed" after the first query), honours the
// caller's context (the stock --timeout is ignored; a looping query runs
// forever), streams results to a callback, stops at a row limit, caps heap
// growth (Options.QueryMemory) and guards every Gizmo call against the
// argument types that make Cayley panic inside its own goroutine (see
// guardJS). NamedQueries lists the library: stances, territories,
// proposals, entity.
package graph
