#!/bin/sh
# Copyright ©2026 The FactorLab Authors.
#
# Run a whole class on a local JupyterHub and print the figures a teacher
# sizes a machine with: per student the spawn time, time to first output,
# per-cell latency (p50/p95), total time, CPU seconds and peak memory of the
# server + kernel + go build; the hub's own memory, CPU and restart time; and
# students per core and per GB. It is internal/hubtest's TestClass with more
# students (make test runs 3).
#
#   bench/hub/run.sh                 # 6 students, Go build cache seeded per student
#   bench/hub/run.sh --students 12
#   bench/hub/run.sh --cold          # students start with an empty Go build cache
#   bench/hub/run.sh --no-kill       # no kernel or server is killed (cleaner timings)
#
# Needs root for real per-student OS users (otherwise every student runs as
# you and the isolation checks are left out), jupyterhub in .venv
# (scripts/requirements.txt) and configurable-http-proxy
# (cd internal/hubtest && npm ci). The table is also written to
# bench/results/hub-<students>-<cache>.md.
set -eu
cd "$(dirname "$0")/../.."
args="$*"
students=6
cache=warm
faults=on
while [ $# -gt 0 ]; do
  case "$1" in
    --students) students=$2; shift 2 ;;
    --cold) cache=cold; shift ;;
    --no-kill) faults=off; shift ;;
    -h|--help) sed -n '3,/^set /p' "$0" | sed '$d'; exit 0 ;;
    *) echo "bench/hub/run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
mkdir -p bench/results
out=bench/results/hub-$students-$cache.md
echo "bench/hub: $students students, Go build cache $cache; load average $(cut -d' ' -f1-3 /proc/loadavg)"
FACTORLAB_HUB_STUDENTS=$students FACTORLAB_HUB_GOCACHE=$cache FACTORLAB_HUB_FAULTS=$faults FACTORLAB_HUB_REPORT=$PWD/$out \
  nice go test -count=1 -run '^TestClass$' -timeout 90m ./internal/hubtest/ >"$out.log" 2>&1 || {
  echo "bench/hub: the class run failed; its log is $out.log (tail):" >&2
  tail -40 "$out.log" >&2
  exit 1
}
cat "$out"
echo "(command: bench/hub/run.sh${args:+ $args}; full log in $out.log)"
