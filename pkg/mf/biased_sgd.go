package mf

import (
	"math/rand/v2"

	"gonum.org/v1/gonum/blas/gonum"
)

// TrainSGD fits the model by stochastic gradient descent (Funk 2006; Koren,
// Bell & Volinsky 2009): each epoch visits the training ratings in an order
// shuffled by rng and, with e = r_ui − r̂_ui, updates
//
//	b_u += γ(e − λ_b b_u),  b_i += γ(e − λ_b b_i),
//	p_u += γ(e q_i − λp_u),  q_i += γ(e p_u − λq_i)
//
// (with ARD, factor f is penalized by its own λ_f, updated after each epoch).
// Factors start N(0, InitStd²) from rng. It returns an error wrapping
// ErrDiverged, naming the epoch and suggesting a smaller learning rate, if
// the training RMSE becomes NaN, infinite or explodes; the model is then
// left untrained. It returns an error wrapping ErrData, saying the input is
// out of range, if the largest |rating| lies outside [2⁻⁵⁰⁰, 2⁵⁰⁰], where
// squared errors are not representable. It panics with ErrNil if train is
// nil, with ErrNilRand if rng is nil and with ErrSettings for negative, NaN
// or infinite settings.
func (b *Biased) TrainSGD(train *Ratings, s *BiasedSettings, rng *rand.Rand) error {
	if rng == nil {
		panic(ErrNilRand)
	}
	if train == nil {
		panic(ErrNil)
	}
	c := resolveBiased(s, false)
	if err := train.checkRange(); err != nil {
		*b = Biased{}
		return err
	}
	b.init(train, &c, rng)
	gamma, lambdaB := c.LearningRate, c.BiasLambda
	lambda := b.factorLambdas(&c)
	ard := newARDCounts(train, &c)
	shrink := make([]float64, c.Factors)
	order := append([]Rating(nil), train.r...)
	for epoch := 1; epoch <= c.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for f := range shrink {
			shrink[f] = 1 - gamma*lambda[f]
		}
		for _, x := range order {
			b.sgdStep(x, gamma, shrink, lambdaB)
		}
		if err := b.endEpoch(train, epoch, &c, "SGD"); err != nil {
			return err
		}
		ard.update(b, lambda, c.Lambda)
		gamma *= 1 - c.Decay
	}
	return nil
}

// sgdStep is one SGD update on rating x. With e = r_ui − r̂_ui it moves
// every parameter θ of the rating's loss
//
//	ℓ = e² + λ_b(b_u² + b_i²) + Σ_f λ_f(p_uf² + q_if²)
//
// by −(γ/2)∂ℓ/∂θ, all partial derivatives taken before the update; shrink[f]
// is 1 − γλ_f.
func (b *Biased) sgdStep(x Rating, gamma float64, shrink []float64, lambdaB float64) {
	k := b.k
	pu := b.p[x.User*k : (x.User+1)*k]
	qi := b.q[x.Item*k : (x.Item+1)*k]
	var impl gonum.Implementation
	e := x.Value - (b.mu + b.bu[x.User] + b.bi[x.Item] + impl.Ddot(k, pu, 1, qi, 1))
	b.bu[x.User] += gamma * (e - lambdaB*b.bu[x.User])
	b.bi[x.Item] += gamma * (e - lambdaB*b.bi[x.Item])
	ge := gamma * e
	qi = qi[:len(pu)]
	shrink = shrink[:len(pu)]
	for f := range pu {
		puf, qif := pu[f], qi[f]
		pu[f] = shrink[f]*puf + ge*qif
		qi[f] = shrink[f]*qif + ge*puf
	}
}
