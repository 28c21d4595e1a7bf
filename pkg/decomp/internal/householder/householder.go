// Copyright ©2026 The FactorLab Authors.

// Package householder runs gonum's Householder QR and LQ routines (Dgeqrf,
// Dgelqf, Dorgqr, Dorglq, Dorghr, Dorgbr) around a defect of gonum v0.17's
// blocked code.
//
// The blocked routines apply nb reflectors H = I − τ·v·vᵀ at once as
// I − V·T·Vᵀ, with the triangular T formed by Dlarft. To skip work, Dlarft
// trims each inner product vᵢᵀ·vⱼ at the last row where the vectors can be
// nonzero, tracking the longest vector seen so far in the block. gonum v0.17
// restarts that tracking at the block's second reflector instead of its
// first, so when the second vector of a block ends in exact zeros that the
// first does not, and a later vector is longer than the second, T misses
// terms: the computed Q is wrong (errors of 10⁻³–10⁻¹ were measured) and,
// inside Dgeqrf/Dgelqf, so is the factorization. Dense random matrices never
// produce such vectors; structured ones do (a symmetric matrix with a
// repeated eigenvalue reduced to Hessenberg form did, at order 131).
//
// Every function here checks the reflectors it is given, or has computed,
// for a vector ending in an exact zero, and then runs gonum's unblocked code
// (which has no such trimming across vectors) instead: the results are
// those of the blocked code whenever that is correct, at Level-2 speed in
// the rare cases where it is not.
package householder

import (
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/gonum"
)

var impl gonum.Implementation

// columnEndsZero reports whether one of the vectors j ∈ [j0, j1) with
// τⱼ ≠ 0, stored down column j of a from row j+off to row last, ends in an
// exact zero.
func columnEndsZero(a []float64, lda, last, j0, j1, off int, tau []float64) bool {
	for j := j0; j < j1; j++ {
		if j+off <= last && tau[j] != 0 && a[last*lda+j] == 0 {
			return true
		}
	}
	return false
}

// rowEndsZero is columnEndsZero for vectors stored along row i of a from
// column i+off to column last.
func rowEndsZero(a []float64, lda, last, i0, i1, off int, tau []float64) bool {
	for i := i0; i < i1; i++ {
		if i+off <= last && tau[i] != 0 && a[i*lda+last] == 0 {
			return true
		}
	}
	return false
}

// work returns a workspace for a routine whose optimal size query wrote
// into q[0], of at least min elements; unblocked asks for the least.
func work(q []float64, least int, unblocked bool) ([]float64, int) {
	n := max(1, least)
	if !unblocked {
		n = max(n, int(q[0]))
	}
	return make([]float64, n), n
}

// Geqrf is Dgeqrf: A = Q·R of the m×n matrix a, R in the upper triangle and
// the reflectors below it, tau of length min(m, n).
func Geqrf(m, n int, a []float64, lda int, tau []float64) {
	if m == 0 || n == 0 {
		return
	}
	orig := copyOf(a, lda, m, n)
	q := []float64{0}
	impl.Dgeqrf(m, n, a, lda, tau, q, -1)
	w, lw := work(q, n, false)
	impl.Dgeqrf(m, n, a, lda, tau, w, lw)
	if columnEndsZero(a, lda, m-1, 0, min(m, n), 1, tau) {
		restore(a, lda, orig, m, n)
		impl.Dgeqrf(m, n, a, lda, tau, w, n)
	}
}

// Gelqf is Dgelqf: A = L·Q of the m×n matrix a.
func Gelqf(m, n int, a []float64, lda int, tau []float64) {
	if m == 0 || n == 0 {
		return
	}
	orig := copyOf(a, lda, m, n)
	q := []float64{0}
	impl.Dgelqf(m, n, a, lda, tau, q, -1)
	w, lw := work(q, m, false)
	impl.Dgelqf(m, n, a, lda, tau, w, lw)
	if rowEndsZero(a, lda, n-1, 0, min(m, n), 1, tau) {
		restore(a, lda, orig, m, n)
		impl.Dgelqf(m, n, a, lda, tau, w, m)
	}
}

// Orgqr is Dorgqr: the first n columns of Q = H₀·…·H_{k−1} from Dgeqrf's
// reflectors (m ≥ n ≥ k).
func Orgqr(m, n, k int, a []float64, lda int, tau []float64) {
	if n == 0 {
		return
	}
	q := []float64{0}
	impl.Dorgqr(m, n, k, a, lda, tau, q, -1)
	w, lw := work(q, n, columnEndsZero(a, lda, m-1, 0, k, 1, tau))
	impl.Dorgqr(m, n, k, a, lda, tau, w, lw)
}

// Orglq is Dorglq: the first m rows of Q from Dgelqf's reflectors
// (n ≥ m ≥ k).
func Orglq(m, n, k int, a []float64, lda int, tau []float64) {
	if m == 0 {
		return
	}
	q := []float64{0}
	impl.Dorglq(m, n, k, a, lda, tau, q, -1)
	w, lw := work(q, m, rowEndsZero(a, lda, n-1, 0, k, 1, tau))
	impl.Dorglq(m, n, k, a, lda, tau, w, lw)
}

// Orghr is Dorghr: the orthogonal factor of Dgehrd's Hessenberg reduction.
func Orghr(n, ilo, ihi int, a []float64, lda int, tau []float64) {
	if n == 0 {
		return
	}
	q := []float64{0}
	impl.Dorghr(n, ilo, ihi, a, lda, tau, q, -1)
	// Vector j (ilo ≤ j < ihi−1) lies in column j, rows j+2…ihi.
	w, lw := work(q, ihi-ilo, columnEndsZero(a, lda, ihi, ilo, ihi-1, 2, tau))
	impl.Dorghr(n, ilo, ihi, a, lda, tau, w, lw)
}

// Orgbr is Dorgbr: Q or Pᵀ of Dgebrd's bidiagonal reduction.
func Orgbr(vect lapack.GenOrtho, m, n, k int, a []float64, lda int, tau []float64) {
	if m == 0 || n == 0 {
		return
	}
	var unsafe bool
	if vect == lapack.GenerateQ {
		if m >= k {
			unsafe = columnEndsZero(a, lda, m-1, 0, k, 1, tau)
		} else {
			unsafe = columnEndsZero(a, lda, m-1, 0, m-1, 2, tau)
		}
	} else {
		if k < n {
			unsafe = rowEndsZero(a, lda, n-1, 0, k, 1, tau)
		} else {
			unsafe = rowEndsZero(a, lda, n-1, 0, n-1, 2, tau)
		}
	}
	q := []float64{0}
	impl.Dorgbr(vect, m, n, k, a, lda, tau, q, -1)
	w, lw := work(q, min(m, n), unsafe)
	impl.Dorgbr(vect, m, n, k, a, lda, tau, w, lw)
}

func copyOf(a []float64, lda, m, n int) []float64 {
	c := make([]float64, m*n)
	for i := 0; i < m; i++ {
		copy(c[i*n:(i+1)*n], a[i*lda:i*lda+n])
	}
	return c
}

func restore(a []float64, lda int, c []float64, m, n int) {
	for i := 0; i < m; i++ {
		copy(a[i*lda:i*lda+n], c[i*n:(i+1)*n])
	}
}
