package lab

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/notebooks/data"
	"github.com/factorlab/factorlab/pkg/decomp"
	"github.com/factorlab/factorlab/pkg/mf"
)

// Labs L7 and L8 go with the application notebooks 07 (recommending with
// matrix factorization) and 08 (compressing an image with the SVD).

// RatingsSeed is the seed of notebook 07's ratings and of its 80 % / 20 %
// split, which lab L7 grades on.
const RatingsSeed = 2026

// FloorMargin is how far above the floor a model of lab L7, task 2 may
// stay: its test RMSE must be below floor + FloorMargin.
const FloorMargin = 0.05

// RatingsSplit returns the synthetic 1–5 star ratings of notebook 07 drawn
// from seed (RatingsSeed in the notebook), split as the notebook splits
// them (80 % training, 20 % test), and the floor: the test RMSE of the true
// model the stars were drawn from.
func RatingsSplit(seed uint64) (train, test *mf.Ratings, floor float64) {
	all, truth, err := data.SyntheticRatings(rand.New(rand.NewPCG(seed, 1)))
	if err != nil {
		panic(fmt.Errorf("%w: ratings of seed %d: %w", ErrReference, seed, err))
	}
	if train, test, err = all.Split(0.2, rand.New(rand.NewPCG(seed, 2))); err != nil {
		panic(fmt.Errorf("%w: split of seed %d: %w", ErrReference, seed, err))
	}
	floor, _ = mf.Evaluate(truth, test)
	return train, test, floor
}

// RMSEFunc is the student's function of lab L7, task 1: the root mean
// squared error √(mean((p(u, i) − r_ui)²)) of p's predictions on r.
type RMSEFunc func(p mf.Predictor, r *mf.Ratings) float64

// FitFunc is the student's function of lab L7, task 2: a model trained on
// train only, which the check scores on the held-out test set.
type FitFunc func(train *mf.Ratings) (mf.Predictor, error)

// baseline is the bias-only model μ + b_u + b_i fitted on train.
func baseline(train *mf.Ratings) *mf.Baseline {
	var b mf.Baseline
	b.Fit(train, nil)
	return &b
}

// CheckRMSE checks lab L7, task 1 on notebook 07's split: the bias-only
// baseline's RMSE on the test and on the training set, against mf.Evaluate.
func CheckRMSE(f RMSEFunc) Report {
	r := Report{Title: tr(msgTitleL71)}
	if f == nil {
		return r.notImplemented("RMSE")
	}
	train, test, _ := RatingsSplit(RatingsSeed)
	checkRMSE(&r, f, baseline(train), test, train)
	return r
}

// CheckRMSEOn checks lab L7, task 1 on the ratings of another seed: the
// baseline of that seed's training set on its test and training sets.
func CheckRMSEOn(f RMSEFunc, seed uint64) Report {
	r := Report{Title: hiddenTitle(msgTitleL71)}
	if f == nil {
		return r.notImplemented("RMSE")
	}
	train, test, _ := RatingsSplit(seed)
	checkRMSE(&r, f, baseline(train), test, train)
	return r
}

func checkRMSE(r *Report, f RMSEFunc, p mf.Predictor, test, train *mf.Ratings) {
	for _, set := range []struct {
		name msg
		r    *mf.Ratings
	}{{msgTestSet, test}, {msgTrainingSet, train}} {
		var got float64
		if !call(r, "RMSE", func() { got = f(p, set.r) }) {
			return
		}
		want, mae := mf.Evaluate(p, set.r)
		v := Scalar(tr(msgNameRMSE, tr(set.name)), got, want, &Tolerance{Abs: 1e-12, Rel: 1e-9})
		if !v.Passed() {
			close := func(x float64) bool { return math.Abs(got-x) <= 1e-9*math.Max(1, math.Abs(x)) }
			switch {
			case close(want * want):
				v.Hint = tr(msgHintRMSESqrt)
			case close(mae):
				v.Hint = tr(msgHintRMSEMAE)
			case close(want * math.Sqrt(float64(set.r.Len()))):
				v.Hint = tr(msgHintRMSEMean)
			default:
				v.Hint = tr(msgHintRMSE)
			}
		}
		r.Add(v)
	}
}

// CheckFit checks lab L7, task 2 on notebook 07's split: the model Fit
// trains on the training set must have a test RMSE below the floor plus
// FloorMargin.
func CheckFit(f FitFunc) Report {
	r := Report{Title: tr(msgTitleL72)}
	if f == nil {
		return r.notImplemented("Fit")
	}
	checkFit(&r, f, RatingsSeed)
	return r
}

// CheckFitOn checks lab L7, task 2 on the ratings and split of another
// seed, against that set's own floor.
func CheckFitOn(f FitFunc, seed uint64) Report {
	r := Report{Title: hiddenTitle(msgTitleL72)}
	if f == nil {
		return r.notImplemented("Fit")
	}
	checkFit(&r, f, seed)
	return r
}

func checkFit(r *Report, f FitFunc, seed uint64) {
	train, test, floor := RatingsSplit(seed)
	var p mf.Predictor
	var err error
	if !call(r, "Fit", func() { p, err = f(train) }) {
		return
	}
	if err != nil {
		r.Add(Verdict{Name: "Fit", Status: Fail, Diff: math.NaN(), Tol: math.NaN(),
			Message: tr(msgFitError, err), Hint: tr(msgHintFitError)})
		return
	}
	if p == nil {
		r.Add(notImplemented(Verdict{Name: "Fit", Diff: math.NaN(), Tol: math.NaN()}))
		return
	}
	users, items := train.Dims()
	var pu, pi int
	if !call(r, "Dims", func() { pu, pi = p.Dims() }) {
		return
	}
	if pu != users || pi != items {
		r.Add(Verdict{Name: tr(msgNameModelSize), Status: Fail, Diff: math.NaN(), Tol: math.NaN(),
			Message: tr(msgModelSize, pu, pi, users, items), Hint: tr(msgHintModelSize)})
		return
	}
	var rmse float64
	if !call(r, "Predict", func() { rmse, _ = mf.Evaluate(p, test) }) {
		return
	}
	target := floor + FloorMargin
	v := Verdict{Name: tr(msgNameTestRMSE, floor), Expected: "< " + num(target), Actual: num(rmse),
		Diff: rmse - floor, Tol: FloorMargin}
	if rmse < target { // false for NaN
		v.Status = Pass
		v.Message = tr(msgTestRMSEPass, rmse, rmse-floor)
		r.Add(v)
		return
	}
	v.Status = Fail
	v.Message = tr(msgTestRMSEFail, rmse, target)
	base, _ := mf.Evaluate(baseline(train), test)
	switch {
	case math.IsNaN(rmse) || math.IsInf(rmse, 0):
		v.Hint = tr(msgHintNaN)
	case rmse > base+0.01:
		v.Hint = tr(msgHintFitWorse, base)
	case rmse > base-0.01:
		v.Hint = tr(msgHintFitBaseline, base)
	default:
		v.Hint = tr(msgHintFitTune)
	}
	r.Add(v)
}

// EnergyFunc is the student's function of lab L8, task 1: the share of
// ‖A‖²_F that the best rank-k approximation keeps, Σ_{i≤k} σᵢ² / Σᵢ σᵢ², for
// the singular values σ (descending) of A.
type EnergyFunc func(sigma []float64, k int) float64

// SmallestRankFunc is the student's function of lab L8, task 2: the
// smallest rank k whose approximation keeps at least the given share of
// ‖A‖²_F.
type SmallestRankFunc func(sigma []float64, share float64) int

// energySVD is the reference SVD of an L8 check: decomp's values and its
// Eckart–Young truncation errors.
func energySVD(a mat.Matrix) *decomp.SVD {
	var s decomp.SVD
	if err := s.Factorize(a, mat.SVDNone); err != nil {
		panic(fmt.Errorf("%w: SVD: %w", ErrReference, err))
	}
	return &s
}

// energyKept is the reference share of ‖A‖²_F kept by rank k:
// 1 − ‖A − A_k‖²_F / ‖A‖²_F by Eckart–Young.
func energyKept(s *decomp.SVD, k int) float64 {
	total, _, err := s.TruncationError(0)
	if err != nil {
		panic(fmt.Errorf("%w: ‖A‖²_F: %w", ErrReference, err))
	}
	lost, _, err := s.TruncationError(k)
	if err != nil {
		panic(fmt.Errorf("%w: rank %d: %w", ErrReference, k, err))
	}
	return 1 - lost/total
}

// smallestRank is the reference answer of L8, task 2.
func smallestRank(s *decomp.SVD, share float64) int {
	n := len(s.Values(nil))
	for k := 1; k < n; k++ {
		if energyKept(s, k) >= share {
			return k
		}
	}
	return n
}

// CameraSingularValues returns the singular values of notebook 08's
// 512×512 "camera" photograph (grey levels 0…255), in descending order.
func CameraSingularValues() []float64 {
	return energySVD(camera()).Values(nil)
}

func camera() *mat.Dense {
	a, err := data.Camera()
	if err != nil {
		panic(fmt.Errorf("%w: camera: %w", ErrReference, err))
	}
	return a
}

// CheckEnergy checks lab L8, task 1 on the camera photograph (k = 1, 3, 20,
// 100, 512) and on L4's 3×2 matrix (k = 1), against decomp's Eckart–Young
// truncation error.
func CheckEnergy(f EnergyFunc) Report {
	r := Report{Title: tr(msgTitleL81)}
	if f == nil {
		return r.notImplemented("EnergyKept")
	}
	if checkEnergy(&r, f, energySVD(camera()), tr(msgCamera), 1, 3, 20, 100, 512) {
		a := SVDMatrix()
		checkEnergy(&r, f, energySVD(a), matString(a), 1)
	}
	return r
}

// CheckEnergyOn checks lab L8, task 1 on the matrix a for the ranks ks
// (0 ≤ k ≤ min(m, n)).
func CheckEnergyOn(f EnergyFunc, a *mat.Dense, ks ...int) Report {
	r := Report{Title: hiddenTitle(msgTitleL81)}
	if f == nil {
		return r.notImplemented("EnergyKept")
	}
	checkEnergy(&r, f, energySVD(a), matString(a), ks...)
	return r
}

// checkEnergy adds a verdict per rank and reports whether the student's
// code ran every time.
func checkEnergy(r *Report, f EnergyFunc, s *decomp.SVD, name string, ks ...int) bool {
	sigma := s.Values(nil)
	for _, k := range ks {
		var got float64
		if !call(r, "EnergyKept", func() { got = f(append([]float64(nil), sigma...), k) }) {
			return false
		}
		want := energyKept(s, k)
		v := Scalar(tr(msgNameEnergy, k, name), got, want, &Tolerance{Abs: 1e-12, Rel: 1e-9})
		if !v.Passed() {
			close := func(x float64) bool { return math.Abs(got-x) <= 1e-9 }
			var kept, all float64
			for i, x := range sigma {
				if i < k {
					kept += x
				}
				all += x
			}
			switch {
			case close(kept / all):
				v.Hint = tr(msgHintEnergySquares)
			case close(1 - want):
				v.Hint = tr(msgHintEnergyLost)
			case k > 0 && close(energyKept(s, k-1)), k < len(sigma) && close(energyKept(s, k+1)):
				v.Hint = tr(msgHintEnergyIndex)
			default:
				v.Hint = tr(msgHintEnergy)
			}
		}
		r.Add(v)
	}
	return true
}

// CheckSmallestRank checks lab L8, task 2 on the camera photograph for the
// shares 50 %, 95 %, 99 % and 99.9 % of ‖A‖²_F.
func CheckSmallestRank(f SmallestRankFunc) Report {
	r := Report{Title: tr(msgTitleL82)}
	if f == nil {
		return r.notImplemented("SmallestRank")
	}
	checkSmallestRank(&r, f, energySVD(camera()), tr(msgCamera), 0.5, 0.95, 0.99, 0.999)
	return r
}

// CheckSmallestRankOn checks lab L8, task 2 on the matrix a for the given
// shares (0 < share < 1).
func CheckSmallestRankOn(f SmallestRankFunc, a *mat.Dense, shares ...float64) Report {
	r := Report{Title: hiddenTitle(msgTitleL82)}
	if f == nil {
		return r.notImplemented("SmallestRank")
	}
	checkSmallestRank(&r, f, energySVD(a), matString(a), shares...)
	return r
}

func checkSmallestRank(r *Report, f SmallestRankFunc, s *decomp.SVD, name string, shares ...float64) {
	sigma := s.Values(nil)
	for _, share := range shares {
		var got int
		if !call(r, "SmallestRank", func() { got = f(append([]float64(nil), sigma...), share) }) {
			return
		}
		want := smallestRank(s, share)
		v := Scalar(tr(msgNameSmallestRank, 100*share, name), float64(got), float64(want), &Tolerance{})
		if v.Passed() {
			v.Message = tr(msgSmallestRankPass, got, 100*energyKept(s, got))
		} else {
			switch {
			case got == want-1 || got == want+1:
				v.Hint = tr(msgHintSmallestRankIndex)
			case got > want:
				v.Hint = tr(msgHintSmallestRankFirst)
			default:
				v.Hint = tr(msgHintSmallestRank)
			}
		}
		r.Add(v)
	}
}
