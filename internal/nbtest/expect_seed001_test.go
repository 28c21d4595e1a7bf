package nbtest

// Expectations of the notebooks that reproduce seed 001 (Korean lecture notes
// “13 Matrix Factorization”, §13.1–§13.3.1), in English; the Korean twins'
// expectations are derived from these in expect_korean_test.go.

// seed001Maps is notebook 03 (§13.1): the map (x, y) ↦ (2x + y, x + 2y), the
// square's image (a parallelogram, not a trapezoid, of area |det A| = 3), and
// rotation by 30° and stretching by (2, 0.5).
var seed001Maps = Expect{
	Texts: []string{
		"A = ⎡2  1⎤\n    ⎣1  2⎦",
		"(x, y) = (1, 1)  ↦  (X, Y) = (2x + y, x + 2y) = (3, 3)",
		"corners: (0, 0) → (2, 1) → (3, 3) → (1, 2)",
		"side 1 = (2, 1), opposite side 3 = (-2, -1): cross product 0 → parallel",
		"side 2 = (1, 2), opposite side 4 = (-1, -2): cross product 0 → parallel",
		"kind: parallelogram",
		"R(θ = 30°) = ⎡ 0.8660  -0.5000⎤",
		"S(2, 0.5)  = ⎡2.0000  0.0000⎤",
		"S·x = (2, 0.5)",
	},
	Absent: []string{"trapezoid", "not parallel", "NaN", "panic"},
	Numbers: []Number{
		Near(`area: (\S+)`, 3, 1e-12),
		Near(`\|det A\| = (\S+)`, 3, 1e-12),
		Near(`det R = (\S+),`, 1, 1e-12),
		Near(`det S = sₓ·s_y = (\S+)`, 1, 1e-12),
		Near(`‖R·x‖ = (\S+)`, 1.4142, 1e-4),
	},
	Images: 2, // mapping.png, mapping_2.png
}

// seed001Eigen is notebook 04 (§13.2): Ax = λx for [[2,1],[1,2]], the
// characteristic polynomial and the directions (t, t), (t, −t), and the
// corrections of the three listed properties.
var seed001Eigen = Expect{
	Texts: []string{
		"green  λ = 3, x = (0.7071, 0.7071):  A·x = (2.1213, 2.1213) = 3·x",
		"red    λ = 1, x = (0.7071, -0.7071):  A·x = (0.7071, -0.7071) = 1·x",
		"[[2, 1], [1, 2]]  symmetric: true ",
		"[[4, 1], [2, 3]]  symmetric: false",
		"det(A − λI) = (2 − λ)(2 − λ) − 1·1\n            = λ² − 4λ + 3\n            = (2 − λ)² − 1\n            = 0  ⇔  λ = 3 or λ = 1",
		"λ = 3:  p(λ) = 0,  (x, y) = t·(1, 1),  unit vector (0.7071, 0.7071)",
		"λ = 1:  p(λ) = 0,  (x, y) = t·(1, -1),  unit vector (0.7071, -0.7071)",
		"orthogonal eigenvectors: false",
		// Property 2: rotation ±i, shear defective.
		"rotation [[0, -1], [1, 0]]: p(λ) = λ² + 1, eigenvalues [(0+1i) (0-1i)]",
		"real eigenvalues: 0 of 2, so no real eigenvector",
		"shear [[1, 1], [0, 1]]: p(λ) = λ² − 2λ + 1, eigenvalues 1 and 1",
		"eigen-directions of the two roots: [1 0] and [1 0], one line only",
		"diagonalizable: false",
		// Property 3: symmetric but indefinite; MᵀM is positive semi-definite.
		"[[1, 2], [2, 1]]: symmetric: true, eigenvalues [3 -1]",
		"MᵀM = [[10, 14], [14, 20]]: eigenvalues [29.87 0.1339]",
	},
	Absent: []string{"NaN", "panic"},
	Numbers: []Number{
		Near(`\[\[2, 1\], \[1, 2\]\]  symmetric: true   angle between the eigenvectors: (\S+)°`, 90, 1e-9),
		Near(`\[\[4, 1\], \[2, 3\]\]  symmetric: false  angle between the eigenvectors: (\S+)°`, 71.57, 0.005),
		Near(`smallest angle between eigenvectors: (\S+)°`, 71.57, 0.005),
		Near(`tr A = (\S+),`, 4, 0),
		Near(`det A = (\S+),`, 3, 1e-12),
		Near(`eigenvalues \[3 (\S+)\]`, -1, 1e-9),
		Near(`xᵀAx at x = \(1, −1\): (\S+)`, -2, 1e-12),
		{Pattern: `cond₂\(V\) = (\S+), diagonalizable: false`, Min: 1e6, Max: 1e300},
	},
	Images: 3, // linear_transform_1/2.png; [[4,1],[2,3]]; [[1,2],[2,1]]
}

// seed001Diag is notebook 05 (§13.3): S and Λ, AS = SΛ, SΛS⁻¹ against
// SΛSᵀ, and where each fails.
var seed001Diag = Expect{
	Texts: []string{
		"A = [[2, 1], [1, 2]], eigenvalues λ = [3 1]",
		"SᵀS = ⎡1.0000  0.0000⎤\n      ⎣0.0000  1.0000⎦",
		"B = [[4, 1], [2, 3]], eigenvalues λ = [5 2]",
		"SᵀS = ⎡1.0000  0.3162⎤\n      ⎣0.3162  1.0000⎦",
		"S·Λ·S⁻¹: decomp: matrix is defective (not diagonalizable)",
		"A = [[2, 1], [1, 2]]:   SΛS⁻¹ = [[2.0000, 1.0000], [1.0000, 2.0000]]   SΛSᵀ = [[2.0000, 1.0000], [1.0000, 2.0000]]",
		"B = [[4, 1], [2, 3]]:   SΛS⁻¹ = [[4.0000, 1.0000], [2.0000, 3.0000]]   SΛSᵀ = [[2.9000, 1.7000], [1.7000, 4.1000]]",
		"real S and Λ: decomp: spectrum is not real",
		"[[1, 2], [2, 1]]: eigenvalues [3 -1], singular values [3 1]",
	},
	Absent: []string{"NaN", "panic"},
	Numbers: []Number{
		Near(`off-diagonal \S+ = cos (\S+)°`, 71.57, 0.005),
		Below(`A: AS = .* ‖AS − SΛ‖_F = (\S+)`, 1e-12),
		Below(`B: AS = .* ‖AS − SΛ‖_F = (\S+)`, 1e-12),
		Near(`det S = (\S+)`, 0, 1e-12),
		// SΛSᵀ of the non-symmetric B is [[2.9, 1.7], [1.7, 4.1]], not B.
		Near(`B = .*SΛSᵀ = \[\[(\S+),`, 2.9, 1e-4),
		Near(`B = .*SΛSᵀ = \[\[\S+ (\S+)\],`, 1.7, 1e-4),
		Near(`B = .*SΛSᵀ = \[\[\S+ \S+\], \[\S+ (\S+)\]\]`, 4.1, 1e-4),
		Below(`complex S and Λ: ‖A − SΛS⁻¹‖_F = (\S+)`, 1e-12),
	},
	Images: 0, // the section has no figure
}

// seed001SVD is notebook 06 (§13.3.1): AᵀA and AAᵀ of [[1,2],[3,4],[5,6]],
// their eigendecompositions, the naive C = UΣVᵀ (CᵀC = AᵀA, but C = A only by
// luck of signs: −U gives C = −A), the fix uᵢ = Avᵢ/σᵢ, and the geometry.
var seed001SVD = Expect{
	Texts: []string{
		"AᵀA = ⎡35  44⎤\n      ⎣44  56⎦",
		"symmetric: AᵀA true, AAᵀ true",
		"Λ₁ = diag[90.7355 0.2645]  (AᵀA)",
		"Λ₂ = diag[90.7355 0.2645 ",
		"Σ = ⎡9.5255  0.0000⎤\n    ⎢0.0000  0.5143⎥\n    ⎣0.0000  0.0000⎦",
		"C with the largest component positive = ⎡1.7133  1.4369⎤",
		"C with −U = ⎡-1.0000  -2.0000⎤\n            ⎢-3.0000  -4.0000⎥\n            ⎣-5.0000  -6.0000⎦",
		"σ (from AᵀA) = [9.5255 0.5143]\nσ (LAPACK)   = [9.5255 0.5143]",
		"pair 1: |⟨uᵢ, uᵢ'⟩| = 1.000000, |⟨vᵢ, vᵢ'⟩| = 1.000000",
		"pair 2: |⟨uᵢ, uᵢ'⟩| = 1.000000, |⟨vᵢ, vᵢ'⟩| = 1.000000",
		"singular values σ₁ = 9.5255, σ₂ = 0.5143;  σ² = 90.7355, 0.2645",
		"[[3, 0], [4, 5]]: σ = [6.7082 2.2361] (3√5 = 6.7082, √5 = 2.2361)",
	},
	Absent: []string{"NaN", "panic"},
	Numbers: []Number{
		Below(`‖CᵀC − AᵀA‖_F = (\S+)`, 1e-12),
		Below(`‖\(−U\)Λ₂\(−U\)ᵀ − AAᵀ‖_F = (\S+)`, 1e-12),
		// The three sign choices: C = A, C ≠ ±A, C = −A; CᵀC = AᵀA for all.
		Below(`gonum LAPACK \(OrderDescending\)\s+(\S+)`, 1e-12),
		Near(`largest component positive\s+(\S+)`, 1.03, 0.01),
		Near(`largest component positive\s+\S+\s+(\S+)`, 19.05, 0.1),
		Near(`U replaced by −U\s+(\S+)`, 19.08, 0.1),
		Below(`U replaced by −U\s+\S+\s+(\S+)`, 1e-12),
		Below(`U replaced by −U\s+\S+\s+\S+\s+(\S+)`, 1e-12),
		// The fix: uᵢ = Avᵢ/σᵢ reconstructs A.
		Below(`uᵢ = Avᵢ/σᵢ:  ‖A − UΣVᵀ‖_F = (\S+)`, 1e-12),
		Near(`singular values σ₁ = (\S+),`, 9.5255, 1e-4),
		Near(`σ₂ = (\S+);`, 0.5143, 1e-4),
	},
	Images: 1, // the SVD geometry of [[3, 0], [4, 5]]
}

var _ = register(map[string]Expect{
	"notebooks/en/03_linear_maps.ipynb":              seed001Maps,
	"notebooks/en/04_eigenvalues_eigenvectors.ipynb": seed001Eigen,
	"notebooks/en/05_diagonalization.ipynb":          seed001Diag,
	"notebooks/en/06_svd.ipynb":                      seed001SVD,
})
