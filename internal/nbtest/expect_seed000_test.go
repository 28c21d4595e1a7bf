package nbtest

// Expectations of the notebooks that reproduce seed 000 (“Matrix
// Factorization” and “Eigen Decomposition”, PyTorch), in English; the
// Korean twins' expectations are derived from these in expect_korean_test.go.

// seed000MF is notebook 01: the source's In [1] (Adam, k = 2, lr 0.01, 5000
// iterations, float32, fixed seed) and its corrections.
var seed000MF = Expect{
	Texts: []string{
		"Iteration 500, loss:",
		"Iteration 5000, loss:",
		"Original Matrix A:\ntensor([[5., 3.],\n        [3., 2.],\n        [2., 1.],\n        [1., 1.]])",
		"\nFactorized Matrices W and H:\ntensor([[",
		// WH = A to four decimals, printed as PyTorch prints it.
		"\nReconstructed Matrix A from W and H:\ntensor([[5.0000, 3.0000],\n        [3.0000, 2.0000],\n        [2.0000, 1.0000],\n        [1.0000, 1.0000]])",
		// Corrections: W = A, H = I is exact; W·R, R⁻¹·H has the same product.
		"W = A:\ntensor([[5., 3.],",
		"H = I:\ntensor([[1., 0.],\n        [0., 1.]])",
		"‖A − WH‖_F = 0\n",
		"(WR)(R⁻¹H):\ntensor([[5.0000, 3.0000],\n        [3.0000, 2.0000],\n        [2.0000, 1.0000],\n        [1.0000, 1.0000]])",
		"dense loss,  k = 2: predicted A₁₁ = 0.0000",
	},
	Absent: []string{"NaN", "Inf", "diverged", "panic"},
	Numbers: []Number{
		// The behaviour the source shows, whatever the start.
		Below(`Iteration 1000, loss: (\S+)`, 1e-4),
		Below(`Iteration 5000, loss: (\S+)`, 1e-10),
		// Gradient descent with the same loss, start and η is far slower.
		{Pattern: `loss at iteration 1000: Adam \S+, gradient descent (\S+)`, Min: 1e-3, Max: 1},
		Below(`final loss after 5000 iterations: Adam (\S+),`, 1e-10),
		{Pattern: `final loss after 5000 iterations: Adam \S+, gradient descent (\S+)`, Min: 1e-7, Max: 1e-3},
		// The sum of squares is mn = 8 times the mean.
		Near(`sum/mean = (\S+)`, 8, 1e-9),
		// Eckart–Young: 0.020898 for k = 1, 0 for k = 2; Adam reaches it.
		Near(`best possible mean squared error for k = 0, 1, 2: \S+, (\S+),`, 0.020898, 1e-6),
		Near(`best possible mean squared error for k = 0, 1, 2: \S+, \S+, (\S+)`, 0, 1e-9),
		Near(`Eckart–Young optimum, k = 1: (\S+)`, 0.020898, 1e-6),
		Near(`Adam, k = 1, loss after 5000 iterations: (\S+)`, 0.020898, 2e-6),
		// Adam's W has a negative entry; NMF's factors do not, and fit A.
		Below(`Adam \(In \[1\]\): smallest entry of W (\S+),`, -1e-3),
		{Pattern: `NMF: +smallest entry of W (\S+),`, Min: 0, Max: 10},
		{Pattern: `NMF: +smallest entry of W \S+, of H (\S+)`, Min: 0, Max: 10},
		Below(`NMF: ‖A − WH‖²_F = (\S+)`, 1e-8),
		// A hidden entry (true value 5): only the masked loss predicts it.
		Below(`dense loss,  k = 1: predicted A₁₁ = (\S+)`, 2.5),
		Near(`masked loss, k = 1: predicted A₁₁ = (\S+)`, 4.6, 0.4),
	},
	// The loss curve of In [1], Adam vs gradient descent, k = 1 vs the optimum.
	Images: 4,
}

// seed000Eigen is notebook 02: the characteristic equation of [[4,1],[2,3]],
// the source's In [2] and the corrections (not spectral, defective shear).
var seed000Eigen = Expect{
	Texts: []string{
		"det(A − λI) = λ² − 7λ + 10 = 0",
		"λ₁ = 5, λ₂ = 2",
		"λ = 5: v = (1, 1), unit vector (0.7071, 0.7071)",
		"λ = 2: v = (-1, 2), unit vector (-0.4472, 0.8944)",
		"Original Matrix A:\ntensor([[4., 1.],\n        [2., 3.]])",
		"\nEigenvalues:\ntensor([5.+0.j, 2.+0.j])",
		// Eigenvector signs may differ by LAPACK build: check magnitudes.
		"0.7071+0.j",
		"0.4472+0.j",
		"0.8944+0.j",
		"\nReconstructed Matrix A:\ntensor([[4.0000, 1.0000],\n        [2.0000, 3.0000]])",
		// Not spectral: V⁻¹ ≠ Vᵀ and V Λ Vᵀ ≠ A.
		"symmetric: false",
		"orthogonal eigenvectors: false",
		"V⁻¹:\ntensor([[ 0.9428,  0.4714],\n        [-0.7454,  0.7454]])",
		"V Λ Vᵀ:\ntensor([[2.9000, 1.7000],\n        [1.7000, 4.1000]])",
		"orthogonal: true",
		// Defective: one direction, no V Λ V⁻¹.
		"det(J − λI) = λ² − 2λ + 1, roots λ = 1 and 1",
		"eigen-direction of each root: (1, 0) and (1, 0)",
		"diagonalizable: false",
		"errors.Is(err, decomp.ErrDefective): true",
	},
	Absent: []string{"NaN", "panic"},
	Numbers: []Number{
		Near(`smallest angle between eigenvectors: (\S+)°`, 71.57, 0.01),
		Near(`cond₂\(V\) = (\S+)`, 1.387, 0.001),
		Near(`angle between eigenvectors (\S+)°, orthogonal`, 90, 0.01),
	},
	// The eigenvector fan before and after A.
	Images: 1,
}

var _ = register(map[string]Expect{
	"notebooks/en/01_matrix_factorization.ipynb": seed000MF,
	"notebooks/en/02_eigen_decomposition.ipynb":  seed000Eigen,
})
