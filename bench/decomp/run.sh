#!/bin/sh
# Copyright ©2026 The FactorLab Authors.
#
# Compare pkg/decomp with numpy and scikit-learn on the same matrices, single
# threaded, and print the time ratios.
#
#   bench/decomp/run.sh                          # n = 500, 1000; rSVD 2000×2000 rank 10
#   bench/decomp/run.sh --sizes 1000 --reps 1    # the n = 1000 targets of issue 3
#   bench/decomp/run.sh --openblas               # Go side with -tags openblas
#
# Needs /usr/bin/python3 with numpy and scikit-learn (python3-numpy,
# python3-sklearn); --openblas needs libopenblas-dev and liblapacke-dev.
set -eu
cd "$(dirname "$0")/../.."
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 GOMAXPROCS=1
exec /usr/bin/python3 bench/decomp/compare.py "$@"
