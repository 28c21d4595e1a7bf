// Copyright ©2026 The FactorLab Authors.

package level3

import "gonum.org/v1/gonum/blas/gonum"

// Implementation is gonum's BLAS with the Level-3 routines of this package
// in place of gonum's own. Its zero value is ready to use; install it with
// blas64.Use(level3.Implementation{}).
type Implementation struct {
	gonum.Implementation
}

// Kernel names the micro-kernel Dgemm uses on this machine: "avx512",
// "avx2" or "go".
func Kernel() string { return active.name }

// Panic messages, worded as gonum's BLAS words them.
const (
	badTransA = "blas: illegal transA"
	badTransB = "blas: illegal transB"
	badTrans  = "blas: illegal transpose"
	badUplo   = "blas: illegal triangle"
	badSide   = "blas: illegal side"
	badDiag   = "blas: illegal diagonal"
	mLT0      = "blas: m < 0"
	nLT0      = "blas: n < 0"
	kLT0      = "blas: k < 0"
	badLdA    = "blas: bad leading dimension of A"
	badLdB    = "blas: bad leading dimension of B"
	badLdC    = "blas: bad leading dimension of C"
	shortA    = "blas: insufficient length of a"
	shortB    = "blas: insufficient length of b"
	shortC    = "blas: insufficient length of c"
)
