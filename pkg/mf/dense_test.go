package mf_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/mf"

	"github.com/factorlab/factorlab/pkg/fixtures"
)

// seedA is the matrix of seed 000, In [1].
func seedA() *mat.Dense {
	return fixtures.FactorizationMatrix()
}

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed)) }

// factors is what Dense and NMF share: W, H and WH as …To queries.
type factors interface {
	WTo(dst *mat.Dense)
	HTo(dst *mat.Dense)
	ReconstructTo(dst *mat.Dense)
}

// wOf, hOf and productOf return new copies of W, H and WH.
func wOf(f factors) *mat.Dense       { var d mat.Dense; f.WTo(&d); return &d }
func hOf(f factors) *mat.Dense       { var d mat.Dense; f.HTo(&d); return &d }
func productOf(f factors) *mat.Dense { var d mat.Dense; f.ReconstructTo(&d); return &d }

// TestSeedExperiment reproduces seed 000's run: rank 2, Adam, η = 0.01, 5000
// iterations, mean squared error. A has rank 2, so the loss must reach the
// rounding floor of each precision; seed 000's float32 PyTorch run ends at
// 1.8e-15 and never goes below 1e-16 in its printed lines, float64 goes far
// lower.
func TestSeedExperiment(t *testing.T) {
	for _, tc := range []struct {
		prec  mf.Precision
		floor float64
	}{{mf.Float64, 1e-25}, {mf.Float32, 1e-11}} {
		var f mf.Dense
		var printed []int
		err := f.Factorize(seedA(), 2, &mf.DenseSettings{
			LearningRate: 0.01, Iterations: 5000, Every: 500, Precision: tc.prec,
			Callback: func(it int, loss float64) { printed = append(printed, it) },
		}, newRand(0))
		if err != nil {
			t.Fatal(err)
		}
		if f.Loss() > tc.floor {
			t.Errorf("%v: final loss %v, want ≤ %v", tc.prec, f.Loss(), tc.floor)
		}
		if len(printed) != 10 || printed[0] != 500 || printed[9] != 5000 {
			t.Errorf("callback iterations %v, want 500, 1000, …, 5000", printed)
		}
		if got := len(f.Losses()); got != 5000 {
			t.Errorf("%d losses recorded, want 5000", got)
		}
		if f.Iterations() != 5000 || f.Converged() {
			t.Errorf("iterations %d converged %v, want 5000 false", f.Iterations(), f.Converged())
		}
		rec := productOf(&f)
		if !mat.EqualApprox(rec, seedA(), 1e-5) {
			t.Errorf("%v: WH = %v, want A", tc.prec, mat.Formatted(rec))
		}
	}
}

// TestSeedRank1ReachesEckartYoung checks that Adam with k = 1 reaches the
// optimal rank-1 mean squared error (27 − 12√5)/8 = 0.020898… (σ₂²/8,
// from AᵀA = [[39, 24], [24, 15]] by hand).
func TestSeedRank1ReachesEckartYoung(t *testing.T) {
	want := (27 - 12*math.Sqrt(5)) / 8
	for _, prec := range []mf.Precision{mf.Float64, mf.Float32} {
		var f mf.Dense
		if err := f.Factorize(seedA(), 1, &mf.DenseSettings{LearningRate: 0.01, Iterations: 5000, Precision: prec}, newRand(1)); err != nil {
			t.Fatal(err)
		}
		tol := 1e-12
		if prec == mf.Float32 {
			tol = 1e-7
		}
		if d := f.Loss() - want; math.Abs(d) > tol {
			t.Errorf("%v: rank-1 loss %v, Eckart–Young optimum %v", prec, f.Loss(), want)
		}
	}
}

// goes below the Eckart–Young optimum, and the same seed gives the same bits.
func TestDenseProperties(t *testing.T) {
	rng := newRand(10)
	for trial := 0; trial < 12; trial++ {
		m, n, k := 2+rng.IntN(9), 2+rng.IntN(40), 1+rng.IntN(3)
		a := mat.NewDense(m, n, nil)
		for i := 0; i < m; i++ {
			for j := 0; j < n; j++ {
				a.Set(i, j, rng.Float64()*3)
			}
		}
		opt, err := mf.OptimalLoss(a, k, mf.Mean)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range []mf.Optimizer{mf.Adam, mf.GradientDescent} {
			for _, prec := range []mf.Precision{mf.Float64, mf.Float32} {
				s := &mf.DenseSettings{Optimizer: o, Precision: prec, Iterations: 300, LearningRate: 0.01}
				var f, g mf.Dense
				if err := f.Factorize(a, k, s, newRand(uint64(trial))); err != nil {
					t.Fatalf("trial %d %v: %v", trial, o, err)
				}
				losses := f.Losses()
				if !(f.Loss() < losses[0]) {
					t.Errorf("trial %d %v %v: loss went from %v to %v", trial, o, prec, losses[0], f.Loss())
				}
				if f.Loss() < opt*(1-1e-6) {
					t.Errorf("trial %d %v %v: loss %v below the optimum %v", trial, o, prec, f.Loss(), opt)
				}
				if o == mf.GradientDescent && prec == mf.Float64 {
					for i := 1; i < len(losses); i++ {
						if losses[i] > losses[i-1]*(1+1e-12) {
							t.Fatalf("trial %d: gradient descent loss rose at iteration %d: %v → %v", trial, i+1, losses[i-1], losses[i])
						}
					}
				}
				if err := g.Factorize(a, k, s, newRand(uint64(trial))); err != nil {
					t.Fatal(err)
				}
				if !mat.Equal(wOf(&f), wOf(&g)) || !mat.Equal(hOf(&f), hOf(&g)) {
					t.Errorf("trial %d %v %v: same seed gave different factors", trial, o, prec)
				}
			}
		}
	}
}

// TestDenseAllocsIndependentOfIterations checks through the public API that
// the training loop does not allocate: 10 and 2000 iterations make the same
// number of allocations.
func TestDenseAllocsIndependentOfIterations(t *testing.T) {
	a := seedA()
	count := func(iters int) float64 {
		return testing.AllocsPerRun(5, func() {
			var f mf.Dense
			_ = f.Factorize(a, 2, &mf.DenseSettings{Iterations: iters, Every: 7, Callback: func(int, float64) {}}, newRand(0))
		})
	}
	if short, long := count(10), count(2000); short != long {
		t.Errorf("10 iterations: %v allocations, 2000 iterations: %v", short, long)
	}
}

func TestDenseTolerance(t *testing.T) {
	var f mf.Dense
	err := f.Factorize(seedA(), 2, &mf.DenseSettings{LearningRate: 0.01, Iterations: 5000, Tolerance: 1e-6}, newRand(0))
	if err != nil {
		t.Fatal(err)
	}
	losses := f.Losses()
	if !f.Converged() || f.Loss() > 1e-6 || f.Iterations() >= 5000 || len(losses) != f.Iterations()+1 || losses[len(losses)-1] != f.Loss() {
		t.Errorf("converged %v loss %v after %d iterations, %d losses", f.Converged(), f.Loss(), f.Iterations(), len(losses))
	}
	for _, l := range losses[:len(losses)-1] {
		if l <= 1e-6 {
			t.Fatalf("did not stop at the first loss ≤ tolerance")
		}
	}
}

func TestDenseDivergence(t *testing.T) {
	for _, lr := range []float64{5, 1e6} {
		var f mf.Dense
		err := f.Factorize(seedA(), 2, &mf.DenseSettings{Optimizer: mf.GradientDescent, LearningRate: lr, Iterations: 1000}, newRand(0))
		if !errors.Is(err, mf.ErrDiverged) {
			t.Fatalf("lr %v: error %v, want ErrDiverged", lr, err)
		}
		if msg := err.Error(); !strings.Contains(msg, "iteration") || !strings.Contains(msg, "smaller learning rate") {
			t.Errorf("error %q does not name the iteration and suggest a smaller learning rate", msg)
		}
		if len(f.Losses()) == 0 {
			t.Errorf("no losses kept after divergence")
		}
		func() {
			defer func() {
				if r := recover(); r != mf.ErrNotFactorized {
					t.Errorf("W after divergence: recovered %v, want ErrNotFactorized", r)
				}
			}()
			wOf(&f)
		}()
	}
}

func TestDenseBadData(t *testing.T) {
	nan := seedA()
	nan.Set(1, 0, math.NaN())
	inf := seedA()
	inf.Set(3, 1, math.Inf(-1))
	badMask := mat.NewDense(4, 2, nil)
	nanMask := mat.NewDense(4, 2, nil)
	nanMask.Set(2, 1, math.NaN())
	for _, tc := range []struct {
		name string
		a    mat.Matrix
		k    int
		mask mat.Matrix
		want string
	}{
		{"NaN", nan, 2, nil, "A[1,0] is NaN"},
		{"Inf", inf, 2, nil, "A[3,1] is -Inf"},
		{"k=0", seedA(), 0, nil, "k = 0"},
		{"k<0", seedA(), -3, nil, "k = -3"},
		{"empty mask", seedA(), 2, badMask, "observes no entry"},
		{"NaN mask", seedA(), 2, nanMask, "mask[2,1] is NaN"},
	} {
		var f mf.Dense
		err := f.Factorize(tc.a, tc.k, &mf.DenseSettings{Mask: tc.mask}, newRand(0))
		if !errors.Is(err, mf.ErrData) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want ErrData naming %q", tc.name, err, tc.want)
		}
	}
}

func TestDensePanics(t *testing.T) {
	for _, tc := range []struct {
		name string
		want error
		fn   func()
	}{
		{"nil rand", mf.ErrNilRand, func() { new(mf.Dense).Factorize(seedA(), 2, nil, nil) }},
		{"mask shape", mf.ErrShape, func() {
			new(mf.Dense).Factorize(seedA(), 2, &mf.DenseSettings{Mask: mat.NewDense(2, 4, nil)}, newRand(0))
		}},
		{"negative lr", mf.ErrSettings, func() {
			new(mf.Dense).Factorize(seedA(), 2, &mf.DenseSettings{LearningRate: -1}, newRand(0))
		}},
		{"β₁ = 1", mf.ErrSettings, func() { new(mf.Dense).Factorize(seedA(), 2, &mf.DenseSettings{Beta1: 1}, newRand(0)) }},
		{"unfactorized", mf.ErrNotFactorized, func() { new(mf.Dense).HTo(new(mat.Dense)) }},
		{"WTo shape", mf.ErrShape, func() {
			var f mf.Dense
			_ = f.Factorize(seedA(), 2, &mf.DenseSettings{Iterations: 3}, newRand(0))
			f.WTo(mat.NewDense(2, 2, nil))
		}},
	} {
		func() {
			defer func() {
				if r := recover(); r != tc.want {
					t.Errorf("%s: recovered %v, want %v", tc.name, r, tc.want)
				}
			}()
			tc.fn()
		}()
	}
}

// TestDenseMaskedRecovers hides entries of a rank-2 matrix and checks that
// masked factorization predicts them.
func TestDenseMaskedRecovers(t *testing.T) {
	rng := newRand(20)
	w, h := mat.NewDense(12, 2, nil), mat.NewDense(2, 10, nil)
	for i := 0; i < 12; i++ {
		w.Set(i, 0, rng.Float64()+0.5)
		w.Set(i, 1, rng.Float64()+0.5)
	}
	for j := 0; j < 10; j++ {
		h.Set(0, j, rng.Float64()+0.5)
		h.Set(1, j, rng.Float64()+0.5)
	}
	var a mat.Dense
	a.Mul(w, h)
	mask := mat.NewDense(12, 10, nil)
	var hidden [][2]int
	for i := 0; i < 12; i++ {
		for j := 0; j < 10; j++ {
			if (i+2*j)%7 == 3 {
				hidden = append(hidden, [2]int{i, j})
			} else {
				mask.Set(i, j, 1)
			}
		}
	}
	var f mf.Dense
	if err := f.Factorize(&a, 2, &mf.DenseSettings{Mask: mask, LearningRate: 0.01, Iterations: 6000}, newRand(2)); err != nil {
		t.Fatal(err)
	}
	rec := productOf(&f)
	for _, ij := range hidden {
		if d := math.Abs(rec.At(ij[0], ij[1]) - a.At(ij[0], ij[1])); d > 1e-3 {
			t.Errorf("hidden (%d,%d): predicted %v, true %v", ij[0], ij[1], rec.At(ij[0], ij[1]), a.At(ij[0], ij[1]))
		}
	}
}

func TestDenseQueries(t *testing.T) {
	var f mf.Dense
	if err := f.Factorize(seedA(), 2, &mf.DenseSettings{Iterations: 10}, newRand(0)); err != nil {
		t.Fatal(err)
	}
	var w, h, wh, want mat.Dense
	f.WTo(&w)
	f.HTo(&h)
	f.ReconstructTo(&wh)
	want.Mul(&w, &h)
	if !mat.EqualApprox(&wh, &want, 1e-15) {
		t.Error("ReconstructTo differs from W·H")
	}
	if m, n, k := f.Dims(); m != 4 || n != 2 || k != 2 {
		t.Errorf("Dims = %d, %d, %d", m, n, k)
	}
	// WTo copies: changing the copy leaves the factorization alone.
	w.Set(0, 0, 100)
	if wOf(&f).At(0, 0) == 100 {
		t.Error("WTo shares storage with the factorization")
	}
	// A destination of the wrong shape is misuse.
	defer func() {
		if r := recover(); r != mf.ErrShape {
			t.Errorf("ReconstructTo into 1×1 panicked with %v, want ErrShape", r)
		}
	}()
	f.ReconstructTo(mat.NewDense(1, 1, nil))
}

func FuzzDenseFactorize(f *testing.F) {
	f.Add(uint8(4), uint8(2), uint8(2), 5.0, 3.0, 3.0, 2.0, 0.01)
	f.Add(uint8(1), uint8(1), uint8(1), math.NaN(), 0.0, 0.0, 0.0, 0.01)
	f.Add(uint8(3), uint8(3), uint8(0), 1.0, 1e300, -1e300, 2.0, 0.5)
	f.Add(uint8(2), uint8(5), uint8(7), 1e10, 0.0, 3.0, math.Inf(1), 10.0)
	f.Fuzz(func(t *testing.T, m, n, k uint8, x0, x1, x2, x3, lr float64) {
		r, c := 1+int(m%6), 1+int(n%6)
		a := mat.NewDense(r, c, nil)
		xs := []float64{x0, x1, x2, x3}
		for i := 0; i < r; i++ {
			for j := 0; j < c; j++ {
				a.Set(i, j, xs[(i*c+j)%4]*float64(1+i-j))
			}
		}
		if !(lr > 0 && lr < 1e6) {
			lr = 0.01
		}
		var fac mf.Dense
		err := fac.Factorize(a, int(k%5), &mf.DenseSettings{LearningRate: lr, Iterations: 50}, newRand(1))
		if err != nil {
			return
		}
		for _, v := range append(wOf(&fac).RawMatrix().Data, hOf(&fac).RawMatrix().Data...) {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("non-finite factor %v returned without error", v)
			}
		}
		if l := fac.Loss(); math.IsNaN(l) || math.IsInf(l, 0) {
			t.Fatalf("non-finite loss %v returned without error", l)
		}
	})
}

func ExampleDense_Factorize() {
	// Seed 000, In [1]: factorize a 4×2 matrix with Adam, rank 2, in float32
	// like PyTorch, printing the loss every 500 iterations.
	a := mat.NewDense(4, 2, []float64{
		5, 3,
		3, 2,
		2, 1,
		1, 1,
	})
	var f mf.Dense
	err := f.Factorize(a, 2, &mf.DenseSettings{
		Optimizer:    mf.Adam,
		LearningRate: 0.01,
		Iterations:   5000,
		Precision:    mf.Float32,
		Every:        500,
		Callback: func(it int, loss float64) {
			if it <= 1000 {
				fmt.Printf("Iteration %d, loss: %.3g\n", it, loss)
			}
		},
	}, rand.New(rand.NewPCG(0, 0)))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("final loss < 1e-11: %v\n", f.Loss() < 1e-11)
	var wh mat.Dense
	f.ReconstructTo(&wh)
	fmt.Printf("WH =\n%.4f\n", mat.Formatted(&wh))
	// Output:
	// Iteration 500, loss: 0.00101
	// Iteration 1000, loss: 2.65e-06
	// final loss < 1e-11: true
	// WH =
	// ⎡5.0000  3.0000⎤
	// ⎢3.0000  2.0000⎥
	// ⎢2.0000  1.0000⎥
	// ⎣1.0000  1.0000⎦
}

// leave the worker goroutines of a large problem running.
func TestDenseCallbackPanicNoLeak(t *testing.T) {
	a := mat.NewDense(64, 128, nil)
	for i := 0; i < 64; i++ {
		for j := 0; j < 128; j++ {
			a.Set(i, j, float64((i*j)%7))
		}
	}
	before := runtime.NumGoroutine()
	func() {
		defer func() { _ = recover() }()
		var f mf.Dense
		_ = f.Factorize(a, 8, &mf.DenseSettings{Workers: 2, Callback: func(int, float64) { panic("stop") }}, newRand(1))
	}()
	for try := 0; try < 100 && runtime.NumGoroutine() > before; try++ {
		time.Sleep(10 * time.Millisecond)
	}
	if after := runtime.NumGoroutine(); after > before {
		t.Errorf("%d goroutines before, %d after a panicking callback", before, after)
	}
}
