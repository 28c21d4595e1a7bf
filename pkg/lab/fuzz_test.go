package lab_test

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/lab"
)

// FuzzCounterexamples feeds arbitrary 2×2 matrices to the L3 checks, which
// take a matrix of the student's choosing: they must give verdicts, never
// panic, and agree with the closed-form facts of 2×2 matrices.
func FuzzCounterexamples(f *testing.F) {
	f.Add(4.0, 1.0, 2.0, 3.0)
	f.Add(1.0, 2.0, 2.0, 1.0)
	f.Add(0.0, -1.0, 1.0, 0.0)
	f.Add(1.0, 1.0, 0.0, 1.0)
	f.Add(math.NaN(), 0.0, 0.0, 1.0)
	f.Add(1e300, -1e300, 1e-300, 0.0)
	f.Fuzz(func(t *testing.T, a, b, c, d float64) {
		m := mat.NewDense(2, 2, []float64{a, b, c, d})
		answer := func() *mat.Dense { return m }
		for _, check := range []func(lab.CounterexampleFunc) lab.Report{
			lab.CheckOrthogonalClaim, lab.CheckNonNegativeClaim, lab.CheckEigenbasisClaim,
		} {
			r := check(answer)
			if len(r.Verdicts) == 0 {
				t.Fatalf("%s: no verdicts", r.Title)
			}
			for _, v := range r.Verdicts {
				if v.Status == lab.Panicked || v.Status == lab.TimedOut {
					t.Fatalf("%s: %v", r.Title, v)
				}
			}
			_ = r.Markdown()
		}
		// A symmetric 2×2 matrix with a negative determinant always refutes
		// claim 3, when its entries are of moderate size.
		big := math.Max(math.Max(math.Abs(a), math.Abs(b)), math.Abs(d))
		if big < 1e6 && big > 1e-3 && a*d-b*b < -1e-6*big*big {
			s := mat.NewDense(2, 2, []float64{a, b, b, d})
			if r := lab.CheckNonNegativeClaim(func() *mat.Dense { return s }); !r.Passed() {
				t.Errorf("symmetric with det < 0 rejected:\n%s", r)
			}
		}
		// A negative discriminant (a − d)² + 4bc < 0 means complex
		// eigenvalues: claim 2 is refuted.
		if big < 1e6 && math.Abs(c) < 1e6 && (a-d)*(a-d)+4*b*c < -1e-3*(1+big*big) {
			if r := lab.CheckEigenbasisClaim(answer); !r.Passed() {
				t.Errorf("complex eigenvalues rejected:\n%s", r)
			}
		}
	})
}
