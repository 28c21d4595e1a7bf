package mf_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/factorlab/factorlab/pkg/mf"
	"gonum.org/v1/gonum/mat"
)

// smallSynthetic is a quick MovieLens-like problem for tests.
func smallSynthetic(t testing.TB) (train, test *mf.Ratings, noise float64) {
	noise = 0.3
	all, err := mf.Synthetic(&mf.SyntheticSettings{Users: 150, Items: 120, Rank: 2, Missing: 0.6, Noise: noise}, newRand(5))
	if err != nil {
		t.Fatal(err)
	}
	train, test, err = all.Split(0.1, newRand(6))
	if err != nil {
		t.Fatal(err)
	}
	return train, test, noise
}

func TestBiasedBeatsBaseline(t *testing.T) {
	train, test, noise := smallSynthetic(t)
	var base mf.Baseline
	base.Fit(train, nil)
	baseRMSE, _ := mf.Evaluate(&base, test)
	lo, hi := train.Range()
	for _, tc := range []struct {
		name  string
		train func(b *mf.Biased, seed uint64) error
	}{
		{"SGD", func(b *mf.Biased, seed uint64) error {
			return b.TrainSGD(train, &mf.BiasedSettings{Factors: 10, LearningRate: 0.02, Lambda: 0.05}, newRand(seed))
		}},
		{"ALS", func(b *mf.Biased, seed uint64) error {
			return b.TrainALS(train, &mf.BiasedSettings{Factors: 10, Lambda: 0.05}, newRand(seed))
		}},
		{"SGD ARD", func(b *mf.Biased, seed uint64) error {
			return b.TrainSGD(train, &mf.BiasedSettings{Factors: 10, LearningRate: 0.02, ARD: true}, newRand(seed))
		}},
		{"ALS ARD", func(b *mf.Biased, seed uint64) error {
			return b.TrainALS(train, &mf.BiasedSettings{Factors: 10, ARD: true}, newRand(seed))
		}},
	} {
		var b, b2 mf.Biased
		if err := tc.train(&b, 7); err != nil {
			t.Fatal(err)
		}
		rmse, mae := mf.Evaluate(&b, test)
		if rmse >= baseRMSE || rmse > 1.25*noise || mae > rmse {
			t.Errorf("%s: test RMSE %v MAE %v; baseline %v, noise floor %v", tc.name, rmse, mae, baseRMSE, noise)
		}
		losses := b.Losses()
		if losses[len(losses)-1] >= losses[0] {
			t.Errorf("%s: training RMSE did not fall: %v", tc.name, losses)
		}
		for u := 0; u < 150; u += 7 {
			for i := 0; i < 120; i += 5 {
				if p := b.Predict(u, i); p < lo || p > hi {
					t.Fatalf("%s: prediction %v outside the rating range [%v, %v]", tc.name, p, lo, hi)
				}
			}
		}
		if err := tc.train(&b2, 7); err != nil {
			t.Fatal(err)
		}
		_, _, _ = b2.Biases()
		var f1, f2 mat.Dense
		b.UserFactorsTo(&f1)
		b2.UserFactorsTo(&f2)
		if !equalBits(f1.RawMatrix().Data, f2.RawMatrix().Data) {
			t.Errorf("%s: same seed gave different factors", tc.name)
		}
	}
}

func equalBits(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

func TestBiasedDivergence(t *testing.T) {
	train, _, _ := smallSynthetic(t)
	var b mf.Biased
	err := b.TrainSGD(train, &mf.BiasedSettings{Factors: 5, LearningRate: 3}, newRand(1))
	if !errors.Is(err, mf.ErrDiverged) || !strings.Contains(err.Error(), "epoch") || !strings.Contains(err.Error(), "smaller learning rate") {
		t.Fatalf("error %v, want ErrDiverged naming the epoch and suggesting a smaller learning rate", err)
	}
	defer func() {
		if r := recover(); r != mf.ErrNotFactorized {
			t.Errorf("Predict after divergence: recovered %v, want ErrNotFactorized", r)
		}
	}()
	b.Predict(0, 0)
}

func TestBiasedPanics(t *testing.T) {
	train, _, _ := smallSynthetic(t)
	for _, tc := range []struct {
		name string
		want error
		fn   func()
	}{
		{"nil rand", mf.ErrNilRand, func() { new(mf.Biased).TrainSGD(train, nil, nil) }},
		{"decay 1", mf.ErrSettings, func() { new(mf.Biased).TrainSGD(train, &mf.BiasedSettings{Decay: 1}, newRand(1)) }},
		{"negative λ", mf.ErrSettings, func() { new(mf.Biased).TrainALS(train, &mf.BiasedSettings{Lambda: -1}, newRand(1)) }},
		{"untrained", mf.ErrNotFactorized, func() { new(mf.Biased).Predict(0, 0) }},
		{"id range", mf.ErrShape, func() {
			var b mf.Biased
			_ = b.TrainSGD(train, &mf.BiasedSettings{Factors: 2, Epochs: 1}, newRand(1))
			b.Predict(150, 0)
		}},
	} {
		func() {
			defer func() {
				if r := recover(); r != tc.want {
					t.Errorf("%s: recovered %v, want %v", tc.name, r, tc.want)
				}
			}()
			tc.fn()
		}()
	}
}

// TestSGDDecayAndBiasLambda checks that the learning-rate decay and the
// separate bias penalty are used: each changes the result, and training
// still beats the baseline.
func TestSGDDecayAndBiasLambda(t *testing.T) {
	train, test, _ := smallSynthetic(t)
	var base mf.Baseline
	base.Fit(train, nil)
	baseRMSE, _ := mf.Evaluate(&base, test)
	var ref []float64
	for _, s := range []mf.BiasedSettings{
		{Factors: 10, LearningRate: 0.02, Lambda: 0.05},
		{Factors: 10, LearningRate: 0.02, Lambda: 0.05, Decay: 0.1},
		{Factors: 10, LearningRate: 0.02, Lambda: 0.05, BiasLambda: 0.01},
		{Factors: 10, LearningRate: 0.02, Lambda: 0.05, ARD: true},
	} {
		var b mf.Biased
		if err := b.TrainSGD(train, &s, newRand(7)); err != nil {
			t.Fatal(err)
		}
		if rmse, _ := mf.Evaluate(&b, test); rmse >= baseRMSE {
			t.Errorf("%+v: test RMSE %v not below the baseline %v", s, rmse, baseRMSE)
		}
		losses := b.Losses()
		if ref != nil && equalBits(ref, losses) {
			t.Errorf("%+v: same training curve as the plain settings", s)
		}
		ref = losses
	}
}

func ExampleBiased_TrainSGD() {
	all, _ := mf.Synthetic(&mf.SyntheticSettings{Users: 150, Items: 120, Missing: 0.6, Noise: 0.3}, newRand(5))
	train, test, _ := all.Split(0.1, newRand(6))
	var base mf.Baseline
	base.Fit(train, nil)
	var model mf.Biased
	if err := model.TrainSGD(train, &mf.BiasedSettings{Factors: 10, LearningRate: 0.02, Lambda: 0.05}, newRand(7)); err != nil {
		fmt.Println(err)
		return
	}
	baseRMSE, _ := mf.Evaluate(&base, test)
	rmse, _ := mf.Evaluate(&model, test)
	fmt.Printf("baseline test RMSE %.2f, biased MF %.2f, noise floor 0.30\n", baseRMSE, rmse)
	// Output:
	// baseline test RMSE 0.84, biased MF 0.34, noise floor 0.30
}

func ExampleBiased_TrainALS() {
	all, _ := mf.Synthetic(&mf.SyntheticSettings{Users: 150, Items: 120, Missing: 0.6, Noise: 0.3}, newRand(5))
	train, test, _ := all.Split(0.1, newRand(6))
	var model mf.Biased
	if err := model.TrainALS(train, &mf.BiasedSettings{Factors: 10, Lambda: 0.05}, newRand(7)); err != nil {
		fmt.Println(err)
		return
	}
	rmse, mae := mf.Evaluate(&model, test)
	fmt.Printf("test RMSE %.2f, MAE %.2f\n", rmse, mae)
	// Output:
	// test RMSE 0.34, MAE 0.28
}

// TestARDBeatsPlainPenalty: with many more factors than the true rank, ARD's
// per-factor penalties fit the held-out ratings better than one L2 penalty
// for all factors, by SGD and by ALS.
func TestARDBeatsPlainPenalty(t *testing.T) {
	all, err := mf.Synthetic(&mf.SyntheticSettings{Users: 200, Items: 300, Missing: 0.85, Noise: 0.5}, newRand(11))
	if err != nil {
		t.Fatal(err)
	}
	train, test, _ := all.Split(0.1, newRand(12))
	for _, tc := range []struct {
		name       string
		plain, ard mf.BiasedSettings
		als        bool
	}{
		{"SGD", mf.BiasedSettings{Factors: 30, LearningRate: 0.03, Lambda: 0.1},
			mf.BiasedSettings{Factors: 30, LearningRate: 0.03, ARD: true}, false},
		{"ALS", mf.BiasedSettings{Factors: 30}, mf.BiasedSettings{Factors: 30, ARD: true}, true},
	} {
		rmse := func(s *mf.BiasedSettings) float64 {
			var b mf.Biased
			err := b.TrainSGD(train, s, newRand(13))
			if tc.als {
				err = b.TrainALS(train, s, newRand(13))
			}
			if err != nil {
				t.Fatal(err)
			}
			r, _ := mf.Evaluate(&b, test)
			return r
		}
		plain, ard := rmse(&tc.plain), rmse(&tc.ard)
		t.Logf("%s: test RMSE %.4f plain, %.4f ARD (noise floor 0.5)", tc.name, plain, ard)
		if ard >= plain {
			t.Errorf("%s: ARD test RMSE %v not below the plain penalty's %v", tc.name, ard, plain)
		}
	}
}

// ExampleBiased_TrainSGD_ard fits 30 factors to ratings of true rank 2: one
// L2 penalty for all factors lets the unused ones fit noise, ARD's
// per-factor penalties silence them.
func ExampleBiased_TrainSGD_ard() {
	all, _ := mf.Synthetic(&mf.SyntheticSettings{Users: 200, Items: 300, Missing: 0.85, Noise: 0.5}, newRand(11))
	train, test, _ := all.Split(0.1, newRand(12))
	for _, s := range []mf.BiasedSettings{
		{Factors: 30, LearningRate: 0.03, Lambda: 0.1},
		{Factors: 30, LearningRate: 0.03, ARD: true}, // Lambda: DefaultARDLambda
	} {
		var model mf.Biased
		if err := model.TrainSGD(train, &s, newRand(13)); err != nil {
			fmt.Println(err)
			return
		}
		rmse, _ := mf.Evaluate(&model, test)
		fmt.Printf("ARD %-5v test RMSE %.2f (noise floor 0.50)\n", s.ARD, rmse)
	}
	// Output:
	// ARD false test RMSE 0.61 (noise floor 0.50)
	// ARD true  test RMSE 0.57 (noise floor 0.50)
}
