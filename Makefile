# FactorLab — the commands a user and CI run. See README.md.
SHELL := bash
GOBIN := $(or $(shell go env GOBIN),$(firstword $(subst :, ,$(shell go env GOPATH)))/bin)
VENV := .venv
export PATH := $(CURDIR)/$(VENV)/bin:$(GOBIN):$(PATH)
export GOTOOLCHAIN ?= local
# The venv's Jupyter kernels (gonb) come before any in the user's folders.
export JUPYTER_PREFER_ENV_PATH := 1
NOTEBOOKS := $(shell find notebooks -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' -not -path '*/labs/*/release/*' | sort)
JOBS ?= 2
# uv, which compiles scripts/requirements.in into the hashed requirements.txt
# (make requirements), is installed at this version into build/tools.
UV_VERSION := 0.13.9

.PHONY: help lab test setup notebooks requirements fmt vet bench docker-lab

help:
	@echo "make lab           set up what is missing, then start JupyterLab 4 on notebooks/"
	@echo "make test          set-up, gofmt, go vet, go test ./... (every notebook with the real kernel, browser tests)"
	@echo "make notebooks     re-execute every notebook in place and export HTML to build/html"
	@echo "make setup         install the system pieces, Go tools, .venv (Jupyter) and the gonb kernel"
	@echo "make requirements  regenerate scripts/requirements.txt (pinned, hashed) from requirements.in"
	@echo "make bench         benchmarks against numpy / torch / sklearn and the notebooks' cell latency (see bench/)"
	@echo "make fuzz          fuzz every entry point of pkg/decomp and pkg/mf (FUZZTIME each, default 30s)"
	@echo "make docker-lab    build and run the JupyterLab + GoNB docker image"

setup:
	@bash scripts/setup.sh

lab:
	@bash scripts/lab.sh

fmt:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.venv/*')); \
	  if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	go vet ./...

test: fmt vet
	@bash scripts/setup.sh --check >/dev/null 2>&1 || bash scripts/setup.sh
	go build ./...
	go test -count=1 -timeout 60m ./...
	@$(MAKE) --no-print-directory fuzz-ci
	@if echo '#include <lapacke.h>' | $(or $(CC),cc) -E -x c - >/dev/null 2>&1; then \
	  echo 'CGO_LDFLAGS="-lopenblas -llapacke" go test -count=1 -tags openblas ./pkg/decomp/'; \
	  CGO_LDFLAGS="-lopenblas -llapacke" go test -count=1 -tags openblas ./pkg/decomp/; \
	else \
	  echo "make test: no lapacke.h although scripts/setup.sh installs liblapacke-dev: apt-get install -y libopenblas-dev liblapacke-dev"; exit 1; \
	fi

notebooks:
	@bash scripts/setup.sh --check >/dev/null 2>&1 || bash scripts/setup.sh
	@$(VENV)/bin/python scripts/run_notebooks.py --inplace --jobs $(JOBS) --html build/html --log-dir build/logs/kernels $(NOTEBOOKS)

requirements:
	@[ -x build/tools/bin/uv ] && [ "$$(build/tools/bin/uv --version | cut -d' ' -f2)" = "$(UV_VERSION)" ] || \
	  { rm -rf build/tools && python3 -m venv build/tools && build/tools/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"; }
	cd scripts && ../build/tools/bin/uv pip compile --quiet --generate-hashes --python-version 3.11 \
	  --custom-compile-command "make requirements" requirements.in -o requirements.txt
	@echo "scripts/requirements.txt regenerated; scripts/setup.sh re-installs .venv on its next run"

bench:
	@for s in bench/*/run.sh; do [ -f "$$s" ] && bash "$$s"; done

docker-lab:
	@bash docker/run.sh

# --- fuzzing (robustness, issue 13) ------------------------------------------
# `make fuzz` runs every fuzz target of FUZZPKGS whose name matches FUZZTARGETS
# in turn, each for FUZZTIME (a go test -fuzztime value: 30s, 1m, 5000x). The
# seed corpora (including every input a fuzzer ever failed on, kept in
# testdata/fuzz) also run as plain tests in `go test ./...`. `make fuzz-ci` is
# the short pass for CI: the robustness targets for 1000 inputs each (a count,
# not a duration: with -fuzztime 1s a loaded machine could spend the second
# gathering the seed corpus's baseline and fail with "context deadline
# exceeded").
FUZZTIME ?= 30s
FUZZPKGS ?= ./pkg/decomp ./pkg/mf ./pkg/decomp/internal/schur ./pkg/decomp/internal/bidiag
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
	@$(MAKE) --no-print-directory fuzz FUZZTIME=1000x FUZZTARGETS=^FuzzRobust
