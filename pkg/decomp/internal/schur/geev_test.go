// Copyright ©2026 The FactorLab Authors.

package schur

import (
	"fmt"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/lapack"
)

// matrixKinds are the test matrices: dense random ones with many complex
// pairs, nonnormal and graded ones, and structured ones whose eigenvalues
// are known or repeated (which stress deflation and balancing).
var matrixKinds = map[string]func(n int, rnd *rand.Rand) []float64{
	"gaussian": func(n int, rnd *rand.Rand) []float64 {
		a := make([]float64, n*n)
		for i := range a {
			a[i] = rnd.NormFloat64()
		}
		return a
	},
	"symmetric": func(n int, rnd *rand.Rand) []float64 {
		a := make([]float64, n*n)
		for i := 0; i < n; i++ {
			for j := 0; j <= i; j++ {
				v := rnd.NormFloat64()
				a[i*n+j], a[j*n+i] = v, v
			}
		}
		return a
	},
	"graded": func(n int, rnd *rand.Rand) []float64 {
		a := make([]float64, n*n)
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				a[i*n+j] = rnd.NormFloat64() * math.Pow(2, -float64(i+j)/4)
			}
		}
		return a
	},
	"upper triangular": func(n int, rnd *rand.Rand) []float64 {
		a := make([]float64, n*n)
		for i := 0; i < n; i++ {
			for j := i; j < n; j++ {
				a[i*n+j] = rnd.NormFloat64()
			}
		}
		return a
	},
	"companion": func(n int, rnd *rand.Rand) []float64 {
		// Roots of unity scaled: eigenvalues on a circle.
		a := make([]float64, n*n)
		for i := 1; i < n; i++ {
			a[i*n+i-1] = 1
		}
		a[n-1] = 0.5
		return a
	},
	"repeated": func(n int, rnd *rand.Rand) []float64 {
		// Q·diag(1, 1, …, 2, 2, …)·Qᵀ with a random orthogonal-ish Q built
		// from Householder reflections.
		a := make([]float64, n*n)
		for i := 0; i < n; i++ {
			a[i*n+i] = float64(1 + i%2)
		}
		for r := 0; r < 3; r++ {
			v := make([]float64, n)
			var s float64
			for i := range v {
				v[i] = rnd.NormFloat64()
				s += v[i] * v[i]
			}
			reflect(a, n, v, 2/s)
		}
		return a
	},
	"zero": func(n int, rnd *rand.Rand) []float64 { return make([]float64, n*n) },
	"identity": func(n int, rnd *rand.Rand) []float64 {
		a := make([]float64, n*n)
		for i := 0; i < n; i++ {
			a[i*n+i] = 1
		}
		return a
	},
	"block triangular": func(n int, rnd *rand.Rand) []float64 {
		// Dense diagonal blocks of orders 1–40 with a zero block below
		// them: balancing and the deflation see split-off blocks at once.
		a := make([]float64, n*n)
		start := 0
		for start < n {
			end := min(n, start+1+rnd.IntN(40))
			for i := start; i < end; i++ {
				for j := start; j < n; j++ {
					a[i*n+j] = rnd.NormFloat64()
				}
			}
			start = end
		}
		return a
	},
	"huge": func(n int, rnd *rand.Rand) []float64 {
		a := make([]float64, n*n)
		for i := range a {
			a[i] = 0x1p399 * rnd.NormFloat64()
		}
		return a
	},
	"tiny": func(n int, rnd *rand.Rand) []float64 {
		a := make([]float64, n*n)
		for i := range a {
			a[i] = 0x1p-399 * rnd.NormFloat64()
		}
		return a
	},
	"rotation blocks": func(n int, rnd *rand.Rand) []float64 {
		// A block diagonal of 2×2 rotations by different angles, shuffled
		// by a similarity with a random nonsingular upper triangular matrix.
		a := make([]float64, n*n)
		for i := 0; i+1 < n; i += 2 {
			c, s := math.Cos(float64(i+1)), math.Sin(float64(i+1))
			a[i*n+i], a[i*n+i+1], a[(i+1)*n+i], a[(i+1)*n+i+1] = c, -s, s, c
		}
		if n%2 == 1 {
			a[n*n-1] = 3
		}
		return a
	},
}

// reflect applies the similarity (I − β·v·vᵀ)·A·(I − β·v·vᵀ).
func reflect(a []float64, n int, v []float64, beta float64) {
	w := make([]float64, n) // rows: A ← A − β·v·(vᵀA)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			w[j] += v[i] * a[i*n+j]
		}
	}
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			a[i*n+j] -= beta * v[i] * w[j]
		}
	}
	for i := 0; i < n; i++ { // columns: A ← A − β (Av) vᵀ
		var s float64
		for j := 0; j < n; j++ {
			s += a[i*n+j] * v[j]
		}
		for j := 0; j < n; j++ {
			a[i*n+j] -= beta * s * v[j]
		}
	}
}

// TestGeevAgainstGonum checks Geev's eigenpairs on every kind and a range
// of orders across the thresholds (the double-shift path below 75, few
// shifts without accumulation, accumulated sweeps from 150): residual
// ‖A·v − λ·v‖ within a small multiple of n·ε·‖A‖ for unit v, eigenvalues
// equal to gonum's Dgeev's as multisets within that tolerance times the
// eigenvector condition (compared through a matching), and the
// eigenvalues-only call giving the same values as the call with vectors.
func TestGeevAgainstGonum(t *testing.T) {
	sizes := []int{1, 2, 3, 5, 17, 75, 76, 77, 100, 151, 230}
	if testing.Short() {
		sizes = []int{1, 2, 5, 75, 76, 151}
	}
	names := make([]string, 0, len(matrixKinds))
	for name := range matrixKinds {
		names = append(names, name)
	}
	slices.Sort(names)
	for ki, name := range names {
		for _, n := range sizes {
			t.Run(fmt.Sprintf("%s/%d", name, n), func(t *testing.T) {
				a := matrixKinds[name](n, rand.New(rand.NewPCG(uint64(ki), uint64(n))))
				checkGeev(t, n, a)
			})
		}
	}
	// A symmetric matrix with eigenvalues 1 and 2, each of multiplicity
	// about n/2, whose Hessenberg reduction yields reflectors that gonum's
	// blocked Dorghr gets wrong: its dgeev's eigenpairs had residuals of
	// 10⁻⁴·‖A‖ here (internal/householder).
	t.Run("repeated/131/seed240", func(t *testing.T) {
		checkGeev(t, 131, matrixKinds["repeated"](131, rand.New(rand.NewPCG(240, 1))))
	})
	if !testing.Short() {
		// The orders where LAPACK's parameters take 64 shifts and a window
		// of 96 (nh > 500).
		t.Run("gaussian/620", func(t *testing.T) { checkGeev(t, 620, matrixKinds["gaussian"](620, rand.New(rand.NewPCG(7, 11)))) })
	}
}

// TestGeevJordan checks a nilpotent Jordan block (plus tiny noise), whose
// computed eigenvalues scatter on a circle of radius about ε^(1/n): no two
// implementations agree on them, and the eigenvectors are nearly parallel,
// so the residual bound of a well-conditioned matrix does not apply either.
// The largest residual must stay within 10 times that of gonum's dgeev on
// the same matrix.
func TestGeevJordan(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 5))
	for _, n := range []int{10, 80, 160} {
		a := make([]float64, n*n)
		for i := 0; i+1 < n; i++ {
			a[i*n+i+1] = 1
		}
		for i := range a {
			a[i] += 1e-14 * rnd.NormFloat64()
		}
		work := slices.Clone(a)
		wr, wi, vr := make([]float64, n), make([]float64, n), make([]float64, n*n)
		if !Geev(n, work, n, wr, wi, vr, n) {
			t.Fatalf("n = %d: Geev did not converge", n)
		}
		got := maxResidual(n, a, wr, wi, vr)

		ref := gonumResidual(t, n, a)
		if got > 10*ref+float64(n)*0x1p-52 {
			t.Errorf("n = %d: largest ‖Av − λv‖ = %g, gonum's dgeev %g", n, got, ref)
		}
	}
}

// maxResidual is the largest ‖A·v − λ·v‖∞ over the packed eigenpairs.
func maxResidual(n int, a, wr, wi, vr []float64) float64 {
	var worst float64
	for j := 0; j < n; j++ {
		lam, v := eigenpair(n, j, wr, wi, vr)
		for i := 0; i < n; i++ {
			var s complex128
			for k := 0; k < n; k++ {
				s += complex(a[i*n+k], 0) * v[k]
			}
			worst = max(worst, cmplx.Abs(s-lam*v[i]))
		}
	}
	return worst
}

// eigenpair unpacks eigenvalue j and its eigenvector from LAPACK's real
// packed form.
func eigenpair(n, j int, wr, wi, vr []float64) (complex128, []complex128) {
	v := make([]complex128, n)
	for i := 0; i < n; i++ {
		switch {
		case wi[j] == 0:
			v[i] = complex(vr[i*n+j], 0)
		case wi[j] > 0:
			v[i] = complex(vr[i*n+j], vr[i*n+j+1])
		default:
			v[i] = complex(vr[i*n+j-1], -vr[i*n+j])
		}
	}
	return complex(wr[j], wi[j]), v
}

func checkGeev(t *testing.T, n int, a []float64) {
	t.Helper()
	var anorm float64
	for _, x := range a {
		anorm = max(anorm, math.Abs(x))
	}
	anorm = max(anorm*float64(n), math.SmallestNonzeroFloat64)

	work := slices.Clone(a)
	wr, wi := make([]float64, n), make([]float64, n)
	vr := make([]float64, n*n)
	if !Geev(n, work, n, wr, wi, vr, n) {
		t.Fatal("Geev did not converge")
	}
	eps := 0x1p-52
	tol := 50 * float64(n) * eps * anorm
	for j := 0; j < n; j++ {
		lam, v := eigenpair(n, j, wr, wi, vr)
		var vnorm float64
		for _, x := range v {
			vnorm += real(x)*real(x) + imag(x)*imag(x)
		}
		if math.Abs(math.Sqrt(vnorm)-1) > 1e-12 {
			t.Fatalf("eigenvector %d has norm %g", j, math.Sqrt(vnorm))
		}
		var res float64
		for i := 0; i < n; i++ {
			var s complex128
			for k := 0; k < n; k++ {
				s += complex(a[i*n+k], 0) * v[k]
			}
			res = max(res, cmplx.Abs(s-lam*v[i]))
		}
		if res > tol {
			t.Errorf("‖Av − λv‖ = %g for λ%d = %v, want ≤ %g", res, j, lam, tol)
		}
		if wi[j] > 0 {
			if wr[j+1] != wr[j] || wi[j+1] != -wi[j] {
				t.Fatalf("λ%d = %v and λ%d = %v are not a conjugate pair", j, lam, j+1, complex(wr[j+1], wi[j+1]))
			}
		}
	}

	// Values only.
	work = slices.Clone(a)
	wr2, wi2 := make([]float64, n), make([]float64, n)
	if !Geev(n, work, n, wr2, wi2, nil, 0) {
		t.Fatal("Geev without vectors did not converge")
	}
	// Gonum's dgeev.
	work = slices.Clone(a)
	wr3, wi3 := make([]float64, n), make([]float64, n)
	lw := []float64{0}
	impl.Dgeev(lapack.LeftEVNone, lapack.RightEVNone, n, work, n, wr3, wi3, nil, 1, nil, 1, lw, -1)
	lwork := make([]float64, int(lw[0]))
	if impl.Dgeev(lapack.LeftEVNone, lapack.RightEVNone, n, work, n, wr3, wi3, nil, 1, nil, 1, lwork, len(lwork)) != 0 {
		t.Fatal("gonum's Dgeev did not converge")
	}
	// Eigenvalues of a nonnormal matrix move by up to cond·ε·‖A‖; compare
	// with a loose tolerance relative to the spread, which still catches a
	// lost or duplicated eigenvalue.
	vtol := 1e-6 * anorm
	for _, other := range [][2][]float64{{wr2, wi2}, {wr3, wi3}} {
		if d := matchDistance(wr, wi, other[0], other[1]); d > vtol {
			t.Errorf("eigenvalues differ by %g (tolerance %g)", d, vtol)
		}
	}
}

// matchDistance is the largest distance in a greedy matching of the two
// eigenvalue lists (each value matched to the nearest unused one).
func matchDistance(ar, ai, br, bi []float64) float64 {
	used := make([]bool, len(br))
	var worst float64
	for i := range ar {
		best, bj := math.Inf(1), -1
		for j := range br {
			if used[j] {
				continue
			}
			if d := cmplx.Abs(complex(ar[i]-br[j], ai[i]-bi[j])); d < best {
				best, bj = d, j
			}
		}
		used[bj] = true
		worst = max(worst, best)
	}
	return worst
}

// TestShiftParameters pins LAPACK's choices: the number of shifts grows
// with the order (the thresholds are tested from the largest down).
func TestShiftParameters(t *testing.T) {
	for _, c := range []struct{ nh, ns, nw int }{
		{20, 2, 2}, {30, 4, 4}, {60, 10, 10}, {150, 20, 20}, {200, 24, 24},
		{589, 64, 96}, {590, 64, 96}, {1000, 64, 96}, {3000, 128, 192}, {6000, 256, 384},
	} {
		if ns, nw := shiftCount(c.nh), windowSize(c.nh); ns != c.ns || nw != c.nw {
			t.Errorf("order %d: %d shifts, window %d; want %d, %d", c.nh, ns, nw, c.ns, c.nw)
		}
	}
}
