// Copyright ©2026 The FactorLab Authors.

package level3

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"
)

func benchDgemm(b *testing.B, impl blas.Float64, n int) {
	rnd := rand.New(rand.NewPCG(1, 1))
	x, y, z := randSlice(rnd, n*n), randSlice(rnd, n*n), make([]float64, n*n)
	for b.Loop() {
		impl.Dgemm(blas.NoTrans, blas.NoTrans, n, n, n, 1, x, n, y, n, 0, z, n)
	}
	b.ReportMetric(2*float64(n)*float64(n)*float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
}

// BenchmarkDgemm compares this package's Dgemm with gonum's on square
// matrices; run with GOMAXPROCS=1 for single-thread figures.
func BenchmarkDgemm(b *testing.B) {
	for _, n := range []int{64, 256, 500, 1000} {
		b.Run(fmt.Sprintf("level3/%s/n=%d", Kernel(), n), func(b *testing.B) { benchDgemm(b, Implementation{}, n) })
		b.Run(fmt.Sprintf("gonum/n=%d", n), func(b *testing.B) { benchDgemm(b, gonum.Implementation{}, n) })
	}
}
