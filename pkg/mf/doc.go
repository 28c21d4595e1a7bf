// Package mf factorizes matrices, A ≈ WH with W m×k and H k×n: dense
// matrices by gradient descent or Adam, sparse ratings by biased matrix
// factorization (SGD, ALS), and non-negative matrices by NMF.
//
// # Dense factorization by gradient methods
//
// Dense.Factorize minimizes, by full-batch gradient descent or by Adam with
// PyTorch's update order,
//
//	L(W, H) = (1/N) ‖M ⊙ (A − WH)‖²_F + λ(‖W‖²_F + ‖H‖²_F)
//
// where M is an optional 0/1 mask of observed entries (all ones by
// default), N is the number of observed entries (the Mean reduction, as
// torch.nn.functional.mse_loss) or 1 (the Sum reduction), and λ ≥ 0 is an
// optional L2 penalty (zero by default). The gradients are written by hand,
//
//	∇_W L = (2/N) R Hᵀ + 2λW,   ∇_H L = (2/N) Wᵀ R + 2λH,   R = M ⊙ (WH − A),
//
// and checked against finite differences in the tests. W and H start as
// U[0,1) draws from an explicit *rand.Rand; the same seed gives the same
// bits, whatever the number of goroutines used. Rows of 32 or more columns
// go through AVX2/FMA assembly on amd64 CPUs that have it (gonum's kernels
// elsewhere), so their last bits depend on the CPU; narrower matrices, such
// as seed 000's, use portable Go and give the same bits everywhere. Training runs in float64
// or, to reproduce PyTorch's float32 runs, in float32.
//
// The loss recorded for iteration t is the loss before that iteration's
// update, which is what the loop
//
//	loss = mse_loss(W @ H, A); loss.backward(); optimizer.step()
//	if (t+1) % 500 == 0: print(f"Iteration {t+1}, loss: {loss.item()}")
//
// prints. A Callback every N iterations receives (t, loss); training stops
// early when the loss reaches a tolerance, and stops with an error wrapping
// ErrDiverged, naming the iteration, when the loss becomes NaN, infinite or
// explodes.
//
// # Rank
//
// By the Eckart–Young–Mirsky theorem no rank-k product beats the truncated
// SVD: min_{rank X ≤ k} ‖A − X‖²_F = Σ_{i>k} σᵢ². OptimalLoss and
// OptimalLosses return this bound so a notebook can show that Adam reaches it.
//
// # Ratings
//
// Ratings holds observed (user, item, value) triples; Split divides them by
// seed into training and test sets, Evaluate reports RMSE and MAE. Baseline
// is the bias-only model r̂_ui = μ + b_u + b_i (Koren 2010) that a
// factorization has to beat. Biased is the model of Koren, Bell & Volinsky
// (2009),
//
//	r̂_ui = μ + b_u + b_i + p_uᵀq_i
//	min Σ_{(u,i)∈K} [(r_ui − r̂_ui)² + λ_b(b_u² + b_i²) + λ(‖p_u‖² + ‖q_i‖²)],
//
// trained by SGD over a seeded shuffle of K or by alternating least squares,
// with predictions clipped to the rating range. With BiasedSettings.ARD each
// factor f gets its own penalty λ_f, chosen after each epoch by automatic
// relevance determination, so that many more factors than the data's rank do
// not fit noise. Synthetic draws ratings with a known low rank, noise level
// and missing fraction, as real values or (SyntheticSettings.Stars) as 1–5
// whole stars; SyntheticWithTruth also returns the generating model, whose
// RMSE on held-out ratings is the floor no fit can expect to beat. ReadUData
// and ReadRatingsCSV read the MovieLens files a user downloads (MovieLens
// may not be redistributed), all or nothing.
// RMSECurve records the training and test RMSE after each epoch (through
// BiasedSettings.Callback), TopN lists the items a user has not rated with
// the highest predictions, Biased.Terms splits a prediction into
// μ, b_u, b_i and p_uᵀq_i, and ZeroFilled with MatrixPredictor scores the
// mistake of reading missing ratings as zeros.
//
// # Non-negative factorization
//
// NMF computes W, H ≥ 0 for A ≥ 0 by Lee and Seung's multiplicative updates,
// for min ‖A − WH‖²_F or for the generalized Kullback–Leibler divergence
// D(A‖WH) = Σ (A log(A/WH) − A + WH); W and H stay non-negative and the
// objective never rises.
//
// # Failures
//
// Every function validates its input the same way, in three classes:
//
//   - Programmer misuse panics with a package sentinel error: a mask or
//     destination of the wrong shape or ids outside a trained model
//     (ErrShape), a nil *rand.Rand (ErrNilRand), a nil *Ratings, Predictor
//     or io.Reader (ErrNil), a query before a successful fit
//     (ErrNotFactorized), and settings outside their documented range:
//     negative, NaN or infinite rates, penalties and deviations, unknown
//     enumerations (ErrSettings). Each function's documentation lists its
//     panics.
//   - Bad data returns an error naming the problem and its position, which
//     wraps one sentinel per kind, each of them wrapping ErrData: ErrEmpty
//     (a nil mat.Matrix, a typed-nil *mat.Dense or a zero-sized matrix, no
//     ratings, a mask that observes nothing), ErrNonFinite (a NaN or ±Inf
//     element, naming A[i,j] or the rating's index), ErrRankOutOfRange
//     (k ≤ 0), ErrNegative (negative input to NMF), ErrIDOutOfRange and
//     ErrDuplicate (naming the rating's index), ErrMalformed (wrapped by
//     *ParseError with the line number, also for a line over 1 MiB), and
//     ErrRange for data whose scale is out of range: the losses are squares
//     of the data, so max|aᵢⱼ| (or the largest |rating|) must lie within
//     2^±500, about 10^±150 (2^±60 for Float32 training); the error says so
//     instead of blaming a setting.
//   - Numerical failure returns an error wrapping ErrDiverged, naming the
//     iteration and the settings involved.
//
// Test with errors.Is: errors.Is(err, ErrData) for any bad data,
// errors.Is(err, ErrNonFinite) and so on for one kind.
//
// No partially trained, NaN or infinite result is ever returned without an
// error. Where the mathematics allows it the work is done in scaled units
// (NMF below ¼ or above 2⁶⁴, OptimalLosses, Baseline, Evaluate), so a
// representable answer is returned for any representable input.
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
// Here: Dense.Factorize(a, k, s, rnd), NMF.Factorize(a, k, s, rnd),
// Biased.TrainSGD(train, s, rnd); factors are read with WTo, HTo,
// ReconstructTo, UserFactorsTo and ItemFactorsTo; OptimalLoss takes its singular values from decomp.SVD.
package mf
