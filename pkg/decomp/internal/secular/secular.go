// Copyright ©2026 The FactorLab Authors.

// Package secular holds what the divide-and-conquer solvers of decomp
// (tridiag for the symmetric tridiagonal eigenproblem, bidiag for the
// bidiagonal SVD) share in solving their secular equations.
//
// Both find each root of a secular equation by a rational iteration that
// models the equation near the root by two poles a₁, a₂ and a constant c;
// the model's root is the root of the quadratic
//
//	c·(a₁ − η)(a₂ − η) + s·(a₂ − η) + S·(a₁ − η) = 0
//
// that lies between the poles, which QuadRoot computes without
// cancellation.
package secular

import "math"

// QuadRoot returns the root of a·η² + b·η + c = 0 that lies strictly between
// lo and hi (in either order), computed without cancellation: of the two
// forms q/a and c/q, with q = −(b + sign(b)·√(b² − 4ac))/2, it returns the
// first that falls inside, and false when neither does (a negative
// discriminant included).
func QuadRoot(a, b, c, lo, hi float64) (float64, bool) {
	if lo > hi {
		lo, hi = hi, lo
	}
	in := func(x float64) bool { return x > lo && x < hi }
	if a == 0 {
		if b == 0 {
			return 0, false
		}
		x := -c / b
		return x, in(x)
	}
	disc := b*b - 4*a*c
	if disc < 0 {
		return 0, false
	}
	q := -(b + math.Copysign(math.Sqrt(disc), b)) / 2
	if x := q / a; in(x) {
		return x, true
	}
	if q != 0 {
		if x := c / q; in(x) {
			return x, true
		}
	}
	return 0, false
}
