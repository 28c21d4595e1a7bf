// Copyright ©2026 The FactorLab Authors.

package secular

import (
	"math"
	"testing"
)

func TestQuadRoot(t *testing.T) {
	for _, c := range []struct {
		name         string
		a, b, c      float64
		lo, hi, want float64
		ok           bool
	}{
		{"(η−1)(η−3), root 1 in (0, 2)", 1, -4, 3, 0, 2, 1, true},
		{"same, root 3 in (2, 4)", 1, -4, 3, 4, 2, 3, true},
		{"no root inside", 1, -4, 3, 1.5, 2.5, 0, false},
		{"linear: 2η − 1", 0, 2, -1, 0, 1, 0.5, true},
		{"constant", 0, 0, 1, -1, 1, 0, false},
		{"negative discriminant", 1, 0, 1, -5, 5, 0, false},
		// Roots 1e-12 and 1: the small one from c/q, where q/a cancels.
		{"tiny root without cancellation", 1, -(1 + 1e-12), 1e-12, 0, 0.5, 1e-12, true},
	} {
		got, ok := QuadRoot(c.a, c.b, c.c, c.lo, c.hi)
		if ok != c.ok || (ok && math.Abs(got-c.want) > 1e-15*math.Abs(c.want)) {
			t.Errorf("%s: QuadRoot = %v, %v; want %v, %v", c.name, got, ok, c.want, c.ok)
		}
	}
}
