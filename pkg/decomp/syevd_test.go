// Copyright ©2026 The FactorLab Authors.

package decomp_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/decomp"
)

// TestEigenSymLarge covers the orders at which the pure-Go backend switches
// to divide and conquer (64 and above), on matrices that deflate
// heavily (repeated eigenvalues, low rank) and ones that do not. Residuals
// and orthogonality are required at LAPACK's level, a small multiple of
// n·ε·‖A‖ and n·ε; eigenvalues agree with gonum's mat.EigenSym (QL).
func TestEigenSymLarge(t *testing.T) {
	sizes := []int{64, 97, 200}
	if !testing.Short() {
		sizes = append(sizes, 400)
	}
	rnd := rand.New(rand.NewPCG(19, 19))
	for _, n := range sizes {
		// Q·diag(λ)·Qᵀ with a random orthogonal Q and prescribed λ.
		withValues := func(f func(i int) float64) *mat.Dense {
			var qr mat.QR
			qr.Factorize(randDense(rnd, n, n))
			var q mat.Dense
			qr.QTo(&q)
			ql := mat.DenseCopyOf(&q)
			for j := 0; j < n; j++ {
				col := ql.ColView(j).(*mat.VecDense)
				col.ScaleVec(f(j), col)
			}
			var a mat.Dense
			a.Mul(ql, q.T())
			a.Add(&a, a.T()) // exactly symmetric
			a.Scale(0.5, &a)
			return &a
		}
		for name, a := range map[string]*mat.Dense{
			"random":       randSym(rnd, n),
			"two values":   withValues(func(i int) float64 { return float64(i % 2) }),
			"rank 3":       withValues(func(i int) float64 { return float64(max(0, 3-i)) }),
			"clustered":    withValues(func(i int) float64 { return 1 + 1e-12*float64(i) }),
			"graded 1e-15": withValues(func(i int) float64 { return math.Pow(10, -15*float64(i)/float64(n)) }),
		} {
			t.Run(fmt.Sprintf("%s/n=%d", name, n), func(t *testing.T) {
				var e decomp.EigenSym
				if err := e.Factorize(a, nil); err != nil {
					t.Fatal(err)
				}
				anorm := mat.Norm(a, 2)
				ulp := 0x1p-52
				if r := e.Residual(a) / (float64(n) * ulp * anorm); r > 10 {
					t.Errorf("residual max‖Aq − λq‖ = %.1f·n·ε·‖A‖", r)
				}
				var q mat.Dense
				e.VectorsTo(&q)
				if o := orthonormalityError(&q) / (float64(n) * ulp); o > 10 {
					t.Errorf("‖QᵀQ − I‖ = %.1f·n·ε", o)
				}
				var g mat.EigenSym
				if !g.Factorize(mat.NewSymDense(n, a.RawMatrix().Data), false) {
					t.Fatal("gonum EigenSym failed")
				}
				got, want := e.Values(nil), g.Values(nil)
				slices.Sort(got)
				slices.Sort(want)
				for i := range got {
					if math.Abs(got[i]-want[i]) > 10*float64(n)*ulp*anorm {
						t.Fatalf("λ[%d] = %v, gonum %v", i, got[i], want[i])
					}
				}
			})
		}
	}
}
