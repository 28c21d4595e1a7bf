// Copyright ©2026 The FactorLab Authors.

package tridiag

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/gonum"

	"github.com/factorlab/factorlab/internal/fuzzinput"
)

// testMatrices returns named tridiagonals (d, e) of order n, among them the
// ones that make divide and conquer deflate: repeated eigenvalues, tiny or
// zero off-diagonals, Wilkinson's W⁺ with its nearly equal pairs, graded
// entries.
func testMatrices(n int, rnd *rand.Rand) map[string][2][]float64 {
	ms := map[string][2][]float64{}
	add := func(name string, fd func(i int) float64, fe func(i int) float64) {
		d, e := make([]float64, n), make([]float64, n-1)
		for i := range d {
			d[i] = fd(i)
		}
		for i := range e {
			e[i] = fe(i)
		}
		ms[name] = [2][]float64{d, e}
	}
	add("random", func(int) float64 { return rnd.NormFloat64() }, func(int) float64 { return rnd.NormFloat64() })
	add("toeplitz 2,-1", func(int) float64 { return 2 }, func(int) float64 { return -1 })
	add("identity", func(int) float64 { return 1 }, func(int) float64 { return 0 })
	add("tiny e", func(int) float64 { return rnd.NormFloat64() }, func(int) float64 { return 1e-18 * rnd.NormFloat64() })
	add("wilkinson", func(i int) float64 { return math.Abs(float64(i - (n-1)/2)) }, func(int) float64 { return 1 })
	add("glued", func(i int) float64 { return float64(i % 7) }, func(i int) float64 {
		if i%7 == 6 {
			return 1e-10
		}
		return 1
	})
	add("graded", func(i int) float64 { return math.Pow(10, -float64(i%16)) }, func(i int) float64 { return math.Pow(10, -float64(i%16)-0.5) })
	add("few values", func(i int) float64 { return float64(i % 3) }, func(int) float64 { return 1e-9 * rnd.NormFloat64() })
	return ms
}

func TestEigen(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 2, 31, 32, 33, 65, 100, 257} {
		for name, de := range testMatrices(n, rnd) {
			t.Run(fmt.Sprintf("%s/n=%d", name, n), func(t *testing.T) {
				d0, e0 := de[0], de[1]
				d, e := append([]float64(nil), d0...), append([]float64(nil), e0...)
				z := blas64.General{Rows: n, Cols: n, Stride: n + 1, Data: make([]float64, n*(n+1))}
				if !Eigen(d, e, z) {
					t.Fatal("no convergence")
				}
				var tnorm float64
				for i := 0; i < n; i++ {
					r := math.Abs(d0[i])
					if i > 0 {
						r += math.Abs(e0[i-1])
					}
					if i < n-1 {
						r += math.Abs(e0[i])
					}
					tnorm = math.Max(tnorm, r)
				}
				tnorm = math.Max(tnorm, math.SmallestNonzeroFloat64)
				// Residual ‖T·z_j − d_j·z_j‖ and orthogonality, relative to n·ε.
				var res, orth float64
				for j := 0; j < n; j++ {
					if j > 0 && d[j] < d[j-1] {
						t.Fatalf("eigenvalues not ascending at %d: %v > %v", j, d[j-1], d[j])
					}
					for i := 0; i < n; i++ {
						v := d0[i]*z.Data[i*z.Stride+j] - d[j]*z.Data[i*z.Stride+j]
						if i > 0 {
							v += e0[i-1] * z.Data[(i-1)*z.Stride+j]
						}
						if i < n-1 {
							v += e0[i] * z.Data[(i+1)*z.Stride+j]
						}
						res = math.Max(res, math.Abs(v))
					}
					for l := 0; l <= j; l++ {
						var s float64
						for i := 0; i < n; i++ {
							s += z.Data[i*z.Stride+j] * z.Data[i*z.Stride+l]
						}
						if l == j {
							s--
						}
						orth = math.Max(orth, math.Abs(s))
					}
				}
				ulp := 0x1p-52
				if r := res / (tnorm * float64(n) * ulp); r > 10 {
					t.Errorf("residual max|Tz − λz| = %.3g = %.1f·n·ε·‖T‖", res, r)
				}
				if o := orth / (float64(n) * ulp); o > 10 {
					t.Errorf("orthogonality max|ZᵀZ − I| = %.3g = %.1f·n·ε", orth, o)
				}
				// Eigenvalues against QR iteration.
				dq, eq := append([]float64(nil), d0...), append([]float64(nil), e0...)
				if !(gonum.Implementation{}).Dsteqr(lapack.EVCompNone, n, dq, eq, nil, 1, nil) {
					t.Fatal("Dsteqr failed")
				}
				for j := range dq {
					if math.Abs(dq[j]-d[j]) > 10*float64(n)*ulp*tnorm {
						t.Fatalf("λ[%d] = %v, QR gives %v", j, d[j], dq[j])
					}
				}
				// Padding of z untouched.
				for i := 0; i < n; i++ {
					if v := z.Data[i*z.Stride+n]; v != 0 {
						t.Fatalf("padding z[%d, %d] written: %v", i, n, v)
					}
				}
			})
		}
	}
}

// FuzzEigen builds a tridiagonal from the fuzzer's bytes (each entry a small
// integer scaled by a power of two, so that repeated values, zeros and wide
// ranges all occur) and checks the residual and orthogonality.
func FuzzEigen(f *testing.F) {
	f.Add(uint8(40), []byte{1, 2, 3, 4, 5, 6, 7, 8})
	f.Add(uint8(70), []byte{0, 0, 0, 0})
	f.Add(uint8(100), []byte{255, 1, 128, 7, 7, 7, 7, 0, 3})
	f.Fuzz(func(t *testing.T, size uint8, data []byte) {
		d0, e0 := fuzzinput.Bands(size, data)
		n := len(d0)
		d, e := append([]float64(nil), d0...), append([]float64(nil), e0...)
		z := blas64.General{Rows: n, Cols: n, Stride: n, Data: make([]float64, n*n)}
		if !Eigen(d, e, z) {
			t.Skip("QR did not converge on a small block")
		}
		var tnorm float64
		for i := range d0 {
			tnorm = math.Max(tnorm, math.Abs(d0[i]))
		}
		for i := range e0 {
			tnorm = math.Max(tnorm, math.Abs(e0[i]))
		}
		tol := 30 * float64(n) * 0x1p-52
		for j := 0; j < n; j++ {
			var nrm float64
			for i := 0; i < n; i++ {
				v := (d0[i] - d[j]) * z.Data[i*n+j]
				if i > 0 {
					v += e0[i-1] * z.Data[(i-1)*n+j]
				}
				if i < n-1 {
					v += e0[i] * z.Data[(i+1)*n+j]
				}
				if math.Abs(v) > tol*3*tnorm+1e-300 {
					t.Fatalf("n=%d: residual of pair %d is %g, ‖T‖ = %g", n, j, v, tnorm)
				}
				nrm += z.Data[i*n+j] * z.Data[i*n+j]
			}
			if math.Abs(nrm-1) > tol {
				t.Fatalf("n=%d: ‖z_%d‖² = %v", n, j, nrm)
			}
		}
	})
}
