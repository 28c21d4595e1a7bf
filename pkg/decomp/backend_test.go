// Copyright ©2026 The FactorLab Authors.

package decomp

import (
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/floats"
)

func randGeneral(rnd *rand.Rand, r, c int) blas64.General {
	g := blas64.General{Rows: r, Cols: c, Stride: c, Data: make([]float64, r*c)}
	for i := range g.Data {
		g.Data[i] = rnd.NormFloat64()
	}
	return g
}

// gemm's skinny paths (and the OpenBLAS one) agree with gonum's Dgemm.
func TestGemmSkinny(t *testing.T) {
	rnd := rand.New(rand.NewPCG(11, 11))
	for trial := 0; trial < 50; trial++ {
		m, n, l := 1+rnd.IntN(60), 1+rnd.IntN(60), 1+rnd.IntN(20)
		a := randGeneral(rnd, m, n)
		zt := randGeneral(rnd, l, n)
		y := randGeneral(rnd, m, l) // overwritten: beta = 0
		want := blas64.General{Rows: m, Cols: l, Stride: l, Data: make([]float64, m*l)}
		gemm(blas.NoTrans, blas.Trans, 1, a, zt, 0, y)
		blas64.Gemm(blas.NoTrans, blas.Trans, 1, a, zt, 0, want)
		if !floats.EqualApprox(y.Data, want.Data, 1e-12) {
			t.Fatalf("trial %d: A·Zᵀ differs", trial)
		}
		q := randGeneral(rnd, m, l)
		b := randGeneral(rnd, l, n)
		want2 := blas64.General{Rows: l, Cols: n, Stride: n, Data: make([]float64, l*n)}
		gemm(blas.Trans, blas.NoTrans, 1, q, a, 0, b)
		blas64.Gemm(blas.Trans, blas.NoTrans, 1, q, a, 0, want2)
		if !floats.EqualApprox(b.Data, want2.Data, 1e-12) {
			t.Fatalf("trial %d: Qᵀ·A differs", trial)
		}
	}
}

// orthonormalize and orthonormalizeRows give orthonormal columns and rows
// spanning the input.
func TestOrthonormalize(t *testing.T) {
	rnd := rand.New(rand.NewPCG(12, 12))
	a := randGeneral(rnd, 30, 5)
	orig := append([]float64(nil), a.Data...)
	orthonormalize(a)
	g := blas64.General{Rows: 5, Cols: 5, Stride: 5, Data: make([]float64, 25)}
	blas64.Gemm(blas.Trans, blas.NoTrans, 1, a, a, 0, g)
	for i := 0; i < 5; i++ {
		g.Data[i*5+i]--
	}
	if floats.Norm(g.Data, 2) > 1e-13 {
		t.Errorf("QᵀQ ≠ I")
	}
	// Projection of the original columns onto span(Q) is the identity.
	o := blas64.General{Rows: 30, Cols: 5, Stride: 5, Data: orig}
	c := blas64.General{Rows: 5, Cols: 5, Stride: 5, Data: make([]float64, 25)}
	blas64.Gemm(blas.Trans, blas.NoTrans, 1, a, o, 0, c)
	p := blas64.General{Rows: 30, Cols: 5, Stride: 5, Data: make([]float64, 150)}
	blas64.Gemm(blas.NoTrans, blas.NoTrans, 1, a, c, 0, p)
	if !floats.EqualApprox(p.Data, orig, 1e-12) {
		t.Errorf("span changed")
	}
	r := randGeneral(rnd, 4, 25)
	orthonormalizeRows(r)
	h := blas64.General{Rows: 4, Cols: 4, Stride: 4, Data: make([]float64, 16)}
	blas64.Gemm(blas.NoTrans, blas.Trans, 1, r, r, 0, h)
	for i := 0; i < 4; i++ {
		h.Data[i*4+i]--
	}
	if floats.Norm(h.Data, 2) > 1e-13 {
		t.Errorf("Q·Qᵀ ≠ I")
	}
}
