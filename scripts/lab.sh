#!/usr/bin/env bash
# Start JupyterLab 4 from the project's Python environment (.venv) on
# notebooks/, opening 00_welcome.ipynb. Used by `make lab`.
#
# It listens on 127.0.0.1 only, with token authentication, on the first free
# port from FACTORLAB_PORT (default 8888) on, and prints the address to open
# once the server answers.
#
#   FACTORLAB_PORT=8888   first port to try (the next free one is used if taken)
#   JUPYTER_TOKEN=...     token to use (a random one otherwise)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
die() { printf 'lab: error: %s\n' "$*" >&2; exit 1; }

bash "$root/scripts/setup.sh" --check >/dev/null 2>&1 || bash "$root/scripts/setup.sh"
# A second or two when the Go build cache is already warm; otherwise it makes
# the first cell fast instead of the first cell waiting for these builds.
bash "$root/scripts/warm_cache.sh" >/dev/null || die "scripts/warm_cache.sh failed (run it to see why)"

venv=$root/.venv
python=$venv/bin/python
[ -x "$venv/bin/jupyter-lab" ] || die "$venv/bin/jupyter-lab is missing: run scripts/setup.sh (make setup)"
version=$("$venv/bin/jupyter-lab" --version)
case "$version" in 4.*) ;; *) die "the venv has JupyterLab $version, not 4.x: rm -rf .venv and run scripts/setup.sh" ;; esac
gobin=$(go env GOBIN); [ -n "$gobin" ] || gobin="$(go env GOPATH | cut -d: -f1)/bin"
export PATH="$venv/bin:$gobin:$PATH"
export JUPYTER_PREFER_ENV_PATH=1   # the venv's gonb kernel before any in ~/.local/share/jupyter

port=${FACTORLAB_PORT:-8888}
case "$port" in ''|*[!0-9]*) die "FACTORLAB_PORT=$port is not a port number" ;; esac
free=$("$python" - "$port" <<'PY'
import socket, sys
p = int(sys.argv[1])
for cand in range(p, min(p + 50, 65536)):
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", cand))
    except OSError:
        continue
    finally:
        s.close()
    print(cand)
    break
PY
)
[ -n "$free" ] || die "ports $port-$((port + 49)) on 127.0.0.1 are all in use; set FACTORLAB_PORT to a free one"
[ "$free" = "$port" ] || echo "lab: port $port is in use, using $free instead"
export JUPYTER_TOKEN=${JUPYTER_TOKEN:-$("$python" -c 'import secrets; print(secrets.token_hex(24))')}

url="http://127.0.0.1:$free/lab/tree/00_welcome.ipynb?token=$JUPYTER_TOKEN"
echo "lab: starting JupyterLab $version on 127.0.0.1:$free (stop it with Ctrl-C)"
# Print the address once the server answers, not before: a page opened
# earlier would only show "connection refused".
(
  if "$python" - "$free" "$JUPYTER_TOKEN" <<'PY'
import sys, time, urllib.request
port, token = sys.argv[1], sys.argv[2]
deadline = time.monotonic() + 120
while time.monotonic() < deadline:
    try:
        req = urllib.request.Request(f"http://127.0.0.1:{port}/api/status",
                                     headers={"Authorization": f"token {token}"})
        with urllib.request.urlopen(req, timeout=2) as r:
            if r.status == 200:
                sys.exit(0)
    except OSError:
        pass
    time.sleep(0.3)
sys.exit(1)
PY
  then
    echo "lab: ready: the FactorLab notebooks are at"
    echo "lab:   $url"
  else
    echo "lab: JupyterLab did not answer on port $free within 120 s; its log is above" >&2
  fi
) &
extra=(); [ "$(id -u)" != 0 ] || extra=(--allow-root)
cd "$root/notebooks"
exec "$venv/bin/jupyter-lab" "${extra[@]}" --no-browser --ip=127.0.0.1 --port="$free" --port-retries=0 \
  --ServerApp.root_dir="$root/notebooks" --LabApp.default_url=/lab/tree/00_welcome.ipynb
