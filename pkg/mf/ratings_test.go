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

func TestNewRatingsErrors(t *testing.T) {
	ok := []mf.Rating{{0, 0, 1}, {1, 2, 3}}
	for _, tc := range []struct {
		name         string
		users, items int
		rs           []mf.Rating
		want         string
	}{
		{"no users", 0, 3, ok, "0 users"},
		{"empty", 2, 3, nil, "no ratings"},
		{"user range", 2, 3, []mf.Rating{{0, 0, 1}, {2, 0, 1}}, "rating 1: user 2 out of range"},
		{"item negative", 2, 3, []mf.Rating{{0, -1, 1}}, "item -1 out of range"},
		{"NaN", 2, 3, []mf.Rating{{0, 0, math.NaN()}}, "value is NaN"},
		{"Inf", 2, 3, []mf.Rating{{0, 0, math.Inf(1)}}, "value is +Inf"},
		{"duplicate", 2, 3, []mf.Rating{{0, 1, 1}, {1, 1, 2}, {0, 1, 4}}, "rating 2: duplicate (user 0, item 1), first rated by rating 0"},
	} {
		_, err := mf.NewRatings(tc.users, tc.items, tc.rs)
		if !errors.Is(err, mf.ErrData) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want ErrData containing %q", tc.name, err, tc.want)
		}
	}
	r, err := mf.NewRatings(2, 3, ok)
	if err != nil || r.Len() != 2 || r.At(1) != ok[1] || r.Mean() != 2 {
		t.Errorf("valid ratings: %v, %v", r, err)
	}
	if lo, hi := r.Range(); lo != 1 || hi != 3 {
		t.Errorf("Range = %v, %v", lo, hi)
	}
}

func TestSplit(t *testing.T) {
	all, err := mf.Synthetic(&mf.SyntheticSettings{Users: 30, Items: 20, Missing: 0.5}, newRand(1))
	if err != nil {
		t.Fatal(err)
	}
	train, test, err := all.Split(0.2, newRand(2))
	if err != nil {
		t.Fatal(err)
	}
	if test.Len() != 60 || train.Len() != 240 {
		t.Errorf("split %d/%d of %d, want 240/60", train.Len(), test.Len(), all.Len())
	}
	seen := map[[2]int]bool{}
	for _, r := range append(train.All(), test.All()...) {
		seen[[2]int{r.User, r.Item}] = true
	}
	if len(seen) != all.Len() {
		t.Errorf("train ∪ test has %d distinct pairs, want %d", len(seen), all.Len())
	}
	_, test2, _ := all.Split(0.2, newRand(2))
	for i := 0; i < test.Len(); i++ {
		if test.At(i) != test2.At(i) {
			t.Fatal("same seed gave a different split")
		}
	}
	tiny, _ := mf.NewRatings(1, 3, []mf.Rating{{0, 0, 1}, {0, 1, 2}, {0, 2, 3}})
	if _, _, err := tiny.Split(0.1, newRand(1)); !errors.Is(err, mf.ErrData) {
		t.Errorf("split leaving an empty test set: error %v, want ErrData", err)
	}
}

// constant predicts the same rating everywhere.
type constant struct {
	users, items int
	v            float64
}

func (c constant) Dims() (int, int)         { return c.users, c.items }
func (c constant) Predict(u, i int) float64 { return c.v }

func TestEvaluateHand(t *testing.T) {
	r, _ := mf.NewRatings(2, 2, []mf.Rating{{0, 0, 1}, {0, 1, 3}, {1, 0, 5}})
	// Errors 1, −1, −3: RMSE √(11/3), MAE 5/3 (by hand).
	rmse, mae := mf.Evaluate(constant{2, 2, 2}, r)
	if math.Abs(rmse-math.Sqrt(11.0/3)) > 1e-15 || math.Abs(mae-5.0/3) > 1e-15 {
		t.Errorf("Evaluate = %v, %v; want √(11/3), 5/3", rmse, mae)
	}
	defer func() {
		if rec := recover(); rec != mf.ErrShape {
			t.Errorf("Evaluate with mismatched dims: recovered %v, want ErrShape", rec)
		}
	}()
	mf.Evaluate(constant{3, 2, 2}, r)
}

// TestBaselineHand checks Koren's shrunk biases on a tiny set, by hand:
// μ = 3; item 0 has residuals −2, +2 so b₀ = 0/(25+2) = 0, item 1 has 0;
// user 0 has residuals −2, 0 so b = −2/12, user 1 has +2/11.
func TestBaselineHand(t *testing.T) {
	r, _ := mf.NewRatings(2, 2, []mf.Rating{{0, 0, 1}, {0, 1, 3}, {1, 0, 5}})
	var b mf.Baseline
	b.Fit(r, nil)
	for _, tc := range []struct {
		u, i int
		want float64
	}{{0, 0, 3 - 2.0/12}, {0, 1, 3 - 2.0/12}, {1, 0, 3 + 2.0/11}, {1, 1, 3 + 2.0/11}} {
		if got := b.Predict(tc.u, tc.i); math.Abs(got-tc.want) > 1e-15 {
			t.Errorf("Predict(%d, %d) = %v, want %v", tc.u, tc.i, got, tc.want)
		}
	}
	// Clipped to [3.1, 3.2].
	b.Fit(r, &mf.BaselineSettings{Min: 3.1, Max: 3.2})
	if got := b.Predict(0, 0); got != 3.1 {
		t.Errorf("clipped prediction %v, want 3.1", got)
	}
}

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

func TestSynthetic(t *testing.T) {
	if testing.Short() {
		t.Skip("MovieLens-sized")
	}
	r, err := mf.Synthetic(nil, newRand(1))
	if err != nil {
		t.Fatal(err)
	}
	if u, i := r.Dims(); u != 943 || i != 1682 || r.Len() != 100000 {
		t.Errorf("default synthetic set: %d×%d with %d ratings, want 943×1682 with 100000", u, i, r.Len())
	}
	if _, err := mf.NewRatings(943, 1682, r.All()); err != nil {
		t.Errorf("synthetic ratings are not a valid set: %v", err)
	}
	r2, _ := mf.Synthetic(nil, newRand(1))
	for i := 0; i < r.Len(); i += 997 {
		if r.At(i) != r2.At(i) {
			t.Fatal("same seed gave different synthetic ratings")
		}
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

func ExampleSynthetic() {
	r, _ := mf.Synthetic(nil, newRand(1)) // MovieLens-100k's shape
	users, items := r.Dims()
	fmt.Println(users, items, r.Len())
	// Output:
	// 943 1682 100000
}

func ExampleNewRatings() {
	r, err := mf.NewRatings(2, 3, []mf.Rating{{User: 0, Item: 0, Value: 4}, {User: 1, Item: 2, Value: 2}, {User: 0, Item: 0, Value: 5}})
	fmt.Println(r, err)
	// Output:
	// <nil> mf: bad data: rating 2: duplicate (user 0, item 0), first rated by rating 0
}

func ExampleRatings_Split() {
	all, _ := mf.Synthetic(&mf.SyntheticSettings{Users: 50, Items: 40, Missing: 0.5}, newRand(1))
	train, test, _ := all.Split(0.2, newRand(2))
	fmt.Println(all.Len(), train.Len(), test.Len())
	// Output:
	// 1000 800 200
}

func ExampleBaseline_Fit() {
	// Koren's shrunk biases by hand: μ = 3, b_user0 = −2/12, b_user1 = 2/11.
	r, _ := mf.NewRatings(2, 2, []mf.Rating{{0, 0, 1}, {0, 1, 3}, {1, 0, 5}})
	var b mf.Baseline
	b.Fit(r, nil)
	rmse, mae := mf.Evaluate(&b, r)
	fmt.Printf("predict(0,1) = %.4f, training RMSE %.3f, MAE %.3f\n", b.Predict(0, 1), rmse, mae)
	// Output:
	// predict(0,1) = 2.8333, training RMSE 1.494, MAE 1.273
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

func TestSyntheticStars(t *testing.T) {
	s := mf.SyntheticSettings{Users: 120, Items: 90, Missing: 0.5}
	plain, truth, err := mf.SyntheticWithTruth(&s, newRand(4))
	if err != nil {
		t.Fatal(err)
	}
	// Without Stars the truth's RMSE is the noise σ (0.5) up to sampling.
	if rmse, _ := mf.Evaluate(truth, plain); math.Abs(rmse-mf.DefaultSyntheticNoise) > 0.02 {
		t.Errorf("real-valued set: truth RMSE %v, want ≈ σ = %v", rmse, mf.DefaultSyntheticNoise)
	}
	same, _ := mf.Synthetic(&s, newRand(4))
	for n := range plain.Len() {
		if plain.At(n) != same.At(n) {
			t.Fatalf("rating %d: SyntheticWithTruth %v, Synthetic %v with the same seed", n, plain.At(n), same.At(n))
		}
	}
	s.Stars = true
	stars, starTruth, err := mf.SyntheticWithTruth(&s, newRand(4))
	if err != nil {
		t.Fatal(err)
	}
	if stars.Len() != plain.Len() {
		t.Fatalf("stars: %d ratings, real-valued %d", stars.Len(), plain.Len())
	}
	counts := map[float64]int{}
	for n := range stars.Len() {
		x, y := stars.At(n), plain.At(n)
		counts[x.Value]++
		if want := min(max(math.Round(y.Value), 1), 5); x.User != y.User || x.Item != y.Item || x.Value != want {
			t.Fatalf("rating %d: stars %+v, want the real value %v rounded and clipped to %v", n, x, y.Value, want)
		}
	}
	for v := 1.0; v <= 5; v++ {
		if counts[v] == 0 {
			t.Errorf("no rating of %v stars in %v", v, counts)
		}
	}
	if len(counts) != 5 {
		t.Errorf("star values %v, want exactly 1…5", counts)
	}
	// Rounding adds error: the floor against stars lies above σ, and the
	// truth's predictions stay within the stars.
	rmse, _ := mf.Evaluate(starTruth, stars)
	if rmse <= mf.DefaultSyntheticNoise || rmse > 0.7 {
		t.Errorf("stars: truth RMSE %v, want in (σ = %v, 0.7]", rmse, mf.DefaultSyntheticNoise)
	}
	for u := range 120 {
		for i := range 90 {
			if p := starTruth.Predict(u, i); p < mf.MinStars || p > mf.MaxStars {
				t.Fatalf("truth predicts %v for (%d, %d), outside the stars", p, u, i)
			}
		}
	}
	if ok, got := panicsWith(func() { starTruth.Predict(120, 0) }, mf.ErrShape); !ok {
		t.Errorf("Predict out of range panicked with %v, want ErrShape", got)
	}
}
