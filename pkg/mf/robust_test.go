package mf_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/factorlab/factorlab/pkg/mf"
	"gonum.org/v1/gonum/mat"
)

// panicsWith reports whether f panics with a value that errors.Is target.
func panicsWith(f func(), target error) (ok bool, got any) {
	defer func() {
		got = recover()
		err, isErr := got.(error)
		ok = isErr && errors.Is(err, target)
	}()
	f()
	return false, nil
}

// noPanic calls f and reports a raw panic as a test failure.
func noPanic(t *testing.T, name string, f func() error) (err error) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s panicked: %v", name, r)
		}
	}()
	return f()
}

func TestSyntheticNonFiniteSettings(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 1))
	for _, s := range []mf.SyntheticSettings{
		{Noise: math.NaN()}, {BiasStd: math.NaN()}, {SignalStd: math.NaN()},
		{Noise: math.Inf(1)}, {BiasStd: math.Inf(1)}, {SignalStd: math.Inf(1)}, {Mean: math.Inf(-1)},
	} {
		s.Users, s.Items = 5, 6
		if ok, got := panicsWith(func() { mf.Synthetic(&s, rnd) }, mf.ErrSettings); !ok {
			t.Errorf("Synthetic(%+v) panicked with %v, want ErrSettings", s, got)
		}
	}
}

func smallRatings(t *testing.T) *mf.Ratings {
	t.Helper()
	r, err := mf.Synthetic(&mf.SyntheticSettings{Users: 20, Items: 15, Missing: 0.5}, rand.New(rand.NewPCG(2, 2)))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestBaselineNonFinitePenalty(t *testing.T) {
	r := smallRatings(t)
	for _, s := range []mf.BaselineSettings{{ItemLambda: math.NaN()}, {UserLambda: math.NaN()}, {ItemLambda: math.Inf(1)}} {
		var b mf.Baseline
		if ok, got := panicsWith(func() { b.Fit(r, &s) }, mf.ErrSettings); !ok {
			t.Errorf("Fit(%+v) panicked with %v, want ErrSettings", s, got)
		}
	}
}

func TestBiasedNonFiniteSettings(t *testing.T) {
	r := smallRatings(t)
	rnd := rand.New(rand.NewPCG(1, 1))
	for _, s := range []mf.BiasedSettings{{LearningRate: math.Inf(1)}, {Lambda: math.Inf(1)}, {InitStd: math.Inf(1)}} {
		var b mf.Biased
		if ok, got := panicsWith(func() { b.TrainSGD(r, &s, rnd) }, mf.ErrSettings); !ok {
			t.Errorf("TrainSGD(%+v) panicked with %v, want ErrSettings", s, got)
		}
	}
}

// NMF answers correctly at every scale where its objective is representable
// and says the input is out of range elsewhere.
func TestNMFScale(t *testing.T) {
	base := mat.NewDense(3, 3, []float64{1, 2, 3, 2, 4, 6, 3, 6, 9.5})
	var ref mf.NMF
	if err := ref.Factorize(base, 1, nil, rand.New(rand.NewPCG(4, 4))); err != nil {
		t.Fatal(err)
	}
	for _, sc := range []float64{1e-100, 1e-30, 1e30, 1e100} {
		var a mat.Dense
		a.Scale(sc, base)
		var f mf.NMF
		if err := f.Factorize(&a, 1, nil, rand.New(rand.NewPCG(4, 4))); err != nil {
			t.Errorf("scale %g: %v", sc, err)
			continue
		}
		var wh mat.Dense
		f.ReconstructTo(&wh)
		wh.Scale(1/sc, &wh)
		var refWH mat.Dense
		ref.ReconstructTo(&refWH)
		// The runs differ only in A's mantissa scaling against Epsilon = 2⁻²³.
		if !mat.EqualApprox(&wh, &refWH, 1e-5) {
			t.Errorf("scale %g: WH/scale = %v, want %v", sc, mat.Formatted(&wh), mat.Formatted(&refWH))
		}
		norm2 := mat.Norm(base, 2) * mat.Norm(base, 2)
		if want := ref.Loss() * sc * sc; math.Abs(f.Loss()-want) > 1e-8*norm2*sc*sc {
			t.Errorf("scale %g: loss %g, want %g", sc, f.Loss(), want)
		}
	}
	for _, sc := range []float64{1e-300, 1e300} {
		var a mat.Dense
		a.Scale(sc, base)
		var f mf.NMF
		err := f.Factorize(&a, 1, nil, rand.New(rand.NewPCG(4, 4)))
		if !errors.Is(err, mf.ErrData) || !strings.Contains(err.Error(), "range") {
			t.Errorf("scale %g: %v, want an out-of-range ErrData", sc, err)
		}
	}
}

func TestOptimalLossNoOverflow(t *testing.T) {
	a := mat.NewDense(3, 3, []float64{2e154, 0, 0, 0, 1.5e154, 0, 0, 0, 1.2e154})
	got, err := mf.OptimalLoss(a, 1, mf.Mean)
	if want := (2.25e308 + 1.44e308) / 9; err != nil || math.Abs(got-want) > 1e-12*want {
		t.Errorf("OptimalLoss(Mean) = %g, %v; want %g", got, err, want)
	}
	if got, err := mf.OptimalLoss(a, 1, mf.Sum); !errors.Is(err, mf.ErrData) || !strings.Contains(err.Error(), "range") {
		t.Errorf("OptimalLoss(Sum) = %g, %v; want an out-of-range error", got, err)
	}
}

// Scale problems are reported as such, not blamed on the learning rate or
// the penalty.
func TestScaleMessages(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 1))
	a := mat.NewDense(2, 2, []float64{1e300, 2e300, 3e300, 4e300})
	var f mf.Dense
	err := f.Factorize(a, 1, nil, rnd)
	if !errors.Is(err, mf.ErrData) || strings.Contains(err.Error(), "learning rate") {
		t.Errorf("Dense on 1e300 data: %v, want an out-of-range ErrData", err)
	}
	rs, err := mf.NewRatings(2, 2, []mf.Rating{{0, 0, 1e300}, {0, 1, -1e300}, {1, 0, 3e299}, {1, 1, 1}})
	if err != nil {
		t.Fatal(err)
	}
	var b mf.Biased
	for name, train := range map[string]func() error{
		"SGD": func() error { return b.TrainSGD(rs, &mf.BiasedSettings{Factors: 1}, rnd) },
		"ALS": func() error { return b.TrainALS(rs, &mf.BiasedSettings{Factors: 1, Workers: 1}, rnd) },
	} {
		err := train()
		if !errors.Is(err, mf.ErrData) || strings.Contains(err.Error(), "learning rate") || strings.Contains(err.Error(), "Lambda") {
			t.Errorf("%s on 1e300 ratings: %v, want an out-of-range ErrData", name, err)
		}
	}
}

func TestNilInputs(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 1))
	for _, a := range []mat.Matrix{nil, (*mat.Dense)(nil)} {
		calls := map[string]func() error{
			"Dense": func() error { var f mf.Dense; return f.Factorize(a, 1, nil, rnd) },
			"NMF":   func() error { var f mf.NMF; return f.Factorize(a, 1, nil, rnd) },
			"OptimalLoss": func() error {
				_, err := mf.OptimalLoss(a, 1, mf.Mean)
				return err
			},
			"OptimalLosses": func() error {
				_, err := mf.OptimalLosses(a, mf.Mean)
				return err
			},
		}
		for name, call := range calls {
			if err := noPanic(t, name, call); !errors.Is(err, mf.ErrData) {
				t.Errorf("%s(%T nil) = %v, want ErrData", name, a, err)
			}
		}
	}
	// A typed-nil mask means no mask.
	var f mf.Dense
	a := mat.NewDense(2, 2, []float64{1, 2, 3, 4})
	if err := noPanic(t, "Dense mask", func() error {
		return f.Factorize(a, 1, &mf.DenseSettings{Mask: (*mat.Dense)(nil), Iterations: 10}, rnd)
	}); err != nil {
		t.Errorf("typed-nil mask: %v", err)
	}
	r := smallRatings(t)
	var b mf.Biased
	var base mf.Baseline
	for name, call := range map[string]func(){
		"TrainSGD":       func() { b.TrainSGD(nil, nil, rnd) },
		"TrainALS":       func() { b.TrainALS(nil, nil, rnd) },
		"Fit":            func() { base.Fit(nil, nil) },
		"Evaluate":       func() { base.Fit(r, nil); mf.Evaluate(&base, nil) },
		"EvaluateNilP":   func() { mf.Evaluate(nil, r) },
		"ReadUData":      func() { mf.ReadUData(nil) },
		"ReadRatingsCSV": func() { mf.ReadRatingsCSV(nil) },
	} {
		if ok, got := panicsWith(call, mf.ErrNil); !ok {
			t.Errorf("%s(nil) panicked with %v, want ErrNil", name, got)
		}
	}
}

func TestReadUDataNegativeTimestamp(t *testing.T) {
	_, err := mf.ReadUData(strings.NewReader("1\t2\t3\t881250949\n1\t3\t4\t-5\n"))
	var pe *mf.ParseError
	if !errors.As(err, &pe) || pe.Line != 2 || !strings.Contains(pe.Reason, "timestamp") {
		t.Errorf("negative timestamp: %v", err)
	}
}

func TestReadLongLine(t *testing.T) {
	long := strings.Repeat("9", 2<<20)
	if _, err := mf.ReadUData(strings.NewReader("1\t2\t3\t881250949\n" + long + "\n")); !isParseError(err, 2) {
		t.Errorf("u.data with a 2 MB line 2: %v", err)
	}
	in := "userId,movieId,rating,timestamp\n1,2,3,881250949\n" + long + "\n"
	if _, err := mf.ReadRatingsCSV(strings.NewReader(in)); !isParseError(err, 3) {
		t.Errorf("ratings.csv with a 2 MB line 3: %v", err)
	}
}

// isParseError reports whether err is a *ParseError for line, wrapping ErrData.
func isParseError(err error, line int) bool {
	var pe *mf.ParseError
	return errors.Is(err, mf.ErrData) && errors.As(err, &pe) && pe.Line == line
}

func TestNewRatingsHugeItemCount(t *testing.T) {
	// With a key of user·items + item, (2, 7) would collide with (0, 5).
	rs := []mf.Rating{{User: 0, Item: 5, Value: 1}, {User: 2, Item: 7, Value: 2}}
	r, err := mf.NewRatings(3, math.MaxInt, rs)
	if err != nil || r.Len() != 2 {
		t.Errorf("NewRatings with MaxInt items: %v", err)
	}
}

// A penalty that makes training diverge is named in the error, not only the
// learning rate.
func TestDivergenceNamesPenalty(t *testing.T) {
	a := mat.NewDense(2, 2, []float64{1, 2, 3, 4})
	var f mf.Dense
	err := f.Factorize(a, 1, &mf.DenseSettings{Optimizer: mf.GradientDescent, LearningRate: 0.1, Lambda: 1e200, Iterations: 50},
		rand.New(rand.NewPCG(1, 1)))
	if !errors.Is(err, mf.ErrDiverged) || !strings.Contains(err.Error(), "λ") {
		t.Errorf("huge penalty: %v, want ErrDiverged naming λ", err)
	}
}

func TestRecommendNilInputs(t *testing.T) {
	r := smallRatings(t)
	var base mf.Baseline
	base.Fit(r, nil)
	for name, call := range map[string]func(){
		"TopN nil predictor":      func() { mf.TopN(nil, r, 0, 3) },
		"TopN nil seen":           func() { mf.TopN(&base, nil, 0, 3) },
		"MatrixPredictor nil M":   func() { mf.Evaluate(mf.MatrixPredictor{}, r) },
		"TopN typed-nil M":        func() { mf.TopN(mf.MatrixPredictor{M: (*mat.Dense)(nil)}, r, 0, 3) },
		"Evaluate nil *Baseline":  func() { mf.Evaluate((*mf.Baseline)(nil), r) },
		"TopN nil *Biased":        func() { mf.TopN((*mf.Biased)(nil), r, 0, 1) },
		"Track then nil *Ratings": func() { var c mf.RMSECurve; c.Track(&mf.Biased{}, nil, nil, nil)(1, 0) },
	} {
		if ok, got := panicsWith(call, mf.ErrNil); !ok {
			t.Errorf("%s: panicked with %v, want ErrNil", name, got)
		}
	}
}
