// Copyright ©2026 The FactorLab Authors.

package decomp

import "gonum.org/v1/gonum/mat"

// RealEigenpairs returns, for a square matrix a with a real spectrum, the S
// and Λ of A·S = S·Λ: the unit eigenvectors as the columns of S and the
// eigenvalues λⱼ, in the order and with the signs order asks for (see Order).
// It is Eigen.Factorize, Eigen.RealValues and Eigen.RealVectorsTo in one call,
// for notebooks that print S and Λ. S is invertible only when a is
// diagonalizable (see Eigen.Diagonalizable), and orthogonal only when the
// eigenvectors are, as for a symmetric a with distinct eigenvalues.
//
// It returns the errors of Eigen.Factorize, or a wrapped ErrComplexSpectrum
// for a matrix such as the rotation [[0,−1],[1,0]], whose eigenvalues ±i have
// no real eigenvectors.
func RealEigenpairs(a mat.Matrix, order Order) (s *mat.Dense, lambda []float64, err error) {
	var e Eigen
	if err := e.Factorize(a, &EigenSettings{Order: order}); err != nil {
		return nil, nil, err
	}
	lambda, err = e.RealValues(nil)
	if err != nil {
		return nil, nil, err
	}
	s = &mat.Dense{}
	if err := e.RealVectorsTo(s); err != nil {
		return nil, nil, err
	}
	return s, lambda, nil
}
