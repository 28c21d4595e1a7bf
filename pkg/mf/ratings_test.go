package mf_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/factorlab/factorlab/pkg/mf"
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

func ExampleNewRatings() {
	r, err := mf.NewRatings(2, 3, []mf.Rating{{User: 0, Item: 0, Value: 4}, {User: 1, Item: 2, Value: 2}, {User: 0, Item: 0, Value: 5}})
	fmt.Println(r, err)
	// Output:
	// <nil> mf: duplicate rating: rating 2: duplicate (user 0, item 0), first rated by rating 0
}

func ExampleRatings_Split() {
	all, _ := mf.Synthetic(&mf.SyntheticSettings{Users: 50, Items: 40, Missing: 0.5}, newRand(1))
	train, test, _ := all.Split(0.2, newRand(2))
	fmt.Println(all.Len(), train.Len(), test.Len())
	// Output:
	// 1000 800 200
}
