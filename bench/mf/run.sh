#!/usr/bin/env bash
# pkg/mf against PyTorch (Debian's python3-torch, CPU): see README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON=${PYTHON:-$([ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3)}
"$PYTHON" bench/mf/run.py "$@"
