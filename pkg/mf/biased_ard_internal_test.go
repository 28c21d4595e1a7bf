package mf

import (
	"math"
	"testing"
)

// TestARDUpdate checks λ_f = min(λ, (U + I)σ̂²/S_f) by hand on a model with
// one strong, one weak and one zero factor, and that the update maximizes
// the log posterior −S_fλ_f/(2σ²) + ½(U + I) log λ_f in λ_f below the cap.
func TestARDUpdate(t *testing.T) {
	// Users 0, 1 and items 0, 1, 2; user 2 and item 3 have no ratings.
	r, err := NewRatings(3, 4, []Rating{{0, 0, 1}, {0, 1, 2}, {1, 1, 3}, {1, 2, 4}, {0, 2, 5}})
	if err != nil {
		t.Fatal(err)
	}
	const k, base = 3, 0.5
	b := &Biased{k: k, bu: make([]float64, 3), bi: make([]float64, 4), trainErr: 0.3,
		p: []float64{1, 0.01, 0, 2, -0.02, 0, 9, 9, 0},
		q: []float64{0.5, 0.01, 0, -1, 0, 0, 1, 0.03, 0, 9, 9, 0}}
	a := newARDCounts(r, &BiasedSettings{ARD: true})
	if a.rows != 5 {
		t.Fatalf("U + I = %v, want 5", a.rows)
	}
	lambda := []float64{base, base, base}
	a.update(b, lambda, base)
	// |R(u)| = 3, 2; |R(i)| = 1, 2, 2.
	s0 := 3*1.0 + 2*4 + 1*0.25 + 2*1 + 2*1
	want := []float64{5 * 0.09 / s0, base, base}
	for f := range want {
		if math.Abs(lambda[f]-want[f]) > 1e-15 {
			t.Errorf("λ_%d = %v, want %v", f, lambda[f], want[f])
		}
	}
	logPost := func(l float64) float64 { return -s0*l/(2*0.09) + 2.5*math.Log(l) }
	if l := lambda[0]; logPost(l) < logPost(l*1.001) || logPost(l) < logPost(l*0.999) {
		t.Errorf("λ_0 = %v does not maximize the log posterior", l)
	}
	var none *ardCounts
	none.update(b, lambda, 7) // no ARD: λ unchanged
	if lambda[1] != base {
		t.Errorf("nil ardCounts changed λ")
	}
}
