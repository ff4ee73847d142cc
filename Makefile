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

# Retrain the tagger and parser models (extract/tag/model, extract/parse/model)
# from ../shared/data/ud with a fixed seed; a rerun gives identical bytes.
models:
	$(GO) run ./cmd/newsgraph train --data ../shared/data/ud
