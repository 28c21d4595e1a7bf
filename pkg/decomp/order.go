// Copyright ©2026 The FactorLab Authors.

package decomp

import (
	"cmp"
	"math"
	"math/cmplx"
	"slices"
)

// Order selects how eigenpairs are ordered and how eigenvector signs are
// chosen. The zero value is OrderLAPACK.
type Order int

const (
	// OrderLAPACK keeps the eigenpairs exactly as the LAPACK driver returns
	// them: for Eigen the unsorted order of dgeev (the order torch.linalg.eig
	// and numpy.linalg.eig print, since they call dgeev too), for EigenSym
	// ascending eigenvalues (as torch.linalg.eigh). Signs are as returned.
	OrderLAPACK Order = iota
	// OrderDescending sorts by descending real part, then descending
	// imaginary part (exact comparisons; ties keep the LAPACK order), and
	// keeps the signs as returned by LAPACK.
	OrderDescending
	// OrderCanonical sorts as OrderDescending and then multiplies each
	// eigenvector by the unit-modulus scalar that makes its pivot component
	// real and positive. The pivot is the first component whose modulus is
	// at least (1 − 1e-8) times the largest modulus in that vector, so that
	// vectors such as (1, −1)/√2 get a stable pivot despite rounding.
	// For a conjugate pair, the pivot is chosen on the first vector and the
	// second stays its conjugate.
	OrderCanonical
)

// pivotTol is the relative tolerance for choosing the canonical pivot.
const pivotTol = 1e-8

// descendingPerm returns the permutation that sorts vals by descending real
// part, then descending imaginary part, stably.
func descendingPerm(vals []complex128) []int {
	p := make([]int, len(vals))
	for i := range p {
		p[i] = i
	}
	slices.SortStableFunc(p, func(i, j int) int {
		a, b := vals[i], vals[j]
		if c := cmp.Compare(real(b), real(a)); c != 0 {
			return c
		}
		return cmp.Compare(imag(b), imag(a))
	})
	return p
}

// pivotIndex returns the canonical pivot of the vector given by at(i), i < n.
func pivotIndex(n int, at func(i int) complex128) int {
	var big float64
	for i := 0; i < n; i++ {
		big = math.Max(big, cmplx.Abs(at(i)))
	}
	for i := 0; i < n; i++ {
		if cmplx.Abs(at(i)) >= (1-pivotTol)*big {
			return i
		}
	}
	return 0
}

// realPivotSign returns the sign (±1) that makes the canonical pivot of the
// real vector v positive.
func realPivotSign(v []float64) float64 {
	k := pivotIndex(len(v), func(i int) complex128 { return complex(v[i], 0) })
	if v[k] < 0 {
		return -1
	}
	return 1
}
