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
