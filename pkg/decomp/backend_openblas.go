// Copyright ©2026 The FactorLab Authors.

//go:build openblas

package decomp

// The OpenBLAS backend calls LAPACKE and CBLAS, through gonum.org/v1/netlib
// and, for dsyevd and dgesdd, directly in column-major order. Build with
//
//	CGO_LDFLAGS="-lopenblas -llapacke" go test -tags openblas ./pkg/decomp/
//
// on a system with libopenblas-dev and liblapacke-dev. It uses the
// divide-and-conquer drivers dsyevd and dgesdd where the pure-Go build uses
// dsyev and dgesvd, and OpenBLAS's dgeev, dgemm, dgeqrf and dorgqr.

/*
#cgo LDFLAGS: -llapacke -lopenblas
#include <lapacke.h>
*/
import "C"

import (
	"unsafe"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/netlib/blas/netlib"
	"gonum.org/v1/netlib/lapack/lapacke"
)

// Backend names the LAPACK implementation this build uses: "gonum" (pure Go,
// the default) or "openblas" (cgo, built with -tags openblas).
const Backend = "openblas"

func geev(a blas64.General, wr, wi []float64, vr blas64.General) bool {
	n := a.Rows
	jobvr := byte('N')
	ldvr := 1
	if vr.Rows != 0 {
		jobvr, ldvr = 'V', vr.Stride
	}
	work := []float64{0}
	if lapacke.Dgeev('N', jobvr, n, a.Data, a.Stride, wr, wi, nil, 1, vr.Data, ldvr, work, -1) != 0 {
		return false
	}
	work = make([]float64, int(work[0]))
	return lapacke.Dgeev('N', jobvr, n, a.Data, a.Stride, wr, wi, nil, 1, vr.Data, ldvr, work, len(work)) == 0
}

// syev calls dsyevd in column-major order on the row-major storage of a,
// which for a symmetric matrix is the same matrix (our upper triangle is its
// lower one). The column-major eigenvectors come back as Zᵀ in row-major
// terms and are transposed in place: one pass instead of LAPACKE's two
// transposed copies.
func syev(a blas64.General, w []float64, vectors bool) bool {
	jobz := C.char('N')
	if vectors {
		jobz = 'V'
	}
	n := a.Rows
	var wq [1]float64
	var iwq [1]int32
	if C.LAPACKE_dsyevd_work(C.LAPACK_COL_MAJOR, jobz, 'L', C.lapack_int(n), dptr(a.Data), C.lapack_int(a.Stride),
		dptr(w), dptr(wq[:]), -1, iptr(iwq[:]), -1) != 0 {
		return false
	}
	work := make([]float64, int(wq[0]))
	iwork := make([]int32, max(int(iwq[0]), 1))
	if C.LAPACKE_dsyevd_work(C.LAPACK_COL_MAJOR, jobz, 'L', C.lapack_int(n), dptr(a.Data), C.lapack_int(a.Stride),
		dptr(w), dptr(work), C.lapack_int(len(work)), iptr(iwork), C.lapack_int(len(iwork))) != 0 {
		return false
	}
	if vectors {
		transposeSquare(a)
	}
	return true
}

// transposeSquare transposes the square a in place, in cache-sized tiles.
func transposeSquare(a blas64.General) {
	const tile = 32
	n, st, x := a.Rows, a.Stride, a.Data
	for ib := 0; ib < n; ib += tile {
		for jb := ib; jb < n; jb += tile {
			for i := ib; i < min(ib+tile, n); i++ {
				for j := max(jb, i+1); j < min(jb+tile, n); j++ {
					x[i*st+j], x[j*st+i] = x[j*st+i], x[i*st+j]
				}
			}
		}
	}
}

func dptr(x []float64) *C.double {
	if len(x) == 0 {
		return nil
	}
	return (*C.double)(unsafe.Pointer(&x[0]))
}

func iptr(x []int32) *C.lapack_int {
	if len(x) == 0 {
		return nil
	}
	return (*C.lapack_int)(unsafe.Pointer(&x[0]))
}

// gesvd uses dgesdd, whose single jobz covers both U and Vᵀ: 'N', 'S' (thin)
// or 'A' (full). Parts computed but not asked for are discarded, parts asked
// in another shape are copied. It calls LAPACK in column-major order on the
// row-major storage, that is on Aᵀ = V·Σ·Uᵀ: LAPACK's column-major U of Aᵀ is
// our row-major Vᵀ and its Vᵀ is our U, so nothing is transposed.
func gesvd(jobU, jobVT lapack.SVDJob, a, u, vt blas64.General, s []float64) bool {
	m, n := a.Rows, a.Cols
	k := min(m, n)
	jobz := C.char('S')
	ur, uc, vr, vc := m, k, k, n
	switch {
	case jobU == lapack.SVDNone && jobVT == lapack.SVDNone:
		jobz, ur, uc, vr, vc = 'N', 0, 0, 0, 0
	case jobU == lapack.SVDAll || jobVT == lapack.SVDAll:
		jobz, uc, vr = 'A', m, n
	}
	tu, tvt := u, vt
	if jobz != 'N' {
		if u.Rows != ur || u.Cols != uc {
			tu = blas64.General{Rows: ur, Cols: uc, Stride: uc, Data: make([]float64, ur*uc)}
		}
		if vt.Rows != vr || vt.Cols != vc {
			tvt = blas64.General{Rows: vr, Cols: vc, Stride: vc, Data: make([]float64, vr*vc)}
		}
	}
	// Column-major problem: n×m matrix, "U" n×(k or n) in tvt, "Vᵀ" (k or m)×m in tu.
	ldU, ldVT := max(tvt.Stride, 1), max(tu.Stride, 1)
	if jobz == 'N' {
		ldU, ldVT = 1, 1
	}
	iwork := make([]int32, 8*k)
	var wq [1]float64
	if C.LAPACKE_dgesdd_work(C.LAPACK_COL_MAJOR, jobz, C.lapack_int(n), C.lapack_int(m), dptr(a.Data), C.lapack_int(a.Stride),
		dptr(s), dptr(tvt.Data), C.lapack_int(ldU), dptr(tu.Data), C.lapack_int(ldVT), dptr(wq[:]), -1, iptr(iwork)) != 0 {
		return false
	}
	work := make([]float64, int(wq[0]))
	if C.LAPACKE_dgesdd_work(C.LAPACK_COL_MAJOR, jobz, C.lapack_int(n), C.lapack_int(m), dptr(a.Data), C.lapack_int(a.Stride),
		dptr(s), dptr(tvt.Data), C.lapack_int(ldU), dptr(tu.Data), C.lapack_int(ldVT), dptr(work), C.lapack_int(len(work)), iptr(iwork)) != 0 {
		return false
	}
	copyPart := func(dst, src blas64.General) {
		if dst.Rows == 0 || &dst.Data[0] == &src.Data[0] {
			return
		}
		for i := 0; i < dst.Rows; i++ {
			copy(dst.Data[i*dst.Stride:i*dst.Stride+dst.Cols], src.Data[i*src.Stride:i*src.Stride+dst.Cols])
		}
	}
	if jobz != 'N' {
		copyPart(u, tu)
		copyPart(vt, tvt)
	}
	return true
}

func gemm(tA, tB blas.Transpose, alpha float64, a, b blas64.General, beta float64, c blas64.General) {
	k := a.Cols
	if tA == blas.Trans {
		k = a.Rows
	}
	netlib.Implementation{}.Dgemm(tA, tB, c.Rows, c.Cols, k, alpha, a.Data, a.Stride, b.Data, b.Stride, beta, c.Data, c.Stride)
}

// orthonormalize computes the Q factor of the row-major m×n a (m ≥ n) in
// place. The storage is column-major aᵀ (n×m), whose LQ factorization gives
// the same orthonormal basis, so no transposes are needed.
func orthonormalize(a blas64.General) {
	lq(a.Cols, a.Rows, a.Data, a.Stride)
}

// orthonormalizeRows computes the orthonormal rows of the row-major m×n a
// (m ≤ n) in place: a QR factorization of the column-major aᵀ (n×m).
func orthonormalizeRows(a blas64.General) {
	qr(a.Cols, a.Rows, a.Data, a.Stride)
}

// lq overwrites the column-major m×n x (m ≤ n) with the orthonormal rows of
// its LQ factorization.
func lq(m, n int, x []float64, ld int) {
	tau := make([]float64, m)
	var q1, q2 [1]float64
	C.LAPACKE_dgelqf_work(C.LAPACK_COL_MAJOR, C.lapack_int(m), C.lapack_int(n), dptr(x), C.lapack_int(ld), dptr(tau), dptr(q1[:]), -1)
	C.LAPACKE_dorglq_work(C.LAPACK_COL_MAJOR, C.lapack_int(m), C.lapack_int(n), C.lapack_int(m), dptr(x), C.lapack_int(ld), dptr(tau), dptr(q2[:]), -1)
	work := make([]float64, max(int(q1[0]), int(q2[0]), 1))
	C.LAPACKE_dgelqf_work(C.LAPACK_COL_MAJOR, C.lapack_int(m), C.lapack_int(n), dptr(x), C.lapack_int(ld), dptr(tau), dptr(work), C.lapack_int(len(work)))
	C.LAPACKE_dorglq_work(C.LAPACK_COL_MAJOR, C.lapack_int(m), C.lapack_int(n), C.lapack_int(m), dptr(x), C.lapack_int(ld), dptr(tau), dptr(work), C.lapack_int(len(work)))
}

// qr overwrites the column-major m×n x (m ≥ n) with the orthonormal columns
// of its QR factorization.
func qr(m, n int, x []float64, ld int) {
	tau := make([]float64, n)
	var q1, q2 [1]float64
	C.LAPACKE_dgeqrf_work(C.LAPACK_COL_MAJOR, C.lapack_int(m), C.lapack_int(n), dptr(x), C.lapack_int(ld), dptr(tau), dptr(q1[:]), -1)
	C.LAPACKE_dorgqr_work(C.LAPACK_COL_MAJOR, C.lapack_int(m), C.lapack_int(n), C.lapack_int(n), dptr(x), C.lapack_int(ld), dptr(tau), dptr(q2[:]), -1)
	work := make([]float64, max(int(q1[0]), int(q2[0]), 1))
	C.LAPACKE_dgeqrf_work(C.LAPACK_COL_MAJOR, C.lapack_int(m), C.lapack_int(n), dptr(x), C.lapack_int(ld), dptr(tau), dptr(work), C.lapack_int(len(work)))
	C.LAPACKE_dorgqr_work(C.LAPACK_COL_MAJOR, C.lapack_int(m), C.lapack_int(n), C.lapack_int(n), dptr(x), C.lapack_int(ld), dptr(tau), dptr(work), C.lapack_int(len(work)))
}
