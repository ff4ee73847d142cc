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

# Gazetteer: rebuild extract/gazetteer/gazetteer.tsv from Debian's iso-codes
# (apt-get install iso-codes) and the npm package world-countries.
WORLD_COUNTRIES ?= 5.1.0
WC_DIR ?= /tmp/newsgraph-world-countries
.PHONY: gazetteer
gazetteer:
	mkdir -p $(WC_DIR)
	cd $(WC_DIR) && npm pack --silent world-countries@$(WORLD_COUNTRIES) >/dev/null && tar xzf world-countries-$(WORLD_COUNTRIES).tgz
	cd extract/gazetteer && $(GO) run ./internal/gen -iso /usr/share/iso-codes/json -wc $(WC_DIR)/package/countries.json -o gazetteer.tsv

# Sentence-boundary model: retrain extract/segment/segment.model (byte-identical on a rerun)
# from EWT train and the GUM train documents outside the non-commercial genres.
UD ?= ../shared/data/ud
.PHONY: segment-model
segment-model:
	$(GO) run ./extract/segment/internal/train -ud $(UD) -o extract/segment/segment.model
