package main

import (
	"math/rand/v2"
	"testing"

	"github.com/factorlab/factorlab/pkg/mf"
)

// benchDense benchmarks Adam on an exactly rank-k m×n matrix.
func benchDense(b *testing.B, m, n, k, iters int, p mf.Precision) {
	a := lowRank(m, n, k, 1)
	if m == 4 && n == 2 {
		a = seedA()
	}
	b.ReportAllocs()
	for b.Loop() {
		runDense(a, k, iters, p)
	}
}

func BenchmarkSeedF64(b *testing.B)      { benchDense(b, 4, 2, 2, 5000, mf.Float64) }
func BenchmarkSeedF32(b *testing.B)      { benchDense(b, 4, 2, 2, 5000, mf.Float32) }
func BenchmarkDense100F64(b *testing.B)  { benchDense(b, 100, 100, 10, 200, mf.Float64) }
func BenchmarkDense100F32(b *testing.B)  { benchDense(b, 100, 100, 10, 200, mf.Float32) }
func BenchmarkDense1000F64(b *testing.B) { benchDense(b, 1000, 1000, 10, 200, mf.Float64) }
func BenchmarkDense1000F32(b *testing.B) { benchDense(b, 1000, 1000, 10, 200, mf.Float32) }

// benchSparse benchmarks biased MF on the MovieLens-shaped synthetic set.
func benchSparse(b *testing.B, factors int, als bool) {
	all, err := mf.Synthetic(nil, rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		b.Fatal(err)
	}
	s := sparseSettings(true)
	s.Factors = factors
	for b.Loop() {
		var m mf.Biased
		if als {
			s.Epochs, s.LearningRate, s.Decay, s.Lambda = 5, 0, 0, 0
			err = m.TrainALS(all, s, rand.New(rand.NewPCG(3, 3)))
		} else {
			err = m.TrainSGD(all, s, rand.New(rand.NewPCG(3, 3)))
		}
		if err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSparseSGD10(b *testing.B)  { benchSparse(b, 10, false) }
func BenchmarkSparseSGD100(b *testing.B) { benchSparse(b, 100, false) }
func BenchmarkSparseALS10(b *testing.B)  { benchSparse(b, 10, true) }
