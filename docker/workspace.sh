#!/usr/bin/env bash
# Make a writable FactorLab workspace for one user:
#
#   docker/workspace.sh SRC DEST
#
# DEST/notebooks is a copy of SRC/notebooks that the user owns and edits; every
# other top-level entry of SRC (go.mod, go.sum, pkg/, README.md, ...) is a
# symbolic link into SRC. The notebooks' set-up cell walks up from the
# notebook's folder to the first go.mod, so in DEST it finds DEST/go.mod and
# points GoNB at DEST, whose pkg/ is the read-only copy in SRC.
#
# The image runs this at start (before-notebook.d) with SRC=/opt/factorlab and
# DEST=$HOME/factorlab, and ran it once at build time for the same path, so
# the warmed build cache matches (Go keys compiled packages by their folder).
# An existing DEST/notebooks is left alone: a student's work is never
# overwritten; missing links are added.
set -euo pipefail
src=${1:?usage: workspace.sh SRC DEST}
dest=${2:?usage: workspace.sh SRC DEST}
src=$(cd "$src" && pwd -P)
[ -f "$src/go.mod" ] || { echo "workspace: $src has no go.mod; is it the FactorLab repository?" >&2; exit 1; }
mkdir -p "$dest"
if [ -e "$dest/notebooks" ]; then
  echo "workspace: $dest/notebooks exists; leaving it as it is"
else
  cp -R "$src/notebooks" "$dest/notebooks"
  find "$dest/notebooks" -name .ipynb_checkpoints -prune -exec rm -rf {} +
  chmod -R u+rwX "$dest/notebooks"
  echo "workspace: copied the notebooks to $dest/notebooks"
fi
for entry in "$src"/*; do
  name=$(basename "$entry")
  case "$name" in notebooks|build|node_modules) continue ;; esac
  [ -e "$dest/$name" ] || [ -L "$dest/$name" ] || ln -s "$entry" "$dest/$name"
done
