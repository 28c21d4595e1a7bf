package mf_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/factorlab/factorlab/pkg/fixtures"
	"github.com/factorlab/factorlab/pkg/mf"
)

// TestOptimalLossHand checks OptimalLosses on seed 000's A against the
// singular values worked out by hand: σ² = 27 ± 12√5.
func TestOptimalLossHand(t *testing.T) {
	got, err := mf.OptimalLosses(seedA(), mf.Sum)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{54, 27 - 12*math.Sqrt(5), 0}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-12 {
			t.Errorf("OptimalLosses[%d] = %v, want %v", i, got[i], want[i])
		}
	}
	mean, err := mf.OptimalLoss(seedA(), 1, mf.Mean)
	if err != nil || math.Abs(mean-0.020898033750315) > 1e-14 {
		t.Errorf("OptimalLoss(k=1, Mean) = %v, %v; want 0.020898033750315", mean, err)
	}
	if l, err := mf.OptimalLoss(seedA(), 5, mf.Mean); err != nil || l != 0 {
		t.Errorf("OptimalLoss(k=5) = %v, %v; want 0", l, err)
	}
	if _, err := mf.OptimalLoss(seedA(), 0, mf.Mean); !errors.Is(err, mf.ErrData) {
		t.Errorf("OptimalLoss(k=0) error %v, want ErrData", err)
	}
}

// TestDenseProperties runs seeded random problems: the loss falls, it never

func ExampleOptimalLoss() {
	a := fixtures.FactorizationMatrix()
	best, _ := mf.OptimalLoss(a, 1, mf.Mean)
	var f mf.Dense
	_ = f.Factorize(a, 1, &mf.DenseSettings{LearningRate: 0.01, Iterations: 5000}, rand.New(rand.NewPCG(1, 1)))
	fmt.Printf("Eckart–Young rank-1 MSE: %.6f\n", best)
	fmt.Printf("Adam rank-1 MSE:         %.6f\n", f.Loss())
	// Output:
	// Eckart–Young rank-1 MSE: 0.020898
	// Adam rank-1 MSE:         0.020898
}

func ExampleOptimalLosses() {
	a := fixtures.FactorizationMatrix()
	losses, _ := mf.OptimalLosses(a, mf.Mean)
	for k, l := range losses {
		fmt.Printf("k=%d: %.6f\n", k, l)
	}
	// Output:
	// k=0: 6.750000
	// k=1: 0.020898
	// k=2: 0.000000
}

// TestDenseCallbackPanicNoLeak checks that a panicking callback does not
