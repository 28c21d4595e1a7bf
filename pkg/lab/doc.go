// Package lab checks students' answers in FactorLab's lab notebooks.
//
// A lab notebook gives a task with a Go stub to complete, followed by a check
// cell that calls one of the Check* functions of this package with the
// student's function and shows the Report it returns:
//
//	%%
//	lab.Show(lab.CheckAdamStep(AdamStep))
//
// A Report is a list of Verdicts. Each Verdict says what was checked, whether
// it passed (✓) or failed (✗), the expected and the actual value, by how much
// they differ and, on failure, a hint. Show renders a Report as Markdown in a
// GoNB notebook and prints it as plain text anywhere else, so `go test` and
// Example functions see exactly the verdicts a student sees. In a notebook
// Show waits (at most a few seconds) until GoNB has taken the output, so
// the verdict of a cell's last line is never lost when the cell ends.
//
// # Comparisons
//
// Numbers are compared with a Tolerance: got passes when
//
//	|got − want| ≤ Abs + Rel·|want|
//
// and vectors and matrices use the largest element difference and the
// largest |want| (the max-norm). A nil Tolerance means DefaultAbs and
// DefaultRel. Eigen- and singular vectors are never compared element by
// element: Direction normalises both vectors and checks |⟨v, v_ref⟩| ≈ 1, so
// v and −v (and any non-zero multiple) are the same answer, and Eigenpair
// checks the residual ‖Av − λv‖ / ‖v‖ directly. Properties such as "is
// symmetric and has a negative eigenvalue" are checked with Satisfies, so
// that any valid counterexample passes, not just the one in the solution.
//
// # Student code
//
// Student functions are called through Run, in their own goroutine with a
// time limit (DefaultTimeout). A panic becomes a ✗ verdict that quotes the
// panic value and names the function where it happened; a stub that panics
// with TODO (or any value whose text starts with "TODO"), a nil function and
// a stub that returns nil all give a friendly "not implemented yet" verdict
// instead of a stack trace. A function that does not return in time — an
// infinite loop — gives a "did not finish" verdict. Go cannot kill a
// goroutine: the runaway goroutine is abandoned, not stopped, and keeps
// running (and using a CPU) until the program ends. In GoNB every cell is
// its own program, so it ends with the cell; in a long-running program or
// a test, an abandoned goroutine lives on until the process exits.
//
// # Language
//
// Verdicts, hints, labels and report titles are printed in English or in
// Korean; ✓ and ✗, task ids such as "L1.2", numbers and formulas are the same
// in both. The language is resolved once per program, on first use, from the
// environment (CurrentLanguage, ResolveLanguage):
//
//  1. FACTORLAB_LANG=ko or FACTORLAB_LANG=en chooses explicitly (a suffix
//     such as "ko_KR.UTF-8" is ignored, other values count as unset);
//  2. otherwise, inside GoNB, Korean when the notebook's folder GONB_DIR has
//     a path element "ko", as every notebook of the Korean lab course
//     notebooks/labs/ko/ (source/ and release/) does;
//  3. otherwise English.
//
// So the Korean lab notebooks show Korean verdicts while their code cells
// stay identical to the English ones. Go values are not translated: panic
// values, function names, matrices, and the labels of L6's figure (the
// plot fonts have no Hangul). Status.String is always English.
//
// # The labs
//
// The Check* functions and the student function types belong to eight labs:
// six reproduce a result of FactorLab's source notes, two go with the
// application notebooks:
//
//	L1  Adam by hand: MSEGradient, AdamStep, Train for A ≈ WH   (seed 000, "Code in PyTorch")
//	L2  eigenpairs from the characteristic polynomial            (seed 001 §13.2, seed 000 "Eigen Decomposition")
//	L3  break the claim: counterexamples to three statements     (seed 001 §13.2)
//	L4  fix the naive SVD: uᵢ = Avᵢ/σᵢ                          (seed 001 §13.3.1)
//	L5  low rank: the Eckart–Young optimum for k = 1             (seed 000's matrix)
//	L6  linear maps: rotation, stretch and the unit square       (seed 001 §13.1)
//	L7  recommending: RMSE by hand, a model near the floor       (notebook 07's split)
//	L8  image energy: the smallest rank keeping 95 % of ‖A‖²_F    (notebook 08's photograph)
//
// Reference answers are computed independently of the student's code, with
// package decomp (the eigenpairs and SVDs with decomp's canonical signs and
// order, so a lab's answer is the one the notebooks print; NaiveSVD is
// decomp.NaiveGramSVD) and, for the Eckart–Young optimum of L5, with
// mf.OptimalLoss; L7's floor is the test RMSE of the model the synthetic
// ratings were drawn from (mf.SyntheticWithTruth), and L8's shares come from
// decomp's Eckart–Young truncation errors. The lab's matrices and training run come from package
// fixtures (SeedMatrix, TrainingStart, SVDMatrix are its copies). Verdicts
// reach the notebook through package display, FactorLab's one display path.
//
// # Student API and lab-authoring API
//
// A lab notebook calls only the student API: Show, TODO, the Check*
// functions with the student function types (MSEGradientFunc, …,
// CornersFunc), the set-up values (SeedMatrix, TrainingStart,
// TrainingIterations, SVDMatrix, NaiveSVD, Reconstruct, RatingsSplit,
// CameraSingularValues, the Adam*, Square*, RatingsSeed and FloorMargin
// constants).
//
// Everything else that is exported is the lab-authoring API, for writing a
// new check: the comparisons Scalar, Vector, Matrix, Direction and
// Eigenpair with a Tolerance (ExampleVector, ExampleDirection,
// ExampleEigenpair); Satisfies with the Property values IsSquare,
// IsSymmetric, HasNegativeEigenvalue, HasNonOrthogonalEigenvectors and
// LacksRealEigenbasis (ExampleSatisfies); Run, which calls student code
// with a time limit (ExampleRun); MSE; and the Report, Verdict and Status
// types a check returns, with the language settings above.
//
// # Conventions
//
// FactorLab's packages share one convention (decomp, mf, plotting, lab,
// matfmt, display, fixtures): randomness is an explicit *rand.Rand and the
// last argument; settings are …Settings structs passed by pointer, nil
// meaning the defaults; queries that fill a matrix are …To(dst), with plain
// getters only where gonum has them; misuse panics with a package sentinel
// error; bad data returns an error naming the problem and its position;
// numerical failure returns an error or status naming it. Eigenpairs,
// SVDs and the Eckart–Young optimum are computed by package decomp, the
// one place that calls LAPACK's eigen and SVD drivers.
//
// Here: a student's nil answer (a nil mat.Matrix, a typed-nil *mat.Dense, a
// nil slice or function) is a "not implemented yet" verdict; lab data that
// is nil — a reference matrix, the matrices of a hidden check, the
// arguments of MSE, NaiveSVD and Reconstruct — is a mistake in the check
// and panics with an error wrapping ErrShape; a nil *Tolerance means the
// default tolerance.
package lab
