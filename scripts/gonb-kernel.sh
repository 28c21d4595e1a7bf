#!/usr/bin/env bash
# Starts GoNB as a Jupyter kernel. scripts/setup.sh copies this file to
# .venv/bin/factorlab-gonb-kernel and registers it in
# .venv/share/jupyter/kernels/gonb/kernel.json as
#   argv: [".venv/bin/factorlab-gonb-kernel", "{connection_file}"]
#   env:  {"FACTORLAB_GOBIN": "<folder of gonb, gopls, goimports>"}
# When a piece is missing it says which, on stderr (the Jupyter server's
# terminal, or the kernel log of scripts/run_notebooks.py), and exits 1.
#
#   FACTORLAB_GONB_RAW_ERROR=1   plain-text error outputs (the notebook tests)
set -u
fail() { printf 'gonb kernel: cannot start: %s\n' "$*" >&2; exit 1; }
[ $# -ge 1 ] || fail "no connection file given (Jupyter starts this with {connection_file})"
conn=$1
gobin=${FACTORLAB_GOBIN:-}
if [ -z "$gobin" ] && command -v go >/dev/null 2>&1; then
  gobin=$(go env GOBIN); [ -n "$gobin" ] || gobin="$(go env GOPATH | cut -d: -f1)/bin"
fi
[ -n "$gobin" ] || fail "go is not on PATH and FACTORLAB_GOBIN is not set: install Go 1.26 and run scripts/setup.sh (make setup)"
export PATH="$gobin:$PATH"
command -v go >/dev/null 2>&1 || fail "go is not on PATH (GoNB compiles every cell with it): install Go 1.26 and start Jupyter from a shell that has it"
for tool in gonb gopls goimports; do
  [ -x "$gobin/$tool" ] || fail "$gobin/$tool is missing: run scripts/setup.sh (make setup)"
done
flags=(--logtostderr)
[ "${FACTORLAB_GONB_RAW_ERROR:-}" = 1 ] && flags+=(--raw_error)
exec "$gobin/gonb" --kernel "$conn" "${flags[@]}"
