package lab_test

import (
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/lab"
)

// hiddenA, hiddenW, hiddenH are a non-square L1 test point unlike the
// visible one (4×2 times 2×2).
func hiddenPoint() (a, w, h *mat.Dense) {
	a = mat.NewDense(3, 5, []float64{1, -2, 0.5, 3, 1, 0, 1, 1, -1, 2, 4, 0, -3, 1, 1})
	w = mat.NewDense(3, 2, []float64{0.3, -1, 2, 0.5, -0.25, 1})
	h = mat.NewDense(2, 5, []float64{1, 0, -1, 0.5, 2, -0.5, 1.5, 1, 0, -1})
	return a, w, h
}

func TestHiddenChecks(t *testing.T) {
	a, w, h := hiddenPoint()
	tall := mat.NewDense(4, 3, []float64{2, 0, 1, 1, 3, 0, 0, 1, 4, 1, 1, 1})
	pass := map[string]lab.Report{
		"MSEGradientOn": lab.CheckMSEGradientOn(mseGradient, a, w, h),
		"EigenvaluesOn": lab.CheckEigenvaluesOn(eigenvalues,
			mat.NewDense(2, 2, []float64{7, -2, 3, 1}), mat.NewDense(2, 2, []float64{-3, 5, 1, 0})),
		"FixUOn":       lab.CheckFixUOn(fixU, tall),
		"OptimalMSEOn": lab.CheckOptimalMSEOn(optimalMSE, tall, 1, 2, 3),
		"RotationOn":   lab.CheckRotationOn(rotation, -math.Pi/3, 5),
	}
	for name, r := range pass {
		if !r.Passed() || len(r.Verdicts) < 2 {
			t.Errorf("%s: the solution fails its hidden check:\n%s", name, r)
		}
		if !strings.HasSuffix(r.Title, " · hidden tests") {
			t.Errorf("%s: title %q does not say it is a hidden test", name, r.Title)
		}
	}
	stub := lab.CheckEigenvaluesOn(func(*mat.Dense) (float64, float64) { panic(lab.TODO) }, mat.NewDense(2, 2, []float64{7, -2, 3, 1}))
	if stub.Passed() || stub.Verdicts[0].Status != lab.NotImplemented {
		t.Errorf("a stub is not reported as not implemented:\n%s", stub)
	}

	// Answers fitted to the visible examples pass them and fail the hidden ones.
	fixedMN := func(a, w, h *mat.Dense) (float64, *mat.Dense, *mat.Dense) {
		l, dW, dH := mseGradient(a, w, h)
		m, n := a.Dims()
		c := float64(m*n) / 8 // as if mn were always 4·2
		dW.Scale(c, dW)
		dH.Scale(c, dH)
		return l * c, dW, dH
	}
	twoColumns := func(a *mat.Dense, sigma []float64, v *mat.Dense) *mat.Dense {
		m, n := a.Dims()
		u := mat.NewDense(m, n, nil)
		for i := 0; i < 2; i++ {
			var ui mat.VecDense
			ui.MulVec(a, v.ColView(i))
			ui.ScaleVec(1/sigma[i], &ui)
			u.SetCol(i, ui.RawVector().Data)
		}
		return u
	}
	for name, c := range map[string]struct{ visible, hidden lab.Report }{
		"mn fixed at 8":    {lab.CheckMSEGradient(fixedMN), lab.CheckMSEGradientOn(fixedMN, a, w, h)},
		"two columns of U": {lab.CheckFixU(twoColumns), lab.CheckFixUOn(twoColumns, tall)},
	} {
		if !c.visible.Passed() {
			t.Errorf("%s: should pass the visible check:\n%s", name, c.visible)
		}
		if c.hidden.Passed() {
			t.Errorf("%s: should fail the hidden check:\n%s", name, c.hidden)
		}
	}
}
