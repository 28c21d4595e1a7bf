// Copyright ©2026 The FactorLab Authors.

package decomp_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/decomp"
)

// structured returns an m×n matrix with a dense column 0 whose rows 1 and 2
// are equal next to the difference column (0, 1, −1, 0, …) and dense columns
// after them, the pattern on which gonum v0.17's blocked Householder code
// (Dlarft) forms wrong factors (see internal/householder).
func structured(m, n int, rnd *rand.Rand) *mat.Dense {
	a := mat.NewDense(m, n, nil)
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			a.Set(i, j, rnd.NormFloat64())
		}
		a.Set(i, 1, 0)
	}
	a.Set(2, 0, a.At(1, 0))
	a.Set(1, 1, 1)
	a.Set(2, 1, -1)
	return a
}

// TestStructuredMatricesFactorizeExactly runs every decomposition whose
// pure-Go path uses blocked Householder code on such matrices (and their
// transposes, and as symmetric A·Aᵀ + A for the symmetric path) at orders
// past gonum's crossover to blocked code, and checks the factorization
// against the matrix: residual and orthogonality at LAPACK's level, and the
// singular values of the values-only call equal to those of the full call.
func TestStructuredMatricesFactorizeExactly(t *testing.T) {
	if testing.Short() {
		t.Skip("factorizations of order 200–600")
	}
	rnd := rand.New(rand.NewPCG(5, 6))
	for _, sz := range [][2]int{{200, 200}, {600, 150}, {150, 600}, {260, 180}} {
		m, n := sz[0], sz[1]
		a := structured(m, n, rnd)
		if sz[0] < sz[1] {
			a = mat.DenseCopyOf(structured(n, m, rnd).T())
		}
		name := fmt.Sprintf("%d×%d", m, n)
		anorm := mat.Norm(a, 1)
		k := min(m, n)
		tol := 50 * float64(max(m, n)) * 0x1p-52

		for _, kind := range []mat.SVDKind{mat.SVDThin, mat.SVDFull} {
			var s decomp.SVD
			if err := s.Factorize(a, kind); err != nil {
				t.Fatalf("%s: SVD: %v", name, err)
			}
			var u, v mat.Dense
			s.UTo(&u)
			s.VTo(&v)
			sig := s.Values(nil)
			us := mat.DenseCopyOf(u.Slice(0, m, 0, k))
			for j := 0; j < k; j++ {
				for i := 0; i < m; i++ {
					us.Set(i, j, us.At(i, j)*sig[j])
				}
			}
			var r mat.Dense
			r.Mul(us, v.Slice(0, n, 0, k).T())
			r.Sub(&r, a)
			if res := mat.Norm(&r, 1) / anorm; res > tol {
				t.Errorf("%s, kind %v: ‖A − UΣVᵀ‖₁/‖A‖₁ = %g > %g", name, kind, res, tol)
			}
			if e := orthonormalityError(&u); e > tol {
				t.Errorf("%s, kind %v: ‖UᵀU − I‖ = %g", name, kind, e)
			}
			if e := orthonormalityError(&v); e > tol {
				t.Errorf("%s, kind %v: ‖VᵀV − I‖ = %g", name, kind, e)
			}
			var only decomp.SVD
			if err := only.Factorize(a, mat.SVDNone); err != nil {
				t.Fatalf("%s: SVD values: %v", name, err)
			}
			for j, x := range only.Values(nil) {
				if math.Abs(x-sig[j]) > tol*sig[0] {
					t.Errorf("%s: σ%d = %g from the values-only call, %g with vectors", name, j, x, sig[j])
					break
				}
			}
		}

		if m != n {
			continue
		}
		var e decomp.Eigen
		if err := e.Factorize(a, nil); err != nil {
			t.Fatalf("%s: Eigen: %v", name, err)
		}
		var vecs mat.CDense
		e.VectorsTo(&vecs)
		vals := e.Values(nil)
		var worst float64
		for j := 0; j < n; j++ {
			for i := 0; i < n; i++ {
				var s complex128
				for l := 0; l < n; l++ {
					s += complex(a.At(i, l), 0) * vecs.At(l, j)
				}
				worst = max(worst, cmplxAbs(s-vals[j]*vecs.At(i, j)))
			}
		}
		if worst > tol*anorm {
			t.Errorf("%s: Eigen: max |Av − λv| = %g > %g", name, worst, tol*anorm)
		}

		var sym mat.SymDense
		sym.SymOuterK(1, a)
		for i := 0; i < n; i++ {
			sym.SetSym(i, i, sym.At(i, i)+a.At(i, 0))
		}
		var es decomp.EigenSym
		if err := es.Factorize(&sym, nil); err != nil {
			t.Fatalf("%s: EigenSym: %v", name, err)
		}
		var q mat.Dense
		es.VectorsTo(&q)
		lam := es.Values(nil)
		var ql, rec mat.Dense
		ql.Scale(1, &q)
		for j := range lam {
			for i := 0; i < n; i++ {
				ql.Set(i, j, q.At(i, j)*lam[j])
			}
		}
		rec.Mul(&ql, q.T())
		rec.Sub(&rec, &sym)
		if res := mat.Norm(&rec, 1) / mat.Norm(&sym, 1); res > tol {
			t.Errorf("%s: EigenSym: ‖A − QΛQᵀ‖₁/‖A‖₁ = %g", name, res)
		}
		if e := orthonormalityError(&q); e > tol {
			t.Errorf("%s: EigenSym: ‖QᵀQ − I‖ = %g", name, e)
		}
	}
}

func cmplxAbs(z complex128) float64 { return math.Hypot(real(z), imag(z)) }
