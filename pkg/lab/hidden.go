package lab

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
)

// The …On checks run a task's check on inputs the caller chooses. The lab
// sources use them for nbgrader's hidden tests: the teacher's check cell
// holds, between "// BEGIN HIDDEN TESTS" and "// END HIDDEN TESTS", a call
// on matrices the student never sees, which only the autograder runs. Their
// reports are titled like the task's own check, followed by "· hidden
// tests", and compare against the same references.

// hiddenTitle is the title of a hidden check of the task titled id.
func hiddenTitle(id msg) string { return tr(msgTitleHidden, tr(id)) }

// CheckMSEGradientOn checks lab L1, task 1 at the given A (m×n), W (m×k) and
// H (k×n), against the same formulas as CheckMSEGradient. It panics with
// ErrShape if a matrix is nil.
func CheckMSEGradientOn(f MSEGradientFunc, a, w, h *mat.Dense) Report {
	mustData("CheckMSEGradientOn: A", a)
	mustData("CheckMSEGradientOn: W", w)
	mustData("CheckMSEGradientOn: H", h)
	r := Report{Title: hiddenTitle(msgTitleL11)}
	loss, dW, dH, ok := callMSEGradient(&r, f, a, w, h)
	if !ok {
		return r
	}
	wantL, wantW, wantH := mseGradient(a, w, h)
	name := "A = " + matString(a) + ": "
	r.Add(Scalar(name+tr(msgNameLoss), loss, wantL, nil),
		Matrix(name+"∂L/∂W", dW, wantW, nil),
		Matrix(name+"∂L/∂H", dH, wantH, nil))
	return r
}

// CheckEigenvaluesOn checks lab L2, task 2 on the given 2×2 matrices, each
// with two real eigenvalues, in any order. It panics with ErrShape if a
// matrix is nil.
func CheckEigenvaluesOn(f EigenvaluesFunc, matrices ...*mat.Dense) Report {
	for _, a := range matrices {
		mustData("CheckEigenvaluesOn: A", a)
	}
	r := Report{Title: hiddenTitle(msgTitleL22)}
	if f == nil {
		return r.notImplemented("Eigenvalues")
	}
	for _, a := range matrices {
		var l1, l2 float64
		if !call(&r, "Eigenvalues", func() { l1, l2 = f(mat.DenseCopyOf(a)) }) {
			return r
		}
		want, _ := realEigen(a)
		got := []float64{l1, l2}
		sort.Sort(sort.Reverse(sort.Float64Slice(got)))
		r.Add(Vector(tr(msgNameEigenvalues, matString(a)), got, want, nil))
	}
	return r
}

// CheckFixUOn checks lab L4, task 2 on the given matrices (m ≥ n, full
// column rank): with σ and V of NaiveSVD, the student's U must give
// UΣVᵀ = A and have orthonormal columns. It panics with ErrShape if a
// matrix is nil.
func CheckFixUOn(f FixUFunc, matrices ...*mat.Dense) Report {
	for _, a := range matrices {
		mustData("CheckFixUOn: A", a)
	}
	r := Report{Title: hiddenTitle(msgTitleL42)}
	if f == nil {
		return r.notImplemented("FixU")
	}
	for _, a := range matrices {
		_, sigma, v := NaiveSVD(a)
		var u *mat.Dense
		if !call(&r, "FixU", func() { u = f(mat.DenseCopyOf(a), append([]float64(nil), sigma...), mat.DenseCopyOf(v)) }) {
			return r
		}
		if isNilMatrix(u) {
			r.Add(notImplemented(Verdict{Name: "FixU", Diff: math.NaN(), Tol: math.NaN()}))
			return r
		}
		m, n := a.Dims()
		name := "A = " + matString(a)
		if ur, uc := u.Dims(); ur != m || uc != n {
			r.Add(Verdict{Name: tr(msgNameShapeU, name), Status: Fail, Diff: math.NaN(), Tol: math.NaN(),
				Message: tr(msgShapeU, ur, uc, m, n)})
			continue
		}
		var utu mat.Dense
		utu.Mul(u.T(), u)
		r.Add(Matrix(name+": UΣVᵀ = A", Reconstruct(u, sigma, v), a, &Tolerance{Abs: 1e-9, Rel: 1e-9}),
			Matrix(name+": UᵀU = I", &utu, eye(n), &Tolerance{Abs: 1e-9}))
	}
	return r
}

// CheckOptimalMSEOn checks lab L5, task 1 for the matrix a and each rank k,
// against mf.OptimalLoss. It panics with ErrShape if a is nil.
func CheckOptimalMSEOn(f OptimalMSEFunc, a *mat.Dense, ks ...int) Report {
	mustData("CheckOptimalMSEOn: A", a)
	r := Report{Title: hiddenTitle(msgTitleL51)}
	if f == nil {
		return r.notImplemented("OptimalMSE")
	}
	_, sigma, _ := referenceSVD(a)
	m, n := a.Dims()
	for _, k := range ks {
		var got float64
		if !call(&r, "OptimalMSE", func() { got = f(append([]float64(nil), sigma...), k, m, n) }) {
			return r
		}
		r.Add(Scalar(tr(msgNameOptimalMSE, k, matString(a)), got, optimalMSE(a, k), &Tolerance{Abs: 1e-12, Rel: 1e-9}))
	}
	return r
}

// CheckRotationOn checks lab L6, task 1 for the given angles (radians).
func CheckRotationOn(f RotationFunc, thetas ...float64) Report {
	r := Report{Title: hiddenTitle(msgTitleL61)}
	if f == nil {
		return r.notImplemented("Rotation")
	}
	for _, th := range thetas {
		var got *mat.Dense
		if !call(&r, "Rotation", func() { got = f(th) }) {
			return r
		}
		v := Matrix("R("+angleName(th)+")", got, rotation(th), nil)
		r.Add(v)
		if v.Status == NotImplemented {
			return r
		}
	}
	return r
}
