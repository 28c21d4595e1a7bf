package nbtest

// Expectations of the application notebooks 07–10 (issue 16), in English;
// the Korean twins' expectations are derived from these in
// expect_korean_test.go. The notebooks must run without FACTORLAB_UDATA set: the
// numbers below are those of the synthetic ratings set.

// apps07 is notebook 07: biased matrix factorization on the synthetic
// MovieLens-shaped ratings (noise σ = 0.5, true rank 2).
var apps07 = Expect{
	Texts: []string{
		"synthetic ratings with the shape of MovieLens-100k, noise σ = 0.5",
		"943 users × 1682 items = 1586126 cells, 100000 ratings: 6.30 % observed",
		"training set 80000 ratings, test set 20000 ratings",
		"ALS epoch 10: train RMSE",
		"top 5 of the items they have not rated:",
	},
	Absent: []string{"NaN", "Inf", "panic", "diverged"},
	Numbers: []Number{
		Near(`mean rating (\S+);`, 3.53, 0.02),
		// Blanks read as zeros: predictions near zero, error near the mean.
		{Pattern: `blanks as zeros, rank-2 SVD: test RMSE (\S+)`, Min: 3, Max: 4},
		// The baseline explains the biases only: about 0.97.
		Near(`bias-only baseline μ \+ b_u \+ b_i: test RMSE (\S+),`, 0.975, 0.02),
		// SGD and ALS with two factors end near the noise floor 0.5.
		Near(`SGD, k = 2, 30 epochs: train RMSE (\S+),`, 0.475, 0.02),
		Near(`SGD, k = 2, 30 epochs: train RMSE \S+, test RMSE (\S+)`, 0.53, 0.02),
		Near(`ALS, k = 2, λ = 0.1: test RMSE (\S+)`, 0.552, 0.02),
		// Over-fitting: the test error is lowest at the true rank k = 2 and
		// rises with more factors while the training error keeps falling.
		Near(`k = 1, λ = 0.01: train RMSE \S+, test RMSE (\S+)`, 0.81, 0.03),
		Near(`k = 2, λ = 0.01: train RMSE \S+, test RMSE (\S+)`, 0.528, 0.02),
		Near(`k = 8, λ = 0.01: train RMSE (\S+),`, 0.381, 0.03),
		{Pattern: `k = 8, λ = 0.01: train RMSE \S+, test RMSE (\S+)\n`, Min: 0.59, Max: 0.7},
		// Regularization: λ = 0.01 over-fits, 0.1 is near the floor, 1 loses
		// even to the baseline.
		{Pattern: `k = 8, λ = 0.01: .* gap (\S+)`, Min: 0.18, Max: 0.3},
		Near(`k = 8, λ = 0.1 : train RMSE \S+, test RMSE (\S+),`, 0.557, 0.02),
		{Pattern: `k = 8, λ = 1   : train RMSE \S+, test RMSE (\S+),`, Min: 0.98, Max: 1.1},
		// Top-N: recommendations are predicted above 5.
		{Pattern: `top 5 of the items they have not rated:\n  item +\d+  predicted (\S+)`, Min: 4.8, Max: 6},
	},
	// The live SGD curves (kept as one static figure) and the sweep over k.
	Images: 2,
}

var _ = register(map[string]Expect{
	"notebooks/en/07_recommending.ipynb": apps07,
})

// apps08 is notebook 08: the 512×512 "camera" photograph compressed by the
// truncated SVD. The interactive slider cell is tagged skip-execution.
var apps08 = Expect{
	Texts: []string{
		"camera: 512×512 pixels, grey levels 0…255",
		"rank  20:  20500 numbers =   7.8 % of the pixels",
		"95.0 % of ‖A‖²_F: rank 3\n",
		"break-even rank mn/(m + n + 1) = 255.75",
		"rank 256: 262400 numbers for 262144 pixels (100.1 %)",
	},
	Absent: []string{"NaN", "Inf", "panic"},
	Numbers: []Number{
		Near(`‖A‖_F = (\S+)`, 76080.2, 0.1),
		// The error shrinks with the rank: 0.36, 0.17, 0.10, 0.064, 0.039.
		Near(`rank   1: .* relative error (\S+)`, 0.3604, 1e-4),
		Near(`rank  20: .* relative error (\S+)`, 0.1012, 1e-4),
		Near(`rank 100: .* relative error (\S+)`, 0.0393, 1e-4),
		// Eckart–Young: the truncated SVD meets the bound; randomized SVD
		// without power iterations does not; with q = 2 it comes close.
		Near(`k =  20: bound (\S+),`, 0.10121, 1e-5),
		Near(`k =  20: bound \S+, truncated SVD (\S+),`, 0.10121, 1e-5),
		{Pattern: `k =  20: .* randomized q = 0 (\S+),`, Min: 0.12, Max: 0.15},
		{Pattern: `k =  20: .* q = 2 (\S+)\n`, Min: 0.10121, Max: 0.1025},
		Near(`k = 200: bound (\S+),`, 0.01764, 1e-5),
		{Pattern: `k = 200: .* q = 2 (\S+)\n`, Min: 0.01764, Max: 0.0185},
		Near(`σ₁ = (\S+),`, 70966.0, 0.1),
		Near(`σ₂₀ = (\S+),`, 1684.6, 0.1),
		Near(`99.0 % of ‖A‖²_F: rank (\S+)`, 21, 0),
		Near(`99.9 % of ‖A‖²_F: rank (\S+)`, 128, 0),
	},
	// The rank grid, the error curves and the spectrum.
	Images: 3,
}

var _ = register(map[string]Expect{
	"notebooks/en/08_image_compression.ipynb": apps08,
})
