// Copyright ©2026 The FactorLab Authors.

package bidiag

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack/gonum"

	"github.com/factorlab/factorlab/internal/fuzzinput"
)

const ulp = 0x1p-52

// testMatrices returns named upper bidiagonals (d, e) of order n, among them
// the ones that make divide and conquer deflate: repeated and clustered
// singular values, zeros in d and in e, tiny coupling elements, strong
// grading. graded reports whether Dbdsqr computes the matrix's singular
// values to high relative accuracy (the check then is relative).
type testMatrix struct {
	d, e   []float64
	graded bool
}

func testMatrices(n int, rnd *rand.Rand) map[string]testMatrix {
	ms := map[string]testMatrix{}
	add := func(name string, graded bool, fd func(i int) float64, fe func(i int) float64) {
		d, e := make([]float64, n), make([]float64, max(n-1, 0))
		for i := range d {
			d[i] = fd(i)
		}
		for i := range e {
			e[i] = fe(i)
		}
		ms[name] = testMatrix{d, e, graded}
	}
	add("random", false, func(int) float64 { return rnd.NormFloat64() }, func(int) float64 { return rnd.NormFloat64() })
	add("ones", false, func(int) float64 { return 1 }, func(int) float64 { return 1 })
	add("identity", true, func(int) float64 { return 1 }, func(int) float64 { return 0 })
	add("repeated", false, func(i int) float64 { return float64(1 + i%3) }, func(int) float64 { return 0 })
	add("clustered", false, func(i int) float64 { return 1 + 1e-13*float64(i) }, func(int) float64 { return 1e-14 * rnd.NormFloat64() })
	add("zeros in d", false, func(i int) float64 {
		if i%4 == 1 {
			return 0
		}
		return rnd.NormFloat64()
	}, func(int) float64 { return rnd.NormFloat64() })
	add("zeros in e", false, func(int) float64 { return rnd.NormFloat64() }, func(i int) float64 {
		if i%5 == 2 {
			return 0
		}
		return rnd.NormFloat64()
	})
	add("tiny e", false, func(int) float64 { return rnd.NormFloat64() }, func(int) float64 { return 1e-18 * rnd.NormFloat64() })
	add("graded 1e-15", true, func(i int) float64 { return math.Pow(10, -15*float64(i)/float64(n)) }, func(i int) float64 {
		return 0.3 * math.Pow(10, -15*(float64(i)+0.5)/float64(n))
	})
	add("graded up", true, func(i int) float64 { return math.Pow(10, -15*float64(n-1-i)/float64(n)) }, func(i int) float64 {
		return 0.3 * math.Pow(10, -15*(float64(n-1-i)-0.5)/float64(n))
	})
	// Small in the middle (where the first split falls), large at both ends.
	vexp := func(i int) float64 { return -15 * (1 - math.Abs(2*float64(i)/float64(max(n-1, 1))-1)) }
	add("graded V", true, func(i int) float64 { return math.Pow(10, vexp(i)) }, func(i int) float64 {
		return 0.4 * math.Pow(10, math.Min(vexp(i), vexp(i+1)))
	})
	// Magnitudes 10^(−15·u), u uniform, in random order; e no larger than
	// its neighbours in d.
	rd := make([]float64, n)
	for i := range rd {
		rd[i] = math.Pow(10, -15*rnd.Float64()) * (1 + rnd.Float64())
	}
	add("graded random", true, func(i int) float64 { return rd[i] }, func(i int) float64 {
		return 0.5 * math.Min(rd[i], rd[i+1]) * rnd.NormFloat64()
	})
	// 600 decades: below about 2⁻⁴⁸⁰·‖B‖ (10⁻¹⁴⁴) the merges deflate in
	// any case, so only absolute accuracy is asked.
	add("graded 1e-600", false, func(i int) float64 { return math.Pow(10, vexp(i)*40) }, func(i int) float64 {
		return 0.5 * math.Pow(10, math.Min(vexp(i), vexp(i+1))*40)
	})
	add("rank 3", false, func(i int) float64 {
		if i < 3 {
			return 1 + float64(i)
		}
		return 0
	}, func(i int) float64 {
		if i < 2 {
			return 0.5
		}
		return 0
	})
	add("half small", false, func(i int) float64 {
		if i%2 == 0 {
			return 1e-3 * (1 + rnd.Float64())
		}
		return 1 + rnd.Float64()
	}, func(int) float64 { return 1e-4 * rnd.NormFloat64() })
	add("zero", true, func(int) float64 { return 0 }, func(int) float64 { return 0 })
	return ms
}

// checkSVD verifies B·V = U·Σ and the orthonormality of U and V, relative to
// n·ε, the order of the singular values, and the values against Dbdsqr's:
// to c·n·ε·‖B‖, and to c·n·ε·σᵢ when relative is set. Below n = 10 the bounds
// use 10 for n: Dbdsqr, which solves those orders alone, neglects elements
// up to about 90·ε relative to their neighbours.
func checkSVD(t *testing.T, n int, d0, e0, s, u, vt []float64, ldu, ldvt int, relative bool) {
	t.Helper()
	var bnorm float64
	for i := 0; i < n; i++ {
		r := math.Abs(d0[i])
		if i < n-1 {
			r += math.Abs(e0[i])
		}
		bnorm = math.Max(bnorm, r)
	}
	const c = 10
	tol := c * float64(max(n, 10)) * ulp
	// Residual max |B·vⱼ − σⱼ·uⱼ| over the columns, relative to ‖B‖.
	var res float64
	for j := 0; j < n; j++ {
		if j > 0 && s[j] > s[j-1] {
			t.Fatalf("σ not descending at %d: %v < %v", j, s[j-1], s[j])
		}
		if !(s[j] >= 0) {
			t.Fatalf("σ%d = %v", j, s[j])
		}
		v := vt[j*ldvt:]
		for i := 0; i < n; i++ {
			bv := d0[i] * v[i]
			if i < n-1 {
				bv += e0[i] * v[i+1]
			}
			res = math.Max(res, math.Abs(bv-s[j]*u[i*ldu+j]))
		}
	}
	if !(res <= tol*bnorm) {
		t.Errorf("residual max|Bv − σu| = %.3g = %.1f·n·ε·‖B‖", res, res/(float64(n)*ulp*bnorm))
	}
	// max|QᵀQ − I| for U (ta = Trans), max|Q·Qᵀ − I| for Vᵀ (ta = NoTrans).
	orth := func(q blas64.General, ta blas.Transpose) float64 {
		tb := blas.Trans
		if ta == blas.Trans {
			tb = blas.NoTrans
		}
		g := blas64.General{Rows: n, Cols: n, Stride: n, Data: make([]float64, n*n)}
		blas64.Gemm(ta, tb, 1, q, q, 0, g)
		var o float64
		for i := 0; i < n; i++ {
			g.Data[i*n+i]--
			for _, v := range g.Data[i*n : (i+1)*n] {
				o = math.Max(o, math.Abs(v))
			}
		}
		return o
	}
	ou := orth(blas64.General{Rows: n, Cols: n, Stride: ldu, Data: u}, blas.Trans)
	ov := orth(blas64.General{Rows: n, Cols: n, Stride: ldvt, Data: vt}, blas.NoTrans)
	if !(ou <= tol) {
		t.Errorf("orthogonality max|UᵀU − I| = %.3g = %.1f·n·ε", ou, ou/(float64(n)*ulp))
	}
	if !(ov <= tol) {
		t.Errorf("orthogonality max|VᵀV − I| = %.3g = %.1f·n·ε", ov, ov/(float64(n)*ulp))
	}
	want, we := append([]float64(nil), d0...), append([]float64(nil), e0...)
	if !(gonum.Implementation{}).Dbdsqr(blas.Upper, n, 0, 0, 0, want, we, nil, 1, nil, 1, nil, 1, make([]float64, 4*n)) {
		t.Fatal("Dbdsqr did not converge")
	}
	for i := range want {
		scale := bnorm
		if relative {
			scale = want[i]
		}
		if diff := math.Abs(s[i] - want[i]); !(diff <= tol*scale) {
			t.Errorf("σ%d = %.17g, Dbdsqr %.17g: |Δ| = %.3g·n·ε·%s", i+1, s[i], want[i], diff/(float64(n)*ulp*scale),
				map[bool]string{true: "σ", false: "‖B‖"}[relative])
			return
		}
	}
}

// run computes the SVD of (d0, e0) with padded strides and checks it.
func run(t *testing.T, d0, e0 []float64, relative bool) {
	t.Helper()
	n := len(d0)
	d, e := append([]float64(nil), d0...), append([]float64(nil), e0...)
	ldu, ldvt := n+2, n+1
	u := make([]float64, max(n*ldu, 1))
	vt := make([]float64, max(n*ldvt, 1))
	for i := range u {
		u[i] = math.NaN()
	}
	for i := range vt {
		vt[i] = math.NaN()
	}
	if !SVD(n, d, e, u, ldu, vt, ldvt) {
		t.Fatal("SVD reported failure")
	}
	for i := 0; i < n; i++ {
		for j := n; j < ldu; j++ {
			if !math.IsNaN(u[i*ldu+j]) {
				t.Fatalf("padding u[%d, %d] written", i, j)
			}
		}
		for j := n; j < ldvt; j++ {
			if !math.IsNaN(vt[i*ldvt+j]) {
				t.Fatalf("padding vt[%d, %d] written", i, j)
			}
		}
	}
	checkSVD(t, n, d0, e0, d, u, vt, ldu, ldvt, relative)
}

func TestSVD(t *testing.T) {
	rnd := rand.New(rand.NewPCG(19, 3))
	sizes := []int{1, 2, 3, 4, 5, 24, 25, 26, 27, 50, 51, 52, 53, 70, 200}
	if !testing.Short() {
		sizes = append(sizes, 1000)
	}
	for _, n := range sizes {
		for name, tm := range testMatrices(n, rnd) {
			t.Run(fmt.Sprintf("%s/n=%d", name, n), func(t *testing.T) {
				run(t, tm.d, tm.e, tm.graded)
			})
		}
	}
}

// TestSVDScale runs random and graded matrices scaled by 2^±500: the results
// must scale with them.
func TestSVDScale(t *testing.T) {
	rnd := rand.New(rand.NewPCG(19, 4))
	for _, n := range []int{5, 60, 200} {
		ms := testMatrices(n, rnd)
		for _, name := range []string{"random", "graded 1e-15", "zeros in d"} {
			for _, ex := range []int{-500, 500} {
				t.Run(fmt.Sprintf("%s/n=%d/2^%d", name, n, ex), func(t *testing.T) {
					tm := ms[name]
					d, e := make([]float64, n), make([]float64, n-1)
					for i := range d {
						d[i] = math.Ldexp(tm.d[i], ex)
					}
					for i := range e {
						e[i] = math.Ldexp(tm.e[i], ex)
					}
					run(t, d, e, tm.graded)
				})
			}
		}
	}
}

// TestSVDSmall checks hand-worked cases: the 1×1 matrix [−3] (σ = 3 with
// u·vᵀ = −1) and the 2×2 [[3, 4], [0, 0]] (σ = 5, 0: BᵀB = [[9, 12], [12, 16]]).
func TestSVDSmall(t *testing.T) {
	d, e := []float64{-3}, []float64{}
	u, vt := []float64{0}, []float64{0}
	if !SVD(1, d, e, u, 1, vt, 1) || d[0] != 3 || u[0]*vt[0] != -1 {
		t.Errorf("[−3]: σ = %v, u = %v, vᵀ = %v", d[0], u[0], vt[0])
	}
	d, e = []float64{3, 0}, []float64{4}
	u, vt = make([]float64, 4), make([]float64, 4)
	if !SVD(2, d, e, u, 2, vt, 2) {
		t.Fatal("SVD failed")
	}
	if math.Abs(d[0]-5) > 4*ulp || d[1] != 0 {
		t.Errorf("σ = %v, want [5 0]", d)
	}
	if math.Abs(math.Abs(vt[0])-0.6) > 4*ulp || math.Abs(math.Abs(vt[1])-0.8) > 4*ulp {
		t.Errorf("v₁ = %v, want ±(0.6, 0.8)", vt[:2])
	}
}

func TestSVDNonFinite(t *testing.T) {
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		d, e := []float64{1, bad, 2}, []float64{1, 1}
		if SVD(3, d, e, make([]float64, 9), 3, make([]float64, 9), 3) {
			t.Errorf("accepts %v in d", bad)
		}
		d, e = []float64{1, 2, 3}, []float64{bad, 1}
		if SVD(3, d, e, make([]float64, 9), 3, make([]float64, 9), 3) {
			t.Errorf("accepts %v in e", bad)
		}
	}
}

func TestSVDPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic for a short u")
		}
	}()
	SVD(3, make([]float64, 3), make([]float64, 2), make([]float64, 8), 3, make([]float64, 9), 3)
}

// TestSVDSeeds is a property test over random seeds: random orders from 1
// to 300 and entries drawn from mixtures that produce zeros, repeats, tiny
// couplings and wide ranges.
func TestSVDSeeds(t *testing.T) {
	seeds := 60
	if testing.Short() {
		seeds = 15
	}
	for seed := 0; seed < seeds; seed++ {
		rnd := rand.New(rand.NewPCG(uint64(seed), 19))
		n := 1 + rnd.IntN(300)
		val := func() float64 {
			switch rnd.IntN(6) {
			case 0:
				return 0
			case 1:
				return float64(rnd.IntN(3))
			case 2:
				return math.Ldexp(rnd.NormFloat64(), -rnd.IntN(60))
			default:
				return rnd.NormFloat64()
			}
		}
		d, e := make([]float64, n), make([]float64, n-1)
		for i := range d {
			d[i] = val()
		}
		for i := range e {
			e[i] = val()
		}
		t.Run(fmt.Sprintf("seed=%d/n=%d", seed, n), func(t *testing.T) {
			run(t, d, e, false)
		})
	}
}

// FuzzSVD builds a bidiagonal from the fuzzer's bytes (each entry a small
// integer scaled by a power of two, so that repeated values, zeros and wide
// ranges all occur) and checks residual, orthogonality and the values.
func FuzzSVD(f *testing.F) {
	f.Add(uint8(40), []byte{1, 2, 3, 4, 5, 6, 7, 8})
	f.Add(uint8(70), []byte{0, 0, 0, 0})
	f.Add(uint8(100), []byte{255, 1, 128, 7, 7, 7, 7, 0, 3})
	f.Add(uint8(26), []byte{8, 8, 24, 9})
	f.Fuzz(func(t *testing.T, size uint8, data []byte) {
		d, e := fuzzinput.Bands(size, data)
		run(t, d, e, false)
	})
}

func benchSVD(b *testing.B, n int) {
	rnd := rand.New(rand.NewPCG(1, 1))
	d0, e0 := make([]float64, n), make([]float64, n-1)
	for i := range d0 {
		d0[i] = rnd.NormFloat64()
	}
	for i := range e0 {
		e0[i] = rnd.NormFloat64()
	}
	d, e := make([]float64, n), make([]float64, n-1)
	u, vt := make([]float64, n*n), make([]float64, n*n)
	for b.Loop() {
		copy(d, d0)
		copy(e, e0)
		if !SVD(n, d, e, u, n, vt, n) {
			b.Fatal("failed")
		}
	}
}

func BenchmarkSVD200(b *testing.B)  { benchSVD(b, 200) }
func BenchmarkSVD1000(b *testing.B) { benchSVD(b, 1000) }
