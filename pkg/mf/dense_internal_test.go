package mf

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/mat"
)

// randDense returns an r×c matrix with U[lo,hi) entries.
func randDense(r, c int, lo, hi float64, rng *rand.Rand) *mat.Dense {
	d := mat.NewDense(r, c, nil)
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			d.Set(i, j, lo+(hi-lo)*rng.Float64())
		}
	}
	return d
}

// testState builds a float64 dense state with a random start.
func testState(a, mask mat.Matrix, k int, s *DenseSettings, rng *rand.Rand) *denseState[float64] {
	rs := resolveDense(s)
	m, n := a.Dims()
	w0, h0 := make([]float64, m*k), make([]float64, k*n)
	for i := range w0 {
		w0[i] = rng.Float64()
	}
	for i := range h0 {
		h0[i] = rng.Float64()
	}
	observed := m * n
	if mask != nil {
		observed = 0
		for i := 0; i < m; i++ {
			for j := 0; j < n; j++ {
				if mask.At(i, j) != 0 {
					observed++
				}
			}
		}
	}
	rs.Mask = mask
	return newDenseState[float64](a, mask, w0, h0, k, observed, &rs)
}

// TestDenseGradient checks the hand-written gradient of every dense loss
// variant against central finite differences (gonum/diff/fd), on the
// scalar kernel (n < vectorMinCols) and on the vector and chunked kernels.
func TestDenseGradient(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	sizes := []struct{ m, n, k int }{{4, 2, 2}, {5, 40, 3}, {70, 120, 8}}
	if testing.Short() {
		sizes = sizes[:2]
	}
	for _, size := range sizes {
		for _, red := range []Reduction{Mean, Sum} {
			for _, masked := range []bool{false, true} {
				for _, lambda := range []float64{0, 0.3} {
					name := fmt.Sprintf("%dx%dk%d/%v/mask=%v/λ=%v", size.m, size.n, size.k, red, masked, lambda)
					t.Run(name, func(t *testing.T) {
						a := randDense(size.m, size.n, -2, 2, rng)
						var mask mat.Matrix
						if masked {
							mk := mat.NewDense(size.m, size.n, nil)
							for i := 0; i < size.m; i++ {
								for j := 0; j < size.n; j++ {
									if rng.Float64() < 0.6 {
										mk.Set(i, j, 1)
									}
								}
							}
							mk.Set(0, 0, 1)
							mask = mk
						}
						st := testState(a, mask, size.k, &DenseSettings{Reduction: red, Lambda: lambda, Workers: 2}, rng)
						defer st.close()
						x := append([]float64(nil), st.p...)
						st.evalGrad()
						got := append([]float64(nil), st.g...)
						want := fd.Gradient(nil, func(x []float64) float64 {
							copy(st.p, x)
							return st.evalGrad()
						}, x, &fd.Settings{Formula: fd.Central})
						for i := range got {
							if d := math.Abs(got[i] - want[i]); d > 1e-6*math.Max(1, math.Abs(want[i])) {
								t.Fatalf("∂L/∂p[%d] = %v, finite differences %v", i, got[i], want[i])
							}
						}
					})
				}
			}
		}
	}
}

// TestDenseStepNoAllocs checks that an iteration (loss, gradient, update)
// allocates nothing, for the scalar and the chunked multi-worker kernels,
// both precisions and both optimizers.
func TestDenseStepNoAllocs(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, size := range []struct{ m, n, k int }{{4, 2, 2}, {64, 128, 8}} {
		a := randDense(size.m, size.n, 0, 1, rng)
		for _, opt := range []Optimizer{Adam, GradientDescent} {
			s := resolveDense(&DenseSettings{Optimizer: opt, Workers: 2})
			w0 := make([]float64, size.m*size.k)
			h0 := make([]float64, size.k*size.n)
			st64 := newDenseState[float64](a, nil, w0, h0, size.k, size.m*size.n, &s)
			st32 := newDenseState[float32](a, nil, w0, h0, size.k, size.m*size.n, &s)
			for _, st := range []trainer{st64, st32} {
				it := 0
				allocs := testing.AllocsPerRun(50, func() {
					it++
					st.evalGrad()
					st.update(it)
				})
				if allocs != 0 {
					t.Errorf("%dx%d %v %T: %v allocations per iteration", size.m, size.n, opt, st, allocs)
				}
			}
			st64.close()
			st32.close()
		}
	}
}

// TestBiasPowers checks the double-double running powers β₁ᵗ, β₂ᵗ against
// the correctly rounded power computed with math/big (Python's float pow,
// which torch.optim.Adam uses, is correctly rounded in all but 1 of 5000
// cases for β = 0.9 and 2 for β = 0.999, checked with fractions.Fraction):
// at most one ulp off, and exact in all but a handful of steps.
func TestBiasPowers(t *testing.T) {
	for _, beta := range []float64{0.9, 0.999, 0.5, 0.99999} {
		x := dd{hi: 1}
		exact := new(big.Float).SetPrec(2000).SetFloat64(1)
		b := new(big.Float).SetPrec(2000).SetFloat64(beta)
		inexact := 0
		for i := 1; i <= 5000; i++ {
			x.mul(beta)
			exact.Mul(exact, b)
			want, _ := exact.Float64()
			if x.hi != want {
				inexact++
				if math.Abs(x.hi-want) > math.Abs(math.Nextafter(want, 0)-want) {
					t.Fatalf("%v^%d = %v, correctly rounded %v", beta, i, x.hi, want)
				}
			}
		}
		if inexact > 5 {
			t.Errorf("%v^t: %d of 5000 powers not correctly rounded", beta, inexact)
		}
	}
}

// TestChunksIndependentOfWorkers checks that the result of a chunked
// problem is bit-identical for 1 and 2 workers.
func TestChunksIndependentOfWorkers(t *testing.T) {
	a := randDense(64, 130, 0, 1, rand.New(rand.NewPCG(5, 6)))
	var ref []float64
	for _, workers := range []int{1, 2, 3} {
		var f Dense
		err := f.Factorize(a, 8, &DenseSettings{Iterations: 20, LearningRate: 0.01, Workers: workers}, rand.New(rand.NewPCG(7, 7)))
		if err != nil {
			t.Fatal(err)
		}
		got := append(append([]float64(nil), f.w...), f.h...)
		if ref == nil {
			ref = got
			continue
		}
		for i := range got {
			if math.Float64bits(got[i]) != math.Float64bits(ref[i]) {
				t.Fatalf("workers=%d: parameter %d = %v, workers=1 gave %v", workers, i, got[i], ref[i])
			}
		}
	}
}
