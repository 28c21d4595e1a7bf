#!/usr/bin/env bash
# FactorLab set-up: everything `make lab`, `make test` and `make notebooks`
# need, installed into the project where possible. Safe to re-run; fast when
# nothing changed.
#
#   scripts/setup.sh            install what is missing
#   scripts/setup.sh --check    only report what is missing (exit 1 if anything is)
#
# What it installs, and where:
#   - system pieces, with apt-get when this machine has it and we are root (or
#     have sudo): chromium, libopenblas-dev, liblapacke-dev, python3-venv,
#     nodejs and npm. Without apt/root it stops and names the missing piece and
#     the command that installs it.
#   - GoNB at the version pinned in go.mod, gopls v0.23.0 and goimports
#     (golang.org/x/tools v0.42.0), into $(go env GOPATH)/bin.
#   - the Jupyter side into <repo>/.venv: `python3 -m venv`, then
#     `pip install --require-hashes --no-deps -r scripts/requirements.txt`,
#     re-done only when requirements.txt changes (stamp .venv/.factorlab-requirements).
#   - the "gonb" kernel into the venv (.venv/share/jupyter/kernels/gonb, the
#     sys-prefix location), started by .venv/bin/factorlab-gonb-kernel (a copy
#     of scripts/gonb-kernel.sh). Nothing is written to ~/.local/share/jupyter.
#   - `npm ci` (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1) in every internal/*/ that
#     has a package.json, for the browser and hub tests.
#   - a warm Go build cache: scripts/warm_cache.sh compiles every package the
#     notebooks link, so the first cell a newcomer runs does not wait for it.
#
# Remove it all with: rm -rf .venv internal/*/node_modules
#
# Environment: FACTORLAB_PYTHON picks the Python the venv is made from
# (default /usr/bin/python3, else python3 on PATH).
set -euo pipefail

GOPLS_VERSION=v0.23.0
XTOOLS_VERSION=v0.42.0
MIN_PYTHON=3.10

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
check_only=false
case "${1:-}" in
  --check) check_only=true ;;
  "") ;;
  *) echo "usage: scripts/setup.sh [--check]" >&2; exit 2 ;;
esac

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }
missing=()
need() { missing+=("$1"); }

venv=$root/.venv
stamp=$venv/.factorlab-requirements
reqs=$root/scripts/requirements.txt

# --- system pieces (apt) -----------------------------------------------------
have_chromium() { [ -x "${FACTORLAB_CHROMIUM:-/usr/bin/chromium}" ]; }
have_lapacke() { [ -f /usr/include/lapacke.h ] || [ -f /usr/include/x86_64-linux-gnu/lapacke.h ] || [ -f /usr/include/aarch64-linux-gnu/lapacke.h ]; }
have_openblas() { local f; for f in /usr/lib/*/libopenblas.so /usr/lib/libopenblas.so; do [ -e "$f" ] && return 0; done; return 1; }
have_node() { command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; }

apt_missing=()
have_chromium || apt_missing+=(chromium)
have_openblas || apt_missing+=(libopenblas-dev)
have_lapacke || apt_missing+=(liblapacke-dev)
have_node || apt_missing+=(nodejs npm)

# The Python the venv is made from: >= 3.10 with the venv and ensurepip modules.
base_python=${FACTORLAB_PYTHON:-}
if [ -z "$base_python" ]; then
  if [ -x /usr/bin/python3 ]; then base_python=/usr/bin/python3; else base_python=$(command -v python3 || true); fi
fi
python_ok() {
  [ -n "$base_python" ] && "$base_python" -c "import sys; sys.exit(0 if sys.version_info >= tuple(map(int, '$MIN_PYTHON'.split('.'))) else 1)" >/dev/null 2>&1
}
venv_module_ok() { "$base_python" -c 'import venv, ensurepip' >/dev/null 2>&1; }
if [ -x "$venv/bin/python" ]; then
  :  # the venv exists; its base Python is not needed again
elif ! python_ok; then
  die "FactorLab needs Python $MIN_PYTHON or newer to make .venv; found ${base_python:-no python3} ($("$base_python" --version 2>&1 || true)).
Install it (Debian: apt-get install -y python3 python3-venv) or set FACTORLAB_PYTHON to one."
elif ! venv_module_ok; then
  apt_missing+=(python3-venv)
fi

can_apt() { command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || sudo -n true >/dev/null 2>&1; }; }
if [ ${#apt_missing[@]} -gt 0 ]; then
  if $check_only; then
    need "system packages ${apt_missing[*]} (apt-get install -y ${apt_missing[*]})"
  elif can_apt; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo -n"
    say "installing from apt: ${apt_missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq || die "apt-get update failed"
    $sudo apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null ||
      die "apt-get install -y ${apt_missing[*]} failed"
  else
    why="this machine has no apt-get"; command -v apt-get >/dev/null 2>&1 && why="we are not root and have no password-less sudo"
    die "missing: ${apt_missing[*]}, and $why. Install them with:
    sudo apt-get install -y ${apt_missing[*]}
(or your system's equivalent), then re-run scripts/setup.sh."
  fi
fi

# --- Go and the Go tools -------------------------------------------------------
command -v go >/dev/null 2>&1 || die "Go is not installed or not on PATH. Install Go 1.26 (https://go.dev/dl/) and re-run."
gov=$(go env GOVERSION)
case "$gov" in
  go1.2[6-9]*|go1.[3-9][0-9]*) ;;
  *) die "FactorLab needs Go 1.26 or newer; found $gov." ;;
esac
gobin=$(go env GOBIN); [ -n "$gobin" ] || gobin="$(go env GOPATH | cut -d: -f1)/bin"
export PATH="$gobin:$PATH"

gonb_want=$(go list -m -f '{{.Version}}' github.com/janpfeifer/gonb)
mod_version() { go version -m "$1" 2>/dev/null | awk -v m="$2" '($1=="mod"||$1=="dep") && $2==m {print $3; exit}'; }
tool_ok() { [ -x "$gobin/$1" ] && [ "$(mod_version "$gobin/$1" "$2")" = "$3" ]; }
install_go_tool() { # name, package, run in (module folder or a temp folder)
  say "installing $1 ($2) into $gobin"
  # -trimpath: the build does not depend on where the module cache is, so
  # docker/install.sh (and its test, with a fresh module cache) reuses it.
  (cd "$3" && go install -trimpath "$2") || die "go install $2 failed (is the Go module proxy reachable?)"
}
tmpdir=${TMPDIR:-/tmp}
check_tool() { # name module version package dir
  if tool_ok "$1" "$2" "$3"; then return; fi
  if $check_only; then need "$1 $3 (go install $4)"; else install_go_tool "$1" "$4" "$5"; fi
}
check_tool gonb github.com/janpfeifer/gonb "$gonb_want" github.com/janpfeifer/gonb "$root"
check_tool gopls golang.org/x/tools/gopls "$GOPLS_VERSION" "golang.org/x/tools/gopls@$GOPLS_VERSION" "$tmpdir"
check_tool goimports golang.org/x/tools "$XTOOLS_VERSION" "golang.org/x/tools/cmd/goimports@$XTOOLS_VERSION" "$tmpdir"

# --- the Python environment: .venv ---------------------------------------------
req_sum=$(sha256sum "$reqs" | cut -d' ' -f1)
# pins_ok: every name==version of requirements.txt is what the venv has.
pins_ok() {
  "$venv/bin/python" - "$reqs" <<'PY' >/dev/null 2>&1
import re, sys
from importlib import metadata
bad = []
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"^([A-Za-z0-9_.\-]+)(\[[^\]]*\])?==([^\s;\\]+)", line)
    if not m:
        continue
    try:
        have = metadata.version(m.group(1))
    except metadata.PackageNotFoundError:
        have = None
    if have != m.group(3):
        bad.append(m.group(1))
sys.exit(1 if bad else 0)
PY
}
venv_current() { [ -x "$venv/bin/python" ] && { [ "$(cat "$stamp" 2>/dev/null)" = "$req_sum" ] || pins_ok; }; }

if ! venv_current; then
  if $check_only; then
    need "the Python environment .venv with scripts/requirements.txt (python3 -m venv; pip install)"
  else
    if [ ! -x "$venv/bin/python" ]; then
      say "making the Python environment $venv with $base_python ($("$base_python" --version 2>&1))"
      "$base_python" -m venv "$venv" || die "$base_python -m venv $venv failed (Debian: apt-get install -y python3-venv)"
    fi
    say "installing the pinned Jupyter stack (scripts/requirements.txt) into .venv"
    start=$SECONDS
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r "$reqs" ||
      die "pip install -r scripts/requirements.txt failed (is PyPI reachable?). Remove .venv and re-run to start over."
    "$venv/bin/python" -c 'import jupyterlab, nbclient, nbconvert, nbformat' ||
      die "the venv cannot import jupyterlab/nbclient/nbconvert after installation"
    echo "$req_sum" >"$stamp"
    say "installed $("$venv/bin/jupyter-lab" --version | sed 's/^/JupyterLab /') in $((SECONDS - start)) s"
  fi
fi

# --- the gonb kernel, in the venv ---------------------------------------------
kdir=$venv/share/jupyter/kernels/gonb
launcher=$venv/bin/factorlab-gonb-kernel
kernel_ok() {
  [ -f "$kdir/kernel.json" ] && [ -f "$kdir/logo-svg.svg" ] && cmp -s "$root/scripts/gonb-kernel.sh" "$launcher" &&
    grep -q "\"FACTORLAB_GOBIN\": \"$gobin\"" "$kdir/kernel.json"
}
if ! kernel_ok; then
  if $check_only; then
    need "the gonb kernel in .venv/share/jupyter/kernels/gonb"
  elif [ -x "$venv/bin/python" ] && [ -x "$gobin/gonb" ]; then
    # What `gonb --install` writes (kernel.json and its logo), made in a
    # scratch folder; our kernel.json starts GoNB through the launcher, which
    # names what is missing when the kernel cannot start.
    scratch=$(mktemp -d)
    JUPYTER_DATA_DIR=$scratch "$gobin/gonb" --install --logtostderr=false >/dev/null 2>&1 ||
      JUPYTER_DATA_DIR=$scratch "$gobin/gonb" --install || { rm -rf "$scratch"; die "gonb --install failed"; }
    mkdir -p "$kdir"
    cp "$scratch/kernels/gonb/logo-svg.svg" "$kdir/" 2>/dev/null || true
    install -m 0755 "$root/scripts/gonb-kernel.sh" "$launcher"
    # The launcher's resolved path: a .venv that is a link to a shared venv
    # gets the same kernel.json from every checkout.
    launcher_real=$(cd "$(dirname "$launcher")" && pwd -P)/$(basename "$launcher")
    "$venv/bin/python" - "$scratch/kernels/gonb/kernel.json" "$kdir/kernel.json" "$launcher_real" "$gobin" <<'PY' || { rm -rf "$scratch"; die "cannot write $kdir/kernel.json"; }
import json, sys
src, dst, launcher, gobin = sys.argv[1:]
spec = json.load(open(src))
if spec.get("argv", [None])[1:2] != ["--kernel"]:
    sys.exit("gonb --install wrote an unexpected kernel.json: %r" % spec)
spec["argv"] = [launcher, "{connection_file}"]
spec.setdefault("env", {})["FACTORLAB_GOBIN"] = gobin
with open(dst, "w") as f:
    json.dump(spec, f, indent=1)
    f.write("\n")
PY
    rm -rf "$scratch"
    say "registered the gonb kernel in $kdir"
  fi
fi
if [ -f "$HOME/.local/share/jupyter/kernels/gonb/kernel.json" ] && ! $check_only; then
  say "note: an older gonb kernel is registered in ~/.local/share/jupyter/kernels/gonb; the venv's Jupyter uses its own (rm -rf ~/.local/share/jupyter/kernels/gonb to remove the old one)"
fi

# --- npm packages of the tests ---------------------------------------------------
for pkg in internal/*/package.json; do
  [ -f "$pkg" ] || continue
  dir=$(dirname "$pkg")
  lock=$dir/package-lock.json
  [ -f "$lock" ] || die "$dir has a package.json but no package-lock.json (run npm install there and commit the lock file)"
  lock_sum=$(sha256sum "$lock" | cut -d' ' -f1)
  if [ "$(cat "$dir/node_modules/.factorlab-lock" 2>/dev/null)" = "$lock_sum" ]; then continue; fi
  if $check_only; then
    need "the npm packages of $dir (npm ci)"
  else
    say "npm ci in $dir"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --no-update-notifier --loglevel=error >/dev/null) ||
      die "npm ci in $dir failed (is the npm registry reachable?)"
    echo "$lock_sum" >"$dir/node_modules/.factorlab-lock"
  fi
done

if $check_only; then
  if [ ${#missing[@]} -gt 0 ]; then
    printf 'setup: missing: %s\n' "${missing[@]}"
    echo "setup: run scripts/setup.sh (or make setup) to install them."
    exit 1
  fi
  say "everything is installed"
  exit 0
fi
kernel_ok || die "the gonb kernel is not registered in $kdir"
start=$SECONDS
bash "$root/scripts/warm_cache.sh" >/dev/null || die "scripts/warm_cache.sh failed: the notebooks' packages do not build (run it to see why)"
say "Go build cache warm for the notebooks ($((SECONDS - start)) s)"
say "ready: GoNB $gonb_want, $("$venv/bin/jupyter-lab" --version | sed 's/^/JupyterLab /'), kernel in .venv. Start the notebooks with: make lab"
