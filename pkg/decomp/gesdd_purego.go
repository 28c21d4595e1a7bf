// Copyright ©2026 The FactorLab Authors.

//go:build !openblas

package decomp

import (
	"math"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/gonum"
	"gonum.org/v1/gonum/lapack/lapack64"

	"github.com/factorlab/factorlab/pkg/decomp/internal/tridiag"
)

// gesddMin is the smaller dimension from which the thin SVD with both U and
// Vᵀ is computed by divide and conquer (gesdd) instead of gonum's Dgesvd,
// whose bidiagonal QR applies its plane rotations to U and Vᵀ outside any
// BLAS call. Smaller matrices keep Dgesvd, so their results do not move:
// below it, and for matrices more than gesddAspect times longer than wide
// (where Dgesvd's QR factorization first shrinks the problem to k×k, which
// gesdd does not do), Dgesvd was as fast or faster (1797×64: 2.1 ×,
// 2000×100: 1.9 ×, 128×128: 1.1 × Dgesvd's time; 256×256: 0.65 ×,
// 400×400: 0.48 ×; both on the level3 BLAS).
const gesddMin = 200

// gesddAspect bounds max(m, n)/min(m, n) for gesdd (see gesddMin).
const gesddAspect = 2

// gesddMax is the largest smaller dimension for gesdd: the Golub–Kahan
// eigenvectors take (2k)² float64s (128 MiB at k = 2048), and the merges of
// the divide and conquer as much again, where Dgesvd needs no more than the
// matrices it returns.
const gesddMax = 2048

// gesddTol is the multiple of n·ε that gesdd's bidiagonal SVD must meet in
// orthogonality and residual to be accepted.
const gesddTol = 8

// gesdd computes the thin SVD a = U·Σ·Vᵀ of the m×n matrix a (k = min(m, n)),
// U into u (m×k), Vᵀ into vt (k×n) and Σ descending into s, as LAPACK's
// dgesdd does: a is reduced to bidiagonal form B = Qᵀ·A·P (gonum's Dgebrd,
// blocked on Level-3 BLAS), the SVD B = U_B·Σ·V_Bᵀ is read off the eigenpairs
// of its Golub–Kahan form, the 2k×2k symmetric tridiagonal matrix with zero
// diagonal and off-diagonal (d₁, e₁, d₂, …, dₖ), whose eigenvalue σ has the
// eigenvector (v₁, u₁, v₂, u₂, …)/√2, computed by divide and conquer
// (internal/tridiag), and U = Q·U_B, Vᵀ = V_Bᵀ·Pᵀ are two matrix products.
// a is not modified.
//
// The Golub–Kahan vectors of σⱼ and −σᵢ mix by about ε·σ₁/(σᵢ + σⱼ), which
// spoils the orthogonality of their U and V halves when both are small, so
// the triplets below σ₁/8 are recomputed (refineSmall), and the bidiagonal
// SVD is checked before it is used: every element of U_BᵀU_B − I and
// V_BᵀV_B − I within 8·k·ε, and ‖B·V_B − U_B·Σ‖_F ≤ 8·k·ε·‖B‖_F (Q and P
// are products of Householder reflectors, so these bound A's as well). When
// a check fails, when more than a quarter of the singular values (computed
// first, alone, by Dbdsqr in O(k²)) are below σ₁/8 (low rank, strong
// grading: bidiagonal QR is then cheaper), or when the QR iteration on a
// small block does not converge, B's SVD comes from gonum's bidiagonal QR
// (Dbdsqr) applied to Q and Pᵀ, Dgesvd's own path. It reports whether that
// converged.
func gesdd(a, u, vt blas64.General, s []float64) bool {
	m, n := a.Rows, a.Cols
	if m < n {
		// Aᵀ = U'·Σ·V'ᵀ gives A = V'·Σ·U'ᵀ.
		at := transposed(a)
		up := blas64.General{Rows: n, Cols: m, Stride: m, Data: make([]float64, n*m)}
		vpt := blas64.General{Rows: m, Cols: m, Stride: m, Data: make([]float64, m*m)}
		if !gesddTall(at, up, vpt, s) {
			return false
		}
		copyTransposed(u, vpt)
		copyTransposed(vt, up)
		return true
	}
	return gesddTall(a, u, vt, s)
}

// gesddTall is gesdd for m ≥ n.
func gesddTall(a, u, vt blas64.General, s []float64) bool {
	impl := gonum.Implementation{}
	m, n := a.Rows, a.Cols
	// Scale a by a power of two (exactly) so that its largest element is in
	// [1, 2): nothing below over- or underflows on the way.
	anrm := impl.Dlange(lapack.MaxAbs, m, n, a.Data, a.Stride, nil)
	exp := 0
	if anrm > 0 {
		_, exp = math.Frexp(anrm)
		exp--
	}
	w := blas64.General{Rows: m, Cols: n, Stride: n, Data: make([]float64, m*n)}
	for i := 0; i < m; i++ {
		row := w.Data[i*n : (i+1)*n]
		copy(row, a.Data[i*a.Stride:i*a.Stride+n])
		if exp != 0 {
			for j := range row {
				row[j] = math.Ldexp(row[j], -exp)
			}
		}
	}

	// Bidiagonal reduction A = Q·B·Pᵀ, B upper bidiagonal (m ≥ n).
	d, e := make([]float64, n), make([]float64, max(n-1, 0))
	tauQ, tauP := make([]float64, n), make([]float64, n)
	work := []float64{0}
	impl.Dgebrd(m, n, w.Data, w.Stride, d, e, tauQ, tauP, work, -1)
	lwork := int(work[0])
	impl.Dorgbr(lapack.GenerateQ, m, n, n, w.Data, w.Stride, tauQ, work, -1)
	lwork = max(lwork, int(work[0]))
	impl.Dorgbr(lapack.GeneratePT, n, n, n, w.Data, w.Stride, tauP, work, -1)
	lwork = max(lwork, int(work[0]), 4*n)
	work = make([]float64, lwork)
	impl.Dgebrd(m, n, w.Data, w.Stride, d, e, tauQ, tauP, work, lwork)
	pt := blas64.General{Rows: n, Cols: n, Stride: n, Data: make([]float64, n*n)}
	copy(pt.Data, w.Data[:n*n]) // the first n rows hold P's reflectors
	impl.Dorgbr(lapack.GenerateQ, m, n, n, w.Data, w.Stride, tauQ, work, lwork)
	impl.Dorgbr(lapack.GeneratePT, n, n, n, pt.Data, pt.Stride, tauP, work, lwork)

	unscale := func() {
		if exp != 0 {
			for j := range s {
				s[j] = math.Ldexp(s[j], exp)
			}
		}
	}
	// Singular values alone (O(n²)) tell whether more than a quarter of
	// them are small enough for refineSmall; then bidiagonal QR is cheaper.
	copy(s, d)
	ee := append([]float64(nil), e...)
	ok := impl.Dbdsqr(blas.Upper, n, 0, 0, 0, s, ee, nil, 1, nil, 1, nil, 1, work)
	if ok {
		small := 0
		for _, v := range s {
			if v < gesddSmall*s[0] {
				small++
			}
		}
		ok = small <= n/4
	}
	var ub, vbt blas64.General
	if ok {
		ub, vbt, ok = bidiagSVD(d, e, s)
	}
	if !ok {
		// Dgesvd's path: bidiagonal QR with its rotations applied to Q and Pᵀ.
		copy(s, d)
		if !impl.Dbdsqr(blas.Upper, n, n, m, 0, s, e, pt.Data, pt.Stride, w.Data, w.Stride, nil, 1, work) {
			return false
		}
		for i := 0; i < m; i++ {
			copy(u.Data[i*u.Stride:i*u.Stride+n], w.Data[i*n:(i+1)*n])
		}
		for i := 0; i < n; i++ {
			copy(vt.Data[i*vt.Stride:i*vt.Stride+n], pt.Data[i*n:(i+1)*n])
		}
		unscale()
		return true
	}
	blas64.Gemm(blas.NoTrans, blas.NoTrans, 1, w, ub, 0, u)
	blas64.Gemm(blas.NoTrans, blas.NoTrans, 1, vbt, pt, 0, vt)
	unscale()
	return true
}

// bidiagSVD computes the SVD B = U_B·Σ·V_Bᵀ of the n×n upper bidiagonal B
// with diagonal d and superdiagonal e from the eigenpairs of its Golub–Kahan
// form by divide and conquer, Σ descending into s. It reports false, with s
// unspecified, when the result misses the checks described at gesdd or the
// divide and conquer did not converge. d and e are not modified.
func bidiagSVD(d, e, s []float64) (ub, vbt blas64.General, ok bool) {
	n := len(d)
	n2 := 2 * n
	tw := make([]float64, n2)
	te := make([]float64, n2-1)
	for i := 0; i < n; i++ {
		te[2*i] = d[i]
		if i < n-1 {
			te[2*i+1] = e[i]
		}
	}
	z := blas64.General{Rows: n2, Cols: n2, Stride: n2, Data: make([]float64, n2*n2)}
	if !tridiag.Eigen(tw, te, z) {
		return ub, vbt, false
	}
	// The n largest eigenvalues are σ descending from column 2n−1; their
	// eigenvectors hold (v, u)/√2 interleaved.
	ub = blas64.General{Rows: n, Cols: n, Stride: n, Data: make([]float64, n*n)}
	vbt = blas64.General{Rows: n, Cols: n, Stride: n, Data: make([]float64, n*n)}
	for j := 0; j < n; j++ {
		c := n2 - 1 - j
		s[j] = math.Max(tw[c], 0)
		for i := 0; i < n; i++ {
			vbt.Data[j*n+i] = math.Sqrt2 * z.Data[2*i*n2+c]
			ub.Data[i*n+j] = math.Sqrt2 * z.Data[(2*i+1)*n2+c]
		}
	}
	if !refineSmall(d, e, z, s, ub, vbt) {
		return ub, vbt, false
	}
	return ub, vbt, bidiagSVDAccurate(d, e, ub, vbt, s)
}

// gesddSmall is the fraction of σ₁ below which singular vectors are
// recomputed by refineSmall.
const gesddSmall = 1.0 / 8

// refineSmall recomputes the singular triplets with σⱼ < gesddSmall·σ₁. The
// Golub–Kahan eigenvectors of σⱼ and −σᵢ mix by about ε·σ₁/(σᵢ + σⱼ), which
// spoils the orthogonality of their U and V halves separately; but the
// 2p eigenvectors X of all eigenvalues in (−gesddSmall·σ₁, gesddSmall·σ₁)
// span {(v, 0), (0, u)} over those p triplets accurately. Their V halves
// X_v = V_S·M, with M·Mᵀ = I, so the eigenvectors W of X_vᵀX_v for the
// eigenvalue 1 give an orthonormal basis X_v·W of span V_S, and likewise for
// U; the SVD of the p×p matrix C = Ûᵀ·B·V̂ (Dgesvd) then gives the triplets.
// z holds the eigenvectors, ub and vbt the triplets from them, updated in
// place. It reports false if Dgesvd or the eigensolver failed. Its cost
// grows like p³; gesdd calls it for p ≤ k/4 only.
func refineSmall(d, e []float64, z blas64.General, s []float64, ub, vbt blas64.General) bool {
	n := len(d)
	p := 0
	for p < n && s[n-1-p] < gesddSmall*s[0] {
		p++
	}
	if p == 0 {
		return true
	}
	// The eigenvalues −σⱼ and σⱼ of those triplets are columns [n−p, n+p).
	p2 := 2 * p
	basis := func(half int) (blas64.General, bool) {
		x := blas64.General{Rows: n, Cols: p2, Stride: p2, Data: make([]float64, n*p2)}
		for i := 0; i < n; i++ {
			row := z.Data[(2*i+half)*z.Stride:]
			copy(x.Data[i*p2:(i+1)*p2], row[n-p:n+p])
		}
		g := blas64.General{Rows: p2, Cols: p2, Stride: p2, Data: make([]float64, p2*p2)}
		blas64.Gemm(blas.Trans, blas.NoTrans, 1, x, x, 0, g)
		w := make([]float64, p2)
		if !syev(g, w, true) {
			return blas64.General{}, false
		}
		// The p largest eigenvalues (≈ 1) are the last p columns.
		wp := blas64.General{Rows: p2, Cols: p, Stride: p2, Data: g.Data[p:]}
		b := blas64.General{Rows: n, Cols: p, Stride: p, Data: make([]float64, n*p)}
		blas64.Gemm(blas.NoTrans, blas.NoTrans, 1, x, wp, 0, b)
		for j := 0; j < p; j++ {
			if !(w[p+j] > 0.5) {
				return blas64.General{}, false
			}
			f := 1 / math.Sqrt(w[p+j])
			for i := 0; i < n; i++ {
				b.Data[i*p+j] *= f
			}
		}
		return b, true
	}
	vh, ok := basis(0)
	if !ok {
		return false
	}
	uh, ok := basis(1)
	if !ok {
		return false
	}
	// bv = B·V̂, c = Ûᵀ·bv.
	bv := blas64.General{Rows: n, Cols: p, Stride: p, Data: make([]float64, n*p)}
	for i := 0; i < n; i++ {
		for j := 0; j < p; j++ {
			v := d[i] * vh.Data[i*p+j]
			if i < n-1 {
				v += e[i] * vh.Data[(i+1)*p+j]
			}
			bv.Data[i*p+j] = v
		}
	}
	c := blas64.General{Rows: p, Cols: p, Stride: p, Data: make([]float64, p*p)}
	blas64.Gemm(blas.Trans, blas.NoTrans, 1, uh, bv, 0, c)
	uc := blas64.General{Rows: p, Cols: p, Stride: p, Data: make([]float64, p*p)}
	vct := blas64.General{Rows: p, Cols: p, Stride: p, Data: make([]float64, p*p)}
	sc := make([]float64, p)
	work := []float64{0}
	lapack64.Gesvd(lapack.SVDStore, lapack.SVDStore, c, uc, vct, sc, work, -1)
	work = make([]float64, int(work[0]))
	if !lapack64.Gesvd(lapack.SVDStore, lapack.SVDStore, c, uc, vct, sc, work, len(work)) {
		return false
	}
	copy(s[n-p:], sc)
	// Columns n−p… of U_B are Û·U_C; rows n−p… of V_Bᵀ are V_Cᵀ·V̂ᵀ.
	us := blas64.General{Rows: n, Cols: p, Stride: ub.Stride, Data: ub.Data[n-p:]}
	blas64.Gemm(blas.NoTrans, blas.NoTrans, 1, uh, uc, 0, us)
	vs := blas64.General{Rows: p, Cols: n, Stride: vbt.Stride, Data: vbt.Data[(n-p)*vbt.Stride:]}
	blas64.Gemm(blas.NoTrans, blas.Trans, 1, vct, vh, 0, vs)
	return true
}

// bidiagSVDAccurate reports whether every element of U_BᵀU_B − I and
// V_BᵀV_B − I is within gesddTol·n·ε and ‖B·V_B − U_B·Σ‖_F ≤
// gesddTol·n·ε·‖B‖_F, with vbt holding V_Bᵀ.
func bidiagSVDAccurate(d, e []float64, ub, vbt blas64.General, s []float64) bool {
	n := len(d)
	const ulp = 0x1p-52
	tol := gesddTol * float64(n) * ulp
	// Residual, row j of V_Bᵀ·Bᵀ − Σ·U_Bᵀ: (B·v_j)ᵢ = dᵢ·v_ji + eᵢ·v_j(i+1).
	// gesdd scaled B's elements below 2·√m: plain sums of squares are safe.
	var res, bnrm float64
	for i := 0; i < n; i++ {
		bnrm += d[i] * d[i]
		if i < n-1 {
			bnrm += e[i] * e[i]
		}
	}
	for j := 0; j < n; j++ {
		v := vbt.Data[j*n : (j+1)*n]
		for i := 0; i < n; i++ {
			bv := d[i] * v[i]
			if i < n-1 {
				bv += e[i] * v[i+1]
			}
			r := bv - s[j]*ub.Data[i*n+j]
			res += r * r
		}
	}
	if !(math.Sqrt(res) <= tol*math.Sqrt(bnrm)) {
		return false
	}
	g := blas64.General{Rows: n, Cols: n, Stride: n, Data: make([]float64, n*n)}
	orthonormal := func() bool {
		for i := 0; i < n; i++ {
			for j, v := range g.Data[i*n : (i+1)*n] {
				if i == j {
					v--
				}
				if !(math.Abs(v) <= tol) {
					return false
				}
			}
		}
		return true
	}
	blas64.Gemm(blas.Trans, blas.NoTrans, 1, ub, ub, 0, g)
	if !orthonormal() {
		return false
	}
	blas64.Gemm(blas.NoTrans, blas.Trans, 1, vbt, vbt, 0, g)
	return orthonormal()
}

// transposed returns a new copy of aᵀ.
func transposed(a blas64.General) blas64.General {
	t := blas64.General{Rows: a.Cols, Cols: a.Rows, Stride: a.Rows, Data: make([]float64, a.Rows*a.Cols)}
	copyTransposed(t, a)
	return t
}

// copyTransposed sets dst = srcᵀ.
func copyTransposed(dst, src blas64.General) {
	for i := 0; i < src.Rows; i++ {
		for j := 0; j < src.Cols; j++ {
			dst.Data[j*dst.Stride+i] = src.Data[i*src.Stride+j]
		}
	}
}
