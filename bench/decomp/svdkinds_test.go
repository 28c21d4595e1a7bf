// Copyright ©2026 The FactorLab Authors.

package decompbench

import (
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/decomp"
)

// withValues returns the m×n matrix U·diag(σ)·Vᵀ with random orthonormal
// U, V (seeded) and σᵢ = sigma(i), i < min(m, n).
func withValues(seed uint64, m, n int, sigma func(i int) float64) *mat.Dense {
	k := min(m, n)
	orth := func(seed uint64, r int) *mat.Dense {
		var qr mat.QR
		qr.Factorize(randDense(seed, r, k))
		var q mat.Dense
		qr.QTo(&q)
		return mat.DenseCopyOf(q.Slice(0, r, 0, k))
	}
	u, v := orth(seed, m), orth(seed+1, n)
	for j := 0; j < k; j++ {
		col := u.ColView(j).(*mat.VecDense)
		col.ScaleVec(sigma(j), col)
	}
	var a mat.Dense
	a.Mul(u, v.T())
	return &a
}

// svdKinds are the singular value distributions of the side cases: a
// Gaussian matrix, rank 3, graded over 15 decades, and half the values at
// 10⁻³ (low rank plus noise).
var svdKinds = []struct {
	name string
	make func(m, n int) *mat.Dense
}{
	{"random", func(m, n int) *mat.Dense { return randDense(5, m, n) }},
	{"rank3", func(m, n int) *mat.Dense {
		return withValues(6, m, n, func(i int) float64 { return float64(max(0, 3-i)) })
	}},
	{"graded1e-15", func(m, n int) *mat.Dense {
		k := min(m, n)
		return withValues(7, m, n, func(i int) float64 { return math.Pow(10, -15*float64(i)/float64(k)) })
	}},
	{"half1e-3", func(m, n int) *mat.Dense {
		k := min(m, n)
		return withValues(8, m, n, func(i int) float64 {
			if i >= k/2 {
				return 1e-3 * (1 + float64(i%7)/7)
			}
			return 1 + float64(i%7)/7
		})
	}},
}

// BenchmarkSVDKinds times the thin SVD of decomp and of gonum's mat.SVD
// (with gonum's own BLAS) on the side cases at 600×600, and on Gaussian
// matrices of other shapes, inside and outside the window where decomp uses
// divide and conquer.
func BenchmarkSVDKinds(b *testing.B) {
	type kase struct {
		kind int
		m, n int
	}
	var cases []kase
	for k := range svdKinds {
		cases = append(cases, kase{k, 600, 600})
	}
	for _, sh := range [][2]int{{100, 100}, {1000, 100}, {100, 1000}, {200, 200}, {1200, 600}, {600, 1200}, {1000, 400}, {2000, 200}, {5000, 128}, {128, 5000}} {
		cases = append(cases, kase{0, sh[0], sh[1]})
	}
	for _, c := range cases {
		a := svdKinds[c.kind].make(c.m, c.n)
		b.Run(fmt.Sprintf("%s/%dx%d/decomp", svdKinds[c.kind].name, c.m, c.n), func(b *testing.B) {
			var s decomp.SVD
			for b.Loop() {
				if err := s.Factorize(a, mat.SVDThin); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("%s/%dx%d/gonum", svdKinds[c.kind].name, c.m, c.n), func(b *testing.B) {
			gonumBLAS(b)
			var s mat.SVD
			for b.Loop() {
				if !s.Factorize(a, mat.SVDThin) {
					b.Fatal("no convergence")
				}
			}
		})
	}
}
