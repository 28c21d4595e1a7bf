#!/usr/bin/env bash
# FactorLab set-up: installs the Go tools the notebooks need, makes sure a
# Jupyter front end exists and registers the GoNB kernel. Safe to re-run.
#
#   scripts/setup.sh            install and register
#   scripts/setup.sh --check    only report what is missing (exit 1 if anything is)
#
# What it installs:
#   - GoNB at the version pinned in go.mod (tool github.com/janpfeifer/gonb)
#   - gopls v0.23.0 and goimports (golang.org/x/tools v0.42.0), which GoNB uses
#   - on Debian/Ubuntu, when missing: jupyter-notebook, jupyter-nbconvert,
#     python3-nbclient (apt-get); elsewhere it prints the pip command to run
#   - the "gonb" Jupyter kernel, in your user's Jupyter folder
set -euo pipefail

GOPLS_VERSION=v0.23.0
XTOOLS_VERSION=v0.42.0
APT_PACKAGES=(jupyter-notebook jupyter-nbconvert python3-nbclient python3-ipykernel)

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
check_only=false
[ "${1:-}" = "--check" ] && check_only=true

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# --- Go ---------------------------------------------------------------------
command -v go >/dev/null 2>&1 || die "Go is not installed or not on PATH. Install Go 1.26 (https://go.dev/dl/) and re-run."
gov=$(go env GOVERSION)
case "$gov" in
  go1.2[6-9]*|go1.[3-9][0-9]*) ;;
  *) die "FactorLab needs Go 1.26 or newer; found $gov." ;;
esac
gobin=$(go env GOBIN); [ -n "$gobin" ] || gobin="$(go env GOPATH | cut -d: -f1)/bin"
export PATH="$gobin:$PATH"

gonb_want=$(go list -m -f '{{.Version}}' github.com/janpfeifer/gonb)
missing=()
have_tool() { [ -x "$gobin/$1" ] || command -v "$1" >/dev/null 2>&1; }
gonb_version() { go version -m "$gobin/gonb" 2>/dev/null | awk '$1=="mod"{print $3}'; }

install_go_tool() { # name, go install argument, run inside module?
  local name=$1 pkg=$2
  say "installing $name ($pkg)"
  go install "$pkg" || die "go install $pkg failed (is the Go module proxy reachable?)"
}

if $check_only; then
  for t in gonb gopls goimports; do have_tool "$t" || missing+=("$t (go install)"); done
else
  if [ -x "$gobin/gonb" ] && [ "$(gonb_version)" = "$gonb_want" ]; then
    say "gonb $gonb_want already installed"
  else
    install_go_tool gonb github.com/janpfeifer/gonb   # version from go.mod's tool pin
  fi
  if [ -x "$gobin/gopls" ] && "$gobin/gopls" version 2>/dev/null | grep -q "$GOPLS_VERSION"; then
    say "gopls $GOPLS_VERSION already installed"
  else
    (cd "${TMPDIR:-/tmp}" && install_go_tool gopls "golang.org/x/tools/gopls@$GOPLS_VERSION")
  fi
  if [ -x "$gobin/goimports" ]; then
    say "goimports already installed"
  else
    (cd "${TMPDIR:-/tmp}" && install_go_tool goimports "golang.org/x/tools/cmd/goimports@$XTOOLS_VERSION")
  fi
fi

# --- Jupyter ----------------------------------------------------------------
python=/usr/bin/python3
[ -x "$python" ] || python=$(command -v python3 || true)
have_runner() { [ -n "$python" ] && "$python" -c 'import nbclient, nbformat, nbconvert' >/dev/null 2>&1; }
have_frontend() { command -v jupyter-lab >/dev/null 2>&1 || command -v jupyter-notebook >/dev/null 2>&1; }

if ! have_runner || ! have_frontend; then
  if $check_only; then
    missing+=("Jupyter (notebook/lab front end, nbconvert, nbclient)")
  elif command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || command -v sudo >/dev/null 2>&1; }; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    say "installing Jupyter from Debian: ${APT_PACKAGES[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq || die "apt-get update failed"
    $sudo apt-get install -y -qq "${APT_PACKAGES[@]}" >/dev/null || die "apt-get install ${APT_PACKAGES[*]} failed"
    python=/usr/bin/python3
  else
    die "no Jupyter found and no apt-get here. Install JupyterLab and the notebook runner with:
    python3 -m pip install jupyterlab nbclient nbconvert
then re-run scripts/setup.sh."
  fi
fi
if ! $check_only; then
  have_runner || die "Python at $python cannot import nbclient/nbconvert after installation."
  have_frontend || die "neither jupyter-lab nor jupyter-notebook is on PATH after installation."
  say "Jupyter: $(command -v jupyter-lab || command -v jupyter-notebook)"
fi

# --- Kernel -----------------------------------------------------------------
if $check_only; then
  if ! "$python" -c 'from jupyter_client.kernelspec import KernelSpecManager as K; K().get_kernel_spec("gonb")' >/dev/null 2>&1; then
    missing+=("the gonb Jupyter kernel (gonb --install)")
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    printf 'setup: missing: %s\n' "${missing[@]}"
    echo "setup: run scripts/setup.sh (or make setup) to install them."
    exit 1
  fi
  say "everything is installed"
  exit 0
fi
"$gobin/gonb" --install --logtostderr=false >/dev/null 2>&1 || "$gobin/gonb" --install || die "gonb --install failed"
say "registered the gonb kernel (GoNB $(gonb_version))"
say "done. Start the notebooks with: make lab"
