// Copyright ©2026 The FactorLab Authors.

//go:build !openblas

package decomp

import (
	"math"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/gonum"

	"github.com/factorlab/factorlab/pkg/decomp/internal/bidiag"
	"github.com/factorlab/factorlab/pkg/decomp/internal/householder"
)

// gesddMin is the smaller dimension from which the thin SVD with both U and
// Vᵀ is computed by divide and conquer (gesdd) instead of gonum's Dgesvd,
// whose bidiagonal QR applies its plane rotations to U and Vᵀ outside any
// BLAS call. Smaller matrices keep Dgesvd, so their results do not move.
// gesdd's time over Dgesvd's, both on the level3 BLAS, 1 thread, minima of
// 3 runs at load 2.7 (BenchmarkGesddShapes): 100×100 0.62, 150×150 0.47,
// 1000×100 0.81, 100×1000 0.81, 5000×128 0.66, 128×5000 1.03 (0.92 in a
// second run of 5: the same LQ factorization dominates both), 2000×200
// 0.80, 200×2000 0.66, 1000×400 0.32; at k = 64, 64×64 0.87 but
// 1797×64 1.05.
const gesddMin = 100

// gesddMax is the largest smaller dimension for gesdd: B's singular vectors
// take 2k² float64s (64 MiB at k = 2048) and the working copies of the
// divide and conquer's top merge up to about 9k² more (300 MiB), where
// Dgesvd needs little more than the matrices it returns.
const gesddMax = 2048

// gesddLong is six times the ratio max(m, n)/min(m, n) from which gesdd
// first shrinks A to a square triangular factor (gesddLQ), LAPACK's dgesdd's
// threshold 11/6.
const gesddLong = 11

// gesddTol is the multiple of n·ε that gesdd's bidiagonal SVD must meet in
// orthogonality and residual to be accepted.
const gesddTol = 8

// gesdd computes the thin SVD a = U·Σ·Vᵀ of the m×n matrix a (k = min(m, n)),
// U into u (m×k), Vᵀ into vt (k×n) and Σ descending into s, as LAPACK's
// dgesdd does: a is reduced to bidiagonal form B = Qᵀ·A·P (gonum's Dgebrd,
// blocked on Level-3 BLAS), the SVD B = U_B·Σ·V_Bᵀ is computed by divide and
// conquer (internal/bidiag), and U = Q·U_B, Vᵀ = V_Bᵀ·Pᵀ are two matrix
// products; a matrix at least 11/6 times longer than wide is first shrunk to
// a k×k triangular factor (gesddLQ). a is not modified.
//
// The bidiagonal SVD is checked before it is used: every element of
// U_BᵀU_B − I and V_BᵀV_B − I within 8·k·ε, and ‖B·V_B − U_B·Σ‖_F ≤
// 8·k·ε·‖B‖_F (Q and P are products of Householder reflectors, so these
// bound A's as well). When a check fails or the QR iteration on a small
// block does not converge, B's SVD comes from gonum's bidiagonal QR (Dbdsqr)
// applied to Q and Pᵀ, Dgesvd's own path. It reports whether that converged.
func gesdd(a, u, vt blas64.General, s []float64) bool {
	m, n := a.Rows, a.Cols
	if 6*max(m, n) >= gesddLong*min(m, n) {
		return gesddLQ(a, u, vt, s)
	}
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

	work := []float64{0}

	// Bidiagonal reduction A = Q·B·Pᵀ, B upper bidiagonal (m ≥ n).
	d, e := make([]float64, n), make([]float64, max(n-1, 0))
	tauQ, tauP := make([]float64, n), make([]float64, n)
	impl.Dgebrd(m, n, w.Data, w.Stride, d, e, tauQ, tauP, work, -1)
	lwork := max(int(work[0]), 4*n)
	work = make([]float64, lwork)
	impl.Dgebrd(m, n, w.Data, w.Stride, d, e, tauQ, tauP, work, lwork)
	pt := blas64.General{Rows: n, Cols: n, Stride: n, Data: make([]float64, n*n)}
	copy(pt.Data, w.Data[:n*n]) // the first n rows hold P's reflectors
	householder.Orgbr(lapack.GenerateQ, m, n, n, w.Data, w.Stride, tauQ)
	householder.Orgbr(lapack.GeneratePT, n, n, n, pt.Data, pt.Stride, tauP)

	unscale := func() {
		if exp != 0 {
			for j := range s {
				s[j] = math.Ldexp(s[j], exp)
			}
		}
	}
	ub := blas64.General{Rows: n, Cols: n, Stride: n, Data: make([]float64, n*n)}
	vbt := blas64.General{Rows: n, Cols: n, Stride: n, Data: make([]float64, n*n)}
	copy(s, d)
	ee := append([]float64(nil), e...)
	ok := bidiag.SVD(n, s, ee, ub.Data, ub.Stride, vbt.Data, vbt.Stride) && bidiagSVDAccurate(d, e, ub, vbt, s)
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

// gesddLQ is gesdd for a matrix at least 11/6 times longer than wide, which
// it first shrinks to k×k, as dgesdd does: the wide one of A and Aᵀ,
// W (k×l, l = max(m, n)), is factorized W = L·Q (gonum's Dgelqf and Dorglq,
// which work along the rows of the row-major W, where Dgeqrf would work
// along its strided columns), the k×k L = U_L·Σ·V_Lᵀ by gesddTall, and
// then A = W = U_L·Σ·(V_Lᵀ·Q), or A = Wᵀ = (V_Lᵀ·Q)ᵀ·Σ·U_Lᵀ.
func gesddLQ(a, u, vt blas64.General, s []float64) bool {
	impl := gonum.Implementation{}
	m, n := a.Rows, a.Cols
	k, l := min(m, n), max(m, n)
	anrm := impl.Dlange(lapack.MaxAbs, m, n, a.Data, a.Stride, nil)
	exp := 0
	if anrm > 0 {
		_, exp = math.Frexp(anrm)
		exp--
	}
	var w blas64.General
	if m <= n {
		w = blas64.General{Rows: m, Cols: n, Stride: n, Data: make([]float64, m*n)}
		for i := 0; i < m; i++ {
			copy(w.Data[i*n:(i+1)*n], a.Data[i*a.Stride:i*a.Stride+n])
		}
	} else {
		w = transposed(a)
	}
	if exp != 0 {
		for i := range w.Data {
			w.Data[i] = math.Ldexp(w.Data[i], -exp)
		}
	}
	tau := make([]float64, k)
	householder.Gelqf(k, l, w.Data, w.Stride, tau)
	lf := blas64.General{Rows: k, Cols: k, Stride: k, Data: make([]float64, k*k)}
	for i := 0; i < k; i++ {
		copy(lf.Data[i*k:i*k+i+1], w.Data[i*l:i*l+i+1])
	}
	householder.Orglq(k, l, k, w.Data, w.Stride, tau)
	ul := blas64.General{Rows: k, Cols: k, Stride: k, Data: make([]float64, k*k)}
	vlt := blas64.General{Rows: k, Cols: k, Stride: k, Data: make([]float64, k*k)}
	if !gesddTall(lf, ul, vlt, s) {
		return false
	}
	if exp != 0 {
		for j := range s {
			s[j] = math.Ldexp(s[j], exp)
		}
	}
	if m <= n {
		blas64.Gemm(blas.NoTrans, blas.NoTrans, 1, vlt, w, 0, vt)
		for i := 0; i < k; i++ {
			copy(u.Data[i*u.Stride:i*u.Stride+k], ul.Data[i*k:(i+1)*k])
		}
		return true
	}
	x := blas64.General{Rows: k, Cols: l, Stride: l, Data: make([]float64, k*l)}
	blas64.Gemm(blas.NoTrans, blas.NoTrans, 1, vlt, w, 0, x)
	copyTransposed(u, x)
	copyTransposed(vt, ul)
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
	// The Gram matrices' upper triangles by Dsyrk.
	g := blas64.Symmetric{N: n, Stride: n, Uplo: blas.Upper, Data: make([]float64, n*n)}
	orthonormal := func() bool {
		for i := 0; i < n; i++ {
			for j, v := range g.Data[i*n+i : (i+1)*n] {
				if j == 0 {
					v--
				}
				if !(math.Abs(v) <= tol) {
					return false
				}
			}
		}
		return true
	}
	blas64.Syrk(blas.Trans, 1, ub, 0, g)
	if !orthonormal() {
		return false
	}
	blas64.Syrk(blas.NoTrans, 1, vbt, 0, g)
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
