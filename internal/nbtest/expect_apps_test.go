package nbtest

// Expectations of the application notebooks 07–10 (issue 16), in English
// and Korean. The code cells of a pair are identical, so both languages
// print the same. The notebooks must run without FACTORLAB_UDATA set: the
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
	"notebooks/ko/07_recommending.ipynb": apps07,
})
