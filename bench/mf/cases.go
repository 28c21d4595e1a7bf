// Command mf runs the pkg/mf benchmark cases once each and prints one line
// per case: name, seconds (best of -repeat runs) and, for the ratings case,
// the test RMSE. bench/mf/run.py runs it next to PyTorch and prints ratios.
package main

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"time"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/mf"
)

// seedA is seed 000's matrix.
func seedA() *mat.Dense { return mat.NewDense(4, 2, []float64{5, 3, 3, 2, 2, 1, 1, 1}) }

// lowRank returns W·H for m×k W and k×n H with U[0,1) entries: an exactly
// rank-k m×n matrix.
func lowRank(m, n, k int, seed uint64) *mat.Dense {
	rng := rand.New(rand.NewPCG(seed, seed))
	w, h := mat.NewDense(m, k, nil), mat.NewDense(k, n, nil)
	for i := 0; i < m; i++ {
		for j := 0; j < k; j++ {
			w.Set(i, j, rng.Float64())
		}
	}
	for i := 0; i < k; i++ {
		for j := 0; j < n; j++ {
			h.Set(i, j, rng.Float64())
		}
	}
	var a mat.Dense
	a.Mul(w, h)
	return &a
}

// runDense runs one dense Adam factorization and returns its final loss.
func runDense(a *mat.Dense, k, iters int, prec mf.Precision) float64 {
	var f mf.Dense
	err := f.Factorize(a, k, &mf.DenseSettings{Optimizer: mf.Adam, LearningRate: 0.01, Iterations: iters, Precision: prec},
		rand.New(rand.NewPCG(0, 0)))
	if err != nil {
		panic(err)
	}
	return f.Loss()
}

// Sparse case: MovieLens-100k-shaped synthetic ratings, 100 factors, 20 epochs.
const (
	sparseNoise   = mf.DefaultSyntheticNoise
	sparseFactors = 100
	sparseEpochs  = 20
	// SGD step and penalties tuned on this synthetic set (Surprise's
	// defaults 0.005 and 0.02 underfit in 20 epochs: test RMSE 0.75).
	sparseLR         = 0.03
	sparseLambda     = 0.1
	sparseBiasLambda = 0.02
)

func sparseData() (train, test *mf.Ratings) {
	all, err := mf.Synthetic(nil, rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		panic(err)
	}
	train, test, err = all.Split(0.1, rand.New(rand.NewPCG(2, 2)))
	if err != nil {
		panic(err)
	}
	return train, test
}

func runSGD(train *mf.Ratings) *mf.Biased {
	var b mf.Biased
	err := b.TrainSGD(train, &mf.BiasedSettings{Factors: sparseFactors, Epochs: sparseEpochs, LearningRate: sparseLR, Lambda: sparseLambda, BiasLambda: sparseBiasLambda},
		rand.New(rand.NewPCG(3, 3)))
	if err != nil {
		panic(err)
	}
	return &b
}

func runALS(train *mf.Ratings, epochs int) *mf.Biased {
	var b mf.Biased
	err := b.TrainALS(train, &mf.BiasedSettings{Factors: sparseFactors, Epochs: epochs}, rand.New(rand.NewPCG(3, 3)))
	if err != nil {
		panic(err)
	}
	return &b
}

func writeRatings(path string, r *mf.Ratings) {
	f, err := os.Create(path)
	if err != nil {
		panic(err)
	}
	w := bufio.NewWriter(f)
	for i := 0; i < r.Len(); i++ {
		x := r.At(i)
		fmt.Fprintf(w, "%d\t%d\t%.17g\n", x.User, x.Item, x.Value)
	}
	if err := w.Flush(); err != nil {
		panic(err)
	}
	if err := f.Close(); err != nil {
		panic(err)
	}
}

func best(repeat int, fn func()) float64 {
	b := 0.0
	for r := 0; r < repeat; r++ {
		t0 := time.Now()
		fn()
		if d := time.Since(t0).Seconds(); r == 0 || d < b {
			b = d
		}
	}
	return b
}
