// Copyright ©2026 The FactorLab Authors.

package level3

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"
)

// padded returns a rows×cols matrix of standard normals with leading
// dimension cols+pad, the padding NaN.
func padded(rnd *rand.Rand, rows, cols, pad int) ([]float64, int) {
	ld := max(1, cols) + pad
	x := make([]float64, rows*ld)
	for i := range x {
		if i%ld < cols {
			x[i] = rnd.NormFloat64()
		} else {
			x[i] = math.NaN()
		}
	}
	return x, ld
}

// closeTo compares got with want (gonum's result) elementwise, NaN matching
// NaN so that padding and untouched triangles are checked too.
func closeTo(got, want []float64, tol float64) string {
	var scale float64
	for _, v := range want {
		if !math.IsNaN(v) {
			scale = math.Max(scale, math.Abs(v))
		}
	}
	for i := range got {
		if math.IsNaN(want[i]) != math.IsNaN(got[i]) {
			return fmt.Sprintf("element %d = %v, want %v", i, got[i], want[i])
		}
		if d := math.Abs(got[i] - want[i]); d > tol*math.Max(1, scale) {
			return fmt.Sprintf("element %d = %v, want %v (|diff| %.3g)", i, got[i], want[i], d)
		}
	}
	return ""
}

var (
	uplos  = []blas.Uplo{blas.Upper, blas.Lower}
	transs = []blas.Transpose{blas.NoTrans, blas.Trans}
)

func TestSyrkSyr2k(t *testing.T) {
	var impl Implementation
	rnd := rand.New(rand.NewPCG(11, 12))
	for _, ul := range uplos {
		for _, tr := range transs {
			for _, nk := range [][2]int{{50, 60}, {97, 200}, {130, 49}, {300, 77}, {260, 1}, {10, 10}} {
				n, k := nk[0], nk[1]
				rowA, colA := n, k
				if tr == blas.Trans {
					rowA, colA = k, n
				}
				a, lda := padded(rnd, rowA, colA, 1)
				b, ldb := padded(rnd, rowA, colA, 2)
				c0, ldc := padded(rnd, n, n, 3)
				for _, ab := range [][2]float64{{1, 0}, {-0.5, 1}, {2, -1.5}} {
					name := fmt.Sprintf("%c%c/n=%d,k=%d/alpha=%g,beta=%g", ul, tr, n, k, ab[0], ab[1])
					got, want := append([]float64(nil), c0...), append([]float64(nil), c0...)
					impl.Dsyrk(ul, tr, n, k, ab[0], a, lda, ab[1], got, ldc)
					gonum.Implementation{}.Dsyrk(ul, tr, n, k, ab[0], a, lda, ab[1], want, ldc)
					if msg := closeTo(got, want, 1e-13*float64(k+1)); msg != "" {
						t.Fatalf("Dsyrk %s: %s", name, msg)
					}
					got, want = append([]float64(nil), c0...), append([]float64(nil), c0...)
					impl.Dsyr2k(ul, tr, n, k, ab[0], a, lda, b, ldb, ab[1], got, ldc)
					gonum.Implementation{}.Dsyr2k(ul, tr, n, k, ab[0], a, lda, b, ldb, ab[1], want, ldc)
					if msg := closeTo(got, want, 1e-13*float64(k+1)); msg != "" {
						t.Fatalf("Dsyr2k %s: %s", name, msg)
					}
				}
			}
		}
	}
}

// triangular returns an order-k triangular test matrix stored in full (the
// other triangle NaN, so reading it shows), with a diagonal of modulus
// between 1 and 2 so that solves are well conditioned; off-diagonal entries
// are scaled by 1/√k.
func triangular(rnd *rand.Rand, ul blas.Uplo, k, pad int) ([]float64, int) {
	a, lda := padded(rnd, k, k, pad)
	for i := 0; i < k; i++ {
		for j := 0; j < k; j++ {
			switch {
			case i == j:
				a[i*lda+j] = math.Copysign(1+rnd.Float64(), rnd.NormFloat64())
			case (j > i) == (ul == blas.Upper):
				a[i*lda+j] /= math.Sqrt(float64(k))
			default:
				a[i*lda+j] = math.NaN()
			}
		}
	}
	return a, lda
}

func TestTrmmTrsm(t *testing.T) {
	var impl Implementation
	rnd := rand.New(rand.NewPCG(13, 14))
	for _, s := range []blas.Side{blas.Left, blas.Right} {
		for _, ul := range uplos {
			for _, tr := range transs {
				for _, d := range []blas.Diag{blas.NonUnit, blas.Unit} {
					for _, mn := range [][2]int{{100, 70}, {61, 130}, {200, 200}, {49, 3}, {5, 300}} {
						m, n := mn[0], mn[1]
						k := m
						if s == blas.Right {
							k = n
						}
						a, lda := triangular(rnd, ul, k, 1)
						if d == blas.Unit {
							for i := 0; i < k; i++ {
								a[i*lda+i] = math.NaN() // not to be read
							}
						}
						b0, ldb := padded(rnd, m, n, 2)
						for _, alpha := range []float64{1, -0.75} {
							name := fmt.Sprintf("%c%c%c%c/m=%d,n=%d/alpha=%g", s, ul, tr, d, m, n, alpha)
							got, want := append([]float64(nil), b0...), append([]float64(nil), b0...)
							impl.Dtrmm(s, ul, tr, d, m, n, alpha, a, lda, got, ldb)
							gonum.Implementation{}.Dtrmm(s, ul, tr, d, m, n, alpha, a, lda, want, ldb)
							if msg := closeTo(got, want, 1e-13*float64(k)); msg != "" {
								t.Fatalf("Dtrmm %s: %s", name, msg)
							}
							got, want = append([]float64(nil), b0...), append([]float64(nil), b0...)
							impl.Dtrsm(s, ul, tr, d, m, n, alpha, a, lda, got, ldb)
							gonum.Implementation{}.Dtrsm(s, ul, tr, d, m, n, alpha, a, lda, want, ldb)
							if msg := closeTo(got, want, 1e-11*float64(k)); msg != "" {
								t.Fatalf("Dtrsm %s: %s", name, msg)
							}
						}
					}
				}
			}
		}
	}
}

// TestLevel3Panics checks that invalid arguments panic as in gonum.
func TestLevel3Panics(t *testing.T) {
	var impl Implementation
	x := make([]float64, 100)
	for _, tc := range []struct {
		name string
		call func()
	}{
		{"Dsyrk uplo", func() { impl.Dsyrk('X', blas.NoTrans, 60, 60, 1, x, 60, 0, x, 60) }},
		{"Dsyrk short a", func() { impl.Dsyrk(blas.Upper, blas.NoTrans, 60, 60, 1, x, 60, 0, make([]float64, 3600), 60) }},
		{"Dsyr2k ldb", func() { impl.Dsyr2k(blas.Upper, blas.NoTrans, 60, 60, 1, x, 60, x, 5, 0, x, 60) }},
		{"Dtrmm side", func() { impl.Dtrmm('X', blas.Upper, blas.NoTrans, blas.Unit, 60, 60, 1, x, 60, x, 60) }},
		{"Dtrsm short b", func() {
			impl.Dtrsm(blas.Left, blas.Upper, blas.NoTrans, blas.Unit, 60, 60, 1, make([]float64, 3600), 60, x, 60)
		}},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", tc.name)
				}
			}()
			tc.call()
		}()
	}
}

func TestGemvSymv(t *testing.T) {
	var impl Implementation
	rnd := rand.New(rand.NewPCG(15, 16))
	for _, mn := range [][2]int{{64, 64}, {70, 131}, {133, 65}, {257, 300}, {1, 5000}, {5000, 1}, {10, 10}} {
		m, n := mn[0], mn[1]
		a, lda := padded(rnd, m, n, 3)
		for _, tr := range transs {
			lx, ly := n, m
			if tr == blas.Trans {
				lx, ly = m, n
			}
			x := randSlice(rnd, lx)
			y0 := randSlice(rnd, ly)
			for _, ab := range [][2]float64{{1, 0}, {-0.5, 1}, {2, -1.5}} {
				got, want := append([]float64(nil), y0...), append([]float64(nil), y0...)
				impl.Dgemv(tr, m, n, ab[0], a, lda, x, 1, ab[1], got, 1)
				gonum.Implementation{}.Dgemv(tr, m, n, ab[0], a, lda, x, 1, ab[1], want, 1)
				if msg := closeTo(got, want, 1e-14*float64(max(m, n))); msg != "" {
					t.Fatalf("Dgemv %c m=%d n=%d alpha=%g beta=%g: %s", tr, m, n, ab[0], ab[1], msg)
				}
			}
		}
		if m != n {
			continue
		}
		for _, ul := range uplos {
			s, lds := triangular(rnd, ul, n, 2) // other triangle NaN: must not be read
			x, y0 := randSlice(rnd, n), randSlice(rnd, n)
			for _, ab := range [][2]float64{{1, 0}, {-0.5, 1}, {2, -1.5}} {
				got, want := append([]float64(nil), y0...), append([]float64(nil), y0...)
				impl.Dsymv(ul, n, ab[0], s, lds, x, 1, ab[1], got, 1)
				gonum.Implementation{}.Dsymv(ul, n, ab[0], s, lds, x, 1, ab[1], want, 1)
				if msg := closeTo(got, want, 1e-14*float64(n)); msg != "" {
					t.Fatalf("Dsymv %c n=%d alpha=%g beta=%g: %s", ul, n, ab[0], ab[1], msg)
				}
			}
		}
	}
	// Strided vectors, forwards and backwards, as LAPACK passes columns.
	a := randSlice(rnd, 100*100)
	for _, inc := range [][2]int{{2, 3}, {-2, 1}, {100, -100}} {
		x, y0 := randSlice(rnd, 100*100), randSlice(rnd, 100*100)
		for _, tr := range transs {
			got, want := append([]float64(nil), y0...), append([]float64(nil), y0...)
			impl.Dgemv(tr, 100, 100, 1.5, a, 100, x, inc[0], 0.5, got, inc[1])
			gonum.Implementation{}.Dgemv(tr, 100, 100, 1.5, a, 100, x, inc[0], 0.5, want, inc[1])
			if msg := closeTo(got, want, 1e-12); msg != "" {
				t.Errorf("Dgemv %c with increments %v: %s", tr, inc, msg)
			}
		}
		for _, ul := range uplos {
			got, want := append([]float64(nil), y0...), append([]float64(nil), y0...)
			impl.Dsymv(ul, 100, 1.5, a, 100, x, inc[0], 0.5, got, inc[1])
			gonum.Implementation{}.Dsymv(ul, 100, 1.5, a, 100, x, inc[0], 0.5, want, inc[1])
			if msg := closeTo(got, want, 1e-12); msg != "" {
				t.Errorf("Dsymv %c with increments %v: %s", ul, inc, msg)
			}
		}
	}
	x, y := randSlice(rnd, 200), make([]float64, 200)
	func() {
		defer func() {
			if recover() == nil {
				t.Error("Dsymv with a short a did not panic")
			}
		}()
		impl.Dsymv(blas.Upper, 100, 1, a[:50], 100, x, 1, 0, y, 1)
	}()
}
