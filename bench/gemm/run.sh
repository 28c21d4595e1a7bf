#!/bin/sh
# Copyright ©2026 The FactorLab Authors.
#
# Dgemm GFLOP/s of FactorLab's Level-3 BLAS, gonum and OpenBLAS in one run,
# single-threaded. Without lapacke/OpenBLAS headers the OpenBLAS column is
# left out.
#
#   bench/gemm/run.sh                        # n = 64 … 2000, 3 rounds
#   bench/gemm/run.sh -sizes 500,1000 -rounds 5
set -eu
cd "$(dirname "$0")/../.."
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 GOMAXPROCS=1
# OpenBLAS prints the kernel family it picked ("Core: …") on start-up. Set
# OPENBLAS_CORETYPE (e.g. SkylakeX) to override its CPU detection.
export OPENBLAS_VERBOSE=2
if echo '#include <cblas.h>' | ${CC:-cc} -E -x c - >/dev/null 2>&1; then
	exec env CGO_LDFLAGS="-lopenblas" go run -tags openblas ./bench/gemm "$@"
fi
echo "bench/gemm: no cblas.h, OpenBLAS left out (apt-get install libopenblas-dev)" >&2
exec go run ./bench/gemm "$@"
