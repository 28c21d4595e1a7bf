package lab

import "gonum.org/v1/gonum/mat"

// CounterexampleFunc is the student's answer in lab L3: a matrix that
// refutes one of seed 001's claims. Any matrix with the right properties
// passes.
type CounterexampleFunc func() *mat.Dense

func checkCounterexample(title string, f CounterexampleFunc, props ...Property) Report {
	r := Report{Title: title}
	if f == nil {
		return r.notImplemented(tr(msgYourMatrix))
	}
	var a *mat.Dense
	if !call(&r, tr(msgYourMatrix), func() { a = f() }) {
		return r
	}
	r.Add(Satisfies("A", a, props...)...)
	return r
}

// CheckOrthogonalClaim checks a counterexample to "eigenvectors are always
// orthogonal" (seed 001 §13.2, property 1): a square matrix whose real
// eigenvectors for two different eigenvalues are not perpendicular.
func CheckOrthogonalClaim(f CounterexampleFunc) Report {
	return checkCounterexample(tr(msgTitleL31), f,
		IsSquare(), HasNonOrthogonalEigenvectors())
}

// CheckNonNegativeClaim checks a counterexample to "a symmetric matrix has
// only non-negative eigenvalues" (seed 001 §13.2, property 3).
func CheckNonNegativeClaim(f CounterexampleFunc) Report {
	return checkCounterexample(tr(msgTitleL32), f,
		IsSymmetric(), HasNegativeEigenvalue())
}

// CheckEigenbasisClaim checks a counterexample to "an n×n matrix has n
// eigenvectors" (seed 001 §13.2, property 2), read as n linearly
// independent real eigenvectors: a square matrix with a complex eigenvalue
// or a defective one.
func CheckEigenbasisClaim(f CounterexampleFunc) Report {
	return checkCounterexample(tr(msgTitleL33), f,
		IsSquare(), LacksRealEigenbasis())
}
