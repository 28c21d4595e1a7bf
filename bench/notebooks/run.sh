#!/usr/bin/env bash
# Cell latency of the notebooks on the GoNB kernel (see latency.py and README.md).
#   bench/notebooks/run.sh [--rounds N] [--no-cold] [--no-python] [--json FILE] [NOTEBOOK ...]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
py="$root/.venv/bin/python"
[ -x "$py" ] || { echo "bench/notebooks: no $py; run scripts/setup.sh (make setup) first" >&2; exit 2; }
exec "$py" "$root/bench/notebooks/latency.py" "$@"
