package mf_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/factorlab/factorlab/pkg/mf"
)

func TestTopNAndTerms(t *testing.T) {
	r, err := mf.Synthetic(&mf.SyntheticSettings{Users: 30, Items: 40, Missing: 0.5}, rand.New(rand.NewPCG(3, 3)))
	if err != nil {
		t.Fatal(err)
	}
	var m mf.Biased
	if err := m.TrainALS(r, &mf.BiasedSettings{Factors: 2}, rand.New(rand.NewPCG(4, 4))); err != nil {
		t.Fatal(err)
	}
	const user = 5
	seen := map[int]bool{}
	own := r.OfUser(user)
	for n, x := range own {
		seen[x.Item] = true
		if n > 0 && x.Value > own[n-1].Value {
			t.Errorf("OfUser not sorted: %v after %v", x.Value, own[n-1].Value)
		}
	}
	top := mf.TopN(&m, r, user, 5)
	if len(top) != 5 {
		t.Fatalf("TopN gave %d items, want 5", len(top))
	}
	best := math.Inf(-1)
	for i := range 40 {
		if !seen[i] {
			best = math.Max(best, m.Predict(user, i))
		}
	}
	for n, s := range top {
		if seen[s.Item] {
			t.Errorf("TopN recommends item %d, already rated", s.Item)
		}
		if s.Score != m.Predict(user, s.Item) || (n > 0 && s.Score > top[n-1].Score) {
			t.Errorf("TopN entry %d = %+v not the prediction or not sorted", n, s)
		}
	}
	if top[0].Score != best {
		t.Errorf("TopN's best %v, want the best unseen prediction %v", top[0].Score, best)
	}
	if all := mf.TopN(&m, r, user, 1000); len(all) != 40-len(own) {
		t.Errorf("TopN(1000) gave %d items, want the %d unseen", len(all), 40-len(own))
	}
	mu, bu, bi, dot := m.Terms(user, top[0].Item)
	lo, hi := r.Range()
	if got := math.Min(math.Max(mu+bu+bi+dot, lo), hi); math.Abs(got-top[0].Score) > 1e-12 {
		t.Errorf("μ + b_u + b_i + p_uᵀq_i clipped = %v, Predict = %v", got, top[0].Score)
	}
}

func TestRMSECurveTrack(t *testing.T) {
	r, err := mf.Synthetic(&mf.SyntheticSettings{Users: 50, Items: 60, Missing: 0.5}, rand.New(rand.NewPCG(5, 5)))
	if err != nil {
		t.Fatal(err)
	}
	train, test, err := r.Split(0.2, rand.New(rand.NewPCG(6, 6)))
	if err != nil {
		t.Fatal(err)
	}
	var m mf.Biased
	var c mf.RMSECurve
	calls := 0
	s := &mf.BiasedSettings{Factors: 2, Epochs: 4}
	s.Callback = c.Track(&m, train, test, func() { calls++ })
	if err := m.TrainALS(train, s, rand.New(rand.NewPCG(7, 7))); err != nil {
		t.Fatal(err)
	}
	if calls != 4 || len(c.Epochs) != 4 || c.Epochs[3] != 4 {
		t.Fatalf("4 epochs recorded %d calls, epochs %v", calls, c.Epochs)
	}
	tr, _ := mf.Evaluate(&m, train)
	te, _ := mf.Evaluate(&m, test)
	if c.Train[3] != tr || c.Test[3] != te {
		t.Errorf("last record (%v, %v), want the final model's (%v, %v)", c.Train[3], c.Test[3], tr, te)
	}
}

func TestZeroFilled(t *testing.T) {
	r, err := mf.NewRatings(2, 3, []mf.Rating{{User: 0, Item: 2, Value: 4}, {User: 1, Item: 0, Value: 1.5}})
	if err != nil {
		t.Fatal(err)
	}
	m := r.ZeroFilled()
	want := []float64{0, 0, 4, 1.5, 0, 0}
	for k, w := range want {
		if got := m.At(k/3, k%3); got != w {
			t.Errorf("entry (%d, %d) = %v, want %v", k/3, k%3, got, w)
		}
	}
	rmse, _ := mf.Evaluate(mf.MatrixPredictor{M: m}, r)
	if rmse != 0 {
		t.Errorf("the filled matrix predicts its own ratings with RMSE %v, want 0", rmse)
	}
}
