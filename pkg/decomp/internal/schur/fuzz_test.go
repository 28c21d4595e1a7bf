// Copyright ©2026 The FactorLab Authors.

package schur

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/lapack"
)

// FuzzGeev draws matrices of order 75–140 (the multishift path) of every
// kind in matrixKinds, scaled by 2^scale, and checks that Geev converges
// and that its largest eigenpair residual is within 50·n²·ε·max|aᵢⱼ|.
// (gonum's own dgeev fails that bound on some of the "repeated" matrices:
// see TestGeevAgainstGonum.) `make fuzz` runs it.
func FuzzGeev(f *testing.F) {
	f.Add(uint64(1), uint8(0), uint8(0), int8(0))
	f.Add(uint64(2), uint8(40), uint8(3), int8(100))
	f.Add(uint64(3), uint8(65), uint8(5), int8(-100))
	f.Add(uint64(4), uint8(10), uint8(8), int8(7))
	kinds := make([]string, 0, len(matrixKinds))
	for k := range matrixKinds {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	f.Fuzz(func(t *testing.T, seed uint64, order, kind uint8, scale int8) {
		n := 76 + int(order)%65
		name := kinds[int(kind)%len(kinds)]
		a := matrixKinds[name](n, rand.New(rand.NewPCG(seed, 1)))
		for i := range a {
			a[i] = math.Ldexp(a[i], int(scale)%300)
		}
		var anorm float64
		for _, x := range a {
			anorm = max(anorm, math.Abs(x))
		}
		work := slices.Clone(a)
		wr, wi, vr := make([]float64, n), make([]float64, n), make([]float64, n*n)
		if !Geev(n, work, n, wr, wi, vr, n) {
			t.Fatalf("%s, n = %d: Geev did not converge", name, n)
		}
		if res, tol := maxResidual(n, a, wr, wi, vr), 50*float64(n*n)*0x1p-52*anorm; res > tol {
			t.Fatalf("%s, n = %d: largest ‖Av − λv‖ = %g > %g", name, n, res, tol)
		}
	})
}

// gonumResidual is the largest eigenpair residual of gonum's dgeev on a.
func gonumResidual(t *testing.T, n int, a []float64) float64 {
	t.Helper()
	work := slices.Clone(a)
	wr, wi, vr := make([]float64, n), make([]float64, n), make([]float64, n*n)
	lw := []float64{0}
	impl.Dgeev(lapack.LeftEVNone, lapack.RightEVCompute, n, work, n, wr, wi, nil, 1, vr, n, lw, -1)
	lwork := make([]float64, int(lw[0]))
	if impl.Dgeev(lapack.LeftEVNone, lapack.RightEVCompute, n, work, n, wr, wi, nil, 1, vr, n, lwork, len(lwork)) != 0 {
		t.Fatalf("n = %d: gonum's Dgeev did not converge", n)
	}
	return maxResidual(n, a, wr, wi, vr)
}
