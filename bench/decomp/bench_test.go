// Copyright ©2026 The FactorLab Authors.

// Package decompbench benchmarks pkg/decomp against calling gonum/mat
// directly. Run
//
//	GOMAXPROCS=1 go test -run '^$' -bench . -count 6 ./bench/decomp/ | tee new.txt
//	benchstat new.txt
//
// and add -tags openblas (with CGO_LDFLAGS="-lopenblas -llapacke") for the
// OpenBLAS backend. run.sh compares with numpy and scikit-learn.
package decompbench

import (
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/decomp"
)

func randDense(seed uint64, m, n int) *mat.Dense {
	rnd := rand.New(rand.NewPCG(seed, seed))
	d := mat.NewDense(m, n, nil)
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			d.Set(i, j, rnd.NormFloat64())
		}
	}
	return d
}

func randSym(seed uint64, n int) *mat.SymDense {
	d := randDense(seed, n, n)
	s := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			s.SetSym(i, j, (d.At(i, j)+d.At(j, i))/2)
		}
	}
	return s
}

func benchEigen(b *testing.B, n int) {
	a := randDense(1, n, n)
	var e decomp.Eigen
	for b.Loop() {
		if err := e.Factorize(a, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func benchGonumEigen(b *testing.B, n int) {
	a := randDense(1, n, n)
	var e mat.Eigen
	for b.Loop() {
		if !e.Factorize(a, mat.EigenRight) {
			b.Fatal("no convergence")
		}
	}
}

func benchEigenSym(b *testing.B, n int) {
	a := randSym(2, n)
	var e decomp.EigenSym
	for b.Loop() {
		if err := e.Factorize(a, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func benchGonumEigenSym(b *testing.B, n int) {
	a := randSym(2, n)
	var e mat.EigenSym
	for b.Loop() {
		if !e.Factorize(a, true) {
			b.Fatal("no convergence")
		}
	}
}

func benchSVD(b *testing.B, n int) {
	a := randDense(3, n, n)
	var s decomp.SVD
	for b.Loop() {
		if err := s.Factorize(a, mat.SVDThin); err != nil {
			b.Fatal(err)
		}
	}
}

func benchGonumSVD(b *testing.B, n int) {
	a := randDense(3, n, n)
	var s mat.SVD
	for b.Loop() {
		if !s.Factorize(a, mat.SVDThin) {
			b.Fatal("no convergence")
		}
	}
}

func benchTruncatedSVD(b *testing.B, n int) {
	a := randDense(4, n, n)
	var t decomp.TruncatedSVD
	for b.Loop() {
		if err := t.Factorize(a, 10, &decomp.TruncatedSVDSettings{PowerIters: 7}, rand.New(rand.NewPCG(1, 1))); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEigen50(b *testing.B)       { benchEigen(b, 50) }
func BenchmarkEigen100(b *testing.B)      { benchEigen(b, 100) }
func BenchmarkEigen200(b *testing.B)      { benchEigen(b, 200) }
func BenchmarkGonumEigen50(b *testing.B)  { benchGonumEigen(b, 50) }
func BenchmarkGonumEigen100(b *testing.B) { benchGonumEigen(b, 100) }
func BenchmarkGonumEigen200(b *testing.B) { benchGonumEigen(b, 200) }

func BenchmarkEigenSym50(b *testing.B)       { benchEigenSym(b, 50) }
func BenchmarkEigenSym100(b *testing.B)      { benchEigenSym(b, 100) }
func BenchmarkEigenSym200(b *testing.B)      { benchEigenSym(b, 200) }
func BenchmarkGonumEigenSym50(b *testing.B)  { benchGonumEigenSym(b, 50) }
func BenchmarkGonumEigenSym100(b *testing.B) { benchGonumEigenSym(b, 100) }
func BenchmarkGonumEigenSym200(b *testing.B) { benchGonumEigenSym(b, 200) }

func BenchmarkSVD50(b *testing.B)       { benchSVD(b, 50) }
func BenchmarkSVD100(b *testing.B)      { benchSVD(b, 100) }
func BenchmarkSVD200(b *testing.B)      { benchSVD(b, 200) }
func BenchmarkGonumSVD50(b *testing.B)  { benchGonumSVD(b, 50) }
func BenchmarkGonumSVD100(b *testing.B) { benchGonumSVD(b, 100) }
func BenchmarkGonumSVD200(b *testing.B) { benchGonumSVD(b, 200) }

func BenchmarkTruncatedSVD500(b *testing.B)  { benchTruncatedSVD(b, 500) }
func BenchmarkTruncatedSVD1000(b *testing.B) { benchTruncatedSVD(b, 1000) }

func BenchmarkTruncatedSVD2000(b *testing.B) { benchTruncatedSVD(b, 2000) }
