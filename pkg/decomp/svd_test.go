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

// FactorizeGram agrees with the LAPACK SVD up to signs, also with zero σ.
func TestFactorizeGram(t *testing.T) {
	rnd := rand.New(rand.NewPCG(6, 6))
	cases := []*mat.Dense{
		mat.NewDense(3, 2, []float64{1, 2, 3, 4, 5, 6}),
		mat.NewDense(3, 2, []float64{1, 2, 2, 4, 3, 6}), // rank 1: σ₂ = 0
		mat.NewDense(2, 3, []float64{1, 2, 3, 2, 4, 6}), // wide, rank 1
		mat.NewDense(3, 3, nil),                         // zero matrix
		fixtures.FactorizationMatrix(),
	}
	for i := 0; i < 30; i++ {
		cases = append(cases, randDense(rnd, 1+rnd.IntN(8), 1+rnd.IntN(8)))
	}
	for c, a := range cases {
		var g, l decomp.SVD
		if err := g.FactorizeGram(a); err != nil {
			t.Fatal(err)
		}
		if err := l.Factorize(a, mat.SVDThin); err != nil {
			t.Fatal(err)
		}
		gv, lv := g.Values(nil), l.Values(nil)
		scale := math.Max(lv[0], 1)
		for i := range gv {
			// Via AᵀA, σ has absolute accuracy about √ε·σ₁.
			if math.Abs(gv[i]-lv[i]) > 1e-7*scale {
				t.Errorf("case %d: σ %v vs LAPACK %v", c, gv, lv)
			}
		}
		var gu, lu, gvv, lvv mat.Dense
		g.UTo(&gu)
		l.UTo(&lu)
		g.VTo(&gvv)
		l.VTo(&lvv)
		if d := orthonormalityError(&gu); d > 1e-8 {
			t.Errorf("case %d: U not orthonormal (%g)", c, d)
		}
		if r := g.Residual(a); r > 1e-7*scale {
			t.Errorf("case %d: residual %g", c, r)
		}
		// Compare singular vectors sign-free where σ is simple and clearly non-zero.
		for j := range gv {
			sep := lv[j]
			if j > 0 {
				sep = math.Min(sep, lv[j-1]-lv[j])
			}
			if j+1 < len(lv) {
				sep = math.Min(sep, lv[j]-lv[j+1])
			}
			if sep < 1e-3*scale {
				continue
			}
			if cs := colCos(gu.ColView(j), lu.ColView(j)); cs < 1-1e-8 {
				t.Errorf("case %d: u%d |cos| %v", c, j, cs)
			}
			if cs := colCos(gvv.ColView(j), lvv.ColView(j)); cs < 1-1e-8 {
				t.Errorf("case %d: v%d |cos| %v", c, j, cs)
			}
		}
	}
}

// Seed 001 §13.3.1 taken literally. Canonical-sign numbers checked with numpy
// 1.24 (eigh, sorted descending, largest component of each vector positive).
func TestNaiveGramSVD(t *testing.T) {
	a := mat.NewDense(3, 2, []float64{1, 2, 3, 4, 5, 6})
	r, err := decomp.NaiveGramSVD(a, decomp.OrderCanonical)
	if err != nil {
		t.Fatal(err)
	}
	want := mat.NewDense(3, 2, []float64{1.713256, 1.436925, 3.194394, 3.846537, 4.675532, 6.256149})
	if !mat.EqualApprox(r.C, want, 1e-6) || mat.EqualApprox(r.C, a, 0.1) {
		t.Errorf("C = %v", mat.Formatted(r.C))
	}
	b := mat.NewDense(3, 2, []float64{1, 2, 3, 4, -5, -6})
	rb, err := decomp.NaiveGramSVD(b, decomp.OrderCanonical)
	if err != nil {
		t.Fatal(err)
	}
	var negB mat.Dense
	negB.Scale(-1, b)
	if !mat.EqualApprox(rb.C, &negB, 1e-12) {
		t.Errorf("C = %v, want −B", mat.Formatted(rb.C))
	}
	// Whatever the signs: CᵀC = AᵀA, U and V are eigenvectors, and Σ agrees
	// with the LAPACK SVD.
	var l decomp.SVD
	l.Factorize(a, mat.SVDThin)
	for _, o := range []decomp.Order{decomp.OrderDescending, decomp.OrderCanonical} {
		r, _ := decomp.NaiveGramSVD(a, o)
		var ctc, ata mat.Dense
		ctc.Mul(r.C.T(), r.C)
		ata.Mul(a.T(), a)
		if !mat.EqualApprox(&ctc, &ata, 1e-12) {
			t.Errorf("order %d: CᵀC ≠ AᵀA", o)
		}
		if math.Abs(r.Sigma.At(0, 0)-l.Values(nil)[0]) > 1e-12 || math.Abs(r.Sigma.At(1, 1)-l.Values(nil)[1]) > 1e-7 {
			t.Errorf("order %d: Σ %v", o, mat.Formatted(r.Sigma))
		}
		var lu, lv mat.Dense
		l.UTo(&lu)
		l.VTo(&lv)
		sameColumnsSignFree(t, "naive U", r.U, &lu, 2, 1e-10)
		sameColumnsSignFree(t, "naive V", r.V, &lv, 2, 1e-10)
	}
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
