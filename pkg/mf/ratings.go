package mf

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Rating is one observed entry: User rated Item with Value. User and Item
// are 0-based indices into a Ratings' users and items.
type Rating struct {
	User, Item int
	Value      float64
}

// Ratings is an immutable set of ratings of users × items with at most one
// rating per (user, item) pair and finite values. Construct it with
// NewRatings, a loader (ReadUData, ReadRatingsCSV), Synthetic or Split.
type Ratings struct {
	users, items int
	r            []Rating
	// userIDs and itemIDs map indices back to the ids of a loaded file;
	// nil means the id is the index.
	userIDs, itemIDs []int64
}

// NewRatings returns the ratings rs of users users and items items; rs is
// copied. It returns an error wrapping ErrData, naming the offending rating,
// if users or items is not positive, rs is empty, an id is out of range, a
// value is NaN or infinite, or a (user, item) pair occurs twice.
func NewRatings(users, items int, rs []Rating) (*Ratings, error) {
	if users <= 0 || items <= 0 {
		return nil, fmt.Errorf("%w: %d users × %d items, want both ≥ 1", ErrEmpty, users, items)
	}
	if len(rs) == 0 {
		return nil, fmt.Errorf("%w: no ratings", ErrEmpty)
	}
	seen := make(map[[2]int]int, len(rs))
	for n, r := range rs {
		switch {
		case r.User < 0 || r.User >= users:
			return nil, fmt.Errorf("%w: rating %d: user %d out of range [0, %d)", ErrIDOutOfRange, n, r.User, users)
		case r.Item < 0 || r.Item >= items:
			return nil, fmt.Errorf("%w: rating %d: item %d out of range [0, %d)", ErrIDOutOfRange, n, r.Item, items)
		case math.IsNaN(r.Value) || math.IsInf(r.Value, 0):
			return nil, fmt.Errorf("%w: rating %d: value is %v", ErrNonFinite, n, r.Value)
		}
		key := [2]int{r.User, r.Item}
		if first, dup := seen[key]; dup {
			return nil, fmt.Errorf("%w: rating %d: duplicate (user %d, item %d), first rated by rating %d", ErrDuplicate, n, r.User, r.Item, first)
		}
		seen[key] = n
	}
	return &Ratings{users: users, items: items, r: append([]Rating(nil), rs...)}, nil
}

// Dims returns the number of users and items.
func (r *Ratings) Dims() (users, items int) { return r.users, r.items }

// Len returns the number of ratings.
func (r *Ratings) Len() int { return len(r.r) }

// At returns rating i. It panics if i is out of range.
func (r *Ratings) At(i int) Rating { return r.r[i] }

// All returns a copy of the ratings.
func (r *Ratings) All() []Rating { return append([]Rating(nil), r.r...) }

// UserID returns the id user u had in the loaded file (u itself for ratings
// not read from a file). It panics if u is out of range.
func (r *Ratings) UserID(u int) int64 {
	if u < 0 || u >= r.users {
		panic(ErrShape)
	}
	if r.userIDs == nil {
		return int64(u)
	}
	return r.userIDs[u]
}

// ItemID returns the id item i had in the loaded file (i itself for ratings
// not read from a file). It panics if i is out of range.
func (r *Ratings) ItemID(i int) int64 {
	if i < 0 || i >= r.items {
		panic(ErrShape)
	}
	if r.itemIDs == nil {
		return int64(i)
	}
	return r.itemIDs[i]
}

// Mean returns the mean rating. It is finite for any ratings: when the sum
// would overflow, the values are divided by their number before summing.
func (r *Ratings) Mean() float64 {
	s := 0.0
	for _, x := range r.r {
		s += x.Value
	}
	n := float64(len(r.r))
	if math.IsInf(s, 0) {
		s = 0
		for _, x := range r.r {
			s += x.Value / n
		}
		// The mean of finite values is finite; only rounding could push it
		// past the largest float64.
		return math.Max(-math.MaxFloat64, math.Min(s, math.MaxFloat64))
	}
	return s / n
}

// Range returns the smallest and largest rating.
func (r *Ratings) Range() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, x := range r.r {
		lo, hi = min(lo, x.Value), max(hi, x.Value)
	}
	return lo, hi
}

// Split shuffles the ratings with rng and returns a test set holding
// round(testFraction·Len) of them and a training set with the rest; both
// keep the users, items and ids of r. It returns an error wrapping ErrData
// if either set would be empty. It panics with ErrNilRand if rng is nil and
// with ErrSettings if testFraction is not in (0, 1).
func (r *Ratings) Split(testFraction float64, rng *rand.Rand) (train, test *Ratings, err error) {
	if rng == nil {
		panic(ErrNilRand)
	}
	if !(testFraction > 0 && testFraction < 1) {
		panic(ErrSettings)
	}
	nt := int(math.Round(testFraction * float64(len(r.r))))
	if nt == 0 || nt == len(r.r) {
		return nil, nil, fmt.Errorf("%w: splitting %d ratings with test fraction %v leaves an empty set", ErrEmpty, len(r.r), testFraction)
	}
	perm := make([]Rating, len(r.r))
	copy(perm, r.r)
	rng.Shuffle(len(perm), func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
	test = &Ratings{users: r.users, items: r.items, r: perm[:nt:nt], userIDs: r.userIDs, itemIDs: r.itemIDs}
	train = &Ratings{users: r.users, items: r.items, r: perm[nt:], userIDs: r.userIDs, itemIDs: r.itemIDs}
	return train, test, nil
}

// Predictor predicts ratings; Baseline and Biased implement it.
type Predictor interface {
	// Dims returns the number of users and items the predictor knows.
	Dims() (users, items int)
	// Predict returns the predicted rating of item by user.
	Predict(user, item int) float64
}

// Evaluate returns the root mean squared error and the mean absolute error
// of p's predictions on r, computed in scaled units when the squared errors
// would overflow, so they are +Inf only when they exceed the largest
// float64 (errors of ratings that span more than it). It panics with ErrNil
// if p or r is nil and with ErrShape if p and r have different numbers of
// users or items.
func Evaluate(p Predictor, r *Ratings) (rmse, mae float64) {
	if r == nil || nilPredictor(p) {
		panic(ErrNil)
	}
	pu, pi := p.Dims()
	if pu != r.users || pi != r.items {
		panic(ErrShape)
	}
	var se, ae float64
	for _, x := range r.r {
		d := p.Predict(x.User, x.Item) - x.Value
		se += d * d
		ae += math.Abs(d)
	}
	n := float64(len(r.r))
	if math.IsInf(se, 0) || math.IsNaN(se) || math.IsInf(ae, 0) {
		return evaluateScaled(p, r)
	}
	return math.Sqrt(se / n), ae / n
}

// evaluateScaled is Evaluate for errors whose squares overflow: it works
// with half-differences in units of the largest, so the results are +Inf
// only when they exceed the largest float64.
func evaluateScaled(p Predictor, r *Ratings) (rmse, mae float64) {
	half := make([]float64, len(r.r))
	var big float64
	for n, x := range r.r {
		half[n] = p.Predict(x.User, x.Item)/2 - x.Value/2
		big = math.Max(big, math.Abs(half[n]))
	}
	n := float64(len(r.r))
	var s2, s1 float64
	for _, h := range half {
		s2 += (h / big) * (h / big)
		s1 += math.Abs(h) / n
	}
	return 2 * big * math.Sqrt(s2/n), 2 * s1
}

// checkRange returns an error wrapping ErrData if the largest |rating| is
// outside the range where squared errors are representable.
func (r *Ratings) checkRange() error {
	var big float64
	for _, x := range r.r {
		big = math.Max(big, math.Abs(x.Value))
	}
	return checkRange("rating", big, minSquarable, maxSquarable)
}
