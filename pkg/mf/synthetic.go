package mf

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// Defaults of SyntheticSettings: the shape and density of MovieLens-100k
// (943 users, 1682 items, 100 000 ratings, so a missing fraction of
// 1 − 100000/(943·1682)), and its overall mean 3.53.
const (
	DefaultSyntheticUsers   = 943
	DefaultSyntheticItems   = 1682
	DefaultSyntheticMissing = 1 - 100000.0/(943*1682)
	DefaultSyntheticMean    = 3.53
	DefaultSyntheticRank    = 2
	// DefaultSyntheticNoise is σ of the added Gaussian noise: the RMSE floor.
	DefaultSyntheticNoise = 0.5
	// DefaultSyntheticBiasStd is the spread of user and item biases.
	DefaultSyntheticBiasStd = 0.4
	// DefaultSyntheticSignalStd is the standard deviation of the low-rank
	// interaction p_uᵀq_i.
	DefaultSyntheticSignalStd = 0.8
)

// SyntheticSettings describes a synthetic ratings set
//
//	r_ui = μ + b_u + b_i + p_uᵀq_i + ε_ui,   ε_ui ~ N(0, Noise²),
//
// with b_u, b_i ~ N(0, BiasStd²), p_u, q_i ∈ ℝ^Rank with N(0, 1/√Rank)
// entries scaled so that p_uᵀq_i has standard deviation SignalStd, observed
// on a uniformly random fraction 1 − Missing of the users × items pairs.
// By default values are not rounded or clipped, so the noise level is
// exactly the RMSE of the true model: the floor a good fit approaches on
// held-out ratings. With Stars each rating is rounded to the nearest integer
// and clipped to [MinStars, MaxStars], as MovieLens' 1–5 stars are; the
// floor is then no longer Noise but the RMSE of SyntheticTruth against the
// stars, which Evaluate measures. A nil *SyntheticSettings, or a zero
// field, means the default.
type SyntheticSettings struct {
	Users, Items       int
	Rank               int
	Missing            float64
	Mean               float64
	Noise              float64
	BiasStd, SignalStd float64
	// Stars rounds every rating to whole stars in [MinStars, MaxStars].
	Stars bool
}

// The star range of SyntheticSettings.Stars: MovieLens' 1 to 5 stars.
const (
	MinStars = 1
	MaxStars = 5
)

// SyntheticTruth is the noiseless model behind a synthetic ratings set,
// μ + b_u + b_i + p_uᵀq_i, clipped to [MinStars, MaxStars] for a set of
// stars. It implements Predictor, so Evaluate(truth, test) is the RMSE that
// knowing the generating model exactly would achieve: the noise floor.
type SyntheticTruth struct {
	mean   float64
	rank   int
	stars  bool
	bu, bi []float64
	p, q   []float64
}

// Dims returns the number of users and items of the set.
func (t *SyntheticTruth) Dims() (users, items int) { return len(t.bu), len(t.bi) }

// Predict returns the noiseless rating of item by user, clipped to the star
// range for a set of stars. It panics with ErrShape for ids out of range.
func (t *SyntheticTruth) Predict(user, item int) float64 {
	if user < 0 || user >= len(t.bu) || item < 0 || item >= len(t.bi) {
		panic(ErrShape)
	}
	v := t.mean + t.bu[user] + t.bi[item]
	for f := 0; f < t.rank; f++ {
		v += t.p[user*t.rank+f] * t.q[item*t.rank+f]
	}
	if t.stars {
		v = min(max(v, MinStars), MaxStars)
	}
	return v
}

// Synthetic returns a synthetic ratings set drawn from rng. It returns an
// error wrapping ErrData if the settings leave no observed rating. It panics
// with ErrNilRand if rng is nil and with ErrSettings for negative sizes,
// Missing outside [0, 1), or deviations or |Mean| that are NaN, negative
// (deviations) or above 2⁵⁰⁰ ≈ 3·10¹⁵⁰, where the ratings could overflow.
func Synthetic(s *SyntheticSettings, rng *rand.Rand) (*Ratings, error) {
	r, _, err := SyntheticWithTruth(s, rng)
	return r, err
}

// SyntheticWithTruth is Synthetic that also returns the model the ratings
// were drawn from; the same settings and seed give the same ratings as
// Synthetic. It fails and panics as Synthetic does.
func SyntheticWithTruth(s *SyntheticSettings, rng *rand.Rand) (*Ratings, *SyntheticTruth, error) {
	if rng == nil {
		panic(ErrNilRand)
	}
	var c SyntheticSettings
	if s != nil {
		c = *s
	}
	// Sums of a few terms of size maxSquarable = 2⁵⁰⁰ cannot overflow.
	inRange := func(x float64) bool { return x >= 0 && x <= maxSquarable } // false for NaN
	if c.Users < 0 || c.Items < 0 || c.Rank < 0 || !inRange(c.Noise) || !inRange(c.BiasStd) || !inRange(c.SignalStd) ||
		!(c.Missing >= 0 && c.Missing < 1) || !(math.Abs(c.Mean) <= maxSquarable) {
		panic(ErrSettings)
	}
	def := func(x *int, d int) {
		if *x == 0 {
			*x = d
		}
	}
	deff := func(x *float64, d float64) {
		if *x == 0 {
			*x = d
		}
	}
	def(&c.Users, DefaultSyntheticUsers)
	def(&c.Items, DefaultSyntheticItems)
	def(&c.Rank, DefaultSyntheticRank)
	deff(&c.Missing, DefaultSyntheticMissing)
	deff(&c.Mean, DefaultSyntheticMean)
	deff(&c.Noise, DefaultSyntheticNoise)
	deff(&c.BiasStd, DefaultSyntheticBiasStd)
	deff(&c.SignalStd, DefaultSyntheticSignalStd)

	total := int64(c.Users) * int64(c.Items)
	count := int64(math.Round((1 - c.Missing) * float64(total)))
	if count == 0 {
		return nil, nil, fmt.Errorf("%w: %d×%d with missing fraction %v observes no rating", ErrEmpty, c.Users, c.Items, c.Missing)
	}
	bu := make([]float64, c.Users)
	bi := make([]float64, c.Items)
	p := make([]float64, c.Users*c.Rank)
	q := make([]float64, c.Items*c.Rank)
	for u := range bu {
		bu[u] = c.BiasStd * rng.NormFloat64()
	}
	for i := range bi {
		bi[i] = c.BiasStd * rng.NormFloat64()
	}
	// Entries N(0, σ²) with σ² = SignalStd/√Rank give Var(pᵀq) = Rank·σ⁴ = SignalStd².
	sd := math.Sqrt(c.SignalStd / math.Sqrt(float64(c.Rank)))
	for n := range p {
		p[n] = sd * rng.NormFloat64()
	}
	for n := range q {
		q[n] = sd * rng.NormFloat64()
	}
	// Floyd's algorithm draws count distinct cells of the users × items grid.
	chosen := make(map[int64]struct{}, count)
	for j := total - count; j < total; j++ {
		t := rng.Int64N(j + 1)
		if _, ok := chosen[t]; ok {
			t = j
		}
		chosen[t] = struct{}{}
	}
	cells := make([]int64, 0, count)
	for t := range chosen {
		cells = append(cells, t)
	}
	slices.Sort(cells)
	rs := make([]Rating, len(cells))
	for n, t := range cells {
		u, i := int(t/int64(c.Items)), int(t%int64(c.Items))
		v := c.Mean + bu[u] + bi[i] + c.Noise*rng.NormFloat64()
		for f := 0; f < c.Rank; f++ {
			v += p[u*c.Rank+f] * q[i*c.Rank+f]
		}
		if c.Stars {
			v = min(max(math.Round(v), MinStars), MaxStars)
		}
		rs[n] = Rating{User: u, Item: i, Value: v}
	}
	truth := &SyntheticTruth{mean: c.Mean, rank: c.Rank, stars: c.Stars, bu: bu, bi: bi, p: p, q: q}
	return &Ratings{users: c.Users, items: c.Items, r: rs}, truth, nil
}
