// Copyright ©2026 The FactorLab Authors.

//go:build openblas

package decomp

// The OpenBLAS backend calls LAPACKE (row-major, matching gonum's storage)
// and CBLAS through gonum.org/v1/netlib. Build with
//
//	CGO_LDFLAGS="-lopenblas -llapacke" go test -tags openblas ./pkg/decomp/
//
// on a system with libopenblas-dev and liblapacke-dev. It uses the
// divide-and-conquer drivers dsyevd and dgesdd where the pure-Go build uses
// dsyev and dgesvd, and OpenBLAS's dgeev, dgemm, dgeqrf and dorgqr.

import (
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

func syev(a blas64.General, w []float64, vectors bool) bool {
	jobz := byte('N')
	if vectors {
		jobz = 'V'
	}
	n := a.Rows
	work := []float64{0}
	iwork := []int32{0}
	if !lapacke.Dsyevd(jobz, 'U', n, a.Data, a.Stride, w, work, -1, iwork, -1) {
		return false
	}
	work = make([]float64, int(work[0]))
	iwork = make([]int32, int(iwork[0]))
	return lapacke.Dsyevd(jobz, 'U', n, a.Data, a.Stride, w, work, len(work), iwork, len(iwork))
}

// gesvd uses dgesdd, whose single jobz covers both U and Vᵀ: 'N', 'S' (thin)
// or 'A' (full). Parts computed but not asked for are discarded, parts asked
// in another shape are copied.
func gesvd(jobU, jobVT lapack.SVDJob, a, u, vt blas64.General, s []float64) bool {
	m, n := a.Rows, a.Cols
	k := min(m, n)
	jobz := byte('S')
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
	ldu, ldvt := max(tu.Stride, 1), max(tvt.Stride, 1)
	if jobz == 'N' {
		// LAPACKE 3.11's row-major dgesdd checks ldu ≥ m and ldvt ≥ n even
		// when no vectors are computed (it reports "wrong parameter 11").
		ldu, ldvt = m, n
	}
	iwork := make([]int32, 8*k)
	work := []float64{0}
	if !lapacke.Dgesdd(jobz, m, n, a.Data, a.Stride, s, tu.Data, ldu, tvt.Data, ldvt, work, -1, iwork) {
		return false
	}
	work = make([]float64, int(work[0]))
	if !lapacke.Dgesdd(jobz, m, n, a.Data, a.Stride, s, tu.Data, ldu, tvt.Data, ldvt, work, len(work), iwork) {
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

func orthonormalize(a blas64.General) {
	m, n := a.Rows, a.Cols
	tau := make([]float64, n)
	work := []float64{0}
	lapacke.Dgeqrf(m, n, a.Data, a.Stride, tau, work, -1)
	lwork := int(work[0])
	lapacke.Dorgqr(m, n, n, a.Data, a.Stride, tau, work, -1)
	lwork = max(lwork, int(work[0]))
	work = make([]float64, lwork)
	lapacke.Dgeqrf(m, n, a.Data, a.Stride, tau, work, lwork)
	lapacke.Dorgqr(m, n, n, a.Data, a.Stride, tau, work, lwork)
}

func orthonormalizeRows(a blas64.General) {
	m, n := a.Rows, a.Cols
	tau := make([]float64, m)
	work := []float64{0}
	lapacke.Dgelqf(m, n, a.Data, a.Stride, tau, work, -1)
	lwork := int(work[0])
	lapacke.Dorglq(m, n, m, a.Data, a.Stride, tau, work, -1)
	lwork = max(lwork, int(work[0]))
	work = make([]float64, lwork)
	lapacke.Dgelqf(m, n, a.Data, a.Stride, tau, work, lwork)
	lapacke.Dorglq(m, n, m, a.Data, a.Stride, tau, work, lwork)
}
