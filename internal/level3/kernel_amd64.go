// Copyright ©2026 The FactorLab Authors.

//go:build amd64

package level3

import "golang.org/x/sys/cpu"

// kernAVX2 adds the product of a packed 6×kc micro-panel a and a packed kc×8
// micro-panel b to the row-major 6×8 tile at c (leading dimension ldc).
//
//go:noescape
func kernAVX2(kc int, a, b, c *float64, ldc int)

// kernAVX512 is kernAVX2 for an 8×24 tile, with 512-bit registers.
//
//go:noescape
func kernAVX512(kc int, a, b, c *float64, ldc int)

var (
	avx2 = kernel{
		name: "avx2", mr: 6, nr: 8, kc: 256, mc: 96, nc: 4096,
		fn: func(kc int, a, b, c []float64, ldc int) {
			_ = a[6*kc-1]
			_ = b[8*kc-1]
			_ = c[5*ldc+7]
			kernAVX2(kc, &a[0], &b[0], &c[0], ldc)
		},
	}
	avx512 = kernel{
		name: "avx512", mr: 8, nr: 24, kc: 256, mc: 96, nc: 4104,
		fn: func(kc int, a, b, c []float64, ldc int) {
			_ = a[8*kc-1]
			_ = b[24*kc-1]
			_ = c[7*ldc+23]
			kernAVX512(kc, &a[0], &b[0], &c[0], ldc)
		},
	}
)

// kernels lists the micro-kernels this CPU and OS can run, fastest first;
// the last is always the portable one.
func kernels() []kernel {
	var ks []kernel
	if cpu.X86.HasAVX512F && cpu.X86.HasAVX2 && cpu.X86.HasFMA {
		ks = append(ks, avx512)
	}
	if cpu.X86.HasAVX2 && cpu.X86.HasFMA {
		ks = append(ks, avx2)
	}
	return append(ks, portable)
}

// fma reports whether the Level-2 kernels (AVX2 and FMA) can run.
var fma = cpu.X86.HasAVX2 && cpu.X86.HasFMA

// dot4 returns the dot products of x with the four rows a0…a3, n long.
//
//go:noescape
func dot4(n int, a0, a1, a2, a3, x *float64) (s0, s1, s2, s3 float64)

// axpy4 adds c[0]·a0 + c[1]·a1 + c[2]·a2 + c[3]·a3 to y, n long.
//
//go:noescape
func axpy4(n int, c *[4]float64, a0, a1, a2, a3, y *float64)

// dotAxpy returns a·x and adds s·a to y, n long, in one pass over a.
//
//go:noescape
func dotAxpy(n int, s float64, a, x, y *float64) float64
