package mf

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/blas/gonum"
	"gonum.org/v1/gonum/lapack/lapack64"
	"gonum.org/v1/gonum/mat"
)

// Defaults of BaselineSettings, from Koren (2010), "Factor in the
// neighbors: scalable and accurate collaborative filtering", ACM TKDD 4(1),
// §2.1: item biases shrunk with λ₂ = 25, then user biases with λ₃ = 10.
const (
	DefaultBaselineItemLambda = 25
	DefaultBaselineUserLambda = 10
)

// BaselineSettings configures Baseline.Fit. A nil pointer or a zero field
// means the default.
type BaselineSettings struct {
	ItemLambda, UserLambda float64
	// Min and Max clip predictions; if Max ≤ Min the training set's range is
	// used.
	Min, Max float64
}

// Baseline is the bias-only model r̂_ui = μ + b_u + b_i, the yardstick a
// factorization has to beat. The zero value is ready for Fit.
type Baseline struct {
	mu     float64
	bu, bi []float64
	lo, hi float64
}

// Fit estimates μ as the training mean, then each item bias and each user
// bias by shrunk averages (Koren 2010, eq. 2–3):
//
//	b_i = Σ_{u∈R(i)} (r_ui − μ) / (λ₂ + |R(i)|)
//	b_u = Σ_{i∈R(u)} (r_ui − μ − b_i) / (λ₃ + |R(u)|)
//
// Users and items without training ratings get zero bias. Fit panics with
// ErrSettings for negative λs.
func (b *Baseline) Fit(train *Ratings, s *BaselineSettings) {
	var c BaselineSettings
	if s != nil {
		c = *s
	}
	if c.ItemLambda < 0 || c.UserLambda < 0 {
		panic(ErrSettings)
	}
	if c.ItemLambda == 0 {
		c.ItemLambda = DefaultBaselineItemLambda
	}
	if c.UserLambda == 0 {
		c.UserLambda = DefaultBaselineUserLambda
	}
	*b = Baseline{mu: train.Mean(), bu: make([]float64, train.users), bi: make([]float64, train.items)}
	b.lo, b.hi = clipRange(train, c.Min, c.Max)
	cnt := make([]float64, max(train.users, train.items))
	for _, x := range train.r {
		b.bi[x.Item] += x.Value - b.mu
		cnt[x.Item]++
	}
	for i := range b.bi {
		b.bi[i] /= c.ItemLambda + cnt[i]
	}
	clear(cnt)
	for _, x := range train.r {
		b.bu[x.User] += x.Value - b.mu - b.bi[x.Item]
		cnt[x.User]++
	}
	for u := range b.bu {
		b.bu[u] /= c.UserLambda + cnt[u]
	}
}

func clipRange(train *Ratings, lo, hi float64) (float64, float64) {
	if hi > lo {
		return lo, hi
	}
	return train.Range()
}

// Dims returns the number of users and items.
func (b *Baseline) Dims() (users, items int) { return len(b.bu), len(b.bi) }

// Predict returns μ + b_u + b_i clipped to the rating range. It panics with
// ErrNotFactorized before Fit and with ErrShape for ids out of range.
func (b *Baseline) Predict(user, item int) float64 {
	if b.bu == nil {
		panic(ErrNotFactorized)
	}
	if user < 0 || user >= len(b.bu) || item < 0 || item >= len(b.bi) {
		panic(ErrShape)
	}
	return min(max(b.mu+b.bu[user]+b.bi[item], b.lo), b.hi)
}

// Defaults of BiasedSettings. The SGD values are those of Surprise's SVD
// (Hug 2020, "Surprise: a Python library for recommender systems", JOSS 5:
// n_factors = 100, n_epochs = 20, lr_all = 0.005, reg_all = 0.02,
// init_std_dev = 0.1), which implements Koren, Bell & Volinsky (2009).
const (
	DefaultFactors        = 100
	DefaultEpochs         = 20
	DefaultSGDLearnRate   = 0.005
	DefaultSGDLambda      = 0.02
	DefaultInitStd        = 0.1
	DefaultALSLambda      = 0.1
	DefaultALSEpochs      = 10
	defaultRatingsDiverge = 1e3
)

// BiasedSettings configures Biased.TrainSGD and Biased.TrainALS. A nil
// pointer or a zero field means the default.
type BiasedSettings struct {
	// Factors is the number k of latent factors (DefaultFactors).
	Factors int
	// Epochs is the number of passes (DefaultEpochs for SGD,
	// DefaultALSEpochs for ALS).
	Epochs int
	// LearningRate is SGD's γ (DefaultSGDLearnRate); ALS ignores it.
	LearningRate float64
	// Lambda is the L2 penalty λ of the factors (DefaultSGDLambda for SGD,
	// DefaultALSLambda for ALS; ALS's default was chosen on the
	// MovieLens-shaped synthetic set of bench/mf).
	Lambda float64
	// BiasLambda is the L2 penalty of the biases; zero means Lambda.
	BiasLambda float64
	// Decay shrinks SGD's learning rate after every epoch, γ ← (1 − Decay)γ
	// (Koren 2009, "The BellKor solution to the Netflix Grand Prize", uses
	// 0.1); zero keeps γ constant, as Surprise does. ALS ignores it.
	Decay float64
	// InitStd is the standard deviation of the N(0, InitStd²) initial
	// factors (DefaultInitStd); biases start at zero.
	InitStd float64
	// Min and Max clip predictions; if Max ≤ Min the training range is used.
	Min, Max float64
	// Callback, if not nil, is called after every Every-th epoch (Every 0
	// means 1) with the epoch (from 1) and the training RMSE.
	Every    int
	Callback func(epoch int, trainRMSE float64)
	// Workers is the number of goroutines ALS uses (zero: GOMAXPROCS); the
	// result does not depend on it. SGD is sequential.
	Workers int
}

// Biased is the biased matrix factorization model of Koren, Bell & Volinsky
// (2009), "Matrix factorization techniques for recommender systems",
// IEEE Computer 42(8), eq. 4–5:
//
//	r̂_ui = μ + b_u + b_i + p_uᵀq_i
//	min Σ_{(u,i)∈K} [(r_ui − r̂_ui)² + λ_b(b_u² + b_i²) + λ(‖p_u‖² + ‖q_i‖²)]
//
// with μ the training mean and λ_b = λ unless BiasLambda says otherwise. The zero value is ready for TrainSGD or TrainALS.
type Biased struct {
	k        int
	mu       float64
	bu, bi   []float64
	p, q     []float64 // users×k and items×k, row-major
	lo, hi   float64
	losses   []float64
	trainErr float64
}

func resolveBiased(s *BiasedSettings, als bool) BiasedSettings {
	var c BiasedSettings
	if s != nil {
		c = *s
	}
	if c.Factors < 0 || c.Epochs < 0 || c.LearningRate < 0 || c.Lambda < 0 || c.BiasLambda < 0 || c.InitStd < 0 ||
		c.Every < 0 || c.Workers < 0 || !(c.Decay >= 0 && c.Decay < 1) || math.IsNaN(c.LearningRate+c.Lambda+c.BiasLambda+c.InitStd) {
		panic(ErrSettings)
	}
	if c.Factors == 0 {
		c.Factors = DefaultFactors
	}
	if c.Epochs == 0 {
		c.Epochs = DefaultEpochs
		if als {
			c.Epochs = DefaultALSEpochs
		}
	}
	if c.LearningRate == 0 {
		c.LearningRate = DefaultSGDLearnRate
	}
	if c.Lambda == 0 {
		c.Lambda = DefaultSGDLambda
		if als {
			c.Lambda = DefaultALSLambda
		}
	}
	if c.BiasLambda == 0 {
		c.BiasLambda = c.Lambda
	}
	if c.InitStd == 0 {
		c.InitStd = DefaultInitStd
	}
	if c.Every == 0 {
		c.Every = 1
	}
	if c.Workers == 0 {
		c.Workers = runtime.GOMAXPROCS(0)
	}
	return c
}

func (b *Biased) init(train *Ratings, c *BiasedSettings, rng *rand.Rand) {
	k := c.Factors
	*b = Biased{
		k:  k,
		mu: train.Mean(),
		bu: make([]float64, train.users),
		bi: make([]float64, train.items),
		p:  make([]float64, train.users*k),
		q:  make([]float64, train.items*k),
	}
	b.lo, b.hi = clipRange(train, c.Min, c.Max)
	for n := range b.p {
		b.p[n] = c.InitStd * rng.NormFloat64()
	}
	for n := range b.q {
		b.q[n] = c.InitStd * rng.NormFloat64()
	}
	b.losses = make([]float64, 0, c.Epochs)
}

// TrainSGD fits the model by stochastic gradient descent (Funk 2006; Koren,
// Bell & Volinsky 2009): each epoch visits the training ratings in an order
// shuffled by rng and, with e = r_ui − r̂_ui, updates
//
//	b_u += γ(e − λ_b b_u),  b_i += γ(e − λ_b b_i),
//	p_u += γ(e q_i − λp_u),  q_i += γ(e p_u − λq_i).
//
// Factors start N(0, InitStd²) from rng. It returns an error wrapping
// ErrDiverged, naming the epoch and suggesting a smaller learning rate, if
// the training RMSE becomes NaN, infinite or explodes; the model is then
// left untrained. It panics with ErrNilRand if rng is nil and with
// ErrSettings for negative settings.
func (b *Biased) TrainSGD(train *Ratings, s *BiasedSettings, rng *rand.Rand) error {
	if rng == nil {
		panic(ErrNilRand)
	}
	c := resolveBiased(s, false)
	b.init(train, &c, rng)
	gamma, lambda, lambdaB := c.LearningRate, c.Lambda, c.BiasLambda
	order := append([]Rating(nil), train.r...)
	for epoch := 1; epoch <= c.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, x := range order {
			b.sgdStep(x, gamma, lambda, lambdaB)
		}
		if err := b.endEpoch(train, epoch, &c, "SGD"); err != nil {
			return err
		}
		gamma *= 1 - c.Decay
	}
	return nil
}

// sgdStep is one SGD update on rating x. With e = r_ui − r̂_ui it moves
// every parameter θ of the rating's loss
//
//	ℓ = e² + λ_b(b_u² + b_i²) + λ(‖p_u‖² + ‖q_i‖²)
//
// by −(γ/2)∂ℓ/∂θ, all partial derivatives taken before the update.
func (b *Biased) sgdStep(x Rating, gamma, lambda, lambdaB float64) {
	k := b.k
	pu := b.p[x.User*k : (x.User+1)*k]
	qi := b.q[x.Item*k : (x.Item+1)*k]
	var impl gonum.Implementation
	e := x.Value - (b.mu + b.bu[x.User] + b.bi[x.Item] + impl.Ddot(k, pu, 1, qi, 1))
	b.bu[x.User] += gamma * (e - lambdaB*b.bu[x.User])
	b.bi[x.Item] += gamma * (e - lambdaB*b.bi[x.Item])
	ge, gl := gamma*e, 1-gamma*lambda
	qi = qi[:len(pu)]
	for f := range pu {
		puf, qif := pu[f], qi[f]
		pu[f] = gl*puf + ge*qif
		qi[f] = gl*qif + ge*puf
	}
}

// endEpoch records the training RMSE and checks it for divergence.
func (b *Biased) endEpoch(train *Ratings, epoch int, c *BiasedSettings, method string) error {
	rmse := b.rawRMSE(train)
	if math.IsNaN(rmse) || math.IsInf(rmse, 0) || (len(b.losses) > 0 && rmse > defaultRatingsDiverge*b.losses[0]) {
		*b = Biased{losses: b.losses}
		hint := "try a smaller learning rate"
		if method == "ALS" {
			hint = "try a larger Lambda"
		}
		return fmt.Errorf("%w: %s training RMSE is %v after epoch %d (learning rate %g, λ %g); %s",
			ErrDiverged, method, rmse, epoch, c.LearningRate, c.Lambda, hint)
	}
	b.losses = append(b.losses, rmse)
	b.trainErr = rmse
	if c.Callback != nil && epoch%c.Every == 0 {
		c.Callback(epoch, rmse)
	}
	return nil
}

// rawRMSE is the unclipped training RMSE, the quantity training minimizes.
func (b *Biased) rawRMSE(r *Ratings) float64 {
	var impl gonum.Implementation
	k := b.k
	se := 0.0
	for _, x := range r.r {
		d := x.Value - (b.mu + b.bu[x.User] + b.bi[x.Item] + impl.Ddot(k, b.p[x.User*k:(x.User+1)*k], 1, b.q[x.Item*k:(x.Item+1)*k], 1))
		se += d * d
	}
	return math.Sqrt(se / float64(len(r.r)))
}

// TrainALS fits the model by alternating least squares: each epoch solves,
// for every user, the ridge problem for (b_u, p_u) with the items fixed,
// then for every item (b_i, q_i) with the users fixed:
//
//	(b_u, p_u) = argmin Σ_{i∈R(u)} (r_ui − μ − b_i − b_u − p_uᵀq_i)² + |R(u)|(λ_b b_u² + λ‖p_u‖²)
//
// which is the objective of TrainSGD written per user (each rating brings its
// own λ term, the weighted-λ regularisation of Zhou et al. 2008, "Large-scale
// parallel collaborative filtering for the Netflix prize"). Users and items
// without ratings keep zero bias and factors. Item factors start
// N(0, InitStd²) from rng. An epoch costs O(|K|k² + (users + items)k³):
// with k = 100 on 100 000 ratings about 0.9 s of CPU time. The work is
// spread over Workers goroutines; the result does not depend on their
// number. Errors and panics are as for TrainSGD.
func (b *Biased) TrainALS(train *Ratings, s *BiasedSettings, rng *rand.Rand) error {
	if rng == nil {
		panic(ErrNilRand)
	}
	c := resolveBiased(s, true)
	b.init(train, &c, rng)
	clear(b.p)
	byUser := groupRatings(train, true)
	byItem := groupRatings(train, false)
	for epoch := 1; epoch <= c.Epochs; epoch++ {
		alsHalf(byUser, b.bu, b.p, b.bi, b.q, b.mu, b.k, c.Lambda, c.BiasLambda, c.Workers)
		alsHalf(byItem, b.bi, b.q, b.bu, b.p, b.mu, b.k, c.Lambda, c.BiasLambda, c.Workers)
		if err := b.endEpoch(train, epoch, &c, "ALS"); err != nil {
			return err
		}
	}
	return nil
}

// sparseRow is one user's (or item's) ratings: the other side's indices and
// the values.
type sparseRow struct {
	other []int
	value []float64
}

func groupRatings(r *Ratings, byUser bool) []sparseRow {
	n := r.items
	if byUser {
		n = r.users
	}
	rows := make([]sparseRow, n)
	for _, x := range r.r {
		own, other := x.Item, x.User
		if byUser {
			own, other = x.User, x.Item
		}
		rows[own].other = append(rows[own].other, other)
		rows[own].value = append(rows[own].value, x.Value)
	}
	return rows
}

// alsHalf solves, for each row j of rows, the ridge regression of
// r − μ − bOther on [1, factorsOther] and stores (bias[j], factors[j]).
func alsHalf(rows []sparseRow, bias, factors, biasOther, factorsOther []float64, mu float64, k int, lambda, lambdaB float64, workers int) {
	d := k + 1
	var wg sync.WaitGroup
	workers = max(1, min(workers, len(rows)))
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var impl gonum.Implementation
			a := make([]float64, d*d)
			rhs := make([]float64, d)
			x := make([]float64, d)
			for j := w; j < len(rows); j += workers {
				row := rows[j]
				if len(row.other) == 0 {
					continue
				}
				clear(a)
				clear(rhs)
				x[0] = 1
				for n, o := range row.other {
					copy(x[1:], factorsOther[o*k:(o+1)*k])
					y := row.value[n] - mu - biasOther[o]
					impl.Dsyr(blas.Upper, d, 1, x, 1, a, d)
					impl.Daxpy(d, y, x, 1, rhs, 1)
				}
				a[0] += lambdaB * float64(len(row.other))
				reg := lambda * float64(len(row.other))
				for i := 1; i < d; i++ {
					a[i*d+i] += reg
				}
				t, ok := lapack64.Potrf(blas64.Symmetric{Uplo: blas.Upper, N: d, Stride: d, Data: a})
				if !ok {
					// Not positive definite only if λ = 0 and the data are
					// degenerate; leave this row unchanged.
					continue
				}
				lapack64.Potrs(t, blas64.General{Rows: d, Cols: 1, Stride: 1, Data: rhs})
				bias[j] = rhs[0]
				copy(factors[j*k:(j+1)*k], rhs[1:])
			}
		}()
	}
	wg.Wait()
}

// Dims returns the number of users and items.
func (b *Biased) Dims() (users, items int) { return len(b.bu), len(b.bi) }

func (b *Biased) mustTrained() {
	if b.bu == nil {
		panic(ErrNotFactorized)
	}
}

// Predict returns μ + b_u + b_i + p_uᵀq_i clipped to the rating range. It
// panics with ErrNotFactorized if the model is untrained and with ErrShape
// for ids out of range.
func (b *Biased) Predict(user, item int) float64 {
	b.mustTrained()
	if user < 0 || user >= len(b.bu) || item < 0 || item >= len(b.bi) {
		panic(ErrShape)
	}
	k := b.k
	var impl gonum.Implementation
	v := b.mu + b.bu[user] + b.bi[item] + impl.Ddot(k, b.p[user*k:(user+1)*k], 1, b.q[item*k:(item+1)*k], 1)
	return min(max(v, b.lo), b.hi)
}

// Losses returns the training RMSE after each epoch (unclipped predictions).
// It is also available after a divergence error.
func (b *Biased) Losses() []float64 { return append([]float64(nil), b.losses...) }

// Biases returns the global mean μ and copies of the user and item biases.
// It panics with ErrNotFactorized if the model is untrained.
func (b *Biased) Biases() (mu float64, user, item []float64) {
	b.mustTrained()
	return b.mu, append([]float64(nil), b.bu...), append([]float64(nil), b.bi...)
}

// UserFactors returns a new users×k matrix whose row u is p_u. It panics
// with ErrNotFactorized if the model is untrained.
func (b *Biased) UserFactors() *mat.Dense {
	b.mustTrained()
	return mat.NewDense(len(b.bu), b.k, append([]float64(nil), b.p...))
}

// ItemFactors returns a new items×k matrix whose row i is q_i. It panics
// with ErrNotFactorized if the model is untrained.
func (b *Biased) ItemFactors() *mat.Dense {
	b.mustTrained()
	return mat.NewDense(len(b.bi), b.k, append([]float64(nil), b.q...))
}
