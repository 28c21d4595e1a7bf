package lab

import (
	"fmt"
	"sort"

	"github.com/factorlab/factorlab/pkg/decomp"
	"github.com/factorlab/factorlab/pkg/fixtures"
	"gonum.org/v1/gonum/mat"
)

// CharPolyFunc is the student's function of lab L2, task 1: the
// coefficients of det(A − λI) = λ² + pλ + q for a 2×2 matrix A.
type CharPolyFunc func(a *mat.Dense) (p, q float64)

// EigenvaluesFunc is the student's function of lab L2, task 2: the two
// real eigenvalues of a 2×2 matrix, roots of the characteristic polynomial,
// in any order.
type EigenvaluesFunc func(a *mat.Dense) (l1, l2 float64)

// EigenvectorFunc is the student's function of lab L2, task 3: a non-zero
// x with (A − λI)x = 0, for an eigenvalue λ of the 2×2 matrix A.
type EigenvectorFunc func(a *mat.Dense, lambda float64) []float64

// l2Matrices returns the matrices of lab L2: seed 001's [[2, 1], [1, 2]]
// and seed 000's [[4, 1], [2, 3]].
func l2Matrices() []*mat.Dense {
	return []*mat.Dense{
		fixtures.SymmetricMatrix(),
		fixtures.EigenMatrix(),
	}
}

// l2Extra adds a matrix with irrational eigenvalues, so that a hard-coded
// answer does not pass.
func l2Extra() []*mat.Dense {
	return append(l2Matrices(), mat.NewDense(2, 2, []float64{1, 2, 3, 4}))
}

// realEigen returns the eigenvalues of a (real spectrum assumed) in
// descending order with unit eigenvectors, as decomp.RealEigenpairs gives
// them with decomp.OrderCanonical.
func realEigen(a mat.Matrix) ([]float64, [][]float64) {
	s, ls, err := decomp.RealEigenpairs(a, decomp.OrderCanonical)
	if err != nil {
		panic(fmt.Errorf("%w: eigendecomposition: %w", ErrReference, err))
	}
	vs := make([][]float64, len(ls))
	for k := range vs {
		vs[k] = mat.Col(nil, k, s)
	}
	return ls, vs
}

// CheckCharPoly checks lab L2, task 1 on both L2 matrices and on
// [[1, 2], [3, 4]]: p = −tr(A), q = det(A).
func CheckCharPoly(f CharPolyFunc) Report {
	r := Report{Title: tr(msgTitleL21)}
	if f == nil {
		return r.notImplemented("CharPoly")
	}
	for _, a := range l2Extra() {
		var p, q float64
		if !call(&r, "CharPoly", func() { p, q = f(mat.DenseCopyOf(a)) }) {
			return r
		}
		v := Vector(tr(msgNameCharPoly, matString(a)), []float64{p, q}, []float64{-mat.Trace(a), mat.Det(a)}, nil)
		if !v.Passed() {
			v.Hint = tr(msgHintCharPoly)
		}
		r.Add(v)
	}
	return r
}

// CheckEigenvalues checks lab L2, task 2 on both L2 matrices and on
// [[1, 2], [3, 4]], in any order.
func CheckEigenvalues(f EigenvaluesFunc) Report {
	r := Report{Title: tr(msgTitleL22)}
	if f == nil {
		return r.notImplemented("Eigenvalues")
	}
	for _, a := range l2Extra() {
		var l1, l2 float64
		if !call(&r, "Eigenvalues", func() { l1, l2 = f(mat.DenseCopyOf(a)) }) {
			return r
		}
		want, _ := realEigen(a)
		got := []float64{l1, l2}
		sort.Sort(sort.Reverse(sort.Float64Slice(got)))
		v := Vector(tr(msgNameEigenvalues, matString(a)), got, want, nil)
		if !v.Passed() {
			v.Hint = tr(msgHintEigenvalues)
			if l1 == l2 {
				v.Hint = tr(msgHintSameRoot)
			}
		}
		r.Add(v)
	}
	return r
}

// CheckEigenvectors checks lab L2, task 3 for every eigenvalue of both L2
// matrices: by the residual ‖Ax − λx‖/‖x‖ and, sign-free, against gonum's
// eigenvector.
func CheckEigenvectors(f EigenvectorFunc) Report {
	r := Report{Title: tr(msgTitleL23)}
	if f == nil {
		return r.notImplemented("Eigenvector")
	}
	for _, a := range l2Matrices() {
		ls, vs := realEigen(a)
		for k, l := range ls {
			var x []float64
			if !call(&r, "Eigenvector", func() { x = f(mat.DenseCopyOf(a), l) }) {
				return r
			}
			name := fmt.Sprintf("A = %s, λ = %s", matString(a), num(l))
			ep := Eigenpair(name+": Ax = λx", a, l, x, nil)
			if ep.Status == NotImplemented {
				r.Add(ep)
				return r
			}
			d := Direction(name+": "+tr(msgNameDirection), x, vs[k], &Tolerance{Abs: 1e-9})
			r.Add(ep, d)
		}
	}
	return r
}
