package mf

import "math"

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
	// exp is 0, or for ratings beyond 2⁵⁰⁰ the exponent e of the scale
	// 2ᵉ of μ, bu and bi, so that μ + b_u + b_i never overflows to ∞ − ∞.
	exp int
}

// Fit estimates μ as the training mean, then each item bias and each user
// bias by shrunk averages (Koren 2010, eq. 2–3):
//
//	b_i = Σ_{u∈R(i)} (r_ui − μ) / (λ₂ + |R(i)|)
//	b_u = Σ_{i∈R(u)} (r_ui − μ − b_i) / (λ₃ + |R(u)|)
//
// Users and items without training ratings get zero bias. Fit panics with
// ErrNil if train is nil and with ErrSettings for negative, NaN or infinite
// λs or a NaN Min or Max.
func (b *Baseline) Fit(train *Ratings, s *BaselineSettings) {
	if train == nil {
		panic(ErrNil)
	}
	var c BaselineSettings
	if s != nil {
		c = *s
	}
	if !(c.ItemLambda >= 0) || !(c.UserLambda >= 0) || math.IsInf(c.ItemLambda+c.UserLambda, 0) ||
		math.IsNaN(c.Min) || math.IsNaN(c.Max) {
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
	value := func(x Rating) float64 { return x.Value }
	if lo, hi := train.Range(); math.Max(-lo, hi) > maxSquarable {
		// The model is linear in the ratings: fit 2⁻ᵉ·r, scale back in Predict.
		_, b.exp = math.Frexp(math.Max(-lo, hi))
		value = func(x Rating) float64 { return math.Ldexp(x.Value, -b.exp) }
		b.mu = 0
		for _, x := range train.r {
			b.mu += value(x)
		}
		b.mu /= float64(len(train.r))
	}
	cnt := make([]float64, max(train.users, train.items))
	for _, x := range train.r {
		b.bi[x.Item] += value(x) - b.mu
		cnt[x.Item]++
	}
	for i := range b.bi {
		b.bi[i] /= c.ItemLambda + cnt[i]
	}
	clear(cnt)
	for _, x := range train.r {
		b.bu[x.User] += value(x) - b.mu - b.bi[x.Item]
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
	return min(max(math.Ldexp(b.mu+b.bu[user]+b.bi[item], b.exp), b.lo), b.hi)
}
