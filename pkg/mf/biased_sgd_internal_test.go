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
// ℓ = e² + λ_b(b_u² + b_i²) + Σ_f λ_f(p_uf² + q_if²), with a different λ_f
// per factor as ARD makes them: the step must be −(γ/2)∇ℓ.
func TestSGDStepIsGradientStep(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	const k, gamma, lambdaB = 4, 0.01, 0.03
	lambda := []float64{0.07, 0.2, 0.003, 0.07}
	shrink := make([]float64, k)
	for f := range shrink {
		shrink[f] = 1 - gamma*lambda[f]
	}
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
				n += lambda[f] * (pu[f]*pu[f] + qi[f]*qi[f])
			}
			return e*e + lambdaB*(bu*bu+bi*bi) + n
		}
		grad := fd.Gradient(nil, loss, theta, &fd.Settings{Formula: fd.Central})
		b.sgdStep(x, gamma, shrink, lambdaB)
		after := append([]float64{b.bu[x.User], b.bi[x.Item]}, append(append([]float64(nil), b.p[x.User*k:(x.User+1)*k]...), b.q[x.Item*k:(x.Item+1)*k]...)...)
		for i := range theta {
			want := theta[i] - gamma/2*grad[i]
			if math.Abs(after[i]-want) > 1e-9 {
				t.Fatalf("trial %d parameter %d: SGD gives %v, −(γ/2)∇ℓ step gives %v", trial, i, after[i], want)
			}
		}
	}
}
