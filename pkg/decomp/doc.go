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
// uᵢ = A·vᵢ/σᵢ; NaiveGramSVD reproduces the mistake of decomposing AᵀA and
// AAᵀ separately, whose product C = U·Σ·Vᵀ can be −A.
//
// RandomizedSVD approximates the leading r singular triplets of a large
// matrix (Halko, Martinsson and Tropp, 2011): with a Gaussian Ω (n×(r+p)),
//
//	Y = (A·Aᵀ)^q·A·Ω,  Q = orth(Y),  B = Qᵀ·A = Ũ·Σ·Vᵀ,  U = Q·Ũ,
//
// and PowerIteration finds the dominant eigenpair of A by x ← A·x/‖A·x‖,
// whose error shrinks like |λ₂/λ₁|ᵗ.
//
// # Failures
//
// Programmer misuse (a query before a successful Factorize, a destination of
// the wrong shape) panics with ErrNotFactorized, ErrNoVectors, ErrShape or
// ErrIndex. Bad data returns an error: ErrEmpty, *ElementError (wrapping
// ErrNonFinite, with the position of the NaN or Inf), ErrNotSquare,
// ErrNotSymmetric, ErrSize, ErrRankOutOfRange. Numerical failure returns
// ErrNoConvergence, ErrDefective or ErrSingular. Test with errors.Is.
//
// Randomness comes only from an explicit *rand.Rand (math/rand/v2).
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
// that most of the work is matrix products.
package decomp
