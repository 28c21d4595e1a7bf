// Copyright ©2026 The FactorLab Authors.

package decomp

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

// Programmer misuse. Methods panic with one of these values.
var (
	// ErrNotFactorized is the panic value of a query made on a receiver
	// that holds no successful factorization.
	ErrNotFactorized = errors.New("decomp: query before a successful Factorize")
	// ErrNoVectors is the panic value of a vector query on a factorization
	// computed without vectors.
	ErrNoVectors = errors.New("decomp: vectors were not computed")
	// ErrShape is the panic value when a destination or an argument has the
	// wrong shape.
	ErrShape = errors.New("decomp: dimension mismatch")
	// ErrIndex is the panic value of an out-of-range eigenpair index.
	ErrIndex = errors.New("decomp: index out of range")
	// ErrNilRand is the panic value when a required *rand.Rand is nil.
	ErrNilRand = errors.New("decomp: nil *rand.Rand")
	// ErrSettings is the panic value of a setting outside its documented
	// range, such as a negative PowerSettings.MaxIter or a NaN tolerance.
	ErrSettings = errors.New("decomp: invalid settings")
)

// Bad data and numerical failure. Functions return these, usually wrapped
// with details; test with errors.Is.
var (
	// ErrEmpty reports a nil or zero-sized matrix.
	ErrEmpty = errors.New("decomp: empty matrix")
	// ErrNotSquare reports a non-square input to an eigenvalue routine.
	ErrNotSquare = errors.New("decomp: matrix is not square")
	// ErrNotSymmetric reports a non-symmetric input to EigenSym.
	ErrNotSymmetric = errors.New("decomp: matrix is not symmetric")
	// ErrNonFinite reports a NaN or ±Inf element; it is wrapped by *ElementError.
	ErrNonFinite = errors.New("decomp: non-finite element")
	// ErrRankOutOfRange reports a rank or count k outside its valid range.
	ErrRankOutOfRange = errors.New("decomp: k out of range")
	// ErrNoConvergence reports that an iterative algorithm did not converge.
	ErrNoConvergence = errors.New("decomp: algorithm did not converge")
	// ErrDefective reports an eigenvector matrix V too ill-conditioned to be
	// inverted meaningfully: the matrix is (numerically) not diagonalizable.
	ErrDefective = errors.New("decomp: matrix is defective (not diagonalizable)")
	// ErrComplexSpectrum reports that a real result was asked of a matrix
	// with non-real eigenvalues.
	ErrComplexSpectrum = errors.New("decomp: spectrum is not real")
	// ErrSize reports a matrix size a routine does not support, such as a
	// 3×3 input to ClosedForm2x2.
	ErrSize = errors.New("decomp: unsupported matrix size")
	// ErrZeroVector reports a zero starting vector for PowerIteration.
	ErrZeroVector = errors.New("decomp: zero start vector")
	// ErrSingular reports a singular matrix where an inverse is needed.
	ErrSingular = errors.New("decomp: matrix is singular")
	// ErrRange reports a result that the input's scale puts outside the
	// floating-point range (it would overflow to ±Inf or underflow to zero).
	ErrRange = errors.New("decomp: result out of floating-point range")
)

// ElementError reports a non-finite element of an input matrix. It wraps
// ErrNonFinite.
type ElementError struct {
	Row, Col int     // position of the first offending element, row-major
	Value    float64 // NaN, +Inf or -Inf
}

func (e *ElementError) Error() string {
	return fmt.Sprintf("decomp: element (%d, %d) is %v", e.Row, e.Col, e.Value)
}

// Unwrap returns ErrNonFinite.
func (e *ElementError) Unwrap() error { return ErrNonFinite }

// dims returns the dimensions of a, or ErrEmpty if a is nil or has a zero dimension.
func dims(a mat.Matrix) (r, c int, err error) {
	if isNil(a) {
		return 0, 0, ErrEmpty
	}
	if d, ok := a.(*mat.Dense); ok && d.IsEmpty() {
		return 0, 0, ErrEmpty
	}
	r, c = a.Dims()
	if r == 0 || c == 0 {
		return 0, 0, ErrEmpty
	}
	return r, c, nil
}

// checkedCopy validates a and returns a fresh dense copy of it. It returns
// ErrEmpty, an *ElementError, or (if square is set) a wrapped ErrNotSquare.
func checkedCopy(a mat.Matrix, square bool) (*mat.Dense, error) {
	r, c, err := dims(a)
	if err != nil {
		return nil, err
	}
	if square && r != c {
		return nil, fmt.Errorf("%w: %d×%d", ErrNotSquare, r, c)
	}
	d := mat.DenseCopyOf(a)
	if err := checkFinite(d); err != nil {
		return nil, err
	}
	return d, nil
}

// checkedView validates a and returns its row-major storage, without a copy
// when a exposes it (mat.RawMatrixer, such as *mat.Dense) and with one
// otherwise. The caller must not modify the result.
func checkedView(a mat.Matrix) (blas64.General, error) {
	if _, _, err := dims(a); err != nil {
		return blas64.General{}, err
	}
	rm, ok := a.(mat.RawMatrixer)
	if !ok {
		d, err := checkedCopy(a, false)
		if err != nil {
			return blas64.General{}, err
		}
		return d.RawMatrix(), nil
	}
	raw := rm.RawMatrix()
	for i := 0; i < raw.Rows; i++ {
		row := raw.Data[i*raw.Stride : i*raw.Stride+raw.Cols]
		for j, v := range row {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return blas64.General{}, &ElementError{Row: i, Col: j, Value: v}
			}
		}
	}
	return raw, nil
}

// checkFinite returns an *ElementError for the first non-finite element of d.
func checkFinite(d *mat.Dense) error {
	raw := d.RawMatrix()
	for i := 0; i < raw.Rows; i++ {
		row := raw.Data[i*raw.Stride : i*raw.Stride+raw.Cols]
		for j, v := range row {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return &ElementError{Row: i, Col: j, Value: v}
			}
		}
	}
	return nil
}
