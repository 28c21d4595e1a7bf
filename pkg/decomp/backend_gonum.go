// Copyright ©2026 The FactorLab Authors.

//go:build !openblas

package decomp

import (
	"strings"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/lapack64"

	"github.com/factorlab/factorlab/pkg/decomp/internal/schur"
)

// Backend names the LAPACK implementation this build uses: "gonum" (pure Go,
// the default) or "openblas" (cgo, built with -tags openblas).
const Backend = "gonum"

// geev computes the eigenvalues (wr + i·wi) and, when vr is not empty, the
// right eigenvectors of the square matrix a in LAPACK's packed real form.
// a is overwritten. It reports whether the QR algorithm converged.
func geev(a blas64.General, wr, wi []float64, vr blas64.General) bool {
	if vr.Rows == 0 {
		return schur.Geev(a.Rows, a.Data, a.Stride, wr, wi, nil, 0)
	}
	return schur.Geev(a.Rows, a.Data, a.Stride, wr, wi, vr.Data, vr.Stride)
}

// syev computes the eigenvalues of the symmetric matrix held in the upper
// triangle of a in ascending order and, if vectors, overwrites a with the
// orthonormal eigenvectors. It reports whether the algorithm converged.
func syev(a blas64.General, w []float64, vectors bool) bool {
	if vectors && a.Rows >= syevdMin {
		return syevd(a, w)
	}
	jobz := lapack.EVNone
	if vectors {
		jobz = lapack.EVCompute
	}
	s := blas64.Symmetric{N: a.Rows, Stride: a.Stride, Data: a.Data, Uplo: blas.Upper}
	if !vectors {
		// gonum v0.17's eigenvalues-only path (Dsterf) panics in Dlascl when
		// the tridiagonal matrix splits off a block of tiny norm; the path
		// with vectors (Dsteqr) does not. Retry on a copy with vectors then.
		orig := append([]float64(nil), a.Data...)
		if ok, panicked := syevNoVectors(s, w); !panicked {
			return ok
		}
		copy(a.Data, orig)
		jobz = lapack.EVCompute
	}
	work := []float64{0}
	lapack64.Syev(jobz, s, w, work, -1)
	work = make([]float64, int(work[0]))
	return lapack64.Syev(jobz, s, w, work, len(work))
}

// syevNoVectors runs the eigenvalues-only dsyev and reports a panic from
// gonum's LAPACK instead of propagating it.
func syevNoVectors(s blas64.Symmetric, w []float64) (ok, panicked bool) {
	defer func() {
		if r := recover(); r != nil {
			if msg, isStr := r.(string); !isStr || !strings.HasPrefix(msg, "lapack: ") {
				panic(r)
			}
			ok, panicked = false, true
		}
	}()
	work := []float64{0}
	lapack64.Syev(lapack.EVNone, s, w, work, -1)
	work = make([]float64, int(work[0]))
	return lapack64.Syev(lapack.EVNone, s, w, work, len(work)), false
}

// gesvd computes the singular values of the m×n matrix a (overwritten) into s
// and, as requested by jobU and jobVT, the left and right singular vectors
// into u and vt. It reports whether the algorithm converged. The thin SVD
// with both U and Vᵀ of a matrix whose smaller dimension is at least
// gesddMin and at most gesddMax, and whose sides differ by at most a factor
// gesddAspect, is computed by divide and conquer (gesdd),
// which falls back to bidiagonal QR itself when its result fails its
// accuracy check; Dgesvd runs only if that did not converge either.
func gesvd(jobU, jobVT lapack.SVDJob, a, u, vt blas64.General, s []float64) bool {
	if k := min(a.Rows, a.Cols); jobU == lapack.SVDStore && jobVT == lapack.SVDStore &&
		k >= gesddMin && k <= gesddMax && max(a.Rows, a.Cols) <= gesddAspect*k && gesdd(a, u, vt, s) {
		return true
	}
	work := []float64{0}
	lapack64.Gesvd(jobU, jobVT, a, u, vt, s, work, -1)
	work = make([]float64, int(work[0]))
	return lapack64.Gesvd(jobU, jobVT, a, u, vt, s, work, len(work))
}

// skinnyMax is the largest small dimension for which gemm uses its own
// dot and axpy loops rather than gonum's Dgemm, whose blocking is slow when one
// dimension is tiny (the randomized SVD multiplies n×n by n×(r+p)).
const skinnyMax = 128

// gemm computes c = alpha·op(a)·op(b) + beta·c.
func gemm(tA, tB blas.Transpose, alpha float64, a, b blas64.General, beta float64, c blas64.General) {
	if level3Installed() { // packed kernels: faster than the loops below for every shape
		blas64.Gemm(tA, tB, alpha, a, b, beta, c)
		return
	}
	switch {
	case alpha == 1 && beta == 0 && tA == blas.NoTrans && tB == blas.Trans && c.Cols <= skinnyMax:
		// c = a·bᵀ with few rows in b: one long dot product per element.
		for i := 0; i < c.Rows; i++ {
			ai := a.Data[i*a.Stride : i*a.Stride+a.Cols]
			ci := c.Data[i*c.Stride : i*c.Stride+c.Cols]
			for j := range ci {
				ci[j] = floats.Dot(ai, b.Data[j*b.Stride:j*b.Stride+b.Cols])
			}
		}
	case alpha == 1 && beta == 0 && tA == blas.Trans && tB == blas.NoTrans && c.Rows <= skinnyMax:
		// c = aᵀ·b with few columns in a: long axpys into the rows of c.
		for j := 0; j < c.Rows; j++ {
			cj := c.Data[j*c.Stride : j*c.Stride+c.Cols]
			for k := range cj {
				cj[k] = 0
			}
		}
		for i := 0; i < a.Rows; i++ {
			bi := b.Data[i*b.Stride : i*b.Stride+b.Cols]
			for j := 0; j < c.Rows; j++ {
				if v := a.Data[i*a.Stride+j]; v != 0 {
					floats.AddScaled(c.Data[j*c.Stride:j*c.Stride+c.Cols], v, bi)
				}
			}
		}
	default:
		blas64.Gemm(tA, tB, alpha, a, b, beta, c)
	}
}

// orthonormalize overwrites the m×n matrix a (m ≥ n) with the n orthonormal
// columns of the Q factor of its QR factorization.
func orthonormalize(a blas64.General) {
	n := a.Cols
	tau := make([]float64, n)
	work := []float64{0}
	lapack64.Geqrf(a, tau, work, -1)
	lwork := int(work[0])
	lapack64.Orgqr(a, tau, work, -1)
	lwork = max(lwork, int(work[0]))
	work = make([]float64, lwork)
	lapack64.Geqrf(a, tau, work, lwork)
	lapack64.Orgqr(a, tau, work, lwork)
}

// orthonormalizeRows overwrites the m×n matrix a (m ≤ n) with the m
// orthonormal rows of the Q factor of its LQ factorization.
func orthonormalizeRows(a blas64.General) {
	m := a.Rows
	tau := make([]float64, m)
	work := []float64{0}
	lapack64.Gelqf(a, tau, work, -1)
	lwork := int(work[0])
	lapack64.Orglq(a, tau, work, -1)
	lwork = max(lwork, int(work[0]))
	work = make([]float64, lwork)
	lapack64.Gelqf(a, tau, work, lwork)
	lapack64.Orglq(a, tau, work, lwork)
}
