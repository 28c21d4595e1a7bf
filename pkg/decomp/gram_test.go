// Copyright ©2026 The FactorLab Authors.

package decomp_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/decomp"

	"github.com/factorlab/factorlab/pkg/fixtures"
)

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
