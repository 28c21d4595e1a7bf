// Copyright ©2026 The FactorLab Authors.

//go:build !openblas

package decomp

import (
	"math"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/gonum"

	"github.com/factorlab/factorlab/pkg/decomp/internal/tridiag"
)

// syevdMin is the order from which syev computes eigenvectors by divide and
// conquer (syevd) instead of gonum's Dsyev, whose QL iteration applies its
// rotations to the whole eigenvector matrix.
const syevdMin = 64

// syevd is LAPACK's dsyevd in pure Go: it reduces the symmetric matrix held
// in the upper triangle of a to tridiagonal form T = Qᵀ·A·Q (gonum's Dsytrd,
// Dorgtr), diagonalizes T = Z·Λ·Zᵀ by divide and conquer and overwrites a
// with the eigenvectors Q·Z, w with Λ ascending. Like Dsyev it scales a
// whose largest element is outside [√(tiny/ε), √(huge·ε)] into that range
// first. It reports whether the small QR blocks converged.
func syevd(a blas64.General, w []float64) bool {
	impl := gonum.Implementation{}
	n := a.Rows
	const (
		safmin = 0x1p-1022
		ulp    = 0x1p-52
	)
	smlnum := safmin / ulp
	rmin, rmax := math.Sqrt(smlnum), math.Sqrt(1/smlnum)
	anrm := impl.Dlansy(lapack.MaxAbs, blas.Upper, n, a.Data, a.Stride, nil)
	sigma := 1.0
	switch {
	case anrm > 0 && anrm < rmin:
		sigma = rmin / anrm
	case anrm > rmax:
		sigma = rmax / anrm
	}
	if sigma != 1 {
		impl.Dlascl(lapack.UpperTri, 0, 0, 1, sigma, n, n, a.Data, a.Stride)
	}

	e, tau := make([]float64, n-1), make([]float64, n-1)
	work := []float64{0}
	impl.Dsytrd(blas.Upper, n, a.Data, a.Stride, w, e, tau, work, -1)
	lwork := int(work[0])
	impl.Dorgtr(blas.Upper, n, a.Data, a.Stride, tau, work, -1)
	lwork = max(lwork, int(work[0]))
	work = make([]float64, lwork)
	impl.Dsytrd(blas.Upper, n, a.Data, a.Stride, w, e, tau, work, lwork)
	impl.Dorgtr(blas.Upper, n, a.Data, a.Stride, tau, work, lwork)

	z := blas64.General{Rows: n, Cols: n, Stride: n, Data: make([]float64, n*n)}
	if !tridiag.Eigen(w, e, z) {
		return false
	}
	q := blas64.General{Rows: n, Cols: n, Stride: n, Data: make([]float64, n*n)}
	for i := 0; i < n; i++ {
		copy(q.Data[i*n:(i+1)*n], a.Data[i*a.Stride:i*a.Stride+n])
	}
	blas64.Gemm(blas.NoTrans, blas.NoTrans, 1, q, z, 0, a)
	if sigma != 1 {
		for i := range w {
			w[i] /= sigma
		}
	}
	return true
}
