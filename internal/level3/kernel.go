// Copyright ©2026 The FactorLab Authors.

package level3

// A kernel is a register-blocked micro-kernel and the cache blocking that
// feeds it. fn(kc, a, b, c, ldc) adds the product of the packed mr×kc
// micro-panel a (stored column by column: a[p·mr+r]) and the packed kc×nr
// micro-panel b (row by row: b[p·nr+j]) to the row-major mr×nr tile c.
// Every element of the product is one chain of multiply–adds in increasing
// p, added to c at the end, so an element's value does not depend on where
// its tile lies or which goroutine computes it.
type kernel struct {
	name       string
	mr, nr     int // register tile
	kc, mc, nc int // cache blocks: kc×nc panel of B, mc×kc block of A
	fn         func(kc int, a, b, c []float64, ldc int)
}

// active is the kernel Dgemm uses: the fastest this machine supports.
var active = kernels()[0]

// portable is the pure-Go micro-kernel, used where no assembly kernel runs.
var portable = kernel{name: "go", mr: 4, nr: 4, kc: 256, mc: 128, nc: 2048, fn: kernGo}

// kernGo is the 4×4 micro-kernel in Go. The sixteen sums live in local
// variables so the compiler can keep them in registers.
func kernGo(kc int, a, b, c []float64, ldc int) {
	a = a[:4*kc]
	b = b[:4*kc]
	var c00, c01, c02, c03, c10, c11, c12, c13 float64
	var c20, c21, c22, c23, c30, c31, c32, c33 float64
	for p := 0; p < kc; p++ {
		ap := a[4*p : 4*p+4 : 4*p+4]
		bp := b[4*p : 4*p+4 : 4*p+4]
		b0, b1, b2, b3 := bp[0], bp[1], bp[2], bp[3]
		a0 := ap[0]
		c00 += a0 * b0
		c01 += a0 * b1
		c02 += a0 * b2
		c03 += a0 * b3
		a1 := ap[1]
		c10 += a1 * b0
		c11 += a1 * b1
		c12 += a1 * b2
		c13 += a1 * b3
		a2 := ap[2]
		c20 += a2 * b0
		c21 += a2 * b1
		c22 += a2 * b2
		c23 += a2 * b3
		a3 := ap[3]
		c30 += a3 * b0
		c31 += a3 * b1
		c32 += a3 * b2
		c33 += a3 * b3
	}
	r := c[: 3*ldc+4 : 3*ldc+4]
	r[0] += c00
	r[1] += c01
	r[2] += c02
	r[3] += c03
	r = r[ldc:]
	r[0] += c10
	r[1] += c11
	r[2] += c12
	r[3] += c13
	r = r[ldc:]
	r[0] += c20
	r[1] += c21
	r[2] += c22
	r[3] += c23
	r = r[ldc:]
	r[0] += c30
	r[1] += c31
	r[2] += c32
	r[3] += c33
}
