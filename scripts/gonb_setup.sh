#!/bin/sh
# Points GoNB's scratch module (the current folder) at a FactorLab checkout.
#
#   sh scripts/gonb_setup.sh REPO
#
# Every notebook's set-up cell runs this in GoNB's module folder, after
# walking up from the notebook to REPO (the folder with FactorLab's go.mod).
# It requires github.com/factorlab/factorlab, replaced by REPO, and copies
# REPO's requirements and go.sum, so every package a notebook imports is
# already resolved: the notebooks turn GoNB's per-cell `go get` off
# (%noautoget), which saves that step on every cell. A cell that imports a
# module FactorLab does not pin needs `%autoget` (or `!*go get MODULE`) first.
set -eu
repo=${1:?usage: gonb_setup.sh REPO}
[ -f "$repo/go.mod" ] || { echo "gonb_setup: $repo has no go.mod" >&2; exit 1; }
[ -f go.mod ] || { echo "gonb_setup: run this in GoNB's module folder (no go.mod in $(pwd))" >&2; exit 1; }
reqs=$(awk '
  /^require \($/ { block = 1; next }
  block && /^\)/ { block = 0; next }
  block && NF >= 2 { print "-require=" $1 "@" $2 }
  /^require [^(]/ { print "-require=" $2 "@" $3 }' "$repo/go.mod")
# shellcheck disable=SC2086 # one -require flag per word
go mod edit -replace=github.com/factorlab/factorlab="$repo" \
  -require=github.com/factorlab/factorlab@v0.0.0-00010101000000-000000000000 $reqs
touch go.sum
sort -u -o go.sum go.sum "$repo/go.sum"
