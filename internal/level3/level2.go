// Copyright ©2026 The FactorLab Authors.

package level3

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"
)

// level2Min is the smallest m·n for which Dgemv and Dsymv use the FMA
// kernels; smaller calls, and those with non-unit increments, go to gonum.
const level2Min = 64 * 64

// Dgemv computes y = alpha·op(A)·x + beta·y for the row-major m×n A, with
// AVX2/FMA kernels (strided x and y, such as columns of a row-major matrix,
// are copied to contiguous scratch and back) that read four rows of A per pass over x (op(A) = A) or
// over y (op(A) = Aᵀ). The two blocked LAPACK reductions to tridiagonal and
// bidiagonal form spend half their flops here. It panics as gonum's Dgemv
// does on invalid arguments.
func (Implementation) Dgemv(tA blas.Transpose, m, n int, alpha float64, a []float64, lda int, x []float64, incX int, beta float64, y []float64, incY int) {
	lenX, lenY := n, m
	if tA != blas.NoTrans {
		lenX, lenY = m, n
	}
	if !fma || !validTrans(tA) || m < 0 || n < 0 || lda < max(1, n) || incX == 0 || incY == 0 ||
		len(a) < need(m, n, lda) || len(x) < needVec(lenX, incX) || len(y) < needVec(lenY, incY) || alpha == 0 || m*n < level2Min {
		gonum.Implementation{}.Dgemv(tA, m, n, alpha, a, lda, x, incX, beta, y, incY)
		return
	}
	xs, ys := getBuf(lenX), getBuf(lenY)
	defer bufPool.Put(xs)
	defer bufPool.Put(ys)
	x = gather(xs.x, x, incX)
	yc := gather(ys.x, y, incY)
	defer scatter(y, yc, incY)
	y = yc
	scaleVec(beta, y)
	if tA == blas.NoTrans {
		for i := 0; i < m; i += 4 {
			// Rows past the end repeat the last one; their sums are dropped.
			r := [4]int{i, min(i+1, m-1), min(i+2, m-1), min(i+3, m-1)}
			s0, s1, s2, s3 := dot4(n, &a[r[0]*lda], &a[r[1]*lda], &a[r[2]*lda], &a[r[3]*lda], &x[0])
			sums := [4]float64{s0, s1, s2, s3}
			for k, s := range sums[:min(4, m-i)] {
				y[i+k] += alpha * s
			}
		}
		return
	}
	i := 0
	for ; i+4 <= m; i += 4 {
		c := [4]float64{alpha * x[i], alpha * x[i+1], alpha * x[i+2], alpha * x[i+3]}
		axpy4(n, &c, &a[i*lda], &a[(i+1)*lda], &a[(i+2)*lda], &a[(i+3)*lda], &y[0])
	}
	for ; i < m; i++ {
		dotAxpy(n, alpha*x[i], &a[i*lda], &a[i*lda], &y[0])
	}
}

// Dsymv computes y = alpha·A·x + beta·y for the symmetric n×n A stored in
// its ul triangle, reading each element of the triangle once: row i of the
// triangle is dotted with x and added, times alpha·x[i], to y in one pass.
// It panics as gonum's Dsymv does on invalid arguments.
func (Implementation) Dsymv(ul blas.Uplo, n int, alpha float64, a []float64, lda int, x []float64, incX int, beta float64, y []float64, incY int) {
	if !fma || !validUplo(ul) || n < 0 || lda < max(1, n) || incX == 0 || incY == 0 ||
		len(a) < need(n, n, lda) || len(x) < needVec(n, incX) || len(y) < needVec(n, incY) || alpha == 0 || n*n < level2Min {
		gonum.Implementation{}.Dsymv(ul, n, alpha, a, lda, x, incX, beta, y, incY)
		return
	}
	xs, ys := getBuf(n), getBuf(n)
	defer bufPool.Put(xs)
	defer bufPool.Put(ys)
	x = gather(xs.x, x, incX)
	yc := gather(ys.x, y, incY)
	defer scatter(y, yc, incY)
	y = yc
	scaleVec(beta, y)
	if ul == blas.Upper {
		for i := 0; i < n; i++ {
			var s float64
			if i+1 < n {
				s = dotAxpy(n-i-1, alpha*x[i], &a[i*lda+i+1], &x[i+1], &y[i+1])
			}
			y[i] += alpha * (a[i*lda+i]*x[i] + s)
		}
		return
	}
	for i := 0; i < n; i++ {
		var s float64
		if i > 0 {
			s = dotAxpy(i, alpha*x[i], &a[i*lda], &x[0], &y[0])
		}
		y[i] += alpha * (s + a[i*lda+i]*x[i])
	}
}

// needVec is the length a vector of n elements with increment inc spans.
func needVec(n, inc int) int {
	if n == 0 {
		return 0
	}
	if inc < 0 {
		inc = -inc
	}
	return (n-1)*inc + 1
}

// gather copies the len(dst) elements of the strided vector x into dst and
// returns dst; with a negative increment the vector runs backwards from the
// end, as in the reference BLAS.
func gather(dst, x []float64, inc int) []float64 {
	n := len(dst)
	if inc == 1 {
		copy(dst, x[:n])
		return dst
	}
	k := 0
	if inc < 0 {
		k = -(n - 1) * inc
	}
	for i := range dst {
		dst[i] = x[k]
		k += inc
	}
	return dst
}

// scatter copies src back into the strided vector y, the inverse of gather.
func scatter(y, src []float64, inc int) {
	n := len(src)
	if inc == 1 {
		copy(y[:n], src)
		return
	}
	k := 0
	if inc < 0 {
		k = -(n - 1) * inc
	}
	for _, v := range src {
		y[k] = v
		k += inc
	}
}

// scaleVec sets y = beta·y, writing zeros when beta is zero.
func scaleVec(beta float64, y []float64) {
	switch beta {
	case 1:
	case 0:
		clear(y)
	default:
		for i := range y {
			y[i] *= beta
		}
	}
}
