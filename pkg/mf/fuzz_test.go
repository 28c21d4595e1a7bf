package mf_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/factorlab/factorlab/internal/fuzzinput"
	"github.com/factorlab/factorlab/pkg/mf"
	"gonum.org/v1/gonum/mat"
)

// The FuzzRobust targets cover every exported function of the package that
// takes a user matrix, ratings or settings (the loaders have FuzzReadUData
// and FuzzReadRatingsCSV). Each takes a matrix (rows, cols, data, scaled by
// 2^exp; see internal/fuzzinput), an integer opt and a float x that select
// settings. Property: no raw runtime panic (only the documented ErrSettings
// for out-of-range settings), no NaN or Inf in a result returned without an
// error, and every call returns; iteration counts are bounded by the target.

var seedMatrices = []fuzzinput.Seed{
	{Rows: 4, Cols: 2, Values: []float64{5, 3, 3, 2, 2, 1, 1, 1}},
	{Rows: 3, Cols: 3, Values: []float64{1, 2, 3, 2, 4, 6, 3, 6, 9.5}},
	{Rows: 2, Cols: 2, Values: []float64{0, -1, 1, 0}},
	{Rows: 3, Cols: 2, Values: nil},
	{Rows: 1, Cols: 1, Values: []float64{7}},
	{Rows: 2, Cols: 2, Values: []float64{1, math.NaN(), 0, 1}},
	{Rows: 2, Cols: 3, Values: []float64{1, 2, math.Inf(1), 0, 1, 2}},
	{Rows: 0, Cols: 0, Values: nil},
}

func addSeeds(f *testing.F) {
	fuzzinput.AddSeeds(f, seedMatrices, fuzzinput.Setting{K: -1, X: math.NaN()}, fuzzinput.Setting{K: 41, X: 0.01}, fuzzinput.Setting{K: 3, X: 1e300})
}

var misuse = []error{mf.ErrSettings}

func FuzzRobustDense(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, rows, cols uint8, data []byte, exp, opt int16, x float64) {
		a := fuzzinput.Matrix(rows, cols, data, exp)
		set := &mf.DenseSettings{
			Optimizer:  mf.Optimizer(opt % 3),
			Precision:  mf.Precision((opt / 3) % 3),
			Iterations: int(opt % 40),
			Lambda:     x,
		}
		if opt%7 == 0 {
			set.LearningRate, set.Lambda = x, 0
		}
		if r, c := a.Dims(); opt%5 == 0 && r > 0 {
			set.Mask = fuzzinput.Matrix(uint8(r), uint8(c), data[len(data)/2:], 0)
		}
		k := int(opt%4) + int(exp%2)
		var fac mf.Dense
		var err error
		var w, h *mat.Dense
		var loss float64
		var losses []float64
		if !fuzzinput.Call(t, "Dense.Factorize", misuse, func() {
			if err = fac.Factorize(a, k, set, rand.New(rand.NewPCG(1, 1))); err == nil {
				w, h, loss, losses = new(mat.Dense), new(mat.Dense), fac.Loss(), fac.Losses()
				fac.WTo(w)
				fac.HTo(h)
			}
		}) || err != nil {
			return
		}
		fuzzinput.FiniteMatrix(t, "W", w)
		fuzzinput.FiniteMatrix(t, "H", h)
		fuzzinput.Finite(t, "loss", loss)
		fuzzinput.Finite(t, "losses", losses...)
	})
}

func FuzzRobustNMF(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, rows, cols uint8, data []byte, exp, opt int16, x float64) {
		a := fuzzinput.Matrix(rows, cols, data, exp)
		set := &mf.NMFSettings{
			Objective:  mf.NMFObjective(opt % 3),
			Iterations: int(opt % 40),
			Tolerance:  x,
		}
		if opt%5 == 0 {
			set.Epsilon, set.Tolerance = x, 0
		}
		k := int(opt%4) + int(exp%2)
		var fac mf.NMF
		var err error
		var w, h *mat.Dense
		var loss float64
		var losses []float64
		if !fuzzinput.Call(t, "NMF.Factorize", misuse, func() {
			if err = fac.Factorize(a, k, set, rand.New(rand.NewPCG(1, 1))); err == nil {
				w, h, loss, losses = new(mat.Dense), new(mat.Dense), fac.Loss(), fac.Losses()
				fac.WTo(w)
				fac.HTo(h)
			}
		}) || err != nil {
			return
		}
		fuzzinput.FiniteMatrix(t, "W", w)
		fuzzinput.FiniteMatrix(t, "H", h)
		fuzzinput.Finite(t, "loss", loss)
		fuzzinput.Finite(t, "losses", losses...)
		if mat.Min(w) < 0 || mat.Min(h) < 0 {
			t.Fatalf("negative NMF factor")
		}
	})
}

func FuzzRobustOptimalLoss(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, rows, cols uint8, data []byte, exp, opt int16, x float64) {
		a := fuzzinput.Matrix(rows, cols, data, exp)
		red := mf.Reduction(opt % 3)
		var loss float64
		var losses []float64
		var err1, err2 error
		if !fuzzinput.Call(t, "OptimalLoss", misuse, func() {
			loss, err1 = mf.OptimalLoss(a, int(opt%5), red)
			losses, err2 = mf.OptimalLosses(a, red)
		}) {
			return
		}
		if err1 == nil {
			fuzzinput.Finite(t, "OptimalLoss", loss)
		}
		if err2 == nil {
			fuzzinput.Finite(t, "OptimalLosses", losses...)
		}
	})
}

// FuzzRobustRatings builds ratings from the matrix (users = rows, items =
// cols, one rating per finite non-zero element, plus a duplicate or an
// out-of-range id when opt asks) and runs every model on them.
func FuzzRobustRatings(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, rows, cols uint8, data []byte, exp, opt int16, x float64) {
		a := fuzzinput.Matrix(rows, cols, data, exp)
		users, items := a.Dims()
		var rs []mf.Rating
		for u := 0; u < users; u++ {
			for i := 0; i < items; i++ {
				if v := a.At(u, i); v != 0 || opt%2 == 0 {
					rs = append(rs, mf.Rating{User: u, Item: i, Value: v})
				}
			}
		}
		switch {
		case opt%11 == 0 && len(rs) > 0:
			rs = append(rs, rs[0])
		case opt%13 == 0:
			rs = append(rs, mf.Rating{User: users, Item: 0, Value: 1})
		}
		var r *mf.Ratings
		var err error
		if !fuzzinput.Call(t, "NewRatings", misuse, func() { r, err = mf.NewRatings(users, items, rs) }) || err != nil {
			return
		}
		// Errors of ratings spanning more than the largest float64 are not
		// representable: Evaluate then returns +Inf, as documented.
		lo, hi := r.Range()
		wide := hi/2-lo/2 > math.MaxFloat64/4
		bs := &mf.BaselineSettings{ItemLambda: x, UserLambda: float64(opt)}
		var base mf.Baseline
		var rmse, mae float64
		var top []mf.Scored
		var zero *mat.Dense
		if fuzzinput.Call(t, "Baseline.Fit", misuse, func() {
			base.Fit(r, bs)
			rmse, mae = mf.Evaluate(&base, r)
			top = mf.TopN(&base, r, 0, int(opt%5))
			r.OfUser(users - 1)
			zero = r.ZeroFilled()
		}) {
			if !wide {
				fuzzinput.Finite(t, "Baseline RMSE, MAE", rmse, mae)
			}
			for _, s := range top {
				fuzzinput.Finite(t, "TopN score", s.Score)
			}
			fuzzinput.FiniteMatrix(t, "ZeroFilled", zero)
		}
		set := &mf.BiasedSettings{Factors: int(opt % 4), Epochs: int(opt % 6), Lambda: math.Abs(x), Workers: 1, ARD: opt%3 == 0}
		if opt%5 == 0 {
			set.LearningRate, set.Lambda = x, 0
		}
		for _, method := range []string{"SGD", "ALS"} {
			var b mf.Biased
			var trainErr error
			var terms [4]float64
			if !fuzzinput.Call(t, "Biased."+method, misuse, func() {
				rnd := rand.New(rand.NewPCG(3, 3))
				if method == "SGD" {
					trainErr = b.TrainSGD(r, set, rnd)
				} else {
					trainErr = b.TrainALS(r, set, rnd)
				}
				if trainErr == nil {
					rmse, mae = mf.Evaluate(&b, r)
					terms[0], terms[1], terms[2], terms[3] = b.Terms(0, items-1)
				}
			}) || trainErr != nil {
				continue
			}
			if !wide {
				fuzzinput.Finite(t, method+" RMSE, MAE", rmse, mae)
			}
			fuzzinput.Finite(t, method+" terms", terms[:]...)
		}
		var train, test *mf.Ratings
		if fuzzinput.Call(t, "Split", misuse, func() {
			train, test, err = r.Split(math.Mod(math.Abs(x), 1.5), rand.New(rand.NewPCG(4, 4)))
		}) && err == nil && train.Len()+test.Len() != r.Len() {
			t.Fatalf("Split lost ratings")
		}
	})
}

func FuzzRobustSynthetic(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, rows, cols uint8, data []byte, exp, opt int16, x float64) {
		vs := fuzzinput.Values(data, 4, exp)
		set := &mf.SyntheticSettings{
			Users: int(rows%30) - 2, Items: int(cols%30) - 2, Rank: int(opt % 5),
			Missing: x, Mean: vs[0], Noise: vs[1], BiasStd: vs[2], SignalStd: vs[3],
		}
		if math.IsNaN(x) || x >= 1 {
			set.Missing = 0.5
		}
		var r *mf.Ratings
		var err error
		if !fuzzinput.Call(t, "Synthetic", misuse, func() { r, err = mf.Synthetic(set, rand.New(rand.NewPCG(5, 5))) }) || err != nil {
			return
		}
		for _, x := range r.All() {
			fuzzinput.Finite(t, "rating", x.Value)
		}
	})
}
