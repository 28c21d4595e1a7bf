package mf_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/factorlab/factorlab/pkg/mf"
)

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

func ExampleSynthetic() {
	r, _ := mf.Synthetic(nil, newRand(1)) // MovieLens-100k's shape
	users, items := r.Dims()
	fmt.Println(users, items, r.Len())
	// Output:
	// 943 1682 100000
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
