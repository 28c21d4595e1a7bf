#!/usr/bin/env bash
# Start JupyterLab (or Jupyter Notebook where Lab is absent) on notebooks/,
# listening on localhost only, with token authentication. Used by `make lab`.
#
#   FACTORLAB_PORT=8888   first port to try (the next free one is used if taken)
#   JUPYTER_TOKEN=...     token to use (a random one otherwise)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
gobin=$(go env GOBIN); [ -n "$gobin" ] || gobin="$(go env GOPATH | cut -d: -f1)/bin"
export PATH="$gobin:$PATH"

bash "$root/scripts/setup.sh" --check >/dev/null 2>&1 || bash "$root/scripts/setup.sh"

python=/usr/bin/python3; [ -x "$python" ] || python=python3
port=${FACTORLAB_PORT:-8888}
free=$("$python" - "$port" <<'PY'
import socket, sys
p = int(sys.argv[1])
for cand in range(p, p + 50):
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
[ -n "$free" ] || { echo "lab: ports $port-$((port+49)) on 127.0.0.1 are all in use; set FACTORLAB_PORT" >&2; exit 1; }
[ "$free" = "$port" ] || echo "lab: port $port is in use, using $free instead"
export JUPYTER_TOKEN=${JUPYTER_TOKEN:-$("$python" -c 'import secrets; print(secrets.token_hex(24))')}

if command -v jupyter-lab >/dev/null 2>&1; then
  app=(jupyter-lab); ui=lab
else
  app=(jupyter-notebook); ui=tree
  echo "lab: JupyterLab is not installed; starting the classic Jupyter Notebook (python3 -m pip install jupyterlab for Lab)"
fi
echo "lab: FactorLab notebooks at  http://127.0.0.1:$free/$ui?token=$JUPYTER_TOKEN"
echo "lab: stop the server with Ctrl-C"
cd "$root/notebooks"
extra=(); [ "$(id -u)" != 0 ] || extra=(--allow-root)
exec "${app[@]}" "${extra[@]}" --no-browser --ip=127.0.0.1 --port="$free" --port-retries=0 --notebook-dir="$root/notebooks"
