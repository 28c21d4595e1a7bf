package main

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/factorlab/factorlab/pkg/mf"
	"gonum.org/v1/gonum/mat"
)

// crossCheck prints seed 000's run in pkg/mf's Float32 mode for
// crosscheck.py: first the 12 initial values of W (4×2) and H (2×2), then
// "iteration loss" every 500 iterations, then the final W and H.
func crossCheck() {
	// The initial values Factorize draws: U[0,1) float64s from the same
	// source, truncated to 24 bits in Float32 mode.
	rng := rand.New(rand.NewPCG(0, 0))
	for i := 0; i < 12; i++ {
		fmt.Printf("%.9g ", math.Floor(rng.Float64()*(1<<24))/(1<<24))
	}
	fmt.Println()
	var f mf.Dense
	err := f.Factorize(seedA(), 2, &mf.DenseSettings{
		LearningRate: 0.01, Iterations: 5000, Precision: mf.Float32, Every: 500,
		Callback: func(it int, loss float64) { fmt.Println(it, loss) },
	}, rand.New(rand.NewPCG(0, 0)))
	if err != nil {
		panic(err)
	}
	for _, v := range factorEntries(&f) {
		fmt.Printf("%.9g ", v)
	}
	fmt.Println()
}

// factorEntries returns the entries of W and H.
func factorEntries(f *mf.Dense) []float64 {
	var w, h mat.Dense
	f.WTo(&w)
	f.HTo(&h)
	return append(w.RawMatrix().Data, h.RawMatrix().Data...)
}
