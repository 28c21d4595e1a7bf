package main

import (
	"fmt"
	"math"

	"github.com/factorlab/factorlab/pkg/fixtures"
	"github.com/factorlab/factorlab/pkg/mf"
	"gonum.org/v1/gonum/mat"
)

// crossCheck prints seed 000's run in pkg/mf's Float32 mode for
// crosscheck.py: first the 12 initial values of W (4×2) and H (2×2), then
// "iteration loss" every 500 iterations, then the final W and H.
func crossCheck() {
	// The start Factorize draws from fixtures.TrainingSource
	// (fixtures.TrainingStart, tested equal to it), which Float32 mode
	// truncates to 24 bits of mantissa.
	_, w, h := fixtures.TrainingStart()
	for _, v := range append(w.RawMatrix().Data, h.RawMatrix().Data...) {
		fmt.Printf("%.9g ", math.Floor(v*(1<<24))/(1<<24))
	}
	fmt.Println()
	s := fixtures.TrainingSettings()
	s.Every, s.Callback = 500, func(it int, loss float64) { fmt.Println(it, loss) }
	var f mf.Dense
	if err := f.Factorize(fixtures.FactorizationMatrix(), fixtures.TrainingRank, s, fixtures.TrainingSource()); err != nil {
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
