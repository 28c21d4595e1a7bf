package lab_test

import (
	"errors"
	"runtime"
	"testing"

	"github.com/factorlab/factorlab/pkg/lab"
	"gonum.org/v1/gonum/mat"
)

// TestNilInputs calls every exported entry point of lab that takes a
// matrix or a *Tolerance with a nil mat.Matrix, a typed-nil *mat.Dense and
// a nil *Tolerance. A student's nil answer must give a failing verdict; nil
// lab data must panic with a lab sentinel (ErrShape, ErrReference); a nil
// *Tolerance means the default. A raw runtime panic fails the test.
func TestNilInputs(t *testing.T) {
	var typedNil *mat.Dense
	var nilTol *lab.Tolerance
	a := mat.NewDense(2, 2, []float64{2, 1, 1, 3})
	matrices := map[string]mat.Matrix{"nil mat.Matrix": nil, "typed-nil *mat.Dense": typedNil}
	type want int
	const (
		fails   want = iota // a verdict or report that does not pass
		passes              // nil means the defaults
		panics              // a lab sentinel panic
		returns             // a value, no panic
	)
	type entry struct {
		name string
		call func() (passed bool)
		want want
	}
	var entries []entry
	for what, m := range matrices {
		entries = append(entries,
			entry{"Matrix(got " + what + ")", func() bool { return lab.Matrix("A", m, a, nil).Passed() }, fails},
			entry{"Matrix(want " + what + ")", func() bool { return lab.Matrix("A", a, m, nil).Passed() }, panics},
			entry{"Eigenpair(" + what + ")", func() bool { return lab.Eigenpair("v", m, 1, []float64{1, 0}, nil).Passed() }, panics},
			entry{"Satisfies(" + what + ")", func() bool {
				for _, v := range lab.Satisfies("A", m, lab.IsSquare(), lab.IsSymmetric()) {
					if !v.Passed() {
						return false
					}
				}
				return true
			}, fails},
			entry{"MSE(" + what + ")", func() bool { lab.MSE(m, a, a); return true }, panics},
			entry{"NaiveSVD(" + what + ")", func() bool { lab.NaiveSVD(m); return true }, panics},
			entry{"Reconstruct(" + what + ")", func() bool { lab.Reconstruct(m, []float64{1, 1}, m); return true }, panics},
		)
	}
	grad := func(a, w, h *mat.Dense) (float64, *mat.Dense, *mat.Dense) { return 0, w, h }
	eig := func(a *mat.Dense) (float64, float64) { return 0, 0 }
	fixU := func(a *mat.Dense, s []float64, v *mat.Dense) *mat.Dense { return v }
	opt := func(s []float64, k, m, n int) float64 { return 0 }
	entries = append(entries,
		entry{"CheckMSEGradientOn(typed-nil data)", func() bool { return lab.CheckMSEGradientOn(grad, typedNil, typedNil, typedNil).Passed() }, panics},
		entry{"CheckEigenvaluesOn(typed-nil data)", func() bool { return lab.CheckEigenvaluesOn(eig, typedNil).Passed() }, panics},
		entry{"CheckFixUOn(typed-nil data)", func() bool { return lab.CheckFixUOn(fixU, typedNil).Passed() }, panics},
		entry{"CheckOptimalMSEOn(typed-nil data)", func() bool { return lab.CheckOptimalMSEOn(opt, typedNil, 1).Passed() }, panics},
		entry{"Scalar(nil tolerance)", func() bool { return lab.Scalar("x", 1, 1, nilTol).Passed() }, passes},
		entry{"Vector(nil tolerance)", func() bool { return lab.Vector("x", []float64{1}, []float64{1}, nilTol).Passed() }, passes},
		entry{"Direction(nil tolerance)", func() bool { return lab.Direction("x", []float64{1, 0}, []float64{-1, 0}, nilTol).Passed() }, passes},
		entry{"Matrix(nil tolerance)", func() bool { return lab.Matrix("A", a, a, nilTol).Passed() }, passes},
		entry{"Tolerance.Within(nil)", func() bool { return nilTol.Within(1, 1) }, passes},
		entry{"Vector(nil got)", func() bool { return lab.Vector("x", nil, []float64{1}, nil).Passed() }, fails},
		entry{"CheckEigenvalues(nil func)", func() bool { return lab.CheckEigenvalues(nil).Passed() }, fails},
	)
	for _, e := range entries {
		passed, p := callNil(e.call)
		switch {
		case p != nil:
			err, ok := p.(error)
			var re runtime.Error
			if !ok || errors.As(err, &re) || !(errors.Is(err, lab.ErrShape) || errors.Is(err, lab.ErrReference)) {
				t.Errorf("%s: raw panic %v", e.name, p)
			} else if e.want != panics {
				t.Errorf("%s: panic %v, want no panic", e.name, p)
			}
		case e.want == panics:
			t.Errorf("%s: no panic, want a lab sentinel panic", e.name)
		case e.want == fails && passed:
			t.Errorf("%s: passes, want a failing verdict", e.name)
		case e.want == passes && !passed:
			t.Errorf("%s: fails, want a pass (nil means the defaults)", e.name)
		}
	}
}

func callNil(f func() bool) (passed bool, p any) {
	defer func() { p = recover() }()
	return f(), nil
}
