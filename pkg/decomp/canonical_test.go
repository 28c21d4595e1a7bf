// Copyright ©2026 The FactorLab Authors.

package decomp_test

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/decomp"
)

// pivotSign is the sign of v's first component of largest modulus, the
// pivot of decomp's canonical convention.
func pivotSign(v []float64) float64 {
	var big float64
	for _, x := range v {
		big = math.Max(big, math.Abs(x))
	}
	for _, x := range v {
		if math.Abs(x) >= (1-1e-8)*big {
			return math.Copysign(1, x)
		}
	}
	return 1
}

// TestCanonicalize checks that Canonicalize makes every vᵢ's pivot positive,
// flips uᵢ with it, and leaves UΣVᵀ unchanged.
func TestCanonicalize(t *testing.T) {
	for _, a := range []*mat.Dense{
		mat.NewDense(2, 2, []float64{3, 0, 4, 5}),
		mat.NewDense(3, 2, []float64{1, 2, 3, 4, 5, 6}),
		mat.NewDense(3, 2, []float64{1, 2, 3, 4, -5, -6}),
		mat.NewDense(2, 3, []float64{-1, 0, 2, 0, -3, 1}),
	} {
		for _, kind := range []mat.SVDKind{mat.SVDThin, mat.SVDFull} {
			var s decomp.SVD
			if err := s.Factorize(a, kind); err != nil {
				t.Fatal(err)
			}
			var before, after, u, v, u0, v0 mat.Dense
			s.UTo(&u0)
			s.VTo(&v0)
			s.ReconstructTo(&before)
			s.Canonicalize()
			s.ReconstructTo(&after)
			if !mat.EqualApprox(&before, &after, 1e-14) {
				t.Errorf("%v: UΣVᵀ changed by Canonicalize", mat.Formatted(a))
			}
			s.UTo(&u)
			s.VTo(&v)
			for i := range s.Values(nil) {
				vi := mat.Col(nil, i, &v)
				if pivotSign(vi) < 0 {
					t.Errorf("%v: v%d = %v has a negative pivot", mat.Formatted(a), i+1, vi)
				}
				flipV := mat.Dot(v.ColView(i), v0.ColView(i)) < 0
				flipU := mat.Dot(u.ColView(i), u0.ColView(i)) < 0
				if flipU != flipV {
					t.Errorf("%v: pair %d: u flipped %t, v flipped %t", mat.Formatted(a), i+1, flipU, flipV)
				}
			}
		}
	}
}
