package mf

import (
	"fmt"
	"math"
	"reflect"

	"gonum.org/v1/gonum/mat"
)

// Range of the largest |element| for which squared errors, and sums of a
// moderate number of them, are normal float64 numbers: 2^±500, about
// 10^±150. Outside it a loss such as ‖A − WH‖²_F overflows to +Inf or
// underflows to zero, so the routines that square the data return an error
// saying so instead of a wrong number.
const (
	maxSquarable = 0x1p500
	minSquarable = 0x1p-500
	// Float32 training: float32 squares stay finite and normal up to 2^±60.
	maxSquarable32 = 0x1p60
	minSquarable32 = 0x1p-60
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

// maxAbs returns the largest |element| of a.
func maxAbs(a mat.Matrix) float64 {
	m, n := a.Dims()
	var big float64
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			big = math.Max(big, math.Abs(a.At(i, j)))
		}
	}
	return big
}

// checkRange returns an error wrapping ErrData when big, the largest
// |element| of the data called name, lies outside [lo, hi] (zero is fine).
func checkRange(name string, big, lo, hi float64) error {
	if big == 0 || (big >= lo && big <= hi) {
		return nil
	}
	return fmt.Errorf("%w: max |%s| = %g is out of range: its squares are not representable, so the loss would be %s; "+
		"rescale %s into [%.3g, %.3g]", ErrRange, name, big, map[bool]string{true: "+Inf", false: "zero"}[big > hi], name, lo, hi)
}

// evenPow2Exp returns the j with big·2^(−2j) in [1/4, 1), so that scaling
// by 2^(−2j) and by its square root 2^(−j) is exact; 0 when big is 0.
func evenPow2Exp(big float64) int {
	if big == 0 {
		return 0
	}
	_, e := math.Frexp(big) // big = frac·2^e, frac in [1/2, 1)
	j := (e + 1) / 2
	if e < 0 {
		j = e / 2
	}
	return j
}

// nilPredictor reports whether p is nil, a typed nil pointer, or a
// MatrixPredictor without a matrix.
func nilPredictor(p Predictor) bool {
	if p == nil {
		return true
	}
	if mp, ok := p.(MatrixPredictor); ok {
		return isNil(mp.M)
	}
	v := reflect.ValueOf(p)
	return v.Kind() == reflect.Pointer && v.IsNil()
}
