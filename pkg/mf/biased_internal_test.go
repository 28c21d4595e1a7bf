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
