package mf

import (
	"cmp"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// RMSECurve records a model's root mean squared error on its training and
// test ratings after each training epoch: the curves that show a model
// learning, and over-fitting when the two separate.
type RMSECurve struct {
	Epochs      []float64 // epoch numbers, from 1
	Train, Test []float64 // RMSE after each recorded epoch (predictions clipped)
}

// Track returns a function for BiasedSettings.Callback that, after each
// epoch of m's training, appends the epoch and m's RMSE on train and test
// (as Evaluate computes them) to c, then calls then if it is not nil (to
// redraw a live figure, say). train and test must have the dimensions of
// the ratings m is trained on.
func (c *RMSECurve) Track(m *Biased, train, test *Ratings, then func()) func(epoch int, trainRMSE float64) {
	return func(epoch int, _ float64) {
		tr, _ := Evaluate(m, train)
		te, _ := Evaluate(m, test)
		c.Epochs = append(c.Epochs, float64(epoch))
		c.Train = append(c.Train, tr)
		c.Test = append(c.Test, te)
		if then != nil {
			then()
		}
	}
}

// Scored is an item and the rating a model predicts for it.
type Scored struct {
	Item  int
	Score float64
}

// TopN returns the n items with the highest predicted rating for user among
// those user has not rated in seen, best first (ties by item index). It
// returns fewer than n if fewer are left. It panics with ErrShape if user is
// out of range or p and seen have different dimensions, with ErrSettings if
// n < 0, and with ErrNil if p or seen is nil.
func TopN(p Predictor, seen *Ratings, user, n int) []Scored {
	if seen == nil || nilPredictor(p) {
		panic(ErrNil)
	}
	users, items := p.Dims()
	if su, si := seen.Dims(); su != users || si != items || user < 0 || user >= users {
		panic(ErrShape)
	}
	if n < 0 {
		panic(ErrSettings)
	}
	rated := make([]bool, items)
	for _, x := range seen.r {
		if x.User == user {
			rated[x.Item] = true
		}
	}
	var out []Scored
	for i := range items {
		if !rated[i] {
			out = append(out, Scored{Item: i, Score: p.Predict(user, i)})
		}
	}
	slices.SortStableFunc(out, func(a, b Scored) int { return cmp.Compare(b.Score, a.Score) })
	return out[:min(n, len(out))]
}

// OfUser returns the ratings of user, highest first (ties by item index).
// It panics with ErrShape if user is out of range.
func (r *Ratings) OfUser(user int) []Rating {
	if user < 0 || user >= r.users {
		panic(ErrShape)
	}
	var out []Rating
	for _, x := range r.r {
		if x.User == user {
			out = append(out, x)
		}
	}
	slices.SortStableFunc(out, func(a, b Rating) int {
		if c := cmp.Compare(b.Value, a.Value); c != 0 {
			return c
		}
		return cmp.Compare(a.Item, b.Item)
	})
	return out
}

// Terms returns the four terms of the prediction r̂_ui = μ + b_u + b_i +
// p_uᵀq_i before clipping: what the model "knows" about user and item. It
// panics with ErrNotFactorized if the model is untrained and with ErrShape
// for ids out of range.
func (b *Biased) Terms(user, item int) (mu, userBias, itemBias, interaction float64) {
	b.mustTrained()
	if user < 0 || user >= len(b.bu) || item < 0 || item >= len(b.bi) {
		panic(ErrShape)
	}
	k := b.k
	for f := range k {
		interaction += b.p[user*k+f] * b.q[item*k+f]
	}
	return b.mu, b.bu[user], b.bi[item], interaction
}

// ZeroFilled returns the users×items matrix with r's ratings and zeros for
// the missing entries: what a dense factorization (an SVD, say) sees if
// "missing" is read as "rated zero", which the masked objective avoids.
func (r *Ratings) ZeroFilled() *mat.Dense {
	m := mat.NewDense(r.users, r.items, nil)
	for _, x := range r.r {
		m.Set(x.User, x.Item, x.Value)
	}
	return m
}

// MatrixPredictor predicts rating (u, i) as entry (u, i) of a users×items
// matrix, such as a low-rank approximation of ZeroFilled, so that Evaluate
// can score it.
type MatrixPredictor struct{ M mat.Matrix }

// Dims returns the matrix's rows and columns. It panics with ErrNil if M is
// nil.
func (p MatrixPredictor) Dims() (users, items int) {
	if isNil(p.M) {
		panic(ErrNil)
	}
	return p.M.Dims()
}

// Predict returns entry (user, item), unclipped.
func (p MatrixPredictor) Predict(user, item int) float64 { return p.M.At(user, item) }
