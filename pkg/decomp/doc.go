// Copyright ©2026 The FactorLab Authors.

// Package decomp provides the eigendecomposition and the singular value
// decomposition of real matrices, for teaching and for real work, built on
// gonum's LAPACK (pure Go by default, OpenBLAS with -tags openblas).
//
// # Eigendecomposition
//
// Eigen factorizes a real square A as
//
//	A·vⱼ = λⱼ·vⱼ,   A = V·Λ·V⁻¹   (when A is diagonalizable),
//
// with complex λⱼ and right eigenvectors vⱼ of unit 2-norm, as LAPACK's
// dgeev, numpy.linalg.eig and torch.linalg.eig return them. The Order
// setting keeps LAPACK's order or sorts by descending real part and fixes
// the signs, so printed results are stable and comparable sign-free.
// A is diagonalizable when cond₂(V) is moderate; a defective matrix such as
// [[1,1],[0,1]] is reported as such (ErrDefective) rather than rebuilt into
// garbage. Diagnose collects what a teacher checks: symmetry, real or
// complex spectrum, cond₂(V), the angles between eigenvectors.
//
// EigenSym factorizes a symmetric A = Q·Λ·Qᵀ with real Λ and orthonormal Q
// (QᵀQ = I). SimilarityTo and CongruenceTo form S·Λ·S⁻¹ and S·Λ·Sᵀ from any
// S and Λ; the two agree only when S is orthogonal.
//
// ClosedForm2x2 does the 2×2 case by hand: p(λ) = λ² − tr(A)·λ + det(A),
// λ = (tr ± √(tr² − 4·det))/2, and eigenvector directions from (A − λI)·v = 0.
//
// # Singular value decomposition
//
// SVD factorizes an m×n A as
//
//	A = U·Σ·Vᵀ,   UᵀU = I,  VᵀV = I,  Σ = diag(σ₁ ≥ … ≥ σₖ ≥ 0),  k = min(m, n),
//
// full (U m×m, V n×n, Σ m×n) or thin (U m×k, V n×k). By Eckart–Young the
// best rank-r approximation Aᵣ = Σᵢ≤r σᵢ·uᵢ·vᵢᵀ has
//
//	‖A − Aᵣ‖²_F = Σᵢ>r σᵢ²,   ‖A − Aᵣ‖₂ = σᵣ₊₁.
//
// FactorizeGram computes the SVD from AᵀA = V·Λ·Vᵀ with σᵢ = √max(λᵢ, 0) and
// uᵢ = A·vᵢ/σᵢ; Canonicalize fixes the signs of the pairs (uᵢ, vᵢ) by the
// canonical convention below; NaiveGramSVD reproduces the mistake of decomposing AᵀA and
// AAᵀ separately, whose product C = U·Σ·Vᵀ can be −A.
//
// TruncatedSVD approximates the leading r singular triplets of a large
// matrix by the randomized algorithm (Halko, Martinsson and Tropp, 2011): with a Gaussian Ω (n×(r+p)),
//
//	Y = (A·Aᵀ)^q·A·Ω,  Q = orth(Y),  B = Qᵀ·A = Ũ·Σ·Vᵀ,  U = Q·Ũ,
//
// and PowerIteration finds the dominant eigenpair of A by x ← A·x/‖A·x‖,
// whose error shrinks like |λ₂/λ₁|ᵗ.
//
// PCA is principal component analysis by the thin SVD of the centred data
// X − 𝟙μᵀ = U·Σ·Vᵀ: the principal directions are the columns of V and
// component i explains the variance σᵢ²/(n − 1).
//
// # Failures
//
// Every function validates its input the same way, in three classes:
//
//   - Programmer misuse panics with a package sentinel error: a query before
//     a successful Factorize (ErrNotFactorized, ErrNoVectors), a destination
//     or argument of the wrong shape, including a nil destination (ErrShape),
//     an index out of range (ErrIndex), a nil *rand.Rand (ErrNilRand), and a
//     setting outside its documented range, such as a negative
//     PowerSettings.MaxIter, a NaN tolerance or an unknown Order
//     (ErrSettings). Each function's documentation lists its panics.
//   - Bad data returns an error naming the problem and its position: ErrEmpty
//     (also for a nil mat.Matrix or a typed-nil *mat.Dense), *ElementError
//     (wrapping ErrNonFinite, with the row and column of the NaN or Inf), a
//     wrapped ErrNonFinite naming the index of a NaN or Inf in a vector (λ, a
//     start vector), ErrNotSquare, ErrNotSymmetric (naming the most
//     asymmetric pair), ErrSize, ErrRankOutOfRange.
//   - Numerical failure returns an error naming it: ErrNoConvergence,
//     ErrDefective, ErrSingular, or ErrRange when a result lies beyond
//     float64 (it would overflow to ±Inf or underflow to zero). A result
//     returned without an error never holds NaN or ±Inf.
//
// Test with errors.Is.
//
// # Scale
//
// The routines scale a problem by a power of two before solving it, as
// LAPACK's drivers do, and scale the answer back, so that 10⁻³⁰⁰·A and
// 10³⁰⁰·A give 10^∓300 times the answer for A, with the same accuracy;
// scaling by a power of two is exact. Only when the answer itself is not a
// normal float64 (ClosedForm2x2's det(A) for elements near 10^±300, an
// eigenvalue above the largest float64) do they return ErrRange.
//
// # One threshold for "numerically singular"
//
// A matrix is numerically singular, and a matrix whose eigenvector matrix V
// is numerically singular is defective (not diagonalizable), when its
// 2-norm condition number exceeds DefaultMaxCond = 10⁶: at that point a
// solve with it loses at least 6 of 16 digits, and a Jordan block perturbed
// by rounding (cond₂(V) ≈ 7·10⁷) is on the singular side. The same
// threshold decides everywhere: Eigen.Diagonalizable and Eigen.ReconstructTo
// (unless EigenSettings.MaxCond sets another), Diagnosis.Diagonalizable,
// SimilarityTo (cond₂(S)), and SVD.FactorizeGram, which reports σᵢ as exactly
// 0 when σ₁/σᵢ exceeds it, so that SVD.Rank counts only the singular values
// it trusts.
//
// # Conventions
//
// decomp is the only package of FactorLab that calls LAPACK's eigen and
// singular value drivers (gonum's mat.Eigen, mat.EigenSym and mat.SVD, or
// OpenBLAS); plotting, lab and mf compute through it, so a figure, a lab's
// reference answer and a printed result agree. The canonical convention
// (OrderCanonical, SVD.Canonicalize) is: descending eigenvalues, and each
// eigenvector or right singular vector signed so that its first component of
// largest modulus is positive.
//
// FactorLab's packages share one convention (decomp, mf, plotting, lab,
// matfmt, display, fixtures): randomness is an explicit *rand.Rand
// (math/rand/v2) and the last argument (PowerIteration(a, s, rnd),
// TruncatedSVD.Factorize(a, r, s, rnd)); settings are …Settings structs
// passed by pointer, nil meaning the defaults; queries that fill a matrix
// are …To(dst), with plain getters only where gonum has them (Values, Dims);
// misuse panics with a package sentinel error and bad data returns an error
// naming the problem and its position, as described above.
//
// # BLAS
//
// In the default pure-Go build, importing decomp changes gonum's global BLAS:
// at initialization it calls blas64.Use with a packed, register-blocked
// Level-3 BLAS (AVX-512 or AVX2/FMA assembly where the CPU has it, Go
// elsewhere), which speeds up gonum's LAPACK here and everywhere else in the
// program, gonum/mat included. Its results are deterministic on one machine
// whatever GOMAXPROCS is, but not bit-identical to gonum's BLAS. It is not
// installed if the program already chose a BLAS other than gonum's before
// decomp was initialized, nor if the environment variable FACTORLAB_BLAS
// (BLASEnv) is "gonum" at start-up. A program can also restore gonum's own
// BLAS at any time with blas64.Use(gonum.Implementation{}) (package
// gonum.org/v1/gonum/blas/gonum). The OpenBLAS build (-tags openblas) leaves
// the global BLAS alone.
//
// The pure-Go build computes the eigenvectors of symmetric matrices of order
// 64 and more as LAPACK's dsyevd does: reduction to tridiagonal form, then
// divide and conquer (Cuppen; Gu and Eisenstat) instead of QL iteration, so
// that most of the work is matrix products. Likewise the thin SVD with both
// U and V of a matrix whose smaller dimension k is 100 to 2048 is computed
// as LAPACK's dgesdd does: a matrix more than 11/6 times longer than wide is
// first shrunk to a k×k triangular factor (LQ factorization of the wide one
// of A and Aᵀ), then comes the reduction to bidiagonal form B, the SVD of B
// by divide and conquer (Jessup and Sorensen; Gu and Eisenstat: B is split
// at its middle row, the halves are solved recursively, by bidiagonal QR
// up to 25 rows, and merged through the roots of a secular equation, with
// deflation, and singular vectors orthogonal to working precision), and
// matrix products for U and V. The bidiagonal SVD is checked (orthogonality
// of its U and V within 8·k·ε elementwise, the residual within 8·k·ε·‖B‖_F)
// and replaced by gonum's bidiagonal QR (dgesvd's path) if a check fails;
// graded and low-rank matrices take the divide and conquer like any other.
// Other sizes, the full SVD and the one-sided kinds keep gonum's dgesvd up to
// order 128 (see below for larger ones).
//
// Eigen runs dgeev's steps (balancing, Hessenberg reduction, Schur form,
// eigenvectors of the Schur factor, back-transformation) with gonum's
// routines, but drives the Schur form itself: above order 75, the
// multishift QR algorithm with aggressive early deflation takes LAPACK's
// number of shifts and deflation window (64 and 96 at orders 590–2999),
// so that each sweep's reflections are accumulated and applied as matrix
// products. gonum v0.17's own driver takes 4 shifts at every order of 30
// and more, which left nearly all of dgeev's work in Level-1 loops.
//
// gonum v0.17's blocked Householder code (Dlarft, under Dgeqrf, Dgelqf,
// Dorgqr, Dorglq, Dorghr, Dorgbr, Dormqr and so Dgesvd) forms wrong
// orthogonal factors when the second reflector of a block ends in exact
// zeros that the first does not: a dense column beside a difference column
// such as (0, 1, −1, 0, …) is enough, and gonum's own QR, full SVD and
// eigendecomposition of such matrices were off by 10⁻³–10⁻¹. The pure-Go
// build checks the reflectors and takes gonum's unblocked code in that case
// (package internal/householder), computes values-only SVDs of long
// matrices from that QR factorization, serves the full and one-sided SVDs
// of orders above 128 from the divide-and-conquer thin SVD (completed by
// Householder QR), and keeps Dgesvd for orders above 2048 only behind a
// check of its result.
package decomp
