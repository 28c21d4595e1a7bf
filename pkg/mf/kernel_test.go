package mf

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestVectorKernels compares the axpy and dot kernels with plain loops for
// every length up to 100 (covering all unrolled and tail paths) and checks
// that axpy leaves y beyond len(x) alone.
func TestVectorKernels(t *testing.T) {
	t.Logf("AVX2/FMA kernels: %v", useFMA)
	rng := rand.New(rand.NewPCG(1, 1))
	axpy64k, dot64k := vectorOps[float64]()
	axpy32k, dot32k := vectorOps[float32]()
	for n := 0; n <= 100; n++ {
		x, y := make([]float64, n), make([]float64, n+3)
		x32, y32 := make([]float32, n), make([]float32, n+3)
		for i := range x {
			x[i], x32[i] = rng.Float64()-0.5, float32(rng.Float64()-0.5)
		}
		for i := range y {
			y[i], y32[i] = rng.Float64()-0.5, float32(rng.Float64()-0.5)
		}
		var want, want32 float64
		for i := range x {
			want += x[i] * y[i]
			want32 += float64(x32[i]) * float64(y32[i])
		}
		if got := dot64k(x, y); math.Abs(got-want) > 1e-13 {
			t.Errorf("n=%d: dot64 = %v, want %v", n, got, want)
		}
		if got := dot32k(x32, y32); math.Abs(float64(got)-want32) > 1e-5 {
			t.Errorf("n=%d: dot32 = %v, want %v", n, got, want32)
		}
		wantY := append([]float64(nil), y...)
		wantY32 := append([]float32(nil), y32...)
		for i := range x {
			wantY[i] += 0.75 * x[i]
			wantY32[i] += 0.75 * x32[i]
		}
		axpy64k(0.75, x, y)
		axpy32k(0.75, x32, y32)
		for i := range y {
			if math.Abs(y[i]-wantY[i]) > 1e-15 || math.Abs(float64(y32[i]-wantY32[i])) > 1e-7 {
				t.Fatalf("n=%d: axpy element %d = %v / %v, want %v / %v", n, i, y[i], y32[i], wantY[i], wantY32[i])
			}
		}
	}
}
