// Copyright ©2026 The FactorLab Authors.

package decomp_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/decomp"

	"github.com/factorlab/factorlab/pkg/fixtures"
)

// Seed 000's 4×2 matrix; σ checked with numpy 1.24:
// svd([[5,3],[3,2],[2,1],[1,1]]) = [7.33708496, 0.40888173].
func TestSVDSeed000(t *testing.T) {
	a := fixtures.FactorizationMatrix()
	for _, kind := range []mat.SVDKind{mat.SVDThin, mat.SVDFull} {
		var s decomp.SVD
		if err := s.Factorize(a, kind); err != nil {
			t.Fatal(err)
		}
		sv := s.Values(nil)
		if math.Abs(sv[0]-7.33708496) > 1e-8 || math.Abs(sv[1]-0.40888173) > 1e-8 {
			t.Errorf("σ = %v", sv)
		}
		if r := s.Residual(a); r > 1e-14 {
			t.Errorf("residual %g", r)
		}
		var u, v, sig mat.Dense
		s.UTo(&u)
		s.VTo(&v)
		s.SigmaTo(&sig)
		ur, uc := u.Dims()
		sr, sc := sig.Dims()
		if kind == mat.SVDFull && (ur != 4 || uc != 4 || sr != 4 || sc != 2) || kind == mat.SVDThin && (uc != 2 || sr != 2 || sc != 2) {
			t.Errorf("kind %d: U %d×%d, Σ %d×%d", kind, ur, uc, sr, sc)
		}
		if orthonormalityError(&u) > 1e-14 || orthonormalityError(&v) > 1e-14 {
			t.Error("U or V not orthonormal")
		}
		var us, rec mat.Dense
		us.Mul(&u, &sig)
		rec.Mul(&us, v.T())
		if !mat.EqualApprox(&rec, a, 1e-13) {
			t.Errorf("U·Σ·Vᵀ ≠ A")
		}
		full := mat.NewDense(4, 2, nil)
		s.SigmaTo(full)
		if full.At(0, 0) != sv[0] || full.At(1, 1) != sv[1] || full.At(3, 1) != 0 {
			t.Errorf("4×2 Σ %v", mat.Formatted(full))
		}
		frob2, mse, err := s.TruncationError(1)
		if err != nil || math.Abs(mse-0.020898033750315462) > 1e-12 || math.Abs(frob2-8*mse) > 1e-15 {
			t.Errorf("rank-1 error %v %v %v", frob2, mse, err)
		}
		var a1 mat.Dense
		if err := s.LowRankTo(&a1, 1); err != nil {
			t.Fatal(err)
		}
		a1.Sub(a, &a1)
		if d := mat.Norm(&a1, 2); math.Abs(d*d-frob2) > 1e-12 {
			t.Errorf("‖A − A₁‖²_F = %v, Eckart–Young %v", d*d, frob2)
		}
		if s.Rank(-1) != 2 || math.Abs(s.Cond()-sv[0]/sv[1]) > 0 {
			t.Errorf("rank %d cond %v", s.Rank(-1), s.Cond())
		}
		for _, k := range []int{-1, 3} {
			if err := s.LowRankTo(&mat.Dense{}, k); !errors.Is(err, decomp.ErrRankOutOfRange) {
				t.Errorf("k = %d: %v", k, err)
			}
			if _, _, err := s.TruncationError(k); !errors.Is(err, decomp.ErrRankOutOfRange) {
				t.Errorf("k = %d: %v", k, err)
			}
		}
	}
}

func TestSVDProperties(t *testing.T) {
	rnd := rand.New(rand.NewPCG(5, 5))
	for trial := 0; trial < 100; trial++ {
		m, n := 1+rnd.IntN(10), 1+rnd.IntN(10)
		a := randDense(rnd, m, n)
		rank := min(m, n)
		if trial%3 == 0 && rank > 1 { // rank-deficient: product of thin factors
			rank = 1 + rnd.IntN(rank-1)
			a.Mul(randDense(rnd, m, rank), randDense(rnd, rank, n))
		}
		var ref mat.SVD
		ref.Factorize(a, mat.SVDThin)
		refV := ref.Values(nil)
		for _, kind := range []mat.SVDKind{mat.SVDThin, mat.SVDFull} {
			var s decomp.SVD
			if err := s.Factorize(a, kind); err != nil {
				t.Fatal(err)
			}
			var u, v mat.Dense
			s.UTo(&u)
			s.VTo(&v)
			if orthonormalityError(&u) > 1e-13 || orthonormalityError(&v) > 1e-13 {
				t.Errorf("trial %d: not orthonormal", trial)
			}
			if r := s.Residual(a); r > 1e-13*math.Max(1, mat.Norm(a, 2)) {
				t.Errorf("trial %d: residual %g", trial, r)
			}
			if got := s.Rank(-1); got != rank {
				t.Errorf("trial %d: rank %d, want %d (σ %v)", trial, got, rank, s.Values(nil))
			}
			for i, x := range s.Values(nil) {
				if math.Abs(x-refV[i]) > 1e-13*refV[0] {
					t.Errorf("trial %d: σ%d = %v, gonum %v", trial, i, x, refV[i])
				}
			}
			// Eckart–Young for every r.
			for r := 0; r <= min(m, n); r++ {
				var ar mat.Dense
				s.LowRankTo(&ar, r)
				ar.Sub(a, &ar)
				f2, _, _ := s.TruncationError(r)
				if d := mat.Norm(&ar, 2); math.Abs(d*d-f2) > 1e-12*math.Max(1, f2) {
					t.Errorf("trial %d r %d: %v vs %v", trial, r, d*d, f2)
				}
			}
		}
	}
}

func TestSVDBadInput(t *testing.T) {
	var s decomp.SVD
	err := s.Factorize(mat.NewDense(2, 3, []float64{1, 2, 3, 4, math.Inf(1), 6}), mat.SVDThin)
	var ee *decomp.ElementError
	if !errors.As(err, &ee) || ee.Row != 1 || ee.Col != 1 {
		t.Errorf("Inf: %v", err)
	}
	if err := s.Factorize(&mat.Dense{}, mat.SVDThin); !errors.Is(err, decomp.ErrEmpty) {
		t.Errorf("empty: %v", err)
	}
	mustPanic(t, "Values", decomp.ErrNotFactorized, func() { s.Values(nil) })
	if s.Kind() != -1 {
		t.Error("Kind after failure")
	}
	if err := s.Factorize(mat.NewDense(2, 2, []float64{1, 2, 3, 4}), mat.SVDNone); err != nil {
		t.Fatal(err)
	}
	mustPanic(t, "UTo", decomp.ErrNoVectors, func() { s.UTo(&mat.Dense{}) })
	mustPanic(t, "LowRankTo", decomp.ErrNoVectors, func() { s.LowRankTo(&mat.Dense{}, 1) })
	mustPanic(t, "SigmaTo", decomp.ErrShape, func() { s.SigmaTo(mat.NewDense(3, 2, nil)) })
}

func FuzzSVD(f *testing.F) {
	f.Add(uint8(4), uint8(2), []byte{208, 176, 176, 160, 160, 144, 144, 144}) // seed 000
	f.Add(uint8(3), uint8(2), []byte{144, 160, 176, 192, 208, 224})           // [[1,2],[3,4],[5,6]]
	f.Add(uint8(2), uint8(3), []byte{144, 160, 255})
	f.Add(uint8(1), uint8(0), []byte{})
	f.Fuzz(func(t *testing.T, r, c uint8, data []byte) {
		a := fuzzMatrix(r, c, data)
		var s, g decomp.SVD
		err := s.Factorize(asMatrix(a), mat.SVDFull)
		errG := g.FactorizeGram(asMatrix(a))
		_, errN := decomp.NaiveGramSVD(asMatrix(a), decomp.OrderCanonical)
		if (err == nil) != (errG == nil) || (err == nil) != (errN == nil) {
			t.Fatalf("errors differ: %v / %v / %v", err, errG, errN)
		}
		if err != nil {
			if !errors.Is(err, decomp.ErrEmpty) && !errors.Is(err, decomp.ErrNonFinite) && !errors.Is(err, decomp.ErrNoConvergence) {
				t.Fatal(err)
			}
			return
		}
		scale := math.Max(1, mat.Norm(a, 2))
		if res := s.Residual(a); res > 1e-12*scale {
			t.Fatalf("residual %g", res)
		}
		if res := g.Residual(a); res > 1e-6*scale {
			t.Fatalf("Gram residual %g", res)
		}
		var u mat.Dense
		g.UTo(&u)
		if d := orthonormalityError(&u); d > 1e-6 {
			t.Fatalf("Gram U orthonormality %g", d)
		}
		k := len(s.Values(nil))
		var ak mat.Dense
		if err := s.LowRankTo(&ak, k/2); err != nil {
			t.Fatal(err)
		}
		s.Rank(-1)
		s.Cond()
	})
}
