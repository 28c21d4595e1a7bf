#!/bin/sh
# Copies the two data files that come from Debian packages into
# notebooks/data/, byte for byte, and checks them against the hashes recorded
# in notebooks/data/README.md.
#
#   apt-get install python3-skimage python3-sklearn
#   notebooks/data/make/copy_debian_data.sh
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
cp /usr/lib/python3/dist-packages/skimage/data/camera.png "$here/camera.png"
cp /usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz "$here/digits.csv.gz"
cd "$here"
sha256sum -c <<'SUMS'
b0793d2adda0fa6ae899c03989482bff9a42d3d5690fc7e3648f2795d730c23a  camera.png
46abec6b12486ad9e51943373abcf22bbea1b5a51a1619b361570d8893f1464a  digits.csv.gz
SUMS
