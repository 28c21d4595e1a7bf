#!/usr/bin/env bash
# Install FactorLab's Go toolchain, GoNB and its tools, register the gonb
# kernel and warm the Go caches by executing the notebooks.
#
# docker/Dockerfile runs this; CI runs it on a plain machine with temporary
# folders (docker/install_test.go), so everything but the Go download is
# tested without a Docker engine. Everything is set by environment variables:
#
#   FACTORLAB_STEPS     steps to run, in this order, from: go tools kernel warm verify
#                       (default "tools kernel warm verify"; "go" is the Go download)
#   FACTORLAB_SRC       the repository (default: this script's parent folder)
#   GO_VERSION          Go to download in step go (default 1.26.1)
#   TARGETARCH          amd64 or arm64 (default: this machine's)
#   GO_SHA256           sha256 of the Go tarball (default: the table below)
#   GOROOT_DEST         where step go unpacks Go (default /usr/local/go)
#   GOPATH              default /opt/go-path; tools go to $GOPATH/bin
#   GOMODCACHE          default $GOPATH/pkg/mod
#   GOCACHE             default /opt/go-cache
#   FACTORLAB_JUPYTER_DATA  Jupyter data folder that gets kernels/gonb
#                       (default: <python prefix>/share/jupyter, system-wide)
#   FACTORLAB_WORKSPACE the workspace made by docker/workspace.sh and executed
#                       to warm the caches (default $HOME/factorlab)
#   FACTORLAB_WARM_NOTEBOOKS  notebooks to execute, relative to the workspace
#                       (default: every notebook under notebooks/)
#   FACTORLAB_JOBS      notebooks executed at once while warming (default 2)
#   FACTORLAB_VERIFY_NOTEBOOK notebook run offline in step verify
#                       (default notebooks/00_welcome.ipynb)
#   FACTORLAB_VERIFY_OUT  where step verify writes the executed notebook
#                       (default: a temporary folder)
#   FACTORLAB_PYTHON    Python with nbclient (default: python3 if it has nbclient,
#                       else /usr/bin/python3)
#
# Step verify executes a notebook with GOPROXY=off GOFLAGS=-mod=mod, so it
# fails if the first run of a cell would need the network.
set -euo pipefail

say() { printf 'install: %s\n' "$*"; }
die() { printf 'install: error: %s\n' "$*" >&2; exit 1; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
src=${FACTORLAB_SRC:-$(cd "$here/.." && pwd)}
[ -f "$src/go.mod" ] || die "$src has no go.mod; set FACTORLAB_SRC to the FactorLab repository"
steps=" ${FACTORLAB_STEPS:-tools kernel warm verify} "
for s in $steps; do
  case "$s" in go|tools|kernel|warm|verify) ;; *) die "unknown step '$s' in FACTORLAB_STEPS (go tools kernel warm verify)" ;; esac
done
want() { [[ "$steps" == *" $1 "* ]]; }

# Official tarballs from go.dev/dl. Set GO_VERSION and GO_SHA256 together to
# use another release.
GO_VERSION=${GO_VERSION:-1.26.1}
declare -A GO_SHA256S=(
  [1.26.1-amd64]=031f088e5d955bab8657ede27ad4e3bc5b7c1ba281f05f245bcc304f327c987a
  [1.26.1-arm64]=a290581cfe4fe28ddd737dde3095f3dbeb7f2e4065cab4eae44dfc53b760c2f7
)
# Tool pins: one source of truth, scripts/setup.sh.
GOPLS_VERSION=$(sed -n 's/^GOPLS_VERSION=//p' "$src/scripts/setup.sh")
XTOOLS_VERSION=$(sed -n 's/^XTOOLS_VERSION=//p' "$src/scripts/setup.sh")
[ -n "$GOPLS_VERSION" ] && [ -n "$XTOOLS_VERSION" ] || die "cannot read GOPLS_VERSION/XTOOLS_VERSION from scripts/setup.sh"

export GOPATH=${GOPATH:-/opt/go-path}
export GOMODCACHE=${GOMODCACHE:-$GOPATH/pkg/mod}
export GOCACHE=${GOCACHE:-/opt/go-cache}
export GOBIN=$GOPATH/bin
export GOTOOLCHAIN=local
GOROOT_DEST=${GOROOT_DEST:-/usr/local/go}
export PATH="$GOBIN:$GOROOT_DEST/bin:$PATH"
workspace=${FACTORLAB_WORKSPACE:-$HOME/factorlab}

# --- step go: the official tarball, checked -----------------------------------
if want go; then
  arch=${TARGETARCH:-}
  if [ -z "$arch" ]; then
    case "$(uname -m)" in x86_64) arch=amd64 ;; aarch64|arm64) arch=arm64 ;; *) die "unsupported machine $(uname -m)" ;; esac
  fi
  sum=${GO_SHA256:-${GO_SHA256S[$GO_VERSION-$arch]:-}}
  [ -n "$sum" ] || die "no sha256 known for go$GO_VERSION linux-$arch: pass GO_SHA256 (from https://go.dev/dl/)"
  tarball="go$GO_VERSION.linux-$arch.tar.gz"
  tmp=$(mktemp -d)
  say "downloading $tarball"
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL --retry 3 -o "$tmp/$tarball" "https://go.dev/dl/$tarball" || die "download of $tarball failed"
  else
    wget -q -O "$tmp/$tarball" "https://go.dev/dl/$tarball" || die "download of $tarball failed"
  fi
  echo "$sum  $tmp/$tarball" | sha256sum -c --quiet - || die "$tarball does not match sha256 $sum"
  rm -rf "$GOROOT_DEST"
  mkdir -p "$(dirname "$GOROOT_DEST")"
  tar -C "$(dirname "$GOROOT_DEST")" -xzf "$tmp/$tarball"
  [ "$(basename "$GOROOT_DEST")" = go ] || mv "$(dirname "$GOROOT_DEST")/go" "$GOROOT_DEST"
  rm -rf "$tmp"
  say "Go installed in $GOROOT_DEST: $("$GOROOT_DEST/bin/go" version)"
fi

if [ "$steps" = " go " ]; then say "done"; exit 0; fi  # the root-only part of the image build

command -v go >/dev/null 2>&1 || die "go is not on PATH (run step go, or install Go 1.26)"
gov=$(go env GOVERSION)
case "$gov" in go1.2[6-9]*|go1.[3-9][0-9]*) ;; *) die "FactorLab needs Go 1.26 or newer; found $gov" ;; esac
mkdir -p "$GOPATH" "$GOMODCACHE" "$GOCACHE"

# mod_version BINARY MODULE: the version of MODULE a Go binary was built from.
mod_version() { go version -m "$1" 2>/dev/null | awk -v m="$2" '($1=="mod"||$1=="dep") && $2==m {print $3; exit}'; }

# --- step tools: GoNB (go.mod's pin), gopls, goimports -----------------------
# -trimpath, as scripts/setup.sh: the builds do not depend on where the module
# cache is, so the build cache is shared between set-ups (and CI's test of this
# script links the tools instead of compiling them again).
gonb_want=$(cd "$src" && go list -m -f '{{.Version}}' github.com/janpfeifer/gonb) || die "cannot read GoNB's version from go.mod"
if want tools; then
  start=$SECONDS
  say "installing gonb $gonb_want, gopls $GOPLS_VERSION, goimports (x/tools $XTOOLS_VERSION) into $GOBIN"
  (cd "$src" && go install -trimpath github.com/janpfeifer/gonb) || die "go install github.com/janpfeifer/gonb failed (is the Go module proxy reachable?)"
  (cd "${TMPDIR:-/tmp}" && go install -trimpath "golang.org/x/tools/gopls@$GOPLS_VERSION") || die "go install gopls@$GOPLS_VERSION failed"
  (cd "${TMPDIR:-/tmp}" && go install -trimpath "golang.org/x/tools/cmd/goimports@$XTOOLS_VERSION") || die "go install goimports@$XTOOLS_VERSION failed"
fi
for t in gonb gopls goimports; do
  [ -x "$GOBIN/$t" ] || die "$GOBIN/$t is missing (run step tools)"
done
check_version() { # binary module want
  local got; got=$(mod_version "$GOBIN/$1" "$2")
  [ "$got" = "$3" ] || die "$GOBIN/$1 is built from $2 ${got:-(unknown)}, want $3"
}
check_version gonb github.com/janpfeifer/gonb "$gonb_want"
check_version gopls golang.org/x/tools/gopls "$GOPLS_VERSION"
check_version goimports golang.org/x/tools "$XTOOLS_VERSION"
say "tools: gonb $gonb_want, gopls $GOPLS_VERSION, goimports $XTOOLS_VERSION in $GOBIN${start:+ (installed in $((SECONDS - start)) s)}"

# --- Python with nbclient ------------------------------------------------------
python=${FACTORLAB_PYTHON:-}
if [ -z "$python" ]; then
  for cand in python3 /usr/bin/python3; do
    if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import nbclient, jupyter_client' >/dev/null 2>&1; then
      python=$(command -v "$cand"); break
    fi
  done
fi
need_python() { [ -n "$python" ] || die "no Python with nbclient and jupyter_client found (set FACTORLAB_PYTHON; Debian: apt-get install python3-nbclient)"; }

data=${FACTORLAB_JUPYTER_DATA:-}
if [ -z "$data" ] && { want kernel || want warm || want verify; }; then
  need_python
  data=$("$python" -c 'import sys, os; print(os.path.join(sys.prefix, "share", "jupyter"))')
fi
# The runner must see the kernel registered in $data, wherever that is.
export JUPYTER_PATH="$data${JUPYTER_PATH:+:$JUPYTER_PATH}"

# --- step kernel: register gonb, with the cache folders in its environment ------
if want kernel; then
  need_python
  mkdir -p "$data"
  JUPYTER_DATA_DIR="$data" "$GOBIN/gonb" --install --logtostderr=false >/dev/null 2>&1 ||
    JUPYTER_DATA_DIR="$data" "$GOBIN/gonb" --install || die "gonb --install failed"
  spec="$data/kernels/gonb/kernel.json"
  [ -f "$spec" ] || die "gonb --install did not write $spec"
  # The kernel gets the warmed caches even where the server's environment
  # lacks them (a JupyterHub spawner that sets its own environment).
  "$python" - "$spec" <<'PY' || die "cannot add the Go folders to $spec"
import json, os, sys
path = sys.argv[1]
with open(path) as f:
    spec = json.load(f)
env = spec.setdefault("env", {})
for k in ("GOPATH", "GOMODCACHE", "GOCACHE", "GOTOOLCHAIN"):
    env[k] = os.environ[k]
with open(path, "w") as f:
    json.dump(spec, f, indent=1)
PY
  say "registered the gonb kernel in $data/kernels/gonb"
fi
if want warm || want verify; then
  [ -f "$data/kernels/gonb/kernel.json" ] || die "no gonb kernel in $data/kernels (run step kernel)"
fi

# --- step warm: module cache, build cache, every notebook once ----------------------
run_notebooks() { # output-dir notebook...
  local out=$1; shift
  (cd "$workspace" && "$python" "$src/scripts/run_notebooks.py" --output-dir "$out" --jobs "${FACTORLAB_JOBS:-2}" --timeout 900 "$@")
}
if want warm; then
  need_python
  bash "$here/workspace.sh" "$src" "$workspace"
  say "downloading modules and building the packages"
  (cd "$src" && go mod download) || die "go mod download failed in $src (is the Go module proxy reachable?)"
  (cd "$src" && go build ./...) || die "go build ./... failed in $src"
  if [ -n "${FACTORLAB_WARM_NOTEBOOKS:-}" ]; then
    read -r -a nbs <<<"$FACTORLAB_WARM_NOTEBOOKS"
  else
    mapfile -t nbs < <(cd "$workspace" && find notebooks -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' | sort)
  fi
  [ ${#nbs[@]} -gt 0 ] || die "no notebooks to execute under $workspace/notebooks"
  out=$(mktemp -d)
  say "executing ${#nbs[@]} notebook(s) to warm the caches"
  start=$SECONDS
  run_notebooks "$out" "${nbs[@]}" || die "a notebook failed while warming the caches (see above)"
  rm -rf "$out"
  say "warmed in $((SECONDS - start)) s"
fi

# --- step verify: a notebook runs offline from the warmed caches -------------------
if want verify; then
  need_python
  nb=${FACTORLAB_VERIFY_NOTEBOOK:-notebooks/00_welcome.ipynb}
  [ -f "$workspace/$nb" ] || die "no $workspace/$nb (run step warm first)"
  out=${FACTORLAB_VERIFY_OUT:-$(mktemp -d)}
  mkdir -p "$out"
  say "executing $nb offline (GOPROXY=off GOFLAGS=-mod=mod)"
  start=$SECONDS
  GOPROXY=off GOFLAGS="${GOFLAGS:+$GOFLAGS }-mod=mod" run_notebooks "$out" "$nb" || die "$nb failed offline: the warmed caches are incomplete"
  "$python" - "$out/$(basename "$nb")" <<'PY' || die "$nb ran offline but drew no figure"
import json, sys
nb = json.load(open(sys.argv[1]))
figs = sum(1 for c in nb["cells"] for o in c.get("outputs", []) if "image/svg+xml" in o.get("data", {}))
errs = [o for c in nb["cells"] for o in c.get("outputs", []) if o.get("output_type") == "error"]
print("install: offline run: %d SVG figure(s), %d error(s)" % (figs, len(errs)))
sys.exit(0 if figs and not errs else 1)
PY
  say "offline run took $((SECONDS - start)) s"
fi
say "done in $SECONDS s"
