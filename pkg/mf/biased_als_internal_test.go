package mf

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
)

// TestALSSolvesUserProblem checks that each ALS half-step returns the
// minimizer of its per-row ridge problem: the finite-difference gradient of
// Σ_{i∈R(u)} (r_ui − μ − b_i − b_u − p_uᵀq_i)² + |R(u)|(λ_b b_u² + Σ_f λ_f p_uf²)
// vanishes at the solution, with one λ for all factors and with per-factor
// λ_f as ARD makes them.
func TestALSSolvesUserProblem(t *testing.T) {
	for _, lambda := range [][]float64{{0.2, 0.2, 0.2}, {0.2, 0.004, 1.5}} {
		alsSolvesUserProblem(t, lambda)
	}
}

func alsSolvesUserProblem(t *testing.T, lambda []float64) {
	rng := rand.New(rand.NewPCG(10, 11))
	const users, items, k, lambdaB = 3, 6, 3, 0.05
	b := smallBiased(users, items, k, rng)
	var rs []Rating
	for u := 0; u < users; u++ {
		for i := 0; i < items; i++ {
			if (u+i)%3 != 0 {
				rs = append(rs, Rating{User: u, Item: i, Value: 1 + 4*rng.Float64()})
			}
		}
	}
	r, err := NewRatings(users, items, rs)
	if err != nil {
		t.Fatal(err)
	}
	rows := groupRatings(r, true)
	alsHalf(rows, b.bu, b.p, b.bi, b.q, b.mu, k, lambda, lambdaB, 2)
	for u, row := range rows {
		obj := func(th []float64) float64 {
			s := 0.0
			for n, i := range row.other {
				dot := 0.0
				for f := 0; f < k; f++ {
					dot += th[1+f] * b.q[i*k+f]
				}
				e := row.value[n] - b.mu - b.bi[i] - th[0] - dot
				s += e * e
			}
			reg := lambdaB * th[0] * th[0]
			for f := 0; f < k; f++ {
				reg += lambda[f] * th[1+f] * th[1+f]
			}
			return s + float64(len(row.other))*reg
		}
		theta := append([]float64{b.bu[u]}, b.p[u*k:(u+1)*k]...)
		for i, g := range fd.Gradient(nil, obj, theta, &fd.Settings{Formula: fd.Central}) {
			if math.Abs(g) > 1e-6 {
				t.Errorf("λ %v, user %d: ∂/∂θ[%d] = %v at the ALS solution, want 0", lambda, u, i, g)
			}
		}
	}
}
