// Copyright ©2026 The FactorLab Authors.

package decomp_test

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/decomp"
)

// S and Λ of seed 001 §13.3 for the symmetric [[2, 1], [1, 2]]: S is
// orthogonal. For [[4, 1], [2, 3]] A·S = S·Λ still holds, but SᵀS ≠ I.
func ExampleRealEigenpairs() {
	for _, a := range []*mat.Dense{
		mat.NewDense(2, 2, []float64{2, 1, 1, 2}),
		mat.NewDense(2, 2, []float64{4, 1, 2, 3}),
	} {
		s, lambda, err := decomp.RealEigenpairs(a, decomp.OrderCanonical)
		if err != nil {
			fmt.Println(err)
			return
		}
		var sts mat.Dense
		sts.Mul(s.T(), s)
		fmt.Printf("λ = %g\nS =\n%.4f\nSᵀS =\n%.4f\n", lambda, mat.Formatted(s), mat.Formatted(&sts))
	}
	_, _, err := decomp.RealEigenpairs(mat.NewDense(2, 2, []float64{0, -1, 1, 0}), decomp.OrderCanonical)
	fmt.Println(errors.Is(err, decomp.ErrComplexSpectrum))
	// Output:
	// λ = [3 1]
	// S =
	// ⎡ 0.7071   0.7071⎤
	// ⎣ 0.7071  -0.7071⎦
	// SᵀS =
	// ⎡1.0000  0.0000⎤
	// ⎣0.0000  1.0000⎦
	// λ = [5 2]
	// S =
	// ⎡ 0.7071  -0.4472⎤
	// ⎣ 0.7071   0.8944⎦
	// SᵀS =
	// ⎡1.0000  0.3162⎤
	// ⎣0.3162  1.0000⎦
	// true
}

// A·S = S·Λ for every matrix with a real spectrum, diagonalizable or not
// (hand-picked cases: symmetric, non-symmetric, triangular, a shear).
func TestRealEigenpairsAS(t *testing.T) {
	for _, v := range [][]float64{
		{2, 1, 1, 2},
		{4, 1, 2, 3},
		{1, 2, 0, 3},
		{1, 1, 0, 1},
		{5, 4, 2, 1, 0, -1, 7, 3, 2},
	} {
		n := int(math.Sqrt(float64(len(v))))
		a := mat.NewDense(n, n, v)
		s, lambda, err := decomp.RealEigenpairs(a, decomp.OrderDescending)
		if err != nil {
			t.Fatalf("%v: %v", v, err)
		}
		var as, sl mat.Dense
		as.Mul(a, s)
		sl.Mul(s, mat.NewDiagDense(n, lambda))
		if d := mat.Norm(subRealPairs(&as, &sl), 2); d > 1e-10 {
			t.Errorf("%v: ‖AS − SΛ‖_F = %g", v, d)
		}
		for j := 0; j < n; j++ {
			if nrm := mat.Norm(s.ColView(j), 2); math.Abs(nrm-1) > 1e-12 {
				t.Errorf("%v: column %d has norm %g", v, j, nrm)
			}
			if j > 0 && lambda[j] > lambda[j-1] {
				t.Errorf("%v: eigenvalues %v not descending", v, lambda)
			}
		}
	}
	if _, _, err := decomp.RealEigenpairs(mat.NewDense(2, 3, nil), decomp.OrderLAPACK); !errors.Is(err, decomp.ErrNotSquare) {
		t.Errorf("2×3: err = %v, want ErrNotSquare", err)
	}
}

func subRealPairs(a, b mat.Matrix) *mat.Dense {
	var d mat.Dense
	d.Sub(a, b)
	return &d
}
