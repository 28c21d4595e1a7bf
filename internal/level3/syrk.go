// Copyright ©2026 The FactorLab Authors.

package level3

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"
)

// symBlock is the order of the diagonal blocks of C in Dsyrk and Dsyr2k:
// each is computed in full with Dgemm into a scratch block and its triangle
// added to C; the rest of the triangle is Dgemm calls.
const symBlock = 128

// blockedMin is the smallest n·n·k (Dsyrk, Dsyr2k) or m·n·(m or n) (Dtrmm,
// Dtrsm) worth blocking; smaller calls go to gonum's routines.
const blockedMin = 48 * 48 * 48

// Dsyrk computes the ul triangle of
//
//	C = alpha·A·Aᵀ + beta·C  (t = NoTrans, A n×k)   or
//	C = alpha·Aᵀ·A + beta·C  (t = Trans, A k×n),
//
// leaving the other triangle of C untouched. It panics as gonum's Dsyrk does
// on invalid arguments. The diagonal blocks cost twice their flops (they are
// computed in full), which is paid back by running them at Dgemm's speed.
func (impl Implementation) Dsyrk(ul blas.Uplo, t blas.Transpose, n, k int, alpha float64, a []float64, lda int, beta float64, c []float64, ldc int) {
	rowA, colA := n, k
	if t != blas.NoTrans {
		rowA, colA = k, n
	}
	if !validUplo(ul) || !validTrans(t) || n < 0 || k < 0 || lda < max(1, colA) || ldc < max(1, n) ||
		len(a) < need(rowA, colA, lda) || len(c) < need(n, n, ldc) ||
		alpha == 0 || n*n*k < blockedMin {
		gonum.Implementation{}.Dsyrk(ul, t, n, k, alpha, a, lda, beta, c, ldc)
		return
	}
	scaleTriangle(ul, n, beta, c, ldc)
	tB := blas.Trans
	if t != blas.NoTrans {
		t, tB = blas.Trans, blas.NoTrans
	}
	// Rows (t = NoTrans) or columns (t = Trans) i0… of A.
	sub := func(i0 int) []float64 {
		if t == blas.NoTrans {
			return a[i0*lda:]
		}
		return a[i0:]
	}
	tmp := getBuf(symBlock * symBlock)
	defer bufPool.Put(tmp)
	for i0 := 0; i0 < n; i0 += symBlock {
		nb := min(symBlock, n-i0)
		w := tmp.x[:nb*nb]
		impl.Dgemm(t, tB, nb, nb, k, alpha, sub(i0), lda, sub(i0), lda, 0, w, nb)
		addTriangle(ul, nb, w, nb, false, c[i0*ldc+i0:], ldc)
		if ul == blas.Upper && i0+nb < n {
			impl.Dgemm(t, tB, nb, n-i0-nb, k, alpha, sub(i0), lda, sub(i0+nb), lda, 1, c[i0*ldc+i0+nb:], ldc)
		}
		if ul == blas.Lower && i0 > 0 {
			impl.Dgemm(t, tB, nb, i0, k, alpha, sub(i0), lda, a, lda, 1, c[i0*ldc:], ldc)
		}
	}
}

// Dsyr2k computes the ul triangle of
//
//	C = alpha·A·Bᵀ + alpha·B·Aᵀ + beta·C  (t = NoTrans, A and B n×k)   or
//	C = alpha·Aᵀ·B + alpha·Bᵀ·A + beta·C  (t = Trans, A and B k×n),
//
// leaving the other triangle of C untouched. It panics as gonum's Dsyr2k
// does on invalid arguments.
func (impl Implementation) Dsyr2k(ul blas.Uplo, t blas.Transpose, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	rowA, colA := n, k
	if t != blas.NoTrans {
		rowA, colA = k, n
	}
	if !validUplo(ul) || !validTrans(t) || n < 0 || k < 0 || lda < max(1, colA) || ldb < max(1, colA) || ldc < max(1, n) ||
		len(a) < need(rowA, colA, lda) || len(b) < need(rowA, colA, ldb) || len(c) < need(n, n, ldc) ||
		alpha == 0 || n*n*k < blockedMin {
		gonum.Implementation{}.Dsyr2k(ul, t, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
		return
	}
	scaleTriangle(ul, n, beta, c, ldc)
	tB := blas.Trans
	if t != blas.NoTrans {
		t, tB = blas.Trans, blas.NoTrans
	}
	sub := func(x []float64, ld, i0 int) []float64 {
		if t == blas.NoTrans {
			return x[i0*ld:]
		}
		return x[i0:]
	}
	tmp := getBuf(symBlock * symBlock)
	defer bufPool.Put(tmp)
	for i0 := 0; i0 < n; i0 += symBlock {
		nb := min(symBlock, n-i0)
		w := tmp.x[:nb*nb]
		// W = alpha·A_I·B_Iᵀ; the diagonal block gets W + Wᵀ.
		impl.Dgemm(t, tB, nb, nb, k, alpha, sub(a, lda, i0), lda, sub(b, ldb, i0), ldb, 0, w, nb)
		addTriangle(ul, nb, w, nb, true, c[i0*ldc+i0:], ldc)
		var j0, nj int
		switch {
		case ul == blas.Upper && i0+nb < n:
			j0, nj = i0+nb, n-i0-nb
		case ul == blas.Lower && i0 > 0:
			j0, nj = 0, i0
		default:
			continue
		}
		cij := c[i0*ldc+j0:]
		impl.Dgemm(t, tB, nb, nj, k, alpha, sub(a, lda, i0), lda, sub(b, ldb, j0), ldb, 1, cij, ldc)
		impl.Dgemm(t, tB, nb, nj, k, alpha, sub(b, ldb, i0), ldb, sub(a, lda, j0), lda, 1, cij, ldc)
	}
}

func validUplo(ul blas.Uplo) bool { return ul == blas.Upper || ul == blas.Lower }

// scaleTriangle sets the ul triangle of the n×n C to beta·C (zeros when beta
// is zero).
func scaleTriangle(ul blas.Uplo, n int, beta float64, c []float64, ldc int) {
	if beta == 1 {
		return
	}
	for i := 0; i < n; i++ {
		ci := c[i*ldc+i : i*ldc+n]
		if ul == blas.Lower {
			ci = c[i*ldc : i*ldc+i+1]
		}
		if beta == 0 {
			clear(ci)
			continue
		}
		for j := range ci {
			ci[j] *= beta
		}
	}
}

// addTriangle adds the ul triangle of the n×n W (of W + Wᵀ when sym) to C.
func addTriangle(ul blas.Uplo, n int, w []float64, ldw int, sym bool, c []float64, ldc int) {
	for i := 0; i < n; i++ {
		j0, j1 := i, n
		if ul == blas.Lower {
			j0, j1 = 0, i+1
		}
		for j := j0; j < j1; j++ {
			v := w[i*ldw+j]
			if sym {
				v += w[j*ldw+i]
			}
			c[i*ldc+j] += v
		}
	}
}
