package mf_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/mf"

	"github.com/factorlab/factorlab/pkg/fixtures"
)

// checkNMF checks the Lee–Seung guarantees on a finished run: W, H ≥ 0 and
// an objective that never rises (up to the rounding of evaluating it,
// 1e-12 of the first objective: ‖A − WH‖²_F near zero is all rounding).
func checkNMF(t *testing.T, name string, f *mf.NMF) {
	t.Helper()
	for _, m := range []*mat.Dense{wOf(f), hOf(f)} {
		for _, v := range m.RawMatrix().Data {
			if !(v >= 0) {
				t.Fatalf("%s: factor element %v is not non-negative", name, v)
			}
		}
	}
	losses := append(f.Losses(), f.Loss())
	for i := 1; i < len(losses); i++ {
		if losses[i] > losses[i-1]+1e-12*losses[0] {
			t.Fatalf("%s: objective rose at iteration %d: %v → %v", name, i, losses[i-1], losses[i])
		}
	}
}

func TestNMFProperties(t *testing.T) {
	rng := newRand(30)
	for trial := 0; trial < 20; trial++ {
		m, n, k := 1+rng.IntN(12), 1+rng.IntN(12), 1+rng.IntN(4)
		a := mat.NewDense(m, n, nil)
		for i := 0; i < m; i++ {
			for j := 0; j < n; j++ {
				if rng.Float64() < 0.8 {
					a.Set(i, j, 5*rng.Float64())
				}
			}
		}
		for _, obj := range []mf.NMFObjective{mf.Frobenius, mf.KL} {
			var f mf.NMF
			if err := f.Factorize(a, k, &mf.NMFSettings{Objective: obj, Iterations: 100}, newRand(uint64(trial))); err != nil {
				t.Fatal(err)
			}
			checkNMF(t, fmt.Sprintf("trial %d objective %d", trial, obj), &f)
		}
	}
}

// TestNMFExact: a non-negative rank-1 matrix u vᵀ is reproduced by k = 1.
func TestNMFExact(t *testing.T) {
	a := mat.NewDense(3, 4, nil)
	a.Outer(1, mat.NewVecDense(3, []float64{1, 2, 3}), mat.NewVecDense(4, []float64{4, 0, 1, 2}))
	var f mf.NMF
	if err := f.Factorize(a, 1, &mf.NMFSettings{Iterations: 500}, newRand(1)); err != nil {
		t.Fatal(err)
	}
	var wh mat.Dense
	wh.Mul(wOf(&f), hOf(&f))
	if !mat.EqualApprox(&wh, a, 1e-6) {
		t.Errorf("WH = %v, want %v", mat.Formatted(&wh), mat.Formatted(a))
	}
	checkNMF(t, "rank 1", &f)
}

func TestNMFBadData(t *testing.T) {
	neg := seedA()
	neg.Set(2, 1, -0.5)
	nan := seedA()
	nan.Set(0, 1, math.NaN())
	for _, tc := range []struct {
		name string
		a    mat.Matrix
		k    int
		want string
	}{
		{"negative", neg, 2, "A[2,1] = -0.5 is negative"},
		{"NaN", nan, 2, "A[0,1] is NaN"},
		{"k=0", seedA(), 0, "k = 0"},
	} {
		var f mf.NMF
		err := f.Factorize(tc.a, tc.k, nil, newRand(1))
		if !errors.Is(err, mf.ErrData) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want ErrData naming %q", tc.name, err, tc.want)
		}
	}
}

func FuzzNMF(f *testing.F) {
	f.Add(uint8(4), uint8(2), uint8(2), 5.0, 3.0, 0.0, 1.0, uint8(0))
	f.Add(uint8(2), uint8(2), uint8(1), -1.0, 3.0, 0.0, 1.0, uint8(1))
	f.Add(uint8(3), uint8(1), uint8(3), 1e300, 1e-300, 0.0, math.Inf(1), uint8(1))
	f.Add(uint8(1), uint8(5), uint8(4), 0.0, 0.0, 0.0, 0.0, uint8(0))
	f.Fuzz(func(t *testing.T, m, n, k uint8, x0, x1, x2, x3 float64, obj uint8) {
		r, c := 1+int(m%6), 1+int(n%6)
		xs := []float64{x0, x1, x2, x3}
		a := mat.NewDense(r, c, nil)
		for i := 0; i < r; i++ {
			for j := 0; j < c; j++ {
				a.Set(i, j, xs[(i+2*j)%4])
			}
		}
		var fac mf.NMF
		err := fac.Factorize(a, int(k%4), &mf.NMFSettings{Objective: mf.NMFObjective(obj % 2), Iterations: 20}, newRand(1))
		if err != nil {
			return
		}
		for _, v := range append(wOf(&fac).RawMatrix().Data, hOf(&fac).RawMatrix().Data...) {
			if !(v >= 0) || math.IsInf(v, 0) {
				t.Fatalf("factor element %v returned without error", v)
			}
		}
	})
}

func ExampleNMF_Factorize() {
	// Seed 000's matrix is non-negative; Lee–Seung updates keep W, H ≥ 0.
	a := fixtures.FactorizationMatrix()
	var f mf.NMF
	if err := f.Factorize(a, 1, &mf.NMFSettings{Iterations: 500}, newRand(1)); err != nil {
		fmt.Println(err)
		return
	}
	best, _ := mf.OptimalLoss(a, 1, mf.Sum)
	fmt.Printf("NMF rank-1 ‖A − WH‖²_F = %.4f, SVD optimum %.4f\n", f.Loss(), best)
	// Output:
	// NMF rank-1 ‖A − WH‖²_F = 0.1672, SVD optimum 0.1672
}
