// Copyright ©2026 The FactorLab Authors.

// Package tridiag computes all eigenvalues and eigenvectors of a real
// symmetric tridiagonal matrix T = Z·Λ·Zᵀ by divide and conquer.
//
// Cuppen's method (Numer. Math. 36, 1981) tears T at its middle off-diagonal
// element β into two half-size tridiagonals and a rank-one term,
//
//	T = diag(T₁, T₂) + ρ·u·uᵀ,   ρ = |β|,  u = e_m + sign(β)·e_{m+1},
//
// solves the halves T₁ = Q₁Λ₁Q₁ᵀ, T₂ = Q₂Λ₂Q₂ᵀ recursively (by QR iteration
// below 32 rows) and merges them through the eigenproblem of
//
//	D + ρ·z·zᵀ,   D = diag(Λ₁, Λ₂),  z = diag(Q₁, Q₂)ᵀ·u,
//
// whose eigenvalues are the roots of the secular equation
//
//	f(λ) = 1 + ρ·Σⱼ zⱼ²/(dⱼ − λ) = 0,
//
// one in each interval (dᵢ, dᵢ₊₁) and the last in (dₖ, dₖ + ρ‖z‖²). Before
// solving, components with ρ|zⱼ| below 8ε‖T‖ and pairs of nearly equal dⱼ
// (after a Givens rotation that zeroes one of their z components) are
// deflated: their eigenpairs are those of D. Each root is found with its
// origin at the nearer pole, so that the differences dⱼ − λᵢ are accurate,
// by a rational Newton iteration matching f and f′ with two poles (Bunch,
// Nielsen and Sorensen, Numer. Math. 31, 1978), safeguarded by bisection.
// Eigenvectors follow Gu and Eisenstat (SIAM J. Matrix Anal. Appl. 16(1),
// 1995): z is replaced by the ẑ for which the computed roots are exact,
//
//	ẑⱼ² = Πᵢ(λᵢ − dⱼ) / (ρ·Πᵢ≠ⱼ(dᵢ − dⱼ)),
//
// so that the vectors uᵢ ∝ (ẑⱼ/(dⱼ − λᵢ))ⱼ are orthogonal to working
// precision, and the merged eigenvectors diag(Q₁, Q₂)·[u₁ … uₖ] are one
// matrix product, done by gonum's BLAS (blas64), that is the Level-3 BLAS
// FactorLab installs.
package tridiag
