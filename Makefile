# FactorLab — the commands a user and CI run. See README.md.
SHELL := bash
GOBIN := $(or $(shell go env GOBIN),$(firstword $(subst :, ,$(shell go env GOPATH)))/bin)
export PATH := $(GOBIN):$(PATH)
PYTHON ?= $(if $(wildcard /usr/bin/python3),/usr/bin/python3,python3)
NOTEBOOKS := $(shell find notebooks -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' | sort)
JOBS ?= 2

.PHONY: lab test setup notebooks fmt vet bench help docker-lab

help:
	@echo "make lab        start JupyterLab on notebooks/ (runs set-up first if needed)"
	@echo "make test       gofmt, go vet, go test ./... including every notebook with the real kernel"
	@echo "make notebooks  re-execute every notebook in place and export HTML to build/html"
	@echo "make setup      install GoNB, gopls, goimports, Jupyter; register the kernel"
	@echo "make bench      benchmarks against numpy / torch (see bench/)"
	@echo "make docker-lab build and run the JupyterLab + GoNB docker image"

setup:
	@bash scripts/setup.sh

lab:
	@bash scripts/lab.sh

fmt:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	go vet ./...

test: fmt vet
	@bash scripts/setup.sh --check >/dev/null 2>&1 || bash scripts/setup.sh
	@[ -d internal/browsertest/node_modules/playwright-core ] || (cd internal/browsertest && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
	go build ./...
	go test -count=1 -timeout 80m ./...
	@if echo '#include <lapacke.h>' | $(or $(CC),cc) -E -x c - >/dev/null 2>&1; then \
	  echo 'CGO_LDFLAGS="-lopenblas -llapacke" go test -count=1 -tags openblas ./pkg/decomp/'; \
	  CGO_LDFLAGS="-lopenblas -llapacke" go test -count=1 -tags openblas ./pkg/decomp/; \
	else \
	  echo "make test: no lapacke.h, so the OpenBLAS backend (-tags openblas) is not tested; apt-get install libopenblas-dev liblapacke-dev to include it"; \
	fi

notebooks:
	@bash scripts/setup.sh --check >/dev/null 2>&1 || bash scripts/setup.sh
	$(PYTHON) scripts/run_notebooks.py --inplace --jobs $(JOBS) --html build/html $(NOTEBOOKS)

bench:
	@for s in bench/*/run.sh; do [ -f "$$s" ] && bash "$$s"; done

docker-lab:
	@bash docker/run.sh

# --- fuzzing (robustness, issue 13) ------------------------------------------
# `make fuzz` runs every fuzz target of FUZZPKGS whose name matches FUZZTARGETS
# in turn, each for FUZZTIME (a go test -fuzztime value: 30s, 1m, 5000x). The
# seed corpora (including every input a fuzzer ever failed on, kept in
# testdata/fuzz) also run as plain tests in `go test ./...`. `make fuzz-ci` is
# the short pass for CI: the robustness targets for 1s each.
FUZZTIME ?= 30s
FUZZPKGS ?= ./pkg/decomp ./pkg/mf
FUZZTARGETS ?= ^Fuzz
.PHONY: fuzz fuzz-ci
fuzz:
	@set -eo pipefail; for p in $(FUZZPKGS); do \
	  for t in $$(go test -list '$(FUZZTARGETS)' $$p | grep '^Fuzz'); do \
	    echo "go test -run '^\$$' -fuzz '^$$t\$$' -fuzztime $(FUZZTIME) $$p"; \
	    nice go test -run '^$$' -fuzz "^$$t\$$" -fuzztime $(FUZZTIME) $$p | grep -v '^fuzz: elapsed'; \
	  done; \
	done
fuzz-ci:
	@$(MAKE) --no-print-directory fuzz FUZZTIME=1s FUZZTARGETS=^FuzzRobust
