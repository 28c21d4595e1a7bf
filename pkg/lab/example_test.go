package lab_test

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/lab"
)

// A check cell shows the report of a Check function. Outside a notebook,
// Show prints it as plain text; in GoNB it renders as Markdown.
func ExampleShow() {
	// The student's stub, as the lab notebook gives it.
	Eigenvalues := func(a *mat.Dense) (l1, l2 float64) {
		// TODO: your code here
		panic(lab.TODO)
	}
	lab.Show(lab.CheckEigenvalues(Eigenvalues))

	// After the student has written the quadratic formula:
	Eigenvalues = func(a *mat.Dense) (l1, l2 float64) {
		tr, det := a.At(0, 0)+a.At(1, 1), mat.Det(a)
		d := math.Sqrt(tr*tr - 4*det)
		return (tr + d) / 2, (tr - d) / 2
	}
	lab.Show(lab.CheckEigenvalues(Eigenvalues))
	// Output:
	// ✗ L2.2 eigenvalues from the characteristic polynomial — 1 of 1 check failed
	//   ✗ Eigenvalues — not implemented yet
	//       got:      nil
	//       hint:     replace the `// TODO` stub with your code, then run this cell again
	// ✓ L2.2 eigenvalues from the characteristic polynomial — all 3 checks passed
	//   ✓ eigenvalues of [[2, 1], [1, 2]] (any order) — [3, 1]
	//   ✓ eigenvalues of [[4, 1], [2, 3]] (any order) — [5, 2]
	//   ✓ eigenvalues of [[1, 2], [3, 4]] (any order) — [5.37228, -0.372281]
}

// Vectors are compared with an absolute plus relative tolerance; a nil
// vector is an unanswered task.
func ExampleVector() {
	fmt.Print(lab.Vector("x", []float64{1, 2.5}, []float64{1, 2}, nil))
	fmt.Print(lab.Vector("x", []float64{1, 2 + 1e-8}, []float64{1, 2}, nil))
	fmt.Print(lab.Vector("x", nil, []float64{1, 2}, nil))
	// Output:
	// ✗ x — off by 0.5 at [1] (tolerance 2e-06)
	//     expected: [1, 2]
	//     got:      [1, 2.5]
	// ✓ x — [1, 2]
	// ✗ x — not implemented yet
	//     got:      nil
	//     hint:     replace the `// TODO` stub with your code, then run this cell again
}

// Eigenvectors are compared as directions: sign and length do not matter.
func ExampleDirection() {
	want := []float64{1 / math.Sqrt2, 1 / math.Sqrt2}
	fmt.Print(lab.Direction("v₁", []float64{-3, -3}, want, nil))
	fmt.Print(lab.Direction("v₁", []float64{1, -1}, want, nil))
	// Output:
	// ✓ v₁ — same direction (up to sign and length)
	// ✗ v₁ — points elsewhere: angle 90° to the expected direction
	//     expected: [0.707107, 0.707107] (or any non-zero multiple)
	//     got:      [1, -1]
}

// An eigenpair is checked by its residual, without a reference vector.
func ExampleEigenpair() {
	a := mat.NewDense(2, 2, []float64{4, 1, 2, 3})
	fmt.Print(lab.Eigenpair("λ = 2", a, 2, []float64{-1, 2}, nil))
	fmt.Print(lab.Eigenpair("λ = 2", a, 2, []float64{1, 2}, nil))
	// Output:
	// ✓ λ = 2 — ‖Ax − λx‖/‖x‖ = 0
	// ✗ λ = 2 — ‖Ax − λx‖/‖x‖ = 2.5, too large (tolerance 5.5e-06)
	//     expected: Ax = λx with x ≠ 0
	//     got:      λ = 2, x = [1, 2]
	//     hint:     x must solve (A − λI)x = 0: its entries are a non-zero solution of either row of A − λI
}

// Counterexamples are checked by their properties, so any valid one passes.
func ExampleSatisfies() {
	a := mat.NewDense(2, 2, []float64{1, 2, 2, 1})
	for _, v := range lab.Satisfies("A", a, lab.IsSymmetric(), lab.HasNegativeEigenvalue()) {
		fmt.Print(v)
	}
	// Output:
	// ✓ A is symmetric — A = Aᵀ
	// ✓ A has a negative eigenvalue — eigenvalues 3, -1
}

// Run turns panics and endless loops in student code into verdicts.
func ExampleRun() {
	fmt.Print(lab.Run("AdamStep", 0, func() { panic(lab.TODO) }))
	fmt.Print(lab.Run("AdamStep", 0, func() {
		var p []float64
		p[2] = 1
	}))
	// Output:
	// ✗ AdamStep — not implemented yet
	//     got:      nil
	//     hint:     replace the `// TODO` stub with your code, then run this cell again
	// ✗ AdamStep — your code panicked: runtime error: index out of range [2] with length 0 (in github.com/factorlab/factorlab/pkg/lab_test.ExampleRun.func2)
	//     hint:     an index went past the end of a slice or matrix: check the loop bounds (Go indexes from 0)
}
