// Copyright ©2026 The FactorLab Authors.

package level3

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
)

// refGemm is the textbook triple loop, summing in float64 in increasing p.
func refGemm(tA, tB blas.Transpose, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			var s float64
			for p := 0; p < k; p++ {
				var av, bv float64
				if tA == blas.NoTrans {
					av = a[i*lda+p]
				} else {
					av = a[p*lda+i]
				}
				if tB == blas.NoTrans {
					bv = b[p*ldb+j]
				} else {
					bv = b[j*ldb+p]
				}
				s += av * bv
			}
			if beta == 0 {
				c[i*ldc+j] = alpha * s
			} else {
				c[i*ldc+j] = alpha*s + beta*c[i*ldc+j]
			}
		}
	}
}

func randSlice(rnd *rand.Rand, n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = rnd.NormFloat64()
	}
	return x
}

// gemmCase is one call: shapes, transposes, padding of the leading
// dimensions and the scalars.
type gemmCase struct {
	tA, tB      blas.Transpose
	m, n, k     int
	padA, padB  int
	padC        int
	alpha, beta float64
}

func (tc gemmCase) String() string {
	return fmt.Sprintf("%c%c/m=%d,n=%d,k=%d/pad=%d,%d,%d/alpha=%g,beta=%g",
		tc.tA, tc.tB, tc.m, tc.n, tc.k, tc.padA, tc.padB, tc.padC, tc.alpha, tc.beta)
}

// operands draws A, B and C for tc. Padding elements are NaN, so reading
// them shows up in the result.
func (tc gemmCase) operands(rnd *rand.Rand) (a []float64, lda int, b []float64, ldb int, c []float64, ldc int) {
	rowA, colA := tc.m, tc.k
	if tc.tA != blas.NoTrans {
		rowA, colA = tc.k, tc.m
	}
	rowB, colB := tc.k, tc.n
	if tc.tB != blas.NoTrans {
		rowB, colB = tc.n, tc.k
	}
	lda, ldb, ldc = max(1, colA)+tc.padA, max(1, colB)+tc.padB, max(1, tc.n)+tc.padC
	fill := func(rows, cols, ld int) []float64 {
		x := make([]float64, rows*ld)
		for i := range x {
			if i%ld < cols {
				x[i] = rnd.NormFloat64()
			} else {
				x[i] = math.NaN()
			}
		}
		return x
	}
	return fill(rowA, colA, lda), lda, fill(rowB, colB, ldb), ldb, fill(tc.m, tc.n, ldc), ldc
}

// tolerance bounds |Ĉ − C| elementwise for sums of k products of standard
// normals: a few k·ε·(|alpha|·Σ|a||b| + |beta·c|), bounded generously.
func tolerance(tc gemmCase) float64 {
	return 8 * float64(tc.k+2) * 0x1p-52 * (math.Abs(tc.alpha)*float64(tc.k+1)*4 + math.Abs(tc.beta)*8)
}

func gemmCases() []gemmCase {
	var cs []gemmCase
	trans := []blas.Transpose{blas.NoTrans, blas.Trans}
	dims := []int{0, 1, 2, 3, 5, 7, 8, 9, 13, 17, 24, 25, 31, 33}
	rnd := rand.New(rand.NewPCG(7, 7))
	for _, tA := range trans {
		for _, tB := range trans {
			for _, m := range dims {
				for _, n := range dims {
					k := dims[rnd.IntN(len(dims))]
					cs = append(cs, gemmCase{tA: tA, tB: tB, m: m, n: n, k: k,
						padA: rnd.IntN(3), padB: rnd.IntN(3), padC: rnd.IntN(3),
						alpha: []float64{1, -0.5, 2.25}[rnd.IntN(3)],
						beta:  []float64{0, 1, -1.5}[rnd.IntN(3)]})
				}
			}
			// Shapes that cross the cache blocks (kc = 256, mc = 96).
			for _, s := range [][3]int{{100, 130, 300}, {97, 49, 513}, {200, 7, 260}, {5, 300, 257}, {130, 97, 64}} {
				cs = append(cs, gemmCase{tA: tA, tB: tB, m: s[0], n: s[1], k: s[2], padA: 1, padB: 2, padC: 3, alpha: 0.75, beta: 0.5})
			}
		}
	}
	return cs
}

// TestGemmKernels runs every kernel this machine supports through the blocked
// driver against the reference, on 1 and 3 goroutines.
func TestGemmKernels(t *testing.T) {
	for _, kn := range kernels() {
		for _, threads := range []int{1, 3} {
			rnd := rand.New(rand.NewPCG(1, 2))
			for _, tc := range gemmCases() {
				a, lda, b, ldb, c, ldc := tc.operands(rnd)
				want := append([]float64(nil), c...)
				refGemm(tc.tA, tc.tB, tc.m, tc.n, tc.k, tc.alpha, a, lda, b, ldb, tc.beta, want, ldc)
				if tc.m > 0 && tc.n > 0 {
					scale(tc.m, tc.n, tc.beta, c, ldc)
					if tc.k > 0 {
						gemm(kn, tc.tA != blas.NoTrans, tc.tB != blas.NoTrans, tc.m, tc.n, tc.k, tc.alpha, a, lda, b, ldb, c, ldc, threads)
					}
				}
				if msg := compare(tc, c, want, ldc); msg != "" {
					t.Fatalf("%s threads=%d %v: %s", kn.name, threads, tc, msg)
				}
			}
		}
	}
}

// compare checks the m×n part of c against want and that the padding of c
// (NaN) is untouched.
func compare(tc gemmCase, c, want []float64, ldc int) string {
	tol := tolerance(tc)
	for i := range c {
		if i%ldc >= tc.n {
			if !math.IsNaN(c[i]) {
				return fmt.Sprintf("padding element %d of C written: %v", i, c[i])
			}
			continue
		}
		if d := math.Abs(c[i] - want[i]); !(d <= tol) {
			return fmt.Sprintf("C[%d,%d] = %v, want %v (|diff| %.3g > %.3g)", i/ldc, i%ldc, c[i], want[i], d, tol)
		}
	}
	return ""
}

// TestDgemm checks the exported method: argument handling, beta = 0
// ignoring NaN in C, alpha = 0 not reading A and B.
func TestDgemm(t *testing.T) {
	var impl Implementation
	rnd := rand.New(rand.NewPCG(3, 4))
	for _, tc := range gemmCases() {
		a, lda, b, ldb, c, ldc := tc.operands(rnd)
		want := append([]float64(nil), c...)
		refGemm(tc.tA, tc.tB, tc.m, tc.n, tc.k, tc.alpha, a, lda, b, ldb, tc.beta, want, ldc)
		impl.Dgemm(tc.tA, tc.tB, tc.m, tc.n, tc.k, tc.alpha, a, lda, b, ldb, tc.beta, c, ldc)
		if msg := compare(tc, c, want, ldc); msg != "" {
			t.Fatalf("%v: %s", tc, msg)
		}
	}

	nan := math.NaN()
	c := []float64{nan, nan, nan, nan}
	impl.Dgemm(blas.NoTrans, blas.NoTrans, 2, 2, 1, 1, []float64{1, 2}, 1, []float64{3, 4}, 2, 0, c, 2)
	if want := []float64{3, 4, 6, 8}; !equal(c, want) {
		t.Errorf("beta = 0 with NaN in C: got %v, want %v", c, want)
	}
	c = []float64{1, 2, 3, 4}
	impl.Dgemm(blas.NoTrans, blas.Trans, 2, 2, 2, 0, []float64{nan, nan, nan, nan}, 2, []float64{nan, nan, nan, nan}, 2, 2, c, 2)
	if want := []float64{2, 4, 6, 8}; !equal(c, want) {
		t.Errorf("alpha = 0 with NaN in A, B: got %v, want %v", c, want)
	}
}

func equal(x, y []float64) bool {
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}

// TestGemmDeterministic checks that the bits of C do not depend on the number
// of goroutines, for each kernel, on shapes large enough to be split.
func TestGemmDeterministic(t *testing.T) {
	rnd := rand.New(rand.NewPCG(5, 6))
	for _, kn := range kernels() {
		for _, tc := range []gemmCase{
			{tA: blas.NoTrans, tB: blas.NoTrans, m: 301, n: 203, k: 517, padC: 1, alpha: 1, beta: 0.5},
			{tA: blas.Trans, tB: blas.Trans, m: 17, n: 410, k: 300, alpha: -2, beta: 0},
		} {
			a, lda, b, ldb, c0, ldc := tc.operands(rnd)
			var first []float64
			for _, threads := range []int{1, 2, 3, 4, 8} {
				c := append([]float64(nil), c0...)
				scale(tc.m, tc.n, tc.beta, c, ldc)
				gemm(kn, tc.tA != blas.NoTrans, tc.tB != blas.NoTrans, tc.m, tc.n, tc.k, tc.alpha, a, lda, b, ldb, c, ldc, threads)
				if first == nil {
					first = c
					continue
				}
				for i := range c {
					if math.Float64bits(c[i]) != math.Float64bits(first[i]) && !(math.IsNaN(c[i]) && math.IsNaN(first[i])) {
						t.Fatalf("%s %v: element %d differs between 1 and %d goroutines: %v vs %v", kn.name, tc, i, threads, first[i], c[i])
					}
				}
			}
		}
	}
}

func TestDgemmPanics(t *testing.T) {
	var impl Implementation
	x := make([]float64, 16)
	for _, tc := range []struct {
		name string
		want string
		call func()
	}{
		{"transA", badTransA, func() { impl.Dgemm('X', blas.NoTrans, 2, 2, 2, 1, x, 2, x, 2, 0, x, 2) }},
		{"transB", badTransB, func() { impl.Dgemm(blas.NoTrans, 'X', 2, 2, 2, 1, x, 2, x, 2, 0, x, 2) }},
		{"m", mLT0, func() { impl.Dgemm(blas.NoTrans, blas.NoTrans, -1, 2, 2, 1, x, 2, x, 2, 0, x, 2) }},
		{"n", nLT0, func() { impl.Dgemm(blas.NoTrans, blas.NoTrans, 2, -1, 2, 1, x, 2, x, 2, 0, x, 2) }},
		{"k", kLT0, func() { impl.Dgemm(blas.NoTrans, blas.NoTrans, 2, 2, -1, 1, x, 2, x, 2, 0, x, 2) }},
		{"lda", badLdA, func() { impl.Dgemm(blas.NoTrans, blas.NoTrans, 2, 2, 3, 1, x, 2, x, 2, 0, x, 2) }},
		{"ldb", badLdB, func() { impl.Dgemm(blas.NoTrans, blas.NoTrans, 2, 3, 2, 1, x, 2, x, 2, 0, x, 3) }},
		{"ldc", badLdC, func() { impl.Dgemm(blas.NoTrans, blas.NoTrans, 2, 3, 2, 1, x, 2, x, 3, 0, x, 2) }},
		{"shortA", shortA, func() { impl.Dgemm(blas.NoTrans, blas.NoTrans, 9, 2, 2, 1, x, 2, x, 2, 0, make([]float64, 18), 2) }},
		{"shortB", shortB, func() { impl.Dgemm(blas.NoTrans, blas.NoTrans, 2, 2, 9, 1, make([]float64, 18), 9, x, 2, 0, x, 2) }},
		{"shortC", shortC, func() { impl.Dgemm(blas.NoTrans, blas.NoTrans, 9, 2, 1, 1, x, 1, x, 2, 0, x, 2) }},
	} {
		func() {
			defer func() {
				if r := recover(); r != tc.want {
					t.Errorf("%s: panic %v, want %q", tc.name, r, tc.want)
				}
			}()
			tc.call()
		}()
	}
}
