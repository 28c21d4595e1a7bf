// Copyright ©2026 The FactorLab Authors.

//go:build !openblas

package decomp

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/gonum"
	"gonum.org/v1/gonum/lapack/lapack64"
	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/decomp/internal/bidiag"
)

// TestGesdd runs the thin SVD driver gesdd directly at sizes from 64 up
// (below gesddMin too, where SVD.Factorize itself keeps Dgesvd), tall and
// wide (the long ones through gesddLQ), on matrices with prescribed
// singular values (random,
// rank-deficient, clustered, graded, tiny and huge scale, zero, identity,
// integer rank one), and SVD.Factorize on the same matrices: the residual
// ‖A − UΣVᵀ‖₂/‖A‖₂ and ‖UᵀU − I‖₂, ‖VᵀV − I‖₂ must be within
// 10·max(m, n)·ε and the singular values must match gonum's mat.SVD to
// 1e-12·σ₁, whichever path gesdd takes.
func TestGesdd(t *testing.T) {
	rnd := rand.New(rand.NewPCG(19, 1))
	shapes := [][2]int{{64, 64}, {100, 70}, {70, 130}, {200, 200}, {500, 64}, {64, 300}, {700, 110}, {120, 400}}
	if !testing.Short() {
		shapes = append(shapes, [2]int{400, 300})
	}
	const ulp = 0x1p-52
	orth := func(q *mat.Dense) *mat.Dense { // random matrix with orthonormal columns
		var qr mat.QR
		qr.Factorize(q)
		var out mat.Dense
		qr.QTo(&out)
		_, c := q.Dims()
		return mat.DenseCopyOf(out.Slice(0, out.RawMatrix().Rows, 0, c))
	}
	for _, sh := range shapes {
		m, n := sh[0], sh[1]
		k := min(m, n)
		withValues := func(f func(i int) float64) *mat.Dense {
			u, v := orth(gesddRand(rnd, m, k)), orth(gesddRand(rnd, n, k))
			for j := 0; j < k; j++ {
				col := u.ColView(j).(*mat.VecDense)
				col.ScaleVec(f(j), col)
			}
			var a mat.Dense
			a.Mul(u, v.T())
			return &a
		}
		scaled := func(c float64) *mat.Dense {
			a := gesddRand(rnd, m, n)
			a.Scale(c, a)
			return a
		}
		for _, tc := range []struct {
			name string
			a    *mat.Dense
		}{
			{"random", gesddRand(rnd, m, n)},
			{"rank 3", withValues(func(i int) float64 { return float64(max(0, 3-i)) })},
			{"two values", withValues(func(i int) float64 { return float64(1 + i%2) })},
			{"clustered", withValues(func(i int) float64 { return 1 + 1e-12*float64(i) })},
			{"graded 1e-10", withValues(func(i int) float64 { return math.Pow(10, -10*float64(i)/float64(k)) })},
			{"graded 1e-15", withValues(func(i int) float64 { return math.Pow(10, -15*float64(i)/float64(k)) })},
			{"tiny 1e-300", scaled(1e-300)},
			{"huge 1e300", scaled(1e300)},
			{"zero", mat.NewDense(m, n, nil)},
			{"identity", withValues(func(int) float64 { return 1 })},
			{"rank 1 integers", func() *mat.Dense {
				a := mat.NewDense(m, n, nil)
				a.Apply(func(i, j int, _ float64) float64 { return float64((i%7 - 3) * (j%5 + 1)) }, a)
				return a
			}()},
		} {
			t.Run(fmt.Sprintf("%s/%dx%d", tc.name, m, n), func(t *testing.T) {
				var ref mat.SVD
				if !ref.Factorize(tc.a, mat.SVDNone) {
					t.Fatal("gonum's SVD failed")
				}
				want := ref.Values(nil)
				check := func(what string, u, vt *mat.Dense, s []float64) {
					t.Helper()
					var us, r mat.Dense
					us.Apply(func(_, j int, v float64) float64 { return v * s[j] }, u)
					r.Mul(&us, vt)
					r.Sub(tc.a, &r)
					if res := mat.Norm(&r, 2) / math.Max(mat.Norm(tc.a, 2), 0x1p-1022) / (float64(max(m, n)) * ulp); !(res <= 10) {
						t.Errorf("%s: residual %.3g·max(m,n)·ε", what, res)
					}
					for name, q := range map[string]mat.Matrix{"U": u, "V": vt.T()} {
						e := gesddOrthErr(q) / (float64(max(m, n)) * ulp)
						t.Logf("%s: ‖%sᵀ%s − I‖ = %.3g·max(m,n)·ε", what, name, name, e)
						if !(e <= 10) {
							t.Errorf("%s: ‖%sᵀ%s − I‖ = %.3g·max(m,n)·ε", what, name, name, e)
						}
					}
					for i := range want {
						if d := math.Abs(s[i] - want[i]); !(d <= 1e-12*want[0]) {
							t.Errorf("%s: σ%d = %.17g, gonum %.17g", what, i+1, s[i], want[i])
							break
						}
					}
				}
				u, vt, s := mat.NewDense(m, k, nil), mat.NewDense(k, n, nil), make([]float64, k)
				if !gesdd(tc.a.RawMatrix(), u.RawMatrix(), vt.RawMatrix(), s) {
					t.Fatal("gesdd did not converge")
				}
				check("gesdd", u, vt, s)
				var sv SVD
				if err := sv.Factorize(tc.a, mat.SVDThin); err != nil {
					t.Fatal(err)
				}
				var fu, fv mat.Dense
				sv.UTo(&fu)
				sv.VTo(&fv)
				check("Factorize", &fu, mat.DenseCopyOf(fv.T()), sv.Values(nil))
			})
		}
	}
}

// TestBidiagSVD runs gesdd's bidiagonal step (internal/bidiag) on bidiagonal
// matrices, including ones with zero, tiny and strongly graded singular
// values: gesdd's accuracy guard must accept its result, with singular values
// matching Dbdsqr's to 1e-13·σ₁, and must refuse a spoiled vector or value.
func TestBidiagSVD(t *testing.T) {
	rnd := rand.New(rand.NewPCG(19, 2))
	for _, tc := range []struct {
		name string
		n    int
		d, e func(i int) float64
	}{
		{"random", 150, func(int) float64 { return 2 + math.Abs(rnd.NormFloat64()) }, func(int) float64 { return rnd.NormFloat64() }},
		{"ones", 120, func(int) float64 { return 1 }, func(int) float64 { return 1 }},
		{"diagonal", 100, func(i int) float64 { return 1 + float64(i%3) }, func(int) float64 { return 0 }},
		{"graded 1e-3", 100, func(i int) float64 { return math.Pow(10, -3*float64(i)/100) }, func(i int) float64 { return 0.5 * math.Pow(10, -3*float64(i)/100) }},
		{"graded 1e-15 up", 300, func(i int) float64 { return math.Pow(10, -15*float64(299-i)/300) }, func(i int) float64 { return 0.7 * math.Pow(10, -15*float64(299-i)/300) }},
		{"rank 3", 200, func(i int) float64 { return float64(max(0, 3-i)) }, func(i int) float64 { return float64(max(0, 2-i)) }},
		{"graded 1e-12", 100, func(i int) float64 { return math.Pow(10, -12*float64(i)/100) }, func(i int) float64 { return 0.1 * math.Pow(10, -12*float64(i)/100) }},
		{"zeros", 130, func(i int) float64 { return float64(i % 3) }, func(i int) float64 { return 1 / float64(i+1) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := tc.n
			d, e := make([]float64, n), make([]float64, n-1)
			for i := range d {
				d[i] = tc.d(i)
				if i < n-1 {
					e[i] = tc.e(i)
				}
			}
			s, es := append([]float64(nil), d...), append([]float64(nil), e...)
			ub := blas64.General{Rows: n, Cols: n, Stride: n, Data: make([]float64, n*n)}
			vbt := blas64.General{Rows: n, Cols: n, Stride: n, Data: make([]float64, n*n)}
			if !bidiag.SVD(n, s, es, ub.Data, n, vbt.Data, n) {
				t.Fatal("bidiag.SVD failed")
			}
			if !bidiagSVDAccurate(d, e, ub, vbt, s) {
				t.Fatal("the guard refuses bidiag.SVD's result")
			}
			want, we := append([]float64(nil), d...), append([]float64(nil), e...)
			if !(gonum.Implementation{}).Dbdsqr(blas.Upper, n, 0, 0, 0, want, we, nil, 1, nil, 1, nil, 1, make([]float64, 4*n)) {
				t.Fatal("Dbdsqr did not converge")
			}
			for i := range want {
				if diff := math.Abs(s[i] - want[i]); !(diff <= 1e-13*want[0]) {
					t.Fatalf("σ%d = %.17g, Dbdsqr %.17g", i+1, s[i], want[i])
				}
			}
			// The guard refuses a spoiled vector or value.
			ub.Data[3*n+5] += 1e-9
			if bidiagSVDAccurate(d, e, ub, vbt, s) {
				t.Error("accepts a U_B that is not orthonormal")
			}
			ub.Data[3*n+5] -= 1e-9
			if !bidiagSVDAccurate(d, e, ub, vbt, s) {
				t.Fatal("refuses its own result")
			}
			s[1] *= 1 + 1e-9
			if bidiagSVDAccurate(d, e, ub, vbt, s) {
				t.Error("accepts a wrong singular value")
			}
		})
	}
}

// FuzzGesdd runs gesdd on matrices with both sides from 100 to 163 (the
// fuzz targets of the exported API stop at 6×6, below gesddMin), whose
// entries repeat the fuzzer's bytes cyclically (so that low rank, repeated
// and zero singular values, and hence the divide and conquer's deflation,
// are common), scaled by 2^exp with |exp| ≤ 500: gesdd must converge, with
// residual and orthogonality within 10·max(m, n)·ε and the singular values
// of gonum's mat.SVD to 1e-12·σ₁.
func FuzzGesdd(f *testing.F) {
	f.Add(uint8(0), uint8(0), []byte{1, 2, 3, 4, 5, 6, 7, 8}, int16(0))
	f.Add(uint8(60), uint8(3), []byte{0, 0, 9, 200, 7}, int16(-400))
	f.Add(uint8(5), uint8(63), []byte{255, 1, 128, 7, 7, 7, 7, 0, 3}, int16(450))
	f.Add(uint8(20), uint8(20), []byte{1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, int16(0))
	f.Fuzz(func(t *testing.T, rows, cols uint8, data []byte, exp int16) {
		m, n := 100+int(rows)%64, 100+int(cols)%64
		if len(data) == 0 {
			data = []byte{0}
		}
		e := int(exp) % 501
		a := mat.NewDense(m, n, nil)
		for i := 0; i < m; i++ {
			for j := 0; j < n; j++ {
				b := data[(i*n+j)%len(data)]
				a.Set(i, j, math.Ldexp(float64(int(b&15)-8), int(b>>4)+e))
			}
		}
		k := min(m, n)
		u, vt, s := mat.NewDense(m, k, nil), mat.NewDense(k, n, nil), make([]float64, k)
		if !gesdd(a.RawMatrix(), u.RawMatrix(), vt.RawMatrix(), s) {
			t.Fatal("gesdd did not converge")
		}
		var ref mat.SVD
		if !ref.Factorize(a, mat.SVDNone) {
			t.Skip("gonum's SVD did not converge")
		}
		want := ref.Values(nil)
		const ulp = 0x1p-52
		tol := 10 * float64(max(m, n)) * ulp
		var us, r mat.Dense
		us.Apply(func(_, j int, v float64) float64 { return v * s[j] }, u)
		r.Mul(&us, vt)
		r.Sub(a, &r)
		if res, an := mat.Norm(&r, 2), mat.Norm(a, 2); !(res <= tol*an) {
			t.Fatalf("%d×%d: residual %.3g·max(m,n)·ε·‖A‖", m, n, res/an/(float64(max(m, n))*ulp))
		}
		for name, q := range map[string]mat.Matrix{"U": u, "V": vt.T()} {
			if o := gesddOrthErr(q); !(o <= tol) {
				t.Fatalf("%d×%d: ‖%sᵀ%s − I‖ = %.3g·max(m,n)·ε", m, n, name, name, o/(float64(max(m, n))*ulp))
			}
		}
		for i := range want {
			if d := math.Abs(s[i] - want[i]); !(d <= 1e-12*want[0]) {
				t.Fatalf("%d×%d: σ%d = %.17g, gonum %.17g", m, n, i+1, s[i], want[i])
			}
		}
	})
}

// BenchmarkGesddShapes times gesdd against gonum's Dgesvd, both on the BLAS
// decomp installs, around gesddMin and at long shapes (the measurements
// quoted at gesddMin):
//
//	GOMAXPROCS=1 go test -run '^$' -bench GesddShapes -count 3 ./pkg/decomp/
func BenchmarkGesddShapes(b *testing.B) {
	for _, sh := range [][2]int{{64, 64}, {1797, 64}, {64, 1797}, {100, 100}, {1000, 100}, {100, 1000},
		{150, 150}, {5000, 128}, {128, 5000}, {2000, 200}, {200, 2000}, {1000, 400}} {
		m, n := sh[0], sh[1]
		k := min(m, n)
		a := gesddRand(rand.New(rand.NewPCG(1, 2)), m, n).RawMatrix()
		u := blas64.General{Rows: m, Cols: k, Stride: k, Data: make([]float64, m*k)}
		vt := blas64.General{Rows: k, Cols: n, Stride: n, Data: make([]float64, k*n)}
		s := make([]float64, k)
		b.Run(fmt.Sprintf("%dx%d/gesdd", m, n), func(b *testing.B) {
			for b.Loop() {
				if !gesdd(a, u, vt, s) {
					b.Fatal("no convergence")
				}
			}
		})
		b.Run(fmt.Sprintf("%dx%d/dgesvd", m, n), func(b *testing.B) {
			w := blas64.General{Rows: m, Cols: n, Stride: n, Data: make([]float64, m*n)}
			work := []float64{0}
			lapack64.Gesvd(lapack.SVDStore, lapack.SVDStore, w, u, vt, s, work, -1)
			work = make([]float64, int(work[0]))
			for b.Loop() {
				copy(w.Data, a.Data)
				if !lapack64.Gesvd(lapack.SVDStore, lapack.SVDStore, w, u, vt, s, work, len(work)) {
					b.Fatal("no convergence")
				}
			}
		})
	}
}

func gesddRand(rnd *rand.Rand, m, n int) *mat.Dense {
	a := mat.NewDense(m, n, nil)
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			a.Set(i, j, rnd.NormFloat64())
		}
	}
	return a
}

// gesddOrthErr returns ‖QᵀQ − I‖₂.
func gesddOrthErr(q mat.Matrix) float64 {
	_, c := q.Dims()
	var g mat.Dense
	g.Mul(q.T(), q)
	for i := 0; i < c; i++ {
		g.Set(i, i, g.At(i, i)-1)
	}
	return mat.Norm(&g, 2)
}
