// Copyright ©2026 The FactorLab Authors.

package decomp_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/decomp"
)

// SimilarityTo and CongruenceTo may write over S.
func TestComposeAlias(t *testing.T) {
	s := mat.NewDense(2, 2, []float64{1, -1, 1, 2})
	if err := decomp.SimilarityTo(s, s, []float64{5, 2}); err != nil {
		t.Fatal(err)
	}
	if !mat.EqualApprox(s, mat.NewDense(2, 2, []float64{4, 1, 2, 3}), 1e-14) {
		t.Errorf("aliased SΛS⁻¹ = %v", mat.Formatted(s))
	}
	h := math.Sqrt2 / 2
	q := mat.NewDense(2, 2, []float64{h, h, h, -h})
	if err := decomp.CongruenceTo(q, q, []float64{3, 1}); err != nil {
		t.Fatal(err)
	}
	if !mat.EqualApprox(q, mat.NewDense(2, 2, []float64{2, 1, 1, 2}), 1e-14) {
		t.Errorf("aliased SΛSᵀ = %v", mat.Formatted(q))
	}
}

// Seed 001 §13.2: [[2,1],[1,2]] has λ = 3 with (1,1)/√2 and λ = 1 with (1,−1)/√2.
func TestEigenSymSeed001(t *testing.T) {
	a := mat.NewDense(2, 2, []float64{2, 1, 1, 2})
	var e decomp.EigenSym
	if err := e.Factorize(a, &decomp.SymSettings{Order: decomp.OrderCanonical}); err != nil {
		t.Fatal(err)
	}
	if v := e.Values(nil); math.Abs(v[0]-3) > 1e-14 || math.Abs(v[1]-1) > 1e-14 {
		t.Errorf("values %v", v)
	}
	var q mat.Dense
	e.VectorsTo(&q)
	h := math.Sqrt2 / 2
	if want := mat.NewDense(2, 2, []float64{h, h, h, -h}); !mat.EqualApprox(&q, want, 1e-15) {
		t.Errorf("vectors %v", mat.Formatted(&q))
	}
	if err := e.Factorize(a, nil); err != nil {
		t.Fatal(err)
	}
	if v := e.Values(nil); v[0] > v[1] {
		t.Errorf("OrderLAPACK should be ascending: %v", v)
	}
}

func TestEigenSymProperties(t *testing.T) {
	rnd := rand.New(rand.NewPCG(4, 4))
	for trial := 0; trial < 102; trial++ {
		n := 1 + rnd.IntN(12)
		if trial >= 100 { // beyond the 32×32 tiles of the OpenBLAS transpose
			n = 33 + 37*(trial-100)
		}
		a := randSym(rnd, n)
		for _, o := range []decomp.Order{decomp.OrderLAPACK, decomp.OrderCanonical} {
			var e decomp.EigenSym
			if err := e.Factorize(a, &decomp.SymSettings{Order: o}); err != nil {
				t.Fatal(err)
			}
			var q, rec mat.Dense
			e.VectorsTo(&q)
			if d := orthonormalityError(&q); d > 1e-13 {
				t.Errorf("trial %d: ‖QᵀQ − I‖ = %g", trial, d)
			}
			e.ReconstructTo(&rec)
			if !mat.EqualApprox(&rec, a, 1e-12*mat.Norm(a, 2)) {
				t.Errorf("trial %d: QΛQᵀ ≠ A", trial)
			}
			if r := e.Residual(a); r > 1e-12*mat.Norm(a, 2) {
				t.Errorf("trial %d: residual %g", trial, r)
			}
			v := e.Values(nil)
			for j := 1; j < n; j++ {
				if (o == decomp.OrderLAPACK) != (v[j] >= v[j-1]) && v[j] != v[j-1] {
					t.Errorf("trial %d order %d: %v", trial, o, v)
				}
			}
		}
	}
}

func TestEigenSymBadInput(t *testing.T) {
	var e decomp.EigenSym
	err := e.Factorize(mat.NewDense(3, 3, []float64{1, 0, 0, 0, 1, 2, 0, 3, 1}), nil)
	if !errors.Is(err, decomp.ErrNotSymmetric) || err.Error() != "decomp: matrix is not symmetric: a[1,2] = 2 but a[2,1] = 3" {
		t.Errorf("error %v", err)
	}
	if err := e.Factorize(mat.NewDense(2, 2, []float64{1, 0, 0, math.NaN()}), nil); !errors.Is(err, decomp.ErrNonFinite) {
		t.Errorf("NaN: %v", err)
	}
	if err := e.Factorize(mat.NewDense(2, 1, nil), nil); !errors.Is(err, decomp.ErrNotSquare) {
		t.Errorf("non-square: %v", err)
	}
	mustPanic(t, "Values", decomp.ErrNotFactorized, func() { e.Values(nil) })
	if err := e.Factorize(mat.NewDense(1, 1, []float64{2}), &decomp.SymSettings{NoVectors: true}); err != nil {
		t.Fatal(err)
	}
	mustPanic(t, "VectorsTo", decomp.ErrNoVectors, func() { e.VectorsTo(&mat.Dense{}) })
}

func FuzzEigenSym(f *testing.F) {
	f.Add(uint8(2), []byte{160, 144, 144, 160})
	f.Add(uint8(2), []byte{160, 144, 160, 160})
	f.Add(uint8(3), []byte{255})
	f.Fuzz(func(t *testing.T, n uint8, data []byte) {
		a := fuzzMatrix(n, n, data)
		if a != nil { // symmetrize half the time
			if len(data)%2 == 0 {
				var s mat.Dense
				s.Add(a, a.T())
				a = &s
			}
		}
		var e decomp.EigenSym
		err := e.Factorize(asMatrix(a), &decomp.SymSettings{Order: decomp.Order(len(data) % 3)})
		if err != nil {
			if !errors.Is(err, decomp.ErrEmpty) && !errors.Is(err, decomp.ErrNonFinite) && !errors.Is(err, decomp.ErrNotSymmetric) && !errors.Is(err, decomp.ErrNoConvergence) {
				t.Fatal(err)
			}
			return
		}
		scale := math.Max(1, mat.Norm(a, 2))
		if r := e.Residual(a); r > 1e-12*scale {
			t.Fatalf("residual %g", r)
		}
		var q mat.Dense
		e.VectorsTo(&q)
		if d := orthonormalityError(&q); d > 1e-12 {
			t.Fatalf("orthonormality %g", d)
		}
		var sim, con mat.Dense
		if err := decomp.SimilarityTo(&sim, &q, e.Values(nil)); err != nil {
			t.Fatal(err)
		}
		decomp.CongruenceTo(&con, &q, e.Values(nil))
		if !mat.EqualApprox(&sim, a, 1e-11*scale) || !mat.EqualApprox(&con, a, 1e-11*scale) {
			t.Fatal("QΛQ⁻¹ or QΛQᵀ ≠ A")
		}
	})
}

// S·Λ·S⁻¹ rebuilds A; S·Λ·Sᵀ does not for non-symmetric A. Numbers checked
// with numpy 1.24: V @ diag(w) @ V.T = [[2.9, 1.7], [1.7, 4.1]].
func TestSimilarityVsCongruence(t *testing.T) {
	a := mat.NewDense(2, 2, []float64{4, 1, 2, 3})
	var e decomp.Eigen
	if err := e.Factorize(a, &decomp.EigenSettings{Order: decomp.OrderCanonical}); err != nil {
		t.Fatal(err)
	}
	var s, sim, con mat.Dense
	if err := e.RealVectorsTo(&s); err != nil {
		t.Fatal(err)
	}
	lam, _ := e.RealValues(nil)
	if err := decomp.SimilarityTo(&sim, &s, lam); err != nil || !mat.EqualApprox(&sim, a, 1e-14) {
		t.Errorf("SΛS⁻¹ = %v, %v", mat.Formatted(&sim), err)
	}
	if err := decomp.CongruenceTo(&con, &s, lam); err != nil || !mat.EqualApprox(&con, mat.NewDense(2, 2, []float64{2.9, 1.7, 1.7, 4.1}), 1e-14) {
		t.Errorf("SΛSᵀ = %v, %v", mat.Formatted(&con), err)
	}
	// For symmetric A with orthonormal Q both agree.
	sym := mat.NewDense(2, 2, []float64{2, 1, 1, 2})
	var es decomp.EigenSym
	if err := es.Factorize(sym, nil); err != nil {
		t.Fatal(err)
	}
	var q mat.Dense
	es.VectorsTo(&q)
	sim.Reset()
	con.Reset()
	if err := decomp.SimilarityTo(&sim, &q, es.Values(nil)); err != nil {
		t.Fatal(err)
	}
	decomp.CongruenceTo(&con, &q, es.Values(nil))
	if !mat.EqualApprox(&sim, sym, 1e-14) || !mat.EqualApprox(&con, sym, 1e-14) {
		t.Errorf("symmetric: %v %v", mat.Formatted(&sim), mat.Formatted(&con))
	}
	if err := decomp.SimilarityTo(&mat.Dense{}, mat.NewDense(2, 2, []float64{1, 1, 1, 1}), []float64{1, 2}); !errors.Is(err, decomp.ErrSingular) {
		t.Errorf("singular S: %v", err)
	}
	mustPanic(t, "lambda length", decomp.ErrShape, func() { decomp.CongruenceTo(&mat.Dense{}, &s, []float64{1}) })
}

func FuzzSimilarity(f *testing.F) {
	f.Add(uint8(2), []byte{192, 144, 160, 176})
	f.Add(uint8(2), []byte{144, 144, 144, 144})
	f.Add(uint8(2), []byte{144, 255, 144, 144})
	f.Fuzz(func(t *testing.T, n uint8, data []byte) {
		s := fuzzMatrix(n, n, data)
		var lam []float64
		if s != nil {
			r, _ := s.Dims()
			lam = make([]float64, r)
			for i := range lam {
				lam[i] = float64(i + 1)
			}
		}
		var sim, con mat.Dense
		if err := decomp.SimilarityTo(&sim, asMatrix(s), lam); err != nil {
			if !errors.Is(err, decomp.ErrEmpty) && !errors.Is(err, decomp.ErrNonFinite) && !errors.Is(err, decomp.ErrSingular) {
				t.Fatal(err)
			}
		}
		if err := decomp.CongruenceTo(&con, asMatrix(s), lam); err != nil {
			if !errors.Is(err, decomp.ErrEmpty) && !errors.Is(err, decomp.ErrNonFinite) {
				t.Fatal(err)
			}
			return
		}
		if !mat.EqualApprox(&con, con.T(), 0) {
			t.Fatal("SΛSᵀ not symmetric")
		}
	})
}
