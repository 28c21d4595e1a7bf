package mf

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
)

// smallBiased returns a model with random parameters for gradient checks.
func smallBiased(users, items, k int, rng *rand.Rand) *Biased {
	b := &Biased{k: k, mu: 3.2, bu: make([]float64, users), bi: make([]float64, items),
		p: make([]float64, users*k), q: make([]float64, items*k), lo: 1, hi: 5}
	for _, s := range [][]float64{b.bu, b.bi, b.p, b.q} {
		for i := range s {
			s[i] = rng.NormFloat64() * 0.5
		}
	}
	return b
}

// TestSGDStepIsGradientStep checks the hand-written SGD update against
// central finite differences (gonum/diff/fd) of the per-rating loss
// ℓ = e² + λ_b(b_u² + b_i²) + λ(‖p_u‖² + ‖q_i‖²): the step must be −(γ/2)∇ℓ.
func TestSGDStepIsGradientStep(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	const k, gamma, lambda, lambdaB = 4, 0.01, 0.07, 0.03
	for trial := 0; trial < 5; trial++ {
		b := smallBiased(3, 4, k, rng)
		x := Rating{User: rng.IntN(3), Item: rng.IntN(4), Value: 1 + 4*rng.Float64()}
		// θ = (b_u, b_i, p_u, q_i).
		theta := append([]float64{b.bu[x.User], b.bi[x.Item]}, append(append([]float64(nil), b.p[x.User*k:(x.User+1)*k]...), b.q[x.Item*k:(x.Item+1)*k]...)...)
		loss := func(th []float64) float64 {
			bu, bi, pu, qi := th[0], th[1], th[2:2+k], th[2+k:]
			dot := 0.0
			for f := range pu {
				dot += pu[f] * qi[f]
			}
			e := x.Value - (b.mu + bu + bi + dot)
			n := 0.0
			for f := range pu {
				n += pu[f]*pu[f] + qi[f]*qi[f]
			}
			return e*e + lambdaB*(bu*bu+bi*bi) + lambda*n
		}
		grad := fd.Gradient(nil, loss, theta, &fd.Settings{Formula: fd.Central})
		b.sgdStep(x, gamma, lambda, lambdaB)
		after := append([]float64{b.bu[x.User], b.bi[x.Item]}, append(append([]float64(nil), b.p[x.User*k:(x.User+1)*k]...), b.q[x.Item*k:(x.Item+1)*k]...)...)
		for i := range theta {
			want := theta[i] - gamma/2*grad[i]
			if math.Abs(after[i]-want) > 1e-9 {
				t.Fatalf("trial %d parameter %d: SGD gives %v, −(γ/2)∇ℓ step gives %v", trial, i, after[i], want)
			}
		}
	}
}

// TestALSSolvesUserProblem checks that each ALS half-step returns the
// minimizer of its per-row ridge problem: the finite-difference gradient of
// Σ_{i∈R(u)} (r_ui − μ − b_i − b_u − p_uᵀq_i)² + |R(u)|(λ_b b_u² + λ‖p_u‖²)
// vanishes at the solution.
func TestALSSolvesUserProblem(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 11))
	const users, items, k, lambda, lambdaB = 3, 6, 3, 0.2, 0.05
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
				reg += lambda * th[1+f] * th[1+f]
			}
			return s + float64(len(row.other))*reg
		}
		theta := append([]float64{b.bu[u]}, b.p[u*k:(u+1)*k]...)
		for i, g := range fd.Gradient(nil, obj, theta, &fd.Settings{Formula: fd.Central}) {
			if math.Abs(g) > 1e-6 {
				t.Errorf("user %d: ∂/∂θ[%d] = %v at the ALS solution, want 0", u, i, g)
			}
		}
	}
}
