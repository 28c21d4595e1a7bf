package mf

import "math"

// dd is a double-double number hi + lo with |lo| ≤ ulp(hi)/2.
type dd struct{ hi, lo float64 }

// mul sets x to x·b for a float64 b, keeping about 106 bits.
func (x *dd) mul(b float64) {
	p := x.hi * b
	e := math.FMA(x.hi, b, -p) + x.lo*b
	x.hi = p + e
	x.lo = e - (x.hi - p)
}

func sgdStep[T float](p, g []T, neg T) {
	g = g[:len(p)]
	for i := range p {
		p[i] += T(neg * g[i])
	}
}

type adamConsts[T float] struct {
	b1, w1, b2, c2, negStep, bc2sqrt, eps T
}

// adamStep is one torch.optim.Adam step (the single-tensor path of
// PyTorch 1.13, Debian's python3-torch) on p:
//
//	exp_avg.mul_(β₁).add_(grad, alpha=1−β₁)      m ← β₁m + (1−β₁)g
//	exp_avg_sq.mul_(β₂).addcmul_(g, g, 1−β₂)    v ← β₂v + (1−β₂)·g·g
//	denom = exp_avg_sq.sqrt()/√(1−β₂ᵗ) + ε
//	param.addcdiv_(exp_avg, denom, −η/(1−β₁ᵗ))   p ← p + (−η/(1−β₁ᵗ))·m/denom
//
// PyTorch 2 writes the first line as exp_avg.lerp_(grad, 1−β₁), the same
// value up to rounding. Every intermediate is rounded to T (the explicit
// conversions stop the compiler from fusing multiply–adds), so float32 runs
// round like PyTorch's scalar kernels.
func adamStep[T float](p, g, m, v []T, c *adamConsts[T]) {
	g, m, v = g[:len(p)], m[:len(p)], v[:len(p)]
	for i := range p {
		gi := g[i]
		mi := T(m[i]*c.b1) + T(c.w1*gi)
		vi := T(v[i]*c.b2) + T(T(c.c2*gi)*gi)
		m[i], v[i] = mi, vi
		denom := T(math.Sqrt(float64(vi)))/c.bc2sqrt + c.eps
		p[i] += T(c.negStep*mi) / denom
	}
}
