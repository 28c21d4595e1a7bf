// Copyright ©2026 The FactorLab Authors.

package decomp_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/decomp"
)

// lowRankPlusDecay returns an m×n matrix U·diag(σ)·Vᵀ with random
// orthonormal U, V and σᵢ = decay^i.
func withSpectrum(rnd *rand.Rand, m, n int, sigma []float64) *mat.Dense {
	k := len(sigma)
	var qu, qv mat.Dense
	var qr mat.QR
	qr.Factorize(randDense(rnd, m, k))
	qr.QTo(&qu)
	qr.Factorize(randDense(rnd, n, k))
	qr.QTo(&qv)
	u := mat.DenseCopyOf(qu.Slice(0, m, 0, k))
	for j, s := range sigma {
		col := u.ColView(j).(*mat.VecDense)
		col.ScaleVec(s, col)
	}
	var a mat.Dense
	a.Mul(u, qv.Slice(0, n, 0, k).T())
	return &a
}

func TestTruncatedSVD(t *testing.T) {
	rnd := rand.New(rand.NewPCG(7, 7))
	sizes := [][2]int{{60, 40}, {40, 60}, {120, 120}}
	if !testing.Short() {
		sizes = append(sizes, [2]int{400, 300})
	}
	for _, sz := range sizes {
		m, n := sz[0], sz[1]
		k := min(m, n)
		sigma := make([]float64, k)
		for i := range sigma {
			sigma[i] = math.Pow(0.7, float64(i))
		}
		a := withSpectrum(rnd, m, n, sigma)
		var full decomp.SVD
		full.Factorize(a, mat.SVDThin)
		var fu mat.Dense
		full.UTo(&fu)
		for _, r := range []int{1, 5, 10} {
			var ts decomp.TruncatedSVD
			if err := ts.Factorize(a, r, nil, rand.New(rand.NewPCG(1, 2))); err != nil {
				t.Fatal(err)
			}
			got := ts.Values(nil)
			for i, s := range got {
				if math.Abs(s-sigma[i]) > 1e-6*sigma[0] {
					t.Errorf("%d×%d r=%d: σ%d = %v, want %v", m, n, r, i, s, sigma[i])
				}
			}
			var opt float64
			for _, s := range sigma[r:] {
				opt += s * s
			}
			opt = math.Sqrt(opt)
			if res := ts.Residual(a); res > 1.001*opt+1e-12 {
				t.Errorf("%d×%d r=%d: residual %v, optimum %v", m, n, r, res, opt)
			}
			var u, v mat.Dense
			ts.UTo(&u)
			ts.VTo(&v)
			if orthonormalityError(&u) > 1e-12 || orthonormalityError(&v) > 1e-12 {
				t.Errorf("%d×%d r=%d: not orthonormal", m, n, r)
			}
			// Sign-free agreement with the exact singular vectors.
			sameColumnsSignFree(t, "U", &u, fu.Slice(0, m, 0, r), r, 1e-6)
		}
	}
}

// An exactly rank-10 matrix is recovered to rounding with no power steps.
func TestTruncatedSVDExactRank(t *testing.T) {
	rnd := rand.New(rand.NewPCG(8, 8))
	a := mat.NewDense(150, 100, nil)
	a.Mul(randDense(rnd, 150, 10), randDense(rnd, 10, 100))
	var ts decomp.TruncatedSVD
	if err := ts.Factorize(a, 10, &decomp.TruncatedSVDSettings{PowerIters: -1, Oversample: -1}, rnd); err != nil {
		t.Fatal(err)
	}
	if res := ts.Residual(a); res > 1e-11*mat.Norm(a, 2) {
		t.Errorf("residual %g", res)
	}
}

func TestTruncatedSVDDeterministic(t *testing.T) {
	a := randDense(rand.New(rand.NewPCG(9, 9)), 50, 30)
	var x, y decomp.TruncatedSVD
	x.Factorize(a, 3, nil, rand.New(rand.NewPCG(5, 5)))
	y.Factorize(a, 3, nil, rand.New(rand.NewPCG(5, 5)))
	var ux, uy mat.Dense
	x.UTo(&ux)
	y.UTo(&uy)
	if !mat.Equal(&ux, &uy) {
		t.Error("same seed, different bits")
	}
}

func TestTruncatedSVDBadInput(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 1))
	var ts decomp.TruncatedSVD
	for _, r := range []int{0, 4} {
		if err := ts.Factorize(mat.NewDense(3, 5, nil), r, nil, rnd); !errors.Is(err, decomp.ErrRankOutOfRange) {
			t.Errorf("r = %d: %v", r, err)
		}
	}
	if err := ts.Factorize(mat.NewDense(2, 2, []float64{1, math.NaN(), 0, 0}), 1, nil, rnd); !errors.Is(err, decomp.ErrNonFinite) {
		t.Errorf("NaN: %v", err)
	}
	mustPanic(t, "nil rand", decomp.ErrNilRand, func() { ts.Factorize(mat.NewDense(2, 2, nil), 1, nil, nil) })
	mustPanic(t, "Values", decomp.ErrNotFactorized, func() { ts.Values(nil) })
}

// Seed 001's [[2,1],[1,2]]: λ₁ = 3, λ₂ = 1, so the angle error shrinks by
// |λ₂/λ₁| = 1/3 per step and the Rayleigh quotient error by 1/9.
func TestPowerIteration(t *testing.T) {
	a := mat.NewDense(2, 2, []float64{2, 1, 1, 2})
	res, err := decomp.PowerIteration(a, &decomp.PowerSettings{Start: []float64{1, 0}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(res.Value-3) > 1e-12 || math.Abs(res.Rate-1.0/3) > 1e-14 || !res.Converged {
		t.Errorf("value %v rate %v converged %v", res.Value, res.Rate, res.Converged)
	}
	h := math.Sqrt2 / 2
	if math.Abs(res.Vector[0]-h) > 1e-10 || math.Abs(res.Vector[1]-h) > 1e-10 {
		t.Errorf("vector %v", res.Vector)
	}
	for i := 4; i < 10; i++ { // asymptotic rates
		ratio := res.History[i].AngleError / res.History[i-1].AngleError
		if math.Abs(ratio-1.0/3) > 0.02 {
			t.Errorf("step %d: angle ratio %v, want 1/3", i, ratio)
		}
		vr := res.History[i].ValueError / res.History[i-1].ValueError
		if math.Abs(vr-1.0/9) > 0.01 {
			t.Errorf("step %d: value ratio %v, want 1/9", i, vr)
		}
	}
	// Seed 000's [[4,1],[2,3]]: λ₁ = 5 along (1, 1), rate 2/5.
	res, err = decomp.PowerIteration(mat.NewDense(2, 2, []float64{4, 1, 2, 3}), nil, rand.New(rand.NewPCG(1, 1)))
	if err != nil || math.Abs(res.Value-5) > 1e-9 || math.Abs(res.Rate-0.4) > 1e-14 {
		t.Errorf("seed 000: %v %v %v", res.Value, res.Rate, err)
	}
	// The rotation has a dominant complex pair: no convergence, rate 1.
	res, err = decomp.PowerIteration(mat.NewDense(2, 2, []float64{0, -1, 1, 0}), &decomp.PowerSettings{MaxIter: 50}, rand.New(rand.NewPCG(1, 1)))
	if !errors.Is(err, decomp.ErrNoConvergence) || res.Rate != 1 || len(res.History) != 51 || res.Converged {
		t.Errorf("rotation: %v rate %v steps %d", err, res.Rate, len(res.History))
	}
	// Negative dominant eigenvalue: the pivot sign keeps x from flipping.
	res, err = decomp.PowerIteration(mat.NewDense(2, 2, []float64{-3, 0, 0, 1}), &decomp.PowerSettings{Start: []float64{1, 1}}, nil)
	if err != nil || math.Abs(res.Value+3) > 1e-12 || res.Vector[0] < 0.999 {
		t.Errorf("negative: %v %v %v", res.Value, res.Vector, err)
	}
}

func TestPowerIterationProperties(t *testing.T) {
	rnd := rand.New(rand.NewPCG(10, 10))
	for trial := 0; trial < 30; trial++ {
		n := 2 + rnd.IntN(20)
		a := randSym(rnd, n)
		res, err := decomp.PowerIteration(a, &decomp.PowerSettings{MaxIter: 100000}, rnd)
		if err != nil {
			if res.Rate > 0.999 { // near-tie in |λ|: slow by design
				continue
			}
			t.Fatalf("trial %d: %v", trial, err)
		}
		var es decomp.EigenSym
		es.Factorize(a, nil)
		vals := es.Values(nil)
		want := vals[n-1]
		if math.Abs(vals[0]) > math.Abs(want) {
			want = vals[0]
		}
		if math.Abs(res.Value-want) > 1e-8*math.Abs(want) {
			t.Errorf("trial %d: λ %v, want %v", trial, res.Value, want)
		}
	}
}

func TestPowerIterationBadInput(t *testing.T) {
	if _, err := decomp.PowerIteration(mat.NewDense(2, 3, nil), nil, nil); !errors.Is(err, decomp.ErrNotSquare) {
		t.Errorf("non-square: %v", err)
	}
	if _, err := decomp.PowerIteration(mat.NewDense(2, 2, nil), &decomp.PowerSettings{Start: []float64{0, 0}}, nil); !errors.Is(err, decomp.ErrZeroVector) {
		t.Errorf("zero start: %v", err)
	}
	mustPanic(t, "nil rand", decomp.ErrNilRand, func() { decomp.PowerIteration(mat.NewDense(2, 2, nil), nil, nil) })
	mustPanic(t, "start length", decomp.ErrShape, func() {
		decomp.PowerIteration(mat.NewDense(2, 2, nil), &decomp.PowerSettings{Start: []float64{1}}, nil)
	})
}

func ExampleTruncatedSVD() {
	rnd := rand.New(rand.NewPCG(1, 1))
	// A 300×200 matrix of exact rank 3 with σ = 10, 5, 1.
	sigma := []float64{10, 5, 1}
	a := withSpectrum(rnd, 300, 200, sigma)
	var ts decomp.TruncatedSVD
	if err := ts.Factorize(a, 2, nil, rnd); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("σ₁, σ₂ = %.6f\n", ts.Values(nil))
	fmt.Printf("‖A − A₂‖_F = %.6f (optimum σ₃ = 1)\n", ts.Residual(a))
	// Output:
	// σ₁, σ₂ = [10.000000 5.000000]
	// ‖A − A₂‖_F = 1.000000 (optimum σ₃ = 1)
}

func ExamplePowerIteration() {
	a := mat.NewDense(2, 2, []float64{2, 1, 1, 2})
	res, err := decomp.PowerIteration(a, &decomp.PowerSettings{Start: []float64{1, 0}}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("λ₁ = %.6f after %d steps, expected rate |λ₂/λ₁| = %.4f\n", res.Value, res.Iterations, res.Rate)
	for t, h := range res.History[:4] {
		fmt.Printf("step %d: λ = %.6f, sin∠(x, v₁) = %.6f\n", t, h.Value, h.AngleError)
	}
	// Output:
	// λ₁ = 3.000000 after 21 steps, expected rate |λ₂/λ₁| = 0.3333
	// step 0: λ = 2.000000, sin∠(x, v₁) = 0.707107
	// step 1: λ = 2.800000, sin∠(x, v₁) = 0.316228
	// step 2: λ = 2.975610, sin∠(x, v₁) = 0.110432
	// step 3: λ = 2.997260, sin∠(x, v₁) = 0.037012
}

func FuzzTruncatedSVD(f *testing.F) {
	f.Add(uint8(4), uint8(2), uint8(1), []byte{208, 176, 176, 160, 160, 144, 144, 144})
	f.Add(uint8(3), uint8(3), uint8(3), []byte{255})
	f.Add(uint8(3), uint8(3), uint8(0), []byte{1, 2, 3})
	f.Fuzz(func(t *testing.T, r, c, k uint8, data []byte) {
		a := fuzzMatrix(r, c, data)
		var ts decomp.TruncatedSVD
		err := ts.Factorize(asMatrix(a), int(k%9), &decomp.TruncatedSVDSettings{PowerIters: 3}, rand.New(rand.NewPCG(1, 1)))
		if err != nil {
			if !errors.Is(err, decomp.ErrEmpty) && !errors.Is(err, decomp.ErrNonFinite) && !errors.Is(err, decomp.ErrRankOutOfRange) && !errors.Is(err, decomp.ErrNoConvergence) {
				t.Fatal(err)
			}
			return
		}
		var full decomp.SVD
		full.Factorize(a, mat.SVDNone)
		sv := full.Values(nil)
		got := ts.Values(nil)
		for i := range got {
			if got[i] > sv[i]*(1+1e-10)+1e-12 { // Ritz values never exceed σᵢ
				t.Fatalf("σ%d = %v > exact %v", i, got[i], sv[i])
			}
		}
	})
}

func FuzzPowerIteration(f *testing.F) {
	f.Add(uint8(2), []byte{160, 144, 144, 160})
	f.Add(uint8(2), []byte{128, 112, 144, 128})
	f.Add(uint8(2), []byte{128, 128, 128, 128})
	f.Add(uint8(3), []byte{254})
	f.Fuzz(func(t *testing.T, n uint8, data []byte) {
		a := fuzzMatrix(n, n, data)
		res, err := decomp.PowerIteration(asMatrix(a), &decomp.PowerSettings{MaxIter: 200}, rand.New(rand.NewPCG(1, 1)))
		if err != nil {
			if !errors.Is(err, decomp.ErrEmpty) && !errors.Is(err, decomp.ErrNonFinite) && !errors.Is(err, decomp.ErrNoConvergence) {
				t.Fatal(err)
			}
			return
		}
		if !res.Converged || res.History[len(res.History)-1].Residual > 1e-10*mat.Norm(a, 2)+1e-300 {
			t.Fatalf("claimed convergence: %+v", res.History[len(res.History)-1])
		}
	})
}
