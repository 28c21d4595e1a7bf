// Copyright ©2026 The FactorLab Authors.

package decomp

import (
	"math"
	"reflect"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/mat"
)

// isNil reports whether a is nil or a typed nil pointer such as a nil
// *mat.Dense, whose methods would dereference it.
func isNil(a mat.Matrix) bool {
	if a == nil {
		return true
	}
	v := reflect.ValueOf(a)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// maxAbs returns the largest |element| of the r×c matrix in raw.
func maxAbs(raw blas64.General) float64 {
	var big float64
	for i := 0; i < raw.Rows; i++ {
		for _, v := range raw.Data[i*raw.Stride : i*raw.Stride+raw.Cols] {
			big = math.Max(big, math.Abs(v))
		}
	}
	return big
}

// pow2Exp returns the k with big·2ᵏ in [0.5, 1), or 0 when big is zero.
// Multiplying by a power of two is exact (barring underflow of elements far
// below big), so a problem can be solved at 2ᵏ·A and its answer scaled back,
// as LAPACK's drivers do with dlascl. k is an exponent, not a factor,
// because 2ᵏ itself overflows for subnormal big.
func pow2Exp(big float64) int {
	if big == 0 || math.IsInf(big, 0) || math.IsNaN(big) {
		return 0
	}
	_, e := math.Frexp(big)
	return -e
}

// scaleRaw multiplies every element of raw by 2ᵏ in place.
func scaleRaw(raw blas64.General, k int) {
	if k == 0 {
		return
	}
	for i := 0; i < raw.Rows; i++ {
		row := raw.Data[i*raw.Stride : i*raw.Stride+raw.Cols]
		for j := range row {
			row[j] = math.Ldexp(row[j], k)
		}
	}
}

// singular reports whether a matrix of 2-norm condition number cond is
// numerically singular: cond > DefaultMaxCond (or NaN). This is the one
// threshold of the package for "numerically singular" and "defective".
func singular(cond float64) bool { return !(cond <= DefaultMaxCond) }

// cond2 returns σ_max/σ_min of the square matrix d (+Inf if σ_min = 0, NaN
// if the SVD fails). d is not modified.
func cond2(d *mat.Dense) float64 {
	n, _ := d.Dims()
	m := mat.DenseCopyOf(d)
	sv := make([]float64, n)
	if !gesvd(lapack.SVDNone, lapack.SVDNone, m.RawMatrix(), blas64.General{}, blas64.General{}, sv) {
		return math.NaN()
	}
	if sv[n-1] == 0 {
		return math.Inf(1)
	}
	return sv[0] / sv[n-1]
}

// finiteVec returns the index of the first NaN or ±Inf in v, or −1.
func finiteVec(v []float64) int {
	for i, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return i
		}
	}
	return -1
}

// valid reports whether o is one of the defined orders.
func (o Order) valid() bool { return o >= OrderLAPACK && o <= OrderCanonical }
