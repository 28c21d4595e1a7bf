package mf

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"

	"gonum.org/v1/gonum/blas/gonum"
	"gonum.org/v1/gonum/mat"
)

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

// DefaultARDLambda is the default Lambda when BiasedSettings.ARD is set: the
// penalty every factor starts with and that no factor's adaptive penalty
// exceeds. It was chosen on the MovieLens-shaped synthetic set of bench/mf
// (943×1682, 100 000 ratings, rank 2, σ = 0.5, 100 factors), where test
// RMSEs within 0.5 % of each other were measured for caps from 0.15 to 0.3;
// Surprise's 0.02 is too weak a cap to silence unused factors.
const DefaultARDLambda = 0.2

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
	// DefaultALSLambda for ALS, DefaultARDLambda with ARD; ALS's default was
	// chosen on the MovieLens-shaped synthetic set of bench/mf).
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
	// ARD, if set, gives every latent factor f its own penalty λ_f, set
	// after each epoch by automatic relevance determination (MacKay 1995,
	// "Probable networks and plausible predictions", Network 6(3); the
	// per-column update of Bishop 1999, "Bayesian PCA", NIPS 11):
	//
	//	λ_f = min(λ, (U + I)·σ̂² / S_f),  S_f = Σ_u |R(u)| p_uf² + Σ_i |R(i)| q_if²,
	//
	// with U and I the numbers of users and items that have ratings, σ̂²
	// the training MSE and λ = Lambda. This is the maximizer over λ_f of the
	// posterior in which the objective's penalty λ_f|R(u)|p_uf² is the
	// Gaussian prior p_uf ~ N(0, σ²/(λ_f|R(u)|)) (likewise q_if). Factors
	// that carry signal get a small λ_f and are barely shrunk; unused
	// factors keep λ and are pushed to zero, so many factors cost little
	// more than the true rank. With a plain L2 penalty every factor is
	// shrunk alike, which either lets noise in or biases the signal. All
	// factors start with λ_f = λ. The cap λ matters: early on the signal is
	// spread over all factors, each too weak on its own, and without a cap
	// every factor was driven to zero on bench/mf's set. On that set (100
	// factors, true rank 2) SGD with ARD ends with two factors at
	// λ_f ≈ 0.006 and 98 at the cap, and a test RMSE 1.043× the noise floor
	// instead of 1.096× (see bench/mf/README.md).
	ARD bool
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
		c.Every < 0 || c.Workers < 0 || !(c.Decay >= 0 && c.Decay < 1) || math.IsNaN(c.LearningRate+c.Lambda+c.BiasLambda+c.InitStd) ||
		math.IsInf(c.LearningRate+c.Lambda+c.BiasLambda+c.InitStd, 0) || math.IsNaN(c.Min) || math.IsNaN(c.Max) {
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
		switch {
		case c.ARD:
			c.Lambda = DefaultARDLambda
		case als:
			c.Lambda = DefaultALSLambda
		default:
			c.Lambda = DefaultSGDLambda
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

// UserFactorsTo copies the users×k matrix whose row u is p_u into dst,
// which must be empty (it is then resized) or users×k. It panics with
// ErrShape if dst has another shape and with ErrNotFactorized if the model
// is untrained.
func (b *Biased) UserFactorsTo(dst *mat.Dense) {
	b.mustTrained()
	copyTo(dst, len(b.bu), b.k, b.p)
}

// ItemFactorsTo copies the items×k matrix whose row i is q_i into dst,
// which must be empty (it is then resized) or items×k. It panics with
// ErrShape if dst has another shape and with ErrNotFactorized if the model
// is untrained.
func (b *Biased) ItemFactorsTo(dst *mat.Dense) {
	b.mustTrained()
	copyTo(dst, len(b.bi), b.k, b.q)
}
