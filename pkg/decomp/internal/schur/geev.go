// Copyright ©2026 The FactorLab Authors.

package schur

import (
	"math"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack"

	"github.com/factorlab/factorlab/pkg/decomp/internal/householder"
)

// Geev computes the eigenvalues wr + i·wi of the n×n matrix A (row-major,
// leading dimension lda) and, if vr is not nil, its right eigenvectors in
// LAPACK's packed real form: column j of VR (leading dimension ldvr) is the
// eigenvector of a real eigenvalue, and for a pair λⱼ, λⱼ₊₁ = conj(λⱼ) with
// imaginary part of λⱼ positive, columns j and j+1 hold the real and
// imaginary parts of λⱼ's eigenvector. A is overwritten. It reports whether
// the QR algorithm converged.
//
// The steps are those of dgeev: balance (permute and scale), reduce to
// Hessenberg form, form the orthogonal factor, Schur form by Hseqr,
// eigenvectors of the quasi-triangular factor back-transformed, balancing
// undone, each vector normalized.
func Geev(n int, a []float64, lda int, wr, wi []float64, vr []float64, ldvr int) bool {
	if n == 0 {
		return true
	}
	wantv := vr != nil
	scale := make([]float64, n)
	ilo, ihi := impl.Dgebal(lapack.PermuteScale, n, a, lda, scale)

	tau := make([]float64, n-1)
	work := []float64{0}
	impl.Dgehrd(n, ilo, ihi, a, lda, tau, work, -1)
	lwork := int(work[0])
	if wantv {
		impl.Dtrevc3(lapack.EVRight, lapack.EVAllMulQ, nil, n, a, lda, nil, 1, vr, ldvr, n, work, -1)
		lwork = max(lwork, int(work[0]))
	}
	work = make([]float64, max(1, lwork))
	impl.Dgehrd(n, ilo, ihi, a, lda, tau, work, len(work))

	if !wantv {
		return Hseqr(false, false, n, ilo, ihi, a, lda, wr, wi, nil, 1) == 0
	}
	for i := 0; i < n; i++ {
		copy(vr[i*ldvr:i*ldvr+n], a[i*lda:i*lda+n])
	}
	householder.Orghr(n, ilo, ihi, vr, ldvr, tau)
	if Hseqr(true, true, n, ilo, ihi, a, lda, wr, wi, vr, ldvr) != 0 {
		return false
	}
	impl.Dtrevc3(lapack.EVRight, lapack.EVAllMulQ, nil, n, a, lda, nil, 1, vr, ldvr, n, work, len(work))
	impl.Dgebak(lapack.PermuteScale, lapack.EVRight, n, ilo, ihi, scale, n, vr, ldvr)
	normalize(n, wi, vr, ldvr)
	return true
}

// normalize scales each eigenvector to unit 2-norm and rotates each complex
// one so that its component of largest modulus is real.
func normalize(n int, wi, vr []float64, ldvr int) {
	col := func(j int) blas64.Vector { return blas64.Vector{N: n, Data: vr[j:], Inc: ldvr} }
	for j := 0; j < n; j++ {
		switch {
		case wi[j] == 0:
			blas64.Scal(1/blas64.Nrm2(col(j)), col(j))
		case wi[j] > 0:
			re, im := col(j), col(j+1)
			s := 1 / math.Hypot(blas64.Nrm2(re), blas64.Nrm2(im))
			blas64.Scal(s, re)
			blas64.Scal(s, im)
			k, big := 0, -1.0
			for i := 0; i < n; i++ {
				if m := vr[i*ldvr+j]*vr[i*ldvr+j] + vr[i*ldvr+j+1]*vr[i*ldvr+j+1]; m > big {
					k, big = i, m
				}
			}
			cs, sn, _ := impl.Dlartg(vr[k*ldvr+j], vr[k*ldvr+j+1])
			blas64.Rot(re, im, cs, sn)
			vr[k*ldvr+j+1] = 0
		}
	}
}
