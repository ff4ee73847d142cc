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

# Sentence-boundary model: retrain extract/segment/segment.model (byte-identical on a rerun)
# from EWT train and the GUM train documents outside the non-commercial genres.
UD ?= ../shared/data/ud
.PHONY: segment-model
segment-model:
	$(GO) run ./extract/segment/internal/train -ud $(UD) -o extract/segment/segment.model
