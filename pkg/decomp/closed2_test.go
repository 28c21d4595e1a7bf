// Copyright ©2026 The FactorLab Authors.

package decomp_test

import (
	"errors"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/decomp"
)

// Seed 001 §13.2: [[2,1],[1,2]] has λ = 3 with (t, t) and λ = 1 with (t, −t);
// [[4,1],[2,3]] has λ² − 7λ + 10 (seed 000) with directions (1,1), (−1,2).
func TestClosedForm2x2(t *testing.T) {
	for _, tc := range []struct {
		a    []float64
		poly string
		vals [2]complex128
		dirs [2][2]float64
	}{
		{[]float64{2, 1, 1, 2}, "λ² − 4λ + 3", [2]complex128{3, 1}, [2][2]float64{{1, 1}, {1, -1}}},
		{[]float64{4, 1, 2, 3}, "λ² − 7λ + 10", [2]complex128{5, 2}, [2][2]float64{{1, 1}, {-1, 2}}},
		{[]float64{0, -1, 1, 0}, "λ² + 1", [2]complex128{1i, -1i}, [2][2]float64{}},
		{[]float64{1, 1, 0, 1}, "λ² − 2λ + 1", [2]complex128{1, 1}, [2][2]float64{{1, 0}, {1, 0}}},
		{[]float64{3, 0, 0, 3}, "λ² − 6λ + 9", [2]complex128{3, 3}, [2][2]float64{{1, 0}, {0, 1}}},
		{[]float64{1, 2, 3, -4}, "λ² + 3λ − 10", [2]complex128{2, -5}, [2][2]float64{{2, 1}, {-1, 3}}},
		{[]float64{0.5, 0, 0, 0}, "λ² − 0.5λ", [2]complex128{0.5, 0}, [2][2]float64{{1, 0}, {0, 1}}},
	} {
		a := mat.NewDense(2, 2, tc.a)
		c, err := decomp.ClosedForm2x2(a)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.Polynomial(); got != tc.poly {
			t.Errorf("%v: polynomial %q, want %q", tc.a, got, tc.poly)
		}
		if c.Values != tc.vals {
			t.Errorf("%v: values %v, want %v", tc.a, c.Values, tc.vals)
		}
		if c.Directions != tc.dirs {
			t.Errorf("%v: directions %v, want %v", tc.a, c.Directions, tc.dirs)
		}
	}
	if _, err := decomp.ClosedForm2x2(mat.NewDense(3, 3, nil)); !errors.Is(err, decomp.ErrSize) {
		t.Errorf("3×3: %v", err)
	}
	if _, err := decomp.ClosedForm2x2(mat.NewDense(2, 2, []float64{1, math.NaN(), 0, 0})); !errors.Is(err, decomp.ErrNonFinite) {
		t.Errorf("NaN: %v", err)
	}
}

// The closed form agrees with the general solver on seeded random 2×2
// matrices: same roots, and parallel eigenvectors for real distinct roots.
func TestClosedFormAgreesWithEigen(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 3))
	for trial := 0; trial < 500; trial++ {
		a := randDense(rnd, 2, 2)
		c, err := decomp.ClosedForm2x2(a)
		if err != nil {
			t.Fatal(err)
		}
		var e decomp.Eigen
		if err := e.Factorize(a, &decomp.EigenSettings{Order: decomp.OrderCanonical}); err != nil {
			t.Fatal(err)
		}
		vals := e.Values(nil)
		for k := range vals {
			if cmplx.Abs(vals[k]-c.Values[k]) > 1e-12 {
				t.Errorf("trial %d: values %v vs closed form %v", trial, vals, c.Values)
			}
		}
		if c.Real != e.IsReal() {
			t.Errorf("trial %d: Real %v vs %v", trial, c.Real, e.IsReal())
		}
		if !c.Real || math.Abs(c.Disc) < 1e-6 {
			continue
		}
		var v mat.Dense
		if err := e.RealVectorsTo(&v); err != nil {
			t.Fatal(err)
		}
		for k := 0; k < 2; k++ {
			u := c.UnitDirection(k)
			if cs := colCos(mat.NewVecDense(2, u[:]), v.ColView(k)); cs < 1-1e-10 {
				t.Errorf("trial %d: direction %d %v vs %v", trial, k, c.Directions[k], mat.Col(nil, k, &v))
			}
		}
	}
}

func FuzzClosedForm2x2(f *testing.F) {
	f.Add([]byte{160, 144, 144, 160}) // [[2,1],[1,2]]
	f.Add([]byte{192, 144, 160, 176}) // [[4,1],[2,3]]
	f.Add([]byte{128, 255, 128, 128})
	f.Fuzz(func(t *testing.T, data []byte) {
		a := fuzzMatrix(2, 2, data)
		c, err := decomp.ClosedForm2x2(a)
		if err != nil {
			if !errors.Is(err, decomp.ErrNonFinite) {
				t.Fatal(err)
			}
			return
		}
		_ = c.Polynomial()
		if !c.Real {
			return
		}
		for k, l := range c.Values {
			v := c.Directions[k]
			// (A − λI)v ≈ 0 relative to the size of A and v.
			r0 := (a.At(0, 0)-real(l))*v[0] + a.At(0, 1)*v[1]
			r1 := a.At(1, 0)*v[0] + (a.At(1, 1)-real(l))*v[1]
			s := (mat.Norm(a, 2) + cmplx.Abs(l) + 1) * math.Hypot(v[0], v[1])
			if math.Hypot(r0, r1) > 1e-6*s {
				t.Fatalf("direction %v for λ=%v of %v: residual %g", v, l, mat.Formatted(a), math.Hypot(r0, r1))
			}
		}
	})
}
