// Copyright ©2026 The FactorLab Authors.

//go:build !openblas

package decomp

import (
	"math"
	"strings"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/lapack64"

	"github.com/factorlab/factorlab/pkg/decomp/internal/householder"
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
// into u and vt. It reports whether the algorithm converged.
//
// The thin SVD with both U and Vᵀ and gesddMin ≤ min(m, n) ≤ gesddMax is the
// divide and conquer thin SVD (gesdd, which falls back to bidiagonal QR
// itself when its result fails its accuracy check; Dgesvd runs only if that
// did not converge either). Otherwise, with min(m, n) ≤ blockedMin it is
// gonum's Dgesvd. Above, Dgesvd would run
// gonum's blocked Householder code, which goes wrong on some structured
// matrices (internal/householder), so: values only come from the QR (LQ)
// factorization by internal/householder and Dgesvd's bidiagonal path on the
// square factor; vectors, for min(m, n) ≤ gesddMax, come from the divide and
// conquer thin SVD (gesdd, which falls back to bidiagonal QR itself when
// its result fails its accuracy check), completed to a full basis by
// Householder QR when asked for; beyond gesddMax Dgesvd runs and its result
// is checked, with gesdd as the fallback.
func gesvd(jobU, jobVT lapack.SVDJob, a, u, vt blas64.General, s []float64) bool {
	m, n := a.Rows, a.Cols
	k := min(m, n)
	switch {
	case jobU == lapack.SVDStore && jobVT == lapack.SVDStore && k >= gesddMin && k <= gesddMax:
		if gesdd(a, u, vt, s) {
			return true
		}
		return dgesvd(jobU, jobVT, a, u, vt, s)
	case k <= blockedMin:
		return dgesvd(jobU, jobVT, a, u, vt, s)
	case jobU == lapack.SVDNone && jobVT == lapack.SVDNone:
		return gesvdValues(a, s)
	case k <= gesddMax:
		return gesvdByGesdd(jobU, jobVT, a, u, vt, s)
	}
	orig := blas64.General{Rows: m, Cols: n, Stride: n, Data: make([]float64, m*n)}
	for i := 0; i < m; i++ {
		copy(orig.Data[i*n:(i+1)*n], a.Data[i*a.Stride:i*a.Stride+n])
	}
	if dgesvd(jobU, jobVT, a, u, vt, s) {
		switch {
		case jobU != lapack.SVDNone && jobVT != lapack.SVDNone:
			if svdHolds(orig, u, vt, s) {
				return true
			}
		case jobU != lapack.SVDNone:
			if orthonormalCols(u, 64*float64(max(m, n))*0x1p-52) {
				return true
			}
		default:
			if orthonormalRows(vt, 64*float64(max(m, n))*0x1p-52) {
				return true
			}
		}
	}
	return gesvdByGesdd(jobU, jobVT, orig, u, vt, s)
}

// gesvdByGesdd is gesvd by gesdd's thin SVD: each side asked for is copied
// out, and completed to a square orthogonal matrix for lapack.SVDAll.
func gesvdByGesdd(jobU, jobVT lapack.SVDJob, a, u, vt blas64.General, s []float64) bool {
	m, n := a.Rows, a.Cols
	k := min(m, n)
	tu := blas64.General{Rows: m, Cols: k, Stride: k, Data: make([]float64, m*k)}
	tvt := blas64.General{Rows: k, Cols: n, Stride: n, Data: make([]float64, k*n)}
	if !gesdd(a, tu, tvt, s) {
		return false
	}
	if jobU != lapack.SVDNone {
		for i := 0; i < m; i++ {
			copy(u.Data[i*u.Stride:i*u.Stride+k], tu.Data[i*k:(i+1)*k])
		}
		if jobU == lapack.SVDAll && m > k {
			completeColumns(u, k)
		}
	}
	if jobVT != lapack.SVDNone {
		for i := 0; i < k; i++ {
			copy(vt.Data[i*vt.Stride:i*vt.Stride+n], tvt.Data[i*n:(i+1)*n])
		}
		if jobVT == lapack.SVDAll && n > k {
			// The rows of Vᵀ are the columns of V.
			v := transposed(blas64.General{Rows: n, Cols: n, Stride: vt.Stride, Data: vt.Data})
			completeColumns(v, k)
			copyTransposed(blas64.General{Rows: n, Cols: n, Stride: vt.Stride, Data: vt.Data}, v)
		}
	}
	return true
}

// completeColumns fills columns k… of the square q, whose first k columns
// are orthonormal, with an orthonormal basis of their complement: the last
// columns of the Q of the Householder QR of those k columns.
func completeColumns(q blas64.General, k int) {
	m := q.Rows
	w := make([]float64, m*m)
	for i := 0; i < m; i++ {
		copy(w[i*m:i*m+k], q.Data[i*q.Stride:i*q.Stride+k])
	}
	tau := make([]float64, k)
	householder.Geqrf(m, k, w, m, tau)
	householder.Orgqr(m, m, k, w, m, tau)
	for i := 0; i < m; i++ {
		copy(q.Data[i*q.Stride+k:i*q.Stride+m], w[i*m+k:(i+1)*m])
	}
}

// blockedMin is the largest number of reflectors for which gonum's
// Householder routines (Dgeqrf, Dorgqr, …) never take their blocked code.
const blockedMin = 128

// dgesvd runs gonum's Dgesvd.
func dgesvd(jobU, jobVT lapack.SVDJob, a, u, vt blas64.General, s []float64) bool {
	work := []float64{0}
	lapack64.Gesvd(jobU, jobVT, a, u, vt, s, work, -1)
	work = make([]float64, int(work[0]))
	return lapack64.Gesvd(jobU, jobVT, a, u, vt, s, work, len(work))
}

// gesvdValues computes the singular values of a long matrix the way Dgesvd
// does, by the QR (or LQ) factorization first, but with that factorization
// from internal/householder; the square factor's values then come from
// Dgesvd's bidiagonal path, which uses no blocked Householder code.
func gesvdValues(a blas64.General, s []float64) bool {
	m, n := a.Rows, a.Cols
	k := min(m, n)
	if 10*max(m, n) < 16*k { // Dgesvd would not factorize first
		return dgesvd(lapack.SVDNone, lapack.SVDNone, a, blas64.General{}, blas64.General{}, s)
	}
	tau := make([]float64, k)
	r := blas64.General{Rows: k, Cols: k, Stride: k, Data: make([]float64, k*k)}
	if m >= n {
		householder.Geqrf(m, n, a.Data, a.Stride, tau)
		for i := 0; i < k; i++ {
			copy(r.Data[i*k+i:(i+1)*k], a.Data[i*a.Stride+i:i*a.Stride+n])
		}
	} else {
		householder.Gelqf(m, n, a.Data, a.Stride, tau)
		for i := 0; i < k; i++ {
			copy(r.Data[i*k:i*k+i+1], a.Data[i*a.Stride:i*a.Stride+i+1])
		}
	}
	return dgesvd(lapack.SVDNone, lapack.SVDNone, r, blas64.General{}, blas64.General{}, s)
}

// svdHolds reports whether u, s and vt, as Dgesvd left them, factorize a:
// ‖A − U·Σ·Vᵀ‖ and the orthogonality of U's and Vᵀ's computed columns and
// rows within 64·max(m, n)·ε (max norm, relative to max|aᵢⱼ| for the
// residual). Rounding keeps them within a few ε; gonum's blocked defect
// leaves errors of 10⁻³ and more.
func svdHolds(a, u, vt blas64.General, s []float64) bool {
	m, n := a.Rows, a.Cols
	k := min(m, n)
	tol := 64 * float64(max(m, n)) * 0x1p-52
	us := blas64.General{Rows: m, Cols: k, Stride: k, Data: make([]float64, m*k)}
	for i := 0; i < m; i++ {
		for j := 0; j < k; j++ {
			us.Data[i*k+j] = u.Data[i*u.Stride+j] * s[j]
		}
	}
	res := blas64.General{Rows: m, Cols: n, Stride: n, Data: append([]float64(nil), a.Data...)}
	blas64.Gemm(blas.NoTrans, blas.NoTrans, -1, us, blas64.General{Rows: k, Cols: n, Stride: vt.Stride, Data: vt.Data}, 1, res)
	big := maxAbs(a)
	for _, x := range res.Data {
		if !(math.Abs(x) <= tol*big) {
			return false
		}
	}
	return orthonormalCols(u, tol) && orthonormalRows(vt, tol)
}

func orthonormalCols(q blas64.General, tol float64) bool {
	g := blas64.General{Rows: q.Cols, Cols: q.Cols, Stride: q.Cols, Data: make([]float64, q.Cols*q.Cols)}
	blas64.Gemm(blas.Trans, blas.NoTrans, 1, q, q, 0, g)
	return nearIdentity(g, tol)
}

func orthonormalRows(q blas64.General, tol float64) bool {
	g := blas64.General{Rows: q.Rows, Cols: q.Rows, Stride: q.Rows, Data: make([]float64, q.Rows*q.Rows)}
	blas64.Gemm(blas.NoTrans, blas.Trans, 1, q, q, 0, g)
	return nearIdentity(g, tol)
}

func nearIdentity(g blas64.General, tol float64) bool {
	for i := 0; i < g.Rows; i++ {
		for j := 0; j < g.Cols; j++ {
			want := 0.0
			if i == j {
				want = 1
			}
			if !(math.Abs(g.Data[i*g.Stride+j]-want) <= tol) {
				return false
			}
		}
	}
	return true
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
	tau := make([]float64, a.Cols)
	householder.Geqrf(a.Rows, a.Cols, a.Data, a.Stride, tau)
	householder.Orgqr(a.Rows, a.Cols, a.Cols, a.Data, a.Stride, tau)
}

// orthonormalizeRows overwrites the m×n matrix a (m ≤ n) with the m
// orthonormal rows of the Q factor of its LQ factorization.
func orthonormalizeRows(a blas64.General) {
	tau := make([]float64, a.Rows)
	householder.Gelqf(a.Rows, a.Cols, a.Data, a.Stride, tau)
	householder.Orglq(a.Rows, a.Cols, a.Rows, a.Data, a.Stride, tau)
}
