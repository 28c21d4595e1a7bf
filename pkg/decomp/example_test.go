// Copyright ©2026 The FactorLab Authors.

package decomp_test

import (
	"errors"
	"fmt"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/decomp"

	"github.com/factorlab/factorlab/pkg/fixtures"
)

// Seed 000's torch.linalg.eig example with canonical order and signs.
func ExampleEigen() {
	a := mat.NewDense(2, 2, []float64{4, 1, 2, 3})
	var e decomp.Eigen
	if err := e.Factorize(a, &decomp.EigenSettings{Order: decomp.OrderCanonical}); err != nil {
		fmt.Println(err)
		return
	}
	vals, _ := e.RealValues(nil)
	var v mat.Dense
	e.RealVectorsTo(&v)
	fmt.Printf("eigenvalues: %.4f\n", vals)
	fmt.Printf("eigenvectors:\n%.4f\n", mat.Formatted(&v))
	var rec mat.Dense
	if err := e.ReconstructTo(&rec); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("V·Λ·V⁻¹:\n%.4f\n", mat.Formatted(&rec))
	res, _ := e.ReconstructionError(a)
	fmt.Printf("‖A − V·Λ·V⁻¹‖_F < 1e-12: %v\n", res < 1e-12)
	fmt.Printf("angle between eigenvectors: %.2f°\n", e.Angle(0, 1))
	// Output:
	// eigenvalues: [5.0000 2.0000]
	// eigenvectors:
	// ⎡ 0.7071  -0.4472⎤
	// ⎣ 0.7071   0.8944⎦
	// V·Λ·V⁻¹:
	// ⎡4.0000  1.0000⎤
	// ⎣2.0000  3.0000⎦
	// ‖A − V·Λ·V⁻¹‖_F < 1e-12: true
	// angle between eigenvectors: 71.57°
}

// A rotation by 90° has eigenvalues ±i and no real eigenvector.
func ExampleEigen_rotation() {
	a := mat.NewDense(2, 2, []float64{0, -1, 1, 0})
	var e decomp.Eigen
	e.Factorize(a, &decomp.EigenSettings{Order: decomp.OrderCanonical})
	fmt.Println("eigenvalues:", e.Values(nil))
	fmt.Println("real eigenvalues:", e.NumReal())
	var v mat.Dense
	err := e.RealVectorsTo(&v)
	fmt.Println(err)
	// Output:
	// eigenvalues: [(0+1i) (0-1i)]
	// real eigenvalues: 0
	// decomp: spectrum is not real: 2 of 2 eigenvectors are not real
}

// The Jordan block [[1,1],[0,1]] is defective: reconstruction refuses.
func ExampleEigen_defective() {
	a := mat.NewDense(2, 2, []float64{1, 1, 0, 1})
	var e decomp.Eigen
	e.Factorize(a, nil)
	fmt.Println("eigenvalues:", e.Values(nil))
	fmt.Println("diagonalizable:", e.Diagonalizable())
	var rec mat.Dense
	err := e.ReconstructTo(&rec)
	fmt.Println(errors.Is(err, decomp.ErrDefective))
	// Output:
	// eigenvalues: [(1+0i) (1+0i)]
	// diagonalizable: false
	// true
}

func ExampleDiagnose() {
	d, err := decomp.Diagnose(mat.NewDense(2, 2, []float64{4, 1, 2, 3}))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d)
	// Output:
	// n = 2
	// symmetric: false
	// real eigenvalues: 2 of 2
	// cond₂(V) = 1.387
	// diagonalizable: true
	// smallest angle between eigenvectors: 71.57°
	// orthogonal eigenvectors: false
}

func ExampleIsSymmetric() {
	fmt.Println(decomp.IsSymmetric(mat.NewDense(2, 2, []float64{2, 1, 1, 2}), 0))
	fmt.Println(decomp.IsSymmetric(mat.NewDense(2, 2, []float64{4, 1, 2, 3}), 1e-12))
	// Output:
	// true
	// false
}

// Seed 001 §13.2 by hand: det(A − λI) = 0 for A = [[2,1],[1,2]].
func ExampleClosedForm2x2() {
	c, err := decomp.ClosedForm2x2(mat.NewDense(2, 2, []float64{2, 1, 1, 2}))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("p(λ) =", c.Polynomial())
	fmt.Println("coefficients:", c.Coefficients())
	for k, l := range c.Values {
		fmt.Printf("λ = %v, direction %v\n", real(l), c.Directions[k])
	}
	// Output:
	// p(λ) = λ² − 4λ + 3
	// coefficients: [1 -4 3]
	// λ = 3, direction [1 1]
	// λ = 1, direction [1 -1]
}

func ExampleEigenSym() {
	a := mat.NewDense(2, 2, []float64{2, 1, 1, 2})
	var e decomp.EigenSym
	if err := e.Factorize(a, &decomp.SymSettings{Order: decomp.OrderCanonical}); err != nil {
		fmt.Println(err)
		return
	}
	var q, rec mat.Dense
	e.VectorsTo(&q)
	e.ReconstructTo(&rec)
	fmt.Printf("Λ = %.4f\nQ:\n%.4f\nQ·Λ·Qᵀ:\n%.4f\n", e.Values(nil), mat.Formatted(&q), mat.Formatted(&rec))
	// Output:
	// Λ = [3.0000 1.0000]
	// Q:
	// ⎡ 0.7071   0.7071⎤
	// ⎣ 0.7071  -0.7071⎦
	// Q·Λ·Qᵀ:
	// ⎡2.0000  1.0000⎤
	// ⎣1.0000  2.0000⎦
}

// S·Λ·Sᵀ rebuilds A only if S is orthogonal; seed 001 writes both.
func ExampleCongruenceTo() {
	a := mat.NewDense(2, 2, []float64{4, 1, 2, 3})
	var e decomp.Eigen
	e.Factorize(a, &decomp.EigenSettings{Order: decomp.OrderCanonical})
	var s, sim, con mat.Dense
	e.RealVectorsTo(&s)
	lam, _ := e.RealValues(nil)
	decomp.SimilarityTo(&sim, &s, lam)
	decomp.CongruenceTo(&con, &s, lam)
	fmt.Printf("S·Λ·S⁻¹:\n%.4f\nS·Λ·Sᵀ:\n%.4f\n", mat.Formatted(&sim), mat.Formatted(&con))
	// Output:
	// S·Λ·S⁻¹:
	// ⎡4.0000  1.0000⎤
	// ⎣2.0000  3.0000⎦
	// S·Λ·Sᵀ:
	// ⎡2.9000  1.7000⎤
	// ⎣1.7000  4.1000⎦
}

func ExampleSimilarityTo() {
	s := mat.NewDense(2, 2, []float64{1, -1, 1, 2}) // seed 000's (1,1) and (−1,2)
	var a mat.Dense
	if err := decomp.SimilarityTo(&a, s, []float64{5, 2}); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.4f\n", mat.Formatted(&a))
	// Output:
	// ⎡4.0000  1.0000⎤
	// ⎣2.0000  3.0000⎦
}

// Seed 000's 4×2 matrix: singular values and the best rank-1 approximation.
func ExampleSVD() {
	a := fixtures.FactorizationMatrix()
	var s decomp.SVD
	if err := s.Factorize(a, mat.SVDFull); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("σ = %.5f\n", s.Values(nil))
	var sigma mat.Dense
	s.SigmaTo(&sigma)
	fmt.Printf("Σ:\n%.5f\n", mat.Formatted(&sigma))
	fmt.Printf("residual < 1e-12: %v, rank %d, cond %.3f\n", s.Residual(a) < 1e-12, s.Rank(-1), s.Cond())
	var a1 mat.Dense
	s.LowRankTo(&a1, 1)
	frob2, mse, _ := s.TruncationError(1)
	fmt.Printf("A₁:\n%.3f\n‖A − A₁‖²_F = %.6f, MSE = %.6f\n", mat.Formatted(&a1), frob2, mse)
	// Output:
	// σ = [7.33708 0.40888]
	// Σ:
	// ⎡7.33708  0.00000⎤
	// ⎢0.00000  0.40888⎥
	// ⎢0.00000  0.00000⎥
	// ⎣0.00000  0.00000⎦
	// residual < 1e-12: true, rank 2, cond 17.944
	// A₁:
	// ⎡4.960  3.065⎤
	// ⎢3.065  1.894⎥
	// ⎢1.894  1.171⎥
	// ⎣1.171  0.724⎦
	// ‖A − A₁‖²_F = 0.167184, MSE = 0.020898
}

// The SVD from AᵀA done right, on a rank-1 matrix (σ₂ = 0).
func ExampleSVD_FactorizeGram() {
	a := mat.NewDense(3, 2, []float64{1, 2, 2, 4, 3, 6})
	var s decomp.SVD
	if err := s.FactorizeGram(a); err != nil {
		fmt.Println(err)
		return
	}
	var u mat.Dense
	s.UTo(&u)
	var utu mat.Dense
	utu.Mul(u.T(), &u)
	fmt.Printf("σ = %.4f\n", s.Values(nil))
	fmt.Println("UᵀU = I:", mat.EqualApprox(&utu, mat.NewDiagDense(2, []float64{1, 1}), 1e-12))
	fmt.Println("residual < 1e-12:", s.Residual(a) < 1e-12)
	// Output:
	// σ = [8.3666 0.0000]
	// UᵀU = I: true
	// residual < 1e-12: true
}

// Seed 001 §13.3.1 taken literally gives C = U·Σ·Vᵀ ≠ A.
func ExampleNaiveGramSVD() {
	a := mat.NewDense(3, 2, []float64{1, 2, 3, 4, -5, -6})
	r, err := decomp.NaiveGramSVD(a, decomp.OrderCanonical)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("C:\n%.4f\n", mat.Formatted(r.C))
	// Output:
	// C:
	// ⎡-1.0000  -2.0000⎤
	// ⎢-3.0000  -4.0000⎥
	// ⎣ 5.0000   6.0000⎦
}
