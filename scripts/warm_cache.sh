#!/usr/bin/env bash
# Fills the Go build cache with everything FactorLab's notebooks link, so the
# first cell a newcomer runs is warm. scripts/setup.sh, the docker image and
# the latency benchmark run it; it is quick when the cache is already warm.
#
#   scripts/warm_cache.sh          (GOCACHE as `go env GOCACHE` says)
#
# Go keys a compiled package by its source folder, flags and dependencies, so
# building the packages here, from this checkout, is what GoNB's builds of the
# notebooks (whose module points at this checkout) find in the cache.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
pkgs=$(go list ./pkg/... ./notebooks/...)
# Everything a notebook may import besides pkg/: GoNB's display API, the
# error helper notebooks use, gonum and gonum/plot packages cells import.
extra=$(go list -f '{{if .Module}}{{.ImportPath}}{{end}}' github.com/janpfeifer/gonb/gonbui \
  github.com/janpfeifer/must gonum.org/v1/gonum/mat gonum.org/v1/plot/plotter 2>/dev/null || true)
# shellcheck disable=SC2086
go build $pkgs $extra
# and the standard library packages that cells use directly
go build fmt math math/rand/v2 os strings time sort
echo "warm_cache: Go build cache $(go env GOCACHE) holds what the notebooks link"
