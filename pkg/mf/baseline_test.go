package mf_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/factorlab/factorlab/pkg/mf"
)

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
