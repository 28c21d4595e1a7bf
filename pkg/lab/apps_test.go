package lab_test

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/notebooks/data"
	"github.com/factorlab/factorlab/pkg/lab"
	"github.com/factorlab/factorlab/pkg/mf"
)

// failsWithHint reports whether r failed with a hint containing want.
func failsWithHint(t *testing.T, name string, r lab.Report, want string) {
	t.Helper()
	if r.Passed() {
		t.Errorf("%s: passes, want a failure:\n%s", name, r)
		return
	}
	if !strings.Contains(r.String(), want) {
		t.Errorf("%s: report lacks the hint %q:\n%s", name, want, r)
	}
}

func TestRatingsSplitIsNotebook07s(t *testing.T) {
	train, test, floor := lab.RatingsSplit(lab.RatingsSeed)
	if train.Len() != 80000 || test.Len() != 20000 {
		t.Errorf("split %d + %d ratings, want 80000 + 20000", train.Len(), test.Len())
	}
	// Notebook 07 prints the floor 0.5502 for this split (its harness
	// expectation, internal/nbtest/expect_apps_test.go).
	if math.Abs(floor-0.5502) > 5e-5 {
		t.Errorf("floor %.5f, want notebook 07's 0.5502", floor)
	}
	for _, x := range test.All()[:100] {
		if x.Value != math.Round(x.Value) || x.Value < 1 || x.Value > 5 {
			t.Fatalf("test rating %+v is not a whole star", x)
		}
	}
}

func TestL7WrongAnswers(t *testing.T) {
	mse := func(p mf.Predictor, r *mf.Ratings) float64 { x := rmse(p, r); return x * x }
	mae := func(p mf.Predictor, r *mf.Ratings) float64 { _, m := mf.Evaluate(p, r); return m }
	sumOnly := func(p mf.Predictor, r *mf.Ratings) float64 { return rmse(p, r) * math.Sqrt(float64(r.Len())) }
	failsWithHint(t, "MSE", lab.CheckRMSE(mse), "square root")
	failsWithHint(t, "MAE", lab.CheckRMSE(mae), "mean absolute error")
	failsWithHint(t, "no mean", lab.CheckRMSE(sumOnly), "number of ratings")

	als := func(k int, lambda float64) lab.FitFunc {
		return func(train *mf.Ratings) (mf.Predictor, error) {
			var m mf.Biased
			err := m.TrainALS(train, &mf.BiasedSettings{Factors: k, Lambda: lambda}, rand.New(rand.NewPCG(1, 1)))
			return &m, err
		}
	}
	base := func(train *mf.Ratings) (mf.Predictor, error) {
		var b mf.Baseline
		b.Fit(train, nil)
		return &b, nil
	}
	shrunk := func(train *mf.Ratings) (mf.Predictor, error) {
		var m mf.Biased
		err := m.TrainALS(train, &mf.BiasedSettings{Factors: 8, Lambda: 5, BiasLambda: 5}, rand.New(rand.NewPCG(1, 1)))
		return &m, err
	}
	// ALS's defaults (k = 2, λ = 0.1) end 0.056 above the floor: close, not enough.
	failsWithHint(t, "ALS defaults", lab.CheckFit(als(2, 0.1)), "smaller λ")
	failsWithHint(t, "baseline", lab.CheckFit(base), "add latent factors")
	failsWithHint(t, "over-regularized", lab.CheckFit(shrunk), "worse than the bias-only baseline")
	small := func(*mf.Ratings) (mf.Predictor, error) {
		r, err := mf.NewRatings(10, 10, []mf.Rating{{User: 0, Item: 0, Value: 3}})
		if err != nil {
			return nil, err
		}
		var b mf.Baseline
		b.Fit(r, nil)
		return &b, nil
	}
	failsWithHint(t, "wrong size", lab.CheckFit(small), "training set it is given")
}

func TestL8WrongAnswers(t *testing.T) {
	unsquared := func(sigma []float64, k int) float64 {
		kept, all := 0.0, 0.0
		for i, s := range sigma {
			if i < k {
				kept += s
			}
			all += s
		}
		return kept / all
	}
	lost := func(sigma []float64, k int) float64 { return 1 - energyKept(sigma, k) }
	shifted := func(sigma []float64, k int) float64 { return energyKept(sigma, k+1) }
	failsWithHint(t, "σ not squared", lab.CheckEnergy(unsquared), "square before you sum")
	failsWithHint(t, "share lost", lab.CheckEnergy(lost), "share lost")
	failsWithHint(t, "index", lab.CheckEnergy(shifted), "off by one value")

	index := func(sigma []float64, share float64) int { return smallestRank(sigma, share) - 1 }
	strict := func(sigma []float64, share float64) int { return smallestRank(sigma, share) + 5 }
	failsWithHint(t, "index", lab.CheckSmallestRank(index), "off by one")
	failsWithHint(t, "too large", lab.CheckSmallestRank(strict), "first k")
}

func TestL7L8HiddenChecks(t *testing.T) {
	tall := mat.NewDense(4, 3, []float64{2, 0, 1, 1, 3, 0, 0, 1, 4, 1, 1, 1})
	for name, r := range map[string]lab.Report{
		"RMSEOn":         lab.CheckRMSEOn(rmse, 2027),
		"FitOn":          lab.CheckFitOn(fit, 2027),
		"EnergyOn":       lab.CheckEnergyOn(energyKept, tall, 0, 1, 2, 3),
		"SmallestRankOn": lab.CheckSmallestRankOn(smallestRank, tall, 0.5, 0.9, 0.99),
	} {
		if !r.Passed() || !strings.HasSuffix(r.Title, " · hidden tests") {
			t.Errorf("%s: the solution fails its hidden check, or the title does not say hidden:\n%s", name, r)
		}
	}

	// Answers fitted to the visible data pass the visible check and fail
	// the hidden one: the true model of notebook 07's seed, and a table of
	// the camera's ranks.
	_, truth, err := data.SyntheticRatings(rand.New(rand.NewPCG(lab.RatingsSeed, 1)))
	if err != nil {
		t.Fatal(err)
	}
	cheat := func(*mf.Ratings) (mf.Predictor, error) { return truth, nil }
	table := func(sigma []float64, share float64) int {
		return map[float64]int{0.5: 1, 0.95: 3, 0.99: 21, 0.999: 128}[share]
	}
	for name, c := range map[string]struct{ visible, hidden lab.Report }{
		"seed 2026's true model": {lab.CheckFit(cheat), lab.CheckFitOn(cheat, 2027)},
		"camera's ranks":         {lab.CheckSmallestRank(table), lab.CheckSmallestRankOn(table, tall, 0.5, 0.9, 0.99)},
	} {
		if !c.visible.Passed() || c.hidden.Passed() {
			t.Errorf("%s: want the visible check passed and the hidden one failed:\n%s\n%s", name, c.visible, c.hidden)
		}
	}
}
