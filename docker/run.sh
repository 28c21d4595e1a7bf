#!/usr/bin/env bash
# FactorLab in Docker, in one command from a clone:
#
#   docker/run.sh              build the image if it is missing, then start it
#   docker/run.sh --rebuild    build it again first (after a git pull)
#
#   FACTORLAB_PORT=8888        port on 127.0.0.1 to serve JupyterLab on
#   FACTORLAB_IMAGE=factorlab  image name
#   FACTORLAB_WORK=./work      host folder mounted at ~/work in the container
#                              (what is saved there survives the container)
#   JUPYTER_TOKEN=...          token to use (a random one otherwise)
#
# Listens on 127.0.0.1 only, with token authentication; the container runs as
# the unprivileged user jovyan and is removed when it stops (Ctrl-C).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
image=${FACTORLAB_IMAGE:-factorlab}
port=${FACTORLAB_PORT:-8888}
work=${FACTORLAB_WORK:-$root/work}
rebuild=false
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=true ;;
    -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run: unknown argument $arg (try --help)" >&2; exit 2 ;;
  esac
done
die() { printf 'run: %s\n' "$*" >&2; exit 1; }

command -v docker >/dev/null 2>&1 ||
  die "Docker is not installed (no docker command). Install Docker Engine or Docker Desktop (https://docs.docker.com/get-docker/), or use 'make lab' to run without Docker."
if ! err=$(docker info 2>&1 >/dev/null); then
  die "cannot reach a Docker engine: is it running, and may your user use it? Start Docker Desktop or 'sudo systemctl start docker'; on Linux add yourself to the docker group. docker info said:
    $(printf '%s' "$err" | head -n 3)"
fi
case "$port" in ''|*[!0-9]*) die "FACTORLAB_PORT=$port is not a port number" ;; esac
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  die "port $port on 127.0.0.1 is already in use (another Jupyter, or an earlier FactorLab container: docker ps). Pick another: FACTORLAB_PORT=8890 docker/run.sh"
fi

if $rebuild || ! docker image inspect "$image" >/dev/null 2>&1; then
  echo "run: building the image $image (the first build takes a while: it downloads Go and runs every notebook once)"
  docker build -f "$root/docker/Dockerfile" -t "$image" "$root" || die "docker build failed (see above)"
fi

mkdir -p "$work"
if [ -z "${JUPYTER_TOKEN:-}" ]; then
  JUPYTER_TOKEN=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
fi
export JUPYTER_TOKEN # passed by name, so it is not on docker's command line
tty=(); [ -t 0 ] && [ -t 1 ] && tty=(-it)
echo "run: FactorLab at  http://127.0.0.1:$port/lab/tree/factorlab/notebooks/00_welcome.ipynb?token=$JUPYTER_TOKEN"
echo "run: your work in $work is ~/work in JupyterLab; stop with Ctrl-C"
exec docker run --rm "${tty[@]}" --name "factorlab-$port" \
  -p "127.0.0.1:$port:8888" \
  -e JUPYTER_TOKEN \
  -v "$work:/home/jovyan/work" \
  "$image"
