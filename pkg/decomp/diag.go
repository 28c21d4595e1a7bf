// Copyright ©2026 The FactorLab Authors.

package decomp

import (
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/gonum/mat"
)

// Diagnosis summarises what a teacher checks about the eigendecomposition
// of a real square matrix A.
type Diagnosis struct {
	N int // order of A
	// Symmetric reports IsSymmetric(A, DefaultSymmetryTol): then the
	// eigenvalues are real and the eigenvectors can be chosen orthonormal.
	Symmetric bool
	// NumReal counts the real eigenvalues; each has a real eigenvector.
	NumReal int
	// RealSpectrum reports NumReal == N.
	RealSpectrum bool
	// Cond is cond₂(V) of the unit eigenvectors returned by dgeev (see
	// Eigen.Cond): 1 for orthonormal eigenvectors, +Inf or huge for a
	// defective matrix.
	Cond float64
	// Diagonalizable reports Cond ≤ DefaultMaxCond: A = V·Λ·V⁻¹ is usable.
	Diagonalizable bool
	// MinAngle is the smallest angle in degrees between the lines of two
	// eigenvectors (90 when N = 1).
	MinAngle float64
	// Orthogonal reports Cond ≤ 1 + 1e-8: the returned eigenvectors are
	// mutually orthogonal. For a symmetric matrix with a repeated eigenvalue
	// dgeev may return non-orthogonal vectors of the eigenspace; EigenSym
	// always returns orthonormal ones.
	Orthogonal bool
}

// Diagnose factorizes a with Eigen and reports its Diagnosis, at a cost of
// O(n³) beyond the factorization (cond₂(V) and all pairwise angles). It
// returns the errors of Eigen.Factorize.
func Diagnose(a mat.Matrix) (Diagnosis, error) {
	var e Eigen
	if err := e.Factorize(a, nil); err != nil {
		return Diagnosis{}, err
	}
	d := Diagnosis{
		N:         e.N(),
		Symmetric: IsSymmetric(a, DefaultSymmetryTol),
		NumReal:   e.NumReal(),
		Cond:      e.Cond(),
		MinAngle:  90,
	}
	d.RealSpectrum = d.NumReal == d.N
	d.Diagonalizable = d.Cond <= DefaultMaxCond
	d.Orthogonal = d.Cond <= 1+1e-8
	for i := 0; i < d.N; i++ {
		for j := i + 1; j < d.N; j++ {
			d.MinAngle = math.Min(d.MinAngle, e.Angle(i, j))
		}
	}
	return d, nil
}

// String renders the diagnosis on a few lines for a notebook.
func (d Diagnosis) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "n = %d\n", d.N)
	fmt.Fprintf(&b, "symmetric: %v\n", d.Symmetric)
	fmt.Fprintf(&b, "real eigenvalues: %d of %d\n", d.NumReal, d.N)
	fmt.Fprintf(&b, "cond₂(V) = %.4g\n", d.Cond)
	fmt.Fprintf(&b, "diagonalizable: %v\n", d.Diagonalizable)
	fmt.Fprintf(&b, "smallest angle between eigenvectors: %.2f°\n", d.MinAngle)
	fmt.Fprintf(&b, "orthogonal eigenvectors: %v", d.Orthogonal)
	return b.String()
}
