package lab_test

import (
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/lab"
)

// TestTrainingHintNamesTheDifference checks that L1.3's hint says what is
// actually wrong with a Train whose WH is not A: a loop that updates in
// place but has not converged is not told to update in place.
func TestTrainingHintNamesTheDifference(t *testing.T) {
	whHint := func(r lab.Report) string {
		for _, v := range r.Verdicts {
			if strings.HasPrefix(v.Name, "WH = A") {
				if v.Passed() {
					t.Fatalf("WH = A passed:\n%s", r)
				}
				return v.Hint
			}
		}
		t.Fatalf("no WH = A verdict:\n%s", r)
		return ""
	}

	// A correct loop that takes a step only every tenth iteration: it
	// updates W and H in place but is far from converged.
	slow := func(a, w, h *mat.Dense, iterations int) []float64 {
		wr, wc := w.Dims()
		hr, hc := h.Dims()
		mW, vW := mat.NewDense(wr, wc, nil), mat.NewDense(wr, wc, nil)
		mH, vH := mat.NewDense(hr, hc, nil), mat.NewDense(hr, hc, nil)
		var losses []float64
		step := 0
		for it := 1; it <= iterations; it++ {
			loss, dW, dH := mseGradient(a, w, h)
			losses = append(losses, loss)
			if it%10 == 1 {
				step++
				adamStep(w, dW, mW, vW, step)
				adamStep(h, dH, mH, vH, step)
			}
		}
		return losses
	}
	hint := whHint(lab.CheckTraining(slow))
	if strings.Contains(hint, "in place") || !strings.Contains(hint, "iteration 3 ") {
		t.Errorf("a loop that trains too slowly got the hint %q; want the first iteration whose loss differs (3)", hint)
	}

	// Right losses, but the training happened on copies, and only W was
	// copied back.
	copies := func(a, w, h *mat.Dense, iterations int) []float64 {
		wc := mat.DenseCopyOf(w)
		losses := train(a, wc, mat.DenseCopyOf(h), iterations)
		w.Copy(wc)
		return losses
	}
	if hint := whHint(lab.CheckTraining(copies)); !strings.Contains(hint, "not copies") {
		t.Errorf("training on copies got the hint %q", hint)
	}

	// W and H never touched.
	idle := func(a, w, h *mat.Dense, iterations int) []float64 {
		loss, _, _ := mseGradient(a, w, h)
		losses := make([]float64, iterations)
		for i := range losses {
			losses[i] = loss
		}
		return losses
	}
	if hint := whHint(lab.CheckTraining(idle)); !strings.Contains(hint, "in place") {
		t.Errorf("a Train that never updates W and H got the hint %q", hint)
	}
}
