package lab_test

import (
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/lab"
)

// TestCounterexamplesAtEveryScale checks lab L3's properties where
// absolute tolerances went wrong: tiny entries, tiny eigenvalues, and exact
// structure (a triangular matrix's defective eigenvalue) that a loose
// tolerance would blur. A counterexample stays one when it is scaled.
func TestCounterexamplesAtEveryScale(t *testing.T) {
	scaled := func(s float64, a ...float64) *mat.Dense {
		m := mat.NewDense(2, 2, a)
		m.Scale(s, m)
		return m
	}
	pass := []struct {
		name  string
		check func(lab.CounterexampleFunc) lab.Report
		a     *mat.Dense
	}{
		{"exactly defective [[1, 1e-7], [0, 1]]", lab.CheckEigenbasisClaim, scaled(1, 1, 1e-7, 0, 1)},
		{"defective shear at 1e-12", lab.CheckEigenbasisClaim, scaled(1e-12, 1, 1, 0, 1)},
		{"defective, not triangular", lab.CheckEigenbasisClaim, scaled(1, 2, 1, -1, 0)},
		{"defective, not triangular, at 1e-9", lab.CheckEigenbasisClaim, scaled(1e-9, 2, 1, -1, 0)},
		{"rotation at 1e-10", lab.CheckEigenbasisClaim, scaled(1e-10, 0, -1, 1, 0)},
		{"eigenvalues ±1e-10", lab.CheckNonNegativeClaim, scaled(1e-10, 0, 1, 1, 0)},
		{"eigenvalues 3e10, -1e10", lab.CheckNonNegativeClaim, scaled(1e10, 1, 2, 2, 1)},
		{"seed 000's matrix at 1e-10", lab.CheckOrthogonalClaim, scaled(1e-10, 4, 1, 2, 3)},
	}
	for _, c := range pass {
		a := c.a
		if r := c.check(func() *mat.Dense { return a }); !r.Passed() {
			t.Errorf("%s: valid counterexample rejected:\n%s", c.name, r)
		}
	}
	fail := []struct {
		name  string
		check func(lab.CounterexampleFunc) lab.Report
		a     *mat.Dense
	}{
		{"diagonal, eigenvalues 1 and 1+1e-7", lab.CheckEigenbasisClaim, scaled(1, 1, 0, 0, 1+1e-7)},
		{"1e-10·I", lab.CheckEigenbasisClaim, scaled(1e-10, 1, 0, 0, 1)},
		{"eigenvalues 3e-10, 1e-10", lab.CheckNonNegativeClaim, scaled(1e-10, 2, 1, 1, 2)},
		{"symmetric at 1e-10", lab.CheckOrthogonalClaim, scaled(1e-10, 2, 1, 1, 2)},
	}
	for _, c := range fail {
		a := c.a
		if r := c.check(func() *mat.Dense { return a }); r.Passed() {
			t.Errorf("%s: invalid counterexample accepted:\n%s", c.name, r)
		}
	}
}
