// Copyright ©2026 The FactorLab Authors.

//go:build !amd64

package level3

// kernels lists the micro-kernels available on this architecture: only the
// portable one.
func kernels() []kernel { return []kernel{portable} }

const fma = false

func dot4(n int, a0, a1, a2, a3, x *float64) (s0, s1, s2, s3 float64) { panic("unreachable") }
func axpy4(n int, c *[4]float64, a0, a1, a2, a3, y *float64)          { panic("unreachable") }
func dotAxpy(n int, s float64, a, x, y *float64) float64              { panic("unreachable") }
