// Copyright ©2026 The FactorLab Authors.

package level3

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"
)

// triBlock is the order below which the recursive Dtrmm and Dtrsm hand a
// diagonal block to gonum's routines.
const triBlock = 48

// tri describes a call of Dtrmm or Dtrsm: the triangular T = op(A) and B.
// upper says whether T (not A) is upper triangular.
type tri struct {
	impl     Implementation
	ul       blas.Uplo
	tA       blas.Transpose
	d        blas.Diag
	upper    bool
	a        []float64
	lda      int
	b        []float64
	ldb      int
	m, n     int // B is m×n
	leftSide bool
}

// t returns T[i0:, j0:] as Dgemm's operand with transposition op: rows i0… and
// columns j0… of A, or of Aᵀ when tA is Trans.
func (c *tri) t(i0, j0 int) []float64 {
	if c.tA == blas.NoTrans {
		return c.a[i0*c.lda+j0:]
	}
	return c.a[j0*c.lda+i0:]
}

// split returns the middle of [lo, hi) on a multiple of triBlock from lo.
func split(lo, hi int) int {
	return lo + roundUp((hi-lo)/2, triBlock)
}

func validTri(s blas.Side, ul blas.Uplo, tA blas.Transpose, d blas.Diag, m, n int, a []float64, lda int, b []float64, ldb int) bool {
	k := n
	if s == blas.Left {
		k = m
	}
	return (s == blas.Left || s == blas.Right) && validUplo(ul) && validTrans(tA) && (d == blas.Unit || d == blas.NonUnit) &&
		m >= 0 && n >= 0 && lda >= max(1, k) && ldb >= max(1, n) && len(a) >= need(k, k, lda) && len(b) >= need(m, n, ldb)
}

func newTri(impl Implementation, s blas.Side, ul blas.Uplo, tA blas.Transpose, d blas.Diag, m, n int, a []float64, lda int, b []float64, ldb int) *tri {
	if tA != blas.NoTrans {
		tA = blas.Trans
	}
	return &tri{impl: impl, ul: ul, tA: tA, d: d, upper: (ul == blas.Upper) == (tA == blas.NoTrans),
		a: a, lda: lda, b: b, ldb: ldb, m: m, n: n, leftSide: s == blas.Left}
}

// Dtrmm computes
//
//	B = alpha·op(A)·B  (s = Left, A m×m)   or   B = alpha·B·op(A)  (s = Right, A n×n)
//
// for the triangular A (the ul triangle, with a unit diagonal assumed when
// d is Unit) and the m×n B. It splits op(A) in halves recursively: the
// off-diagonal blocks are Dgemm calls, the diagonal blocks of order at most
// 48 go to gonum's Dtrmm. It panics as gonum's Dtrmm does on invalid
// arguments.
func (impl Implementation) Dtrmm(s blas.Side, ul blas.Uplo, tA blas.Transpose, d blas.Diag, m, n int, alpha float64, a []float64, lda int, b []float64, ldb int) {
	k := n
	if s == blas.Left {
		k = m
	}
	if !validTri(s, ul, tA, d, m, n, a, lda, b, ldb) || alpha == 0 || m*n*k < blockedMin {
		gonum.Implementation{}.Dtrmm(s, ul, tA, d, m, n, alpha, a, lda, b, ldb)
		return
	}
	c := newTri(impl, s, ul, tA, d, m, n, a, lda, b, ldb)
	if c.leftSide {
		c.trmmLeft(0, m, alpha)
	} else {
		c.trmmRight(0, n, alpha)
	}
}

// trmmLeft sets B[lo:hi, :] = alpha·T[lo:hi, lo:hi]·B[lo:hi, :] plus the
// contribution of the rows of B outside [lo, hi) in T's triangle, which are
// still unchanged when it runs.
func (c *tri) trmmLeft(lo, hi int, alpha float64) {
	if hi-lo <= triBlock {
		gonum.Implementation{}.Dtrmm(blas.Left, c.ul, c.tA, c.d, hi-lo, c.n, alpha, c.a[lo*c.lda+lo:], c.lda, c.b[lo*c.ldb:], c.ldb)
		return
	}
	mid := split(lo, hi)
	if c.upper {
		// B₁ = T₁₁·B₁ + T₁₂·B₂, then B₂ = T₂₂·B₂.
		c.trmmLeft(lo, mid, alpha)
		c.impl.Dgemm(c.tA, blas.NoTrans, mid-lo, c.n, hi-mid, alpha, c.t(lo, mid), c.lda, c.b[mid*c.ldb:], c.ldb, 1, c.b[lo*c.ldb:], c.ldb)
		c.trmmLeft(mid, hi, alpha)
		return
	}
	// B₂ = T₂₂·B₂ + T₂₁·B₁, then B₁ = T₁₁·B₁.
	c.trmmLeft(mid, hi, alpha)
	c.impl.Dgemm(c.tA, blas.NoTrans, hi-mid, c.n, mid-lo, alpha, c.t(mid, lo), c.lda, c.b[lo*c.ldb:], c.ldb, 1, c.b[mid*c.ldb:], c.ldb)
	c.trmmLeft(lo, mid, alpha)
}

// trmmRight is trmmLeft for B = alpha·B·T on the columns [lo, hi).
func (c *tri) trmmRight(lo, hi int, alpha float64) {
	if hi-lo <= triBlock {
		gonum.Implementation{}.Dtrmm(blas.Right, c.ul, c.tA, c.d, c.m, hi-lo, alpha, c.a[lo*c.lda+lo:], c.lda, c.b[lo:], c.ldb)
		return
	}
	mid := split(lo, hi)
	if c.upper {
		// B₂ = B₂·T₂₂ + B₁·T₁₂, then B₁ = B₁·T₁₁.
		c.trmmRight(mid, hi, alpha)
		c.impl.Dgemm(blas.NoTrans, c.tA, c.m, hi-mid, mid-lo, alpha, c.b[lo:], c.ldb, c.t(lo, mid), c.lda, 1, c.b[mid:], c.ldb)
		c.trmmRight(lo, mid, alpha)
		return
	}
	// B₁ = B₁·T₁₁ + B₂·T₂₁, then B₂ = B₂·T₂₂.
	c.trmmRight(lo, mid, alpha)
	c.impl.Dgemm(blas.NoTrans, c.tA, c.m, mid-lo, hi-mid, alpha, c.b[mid:], c.ldb, c.t(mid, lo), c.lda, 1, c.b[lo:], c.ldb)
	c.trmmRight(mid, hi, alpha)
}

// Dtrsm solves
//
//	op(A)·X = alpha·B  (s = Left, A m×m)   or   X·op(A) = alpha·B  (s = Right, A n×n)
//
// for X, which overwrites the m×n B, with A triangular as in Dtrmm. Like
// Dtrmm it recurses on halves of op(A), updating with Dgemm and solving the
// diagonal blocks of order at most 48 with gonum's Dtrsm. It panics as
// gonum's Dtrsm does on invalid arguments; a singular A gives Inf or NaN.
func (impl Implementation) Dtrsm(s blas.Side, ul blas.Uplo, tA blas.Transpose, d blas.Diag, m, n int, alpha float64, a []float64, lda int, b []float64, ldb int) {
	k := n
	if s == blas.Left {
		k = m
	}
	if !validTri(s, ul, tA, d, m, n, a, lda, b, ldb) || alpha == 0 || m*n*k < blockedMin {
		gonum.Implementation{}.Dtrsm(s, ul, tA, d, m, n, alpha, a, lda, b, ldb)
		return
	}
	c := newTri(impl, s, ul, tA, d, m, n, a, lda, b, ldb)
	if c.leftSide {
		c.trsmLeft(0, m, alpha)
	} else {
		c.trsmRight(0, n, alpha)
	}
}

// trsmLeft solves T[lo:hi, lo:hi]·X = alpha·B[lo:hi, :] in place, after the
// rows of X that this block depends on have been subtracted.
func (c *tri) trsmLeft(lo, hi int, alpha float64) {
	if hi-lo <= triBlock {
		gonum.Implementation{}.Dtrsm(blas.Left, c.ul, c.tA, c.d, hi-lo, c.n, alpha, c.a[lo*c.lda+lo:], c.lda, c.b[lo*c.ldb:], c.ldb)
		return
	}
	mid := split(lo, hi)
	if c.upper {
		// X₂ first, then T₁₁·X₁ = alpha·B₁ − T₁₂·X₂.
		c.trsmLeft(mid, hi, alpha)
		c.impl.Dgemm(c.tA, blas.NoTrans, mid-lo, c.n, hi-mid, -1, c.t(lo, mid), c.lda, c.b[mid*c.ldb:], c.ldb, alpha, c.b[lo*c.ldb:], c.ldb)
		c.trsmLeft(lo, mid, 1)
		return
	}
	// X₁ first, then T₂₂·X₂ = alpha·B₂ − T₂₁·X₁.
	c.trsmLeft(lo, mid, alpha)
	c.impl.Dgemm(c.tA, blas.NoTrans, hi-mid, c.n, mid-lo, -1, c.t(mid, lo), c.lda, c.b[lo*c.ldb:], c.ldb, alpha, c.b[mid*c.ldb:], c.ldb)
	c.trsmLeft(mid, hi, 1)
}

// trsmRight is trsmLeft for X·T = alpha·B on the columns [lo, hi).
func (c *tri) trsmRight(lo, hi int, alpha float64) {
	if hi-lo <= triBlock {
		gonum.Implementation{}.Dtrsm(blas.Right, c.ul, c.tA, c.d, c.m, hi-lo, alpha, c.a[lo*c.lda+lo:], c.lda, c.b[lo:], c.ldb)
		return
	}
	mid := split(lo, hi)
	if c.upper {
		// X₁·T₁₁ = alpha·B₁ first, then X₂·T₂₂ = alpha·B₂ − X₁·T₁₂.
		c.trsmRight(lo, mid, alpha)
		c.impl.Dgemm(blas.NoTrans, c.tA, c.m, hi-mid, mid-lo, -1, c.b[lo:], c.ldb, c.t(lo, mid), c.lda, alpha, c.b[mid:], c.ldb)
		c.trsmRight(mid, hi, 1)
		return
	}
	// X₂·T₂₂ = alpha·B₂ first, then X₁·T₁₁ = alpha·B₁ − X₂·T₂₁.
	c.trsmRight(mid, hi, alpha)
	c.impl.Dgemm(blas.NoTrans, c.tA, c.m, mid-lo, hi-mid, -1, c.b[mid:], c.ldb, c.t(mid, lo), c.lda, alpha, c.b[lo:], c.ldb)
	c.trsmRight(lo, mid, 1)
}
