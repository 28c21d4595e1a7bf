// Copyright ©2026 The FactorLab Authors.

package decomp_test

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// randDense returns an m×n matrix of standard normal entries.
func randDense(rnd *rand.Rand, m, n int) *mat.Dense {
	d := mat.NewDense(m, n, nil)
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			d.Set(i, j, rnd.NormFloat64())
		}
	}
	return d
}

// randSym returns a random symmetric n×n matrix.
func randSym(rnd *rand.Rand, n int) *mat.Dense {
	d := randDense(rnd, n, n)
	var s mat.Dense
	s.Add(d, d.T())
	return &s
}

// colCos returns |⟨x, y⟩|/(‖x‖‖y‖) for real vectors.
func colCos(x, y mat.Vector) float64 {
	return math.Abs(mat.Dot(x, y)) / (mat.Norm(x, 2) * mat.Norm(y, 2))
}

// sameColumnsSignFree fails unless every column j of got is parallel to
// column j of want: |⟨g, w⟩|/(‖g‖‖w‖) ≥ 1 − tol.
func sameColumnsSignFree(t *testing.T, name string, got, want mat.Matrix, cols int, tol float64) {
	t.Helper()
	for j := 0; j < cols; j++ {
		g := mat.Col(nil, j, got)
		w := mat.Col(nil, j, want)
		if c := colCos(mat.NewVecDense(len(g), g), mat.NewVecDense(len(w), w)); c < 1-tol {
			t.Errorf("%s: column %d not parallel: |cos| = %.15g\ngot  %v\nwant %v", name, j, c, g, w)
		}
	}
}

// cCos returns |⟨x, y⟩|/(‖x‖‖y‖) for complex vectors (Hermitian product).
func cCos(x, y []complex128) float64 {
	var dot complex128
	var nx, ny float64
	for i := range x {
		dot += cmplx.Conj(x[i]) * y[i]
		nx += real(x[i])*real(x[i]) + imag(x[i])*imag(x[i])
		ny += real(y[i])*real(y[i]) + imag(y[i])*imag(y[i])
	}
	return cmplx.Abs(dot) / math.Sqrt(nx*ny)
}

func ccol(m *mat.CDense, j int) []complex128 {
	r, _ := m.Dims()
	v := make([]complex128, r)
	for i := range v {
		v[i] = m.At(i, j)
	}
	return v
}

// orthonormalityError returns ‖QᵀQ − I‖_max.
func orthonormalityError(q mat.Matrix) float64 {
	_, c := q.Dims()
	var g mat.Dense
	g.Mul(q.T(), q)
	for i := 0; i < c; i++ {
		g.Set(i, i, g.At(i, i)-1)
	}
	return mat.Norm(&g, math.Inf(1))
}

// mustPanic fails unless f panics with want.
func mustPanic(t *testing.T, name string, want error, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		r := recover()
		if r != want {
			t.Errorf("%s: panic %v, want %v", name, r, want)
		}
	}()
	f()
}

// fuzzMatrix decodes a fuzz input into an r×c matrix (1 ≤ r, c ≤ 8, or nil
// for zero dimensions). Byte 255 becomes NaN and 254 +Inf, other bytes b
// become (b − 128)/16, so values stay moderate and reachable by hand.
func fuzzMatrix(r, c uint8, data []byte) *mat.Dense {
	rr, cc := int(r%9), int(c%9)
	if rr == 0 || cc == 0 {
		return nil
	}
	d := mat.NewDense(rr, cc, nil)
	for k := 0; k < rr*cc; k++ {
		var b byte = 128
		if k < len(data) {
			b = data[k]
		}
		v := (float64(b) - 128) / 16
		switch b {
		case 255:
			v = math.NaN()
		case 254:
			v = math.Inf(1)
		}
		d.Set(k/cc, k%cc, v)
	}
	return d
}

// asMatrix avoids the typed-nil trap when passing a nil *mat.Dense.
func asMatrix(d *mat.Dense) mat.Matrix {
	if d == nil {
		return nil
	}
	return d
}
