// Copyright ©2026 The FactorLab Authors.

package householder

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack"
)

// trigger returns an m×n matrix (m ≥ n ≥ 3) whose Householder QR has a
// dense first vector, a second vector ending in zeros and dense later ones:
// the input on which gonum v0.17's blocked code goes wrong. Column 1 is
// (0, 1, −1, 0, …, 0) and column 0 has equal entries in rows 1 and 2, so the
// first reflector leaves column 1 exactly as it is (a difference operator
// next to a dense column, as in an incidence matrix).
func trigger(m, n int, rnd *rand.Rand) []float64 {
	a := make([]float64, m*n)
	for i := range a {
		a[i] = rnd.NormFloat64()
	}
	a[2*n] = a[1*n]
	for i := 0; i < m; i++ {
		a[i*n+1] = 0
	}
	a[1*n+1], a[2*n+1] = 1, -1
	return a
}

// qrError returns max|A − Q·R| and max|QᵀQ − I| for the thin Q (m×n) and R
// (n×n upper triangle of r).
func qrError(m, n int, a, q, r []float64) (float64, float64) {
	R := make([]float64, n*n)
	for i := 0; i < n; i++ {
		copy(R[i*n+i:(i+1)*n], r[i*n+i:(i+1)*n])
	}
	prod := blas64.General{Rows: m, Cols: n, Stride: n, Data: slices.Clone(a)}
	blas64.Gemm(blas.NoTrans, blas.NoTrans, -1,
		blas64.General{Rows: m, Cols: n, Stride: n, Data: q},
		blas64.General{Rows: n, Cols: n, Stride: n, Data: R}, 1, prod)
	res := maxAbs(prod.Data)
	g := blas64.General{Rows: n, Cols: n, Stride: n, Data: make([]float64, n*n)}
	Q := blas64.General{Rows: m, Cols: n, Stride: n, Data: q}
	blas64.Gemm(blas.Trans, blas.NoTrans, 1, Q, Q, 0, g)
	for i := 0; i < n; i++ {
		g.Data[i*n+i]--
	}
	return res, maxAbs(g.Data)
}

func maxAbs(x []float64) float64 {
	var m float64
	for _, v := range x {
		m = max(m, math.Abs(v))
	}
	return m
}

// TestQROnTheDefect factorizes the trigger matrix (orders past gonum's
// crossover to blocked code) with Geqrf and Orgqr, and transposed with
// Gelqf and Orglq: Q·R = A and QᵀQ = I to working precision. It logs what
// gonum's blocked code gives on the same input.
func TestQROnTheDefect(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	for _, sz := range [][2]int{{300, 200}, {200, 200}, {500, 160}} {
		m, n := sz[0], sz[1]
		a := trigger(m, n, rnd)
		tol := 100 * float64(m) * 0x1p-52 * maxAbs(a)

		w := slices.Clone(a)
		tau := make([]float64, n)
		Geqrf(m, n, w, n, tau)
		r := slices.Clone(w)
		Orgqr(m, n, n, w, n, tau)
		if res, orth := qrError(m, n, a, w, r); res > tol || orth > 100*float64(m)*0x1p-52 {
			t.Errorf("%d×%d: Geqrf/Orgqr: |A − QR| = %g, |QᵀQ − I| = %g", m, n, res, orth)
		}

		// gonum's blocked code alone, for the record.
		g := slices.Clone(a)
		q := make([]float64, 1<<16)
		impl.Dgeqrf(m, n, g, n, tau, q, len(q))
		gr := slices.Clone(g)
		impl.Dorgqr(m, n, n, g, n, tau, q, len(q))
		res, orth := qrError(m, n, a, g, gr)
		t.Logf("%d×%d: gonum's blocked Dgeqrf/Dorgqr: |A − QR| = %g, |QᵀQ − I| = %g", m, n, res, orth)

		// The transpose: Aᵀ = L·Q with LQ along rows.
		at := make([]float64, n*m)
		for i := 0; i < m; i++ {
			for j := 0; j < n; j++ {
				at[j*m+i] = a[i*n+j]
			}
		}
		w = slices.Clone(at)
		Gelqf(n, m, w, m, tau)
		l := slices.Clone(w)
		Orglq(n, m, n, w, m, tau)
		// Transpose back into QR form to reuse qrError.
		qt, rt := make([]float64, m*n), make([]float64, n*n)
		for i := 0; i < n; i++ {
			for j := 0; j < m; j++ {
				qt[j*n+i] = w[i*m+j]
			}
			for j := 0; j <= i; j++ {
				rt[j*n+i] = l[i*m+j]
			}
		}
		if res, orth := qrError(m, n, a, qt, rt); res > tol || orth > 100*float64(m)*0x1p-52 {
			t.Errorf("%d×%d: Gelqf/Orglq: |Aᵀ − LQ| = %g, |QQᵀ − I| = %g", n, m, res, orth)
		}
	}
}

// TestGeneratorsOnTheDefect gives Orgqr, Orglq and Orgbr reflectors of a
// dense factorization whose second vector is cut to end in zeros, and
// compares with gonum's unblocked generators (Dorg2r, Dorgl2), which are
// exact for any vectors.
func TestGeneratorsOnTheDefect(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	n := 200
	a := make([]float64, n*n)
	for i := range a {
		a[i] = rnd.NormFloat64()
	}
	tau := make([]float64, n)
	q := make([]float64, 1<<16)
	qr := slices.Clone(a)
	impl.Dgeqrf(n, n, qr, n, tau, q, len(q))
	for _, cut := range []int{1, 33, 65} { // the second vector of a block of 32
		v := slices.Clone(qr)
		for i := cut + 4; i < n; i++ {
			v[i*n+cut] = 0
		}
		want := slices.Clone(v)
		impl.Dorg2r(n, n, n, want, n, tau, q)

		got := slices.Clone(v)
		Orgqr(n, n, n, got, n, tau)
		if d := maxDiff(got, want); d > 1e-13 {
			t.Errorf("Orgqr, vector %d cut: differs from Dorg2r by %g", cut, d)
		}
		got = slices.Clone(v)
		Orgbr(lapack.GenerateQ, n, n, n, got, n, tau)
		if d := maxDiff(got, want); d > 1e-13 {
			t.Errorf("Orgbr(Q), vector %d cut: differs from Dorg2r by %g", cut, d)
		}
		blocked := slices.Clone(v)
		impl.Dorgqr(n, n, n, blocked, n, tau, q, len(q))
		t.Logf("vector %d cut: gonum's blocked Dorgqr differs from Dorg2r by %g", cut, maxDiff(blocked, want))

		// The same vectors along rows (the transpose) for the LQ side.
		vt := make([]float64, n*n)
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				vt[j*n+i] = v[i*n+j]
			}
		}
		wantT := slices.Clone(vt)
		impl.Dorgl2(n, n, n, wantT, n, tau, q)
		gotT := slices.Clone(vt)
		Orglq(n, n, n, gotT, n, tau)
		if d := maxDiff(gotT, wantT); d > 1e-13 {
			t.Errorf("Orglq, vector %d cut: differs from Dorgl2 by %g", cut, d)
		}
	}
}

func maxDiff(a, b []float64) float64 {
	var d float64
	for i := range a {
		d = max(d, math.Abs(a[i]-b[i]))
	}
	return d
}
