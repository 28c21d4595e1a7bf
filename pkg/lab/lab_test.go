package lab_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/lab"
	"github.com/factorlab/factorlab/pkg/mf"
)

func TestSolutionsPass(t *testing.T) {
	for _, r := range solutions.reports() {
		if !r.Passed() {
			t.Errorf("solution fails:\n%s", r)
		}
		if strings.Contains(r.String(), "✗") || strings.Contains(r.Markdown(), "✗") {
			t.Errorf("a passing report shows ✗:\n%s", r)
		}
	}
}

func TestStubsAreNotImplemented(t *testing.T) {
	for _, r := range stubs.reports() {
		if r.Passed() {
			t.Errorf("stub passes:\n%s", r)
			continue
		}
		if len(r.Verdicts) != 1 || r.Verdicts[0].Status != lab.NotImplemented {
			t.Errorf("%s: want one NotImplemented verdict, got:\n%s", r.Title, r)
		}
		s := r.String()
		for _, want := range []string{"✗", "not implemented yet"} {
			if !strings.Contains(s, want) {
				t.Errorf("%s: report lacks %q:\n%s", r.Title, want, s)
			}
		}
		if strings.Contains(s, "expected") {
			t.Errorf("%s: an unanswered task shows its expected answer:\n%s", r.Title, s)
		}
		if strings.Contains(s, "goroutine") || strings.Contains(s, ".go:") {
			t.Errorf("%s: report looks like a stack trace:\n%s", r.Title, s)
		}
	}
}

func TestNilFunctionsAreNotImplemented(t *testing.T) {
	for _, r := range (labFuncs{}).reports() {
		if len(r.Verdicts) != 1 || r.Verdicts[0].Status != lab.NotImplemented {
			t.Errorf("%s with a nil function: want one NotImplemented verdict, got:\n%s", r.Title, r)
		}
	}
}

func TestRunPanicAndTimeout(t *testing.T) {
	v := lab.Run("index", time.Second, func() {
		var s []int
		_ = s[3]
	})
	if v.Status != lab.Panicked || !strings.Contains(v.Message, "index out of range") ||
		!strings.Contains(v.Message, "lab_test.TestRunPanicAndTimeout") || !strings.Contains(v.Hint, "index") {
		t.Errorf("panic verdict = %+v", v)
	}
	start := time.Now()
	stop := make(chan struct{})
	defer close(stop)
	v = lab.Run("loop", 50*time.Millisecond, func() { <-stop })
	if v.Status != lab.TimedOut || !strings.Contains(v.Message, "did not finish within 50ms") {
		t.Errorf("time-out verdict = %+v", v)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Run waited %v for a 50ms time-out", d)
	}
	if v := lab.Run("todo", 0, func() { panic("TODO: write me") }); v.Status != lab.NotImplemented {
		t.Errorf("panic(\"TODO...\") gave %v, want NotImplemented", v.Status)
	}
	if v := lab.Run("ok", 0, func() {}); !v.Passed() {
		t.Errorf("a function that returns gave %+v", v)
	}
}

func TestInfiniteLoopIsAFriendlyFailure(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for DefaultTimeout")
	}
	done := make(chan struct{})
	defer close(done)
	r := lab.CheckRotation(func(theta float64) *mat.Dense {
		<-done // stands for `for {}`, but lets the test end cleanly
		return nil
	})
	if r.Passed() || r.Verdicts[0].Status != lab.TimedOut {
		t.Errorf("want a time-out, got:\n%s", r)
	}
}

func TestWrongAnswersGetHints(t *testing.T) {
	cases := []struct {
		r    lab.Report
		want string
	}{
		{lab.CheckMSEGradient(func(a, w, h *mat.Dense) (float64, *mat.Dense, *mat.Dense) {
			l, dW, dH := mseGradient(a, w, h)
			dW.Scale(8, dW)
			return l * 8, dW, dH
		}), "m·n = 8 times too large"},
		{lab.CheckAdamStep(func(p, g, m, v *mat.Dense, t int) {
			adamStep(p, g, m, v, 1) // bias correction stuck at t = 1
		}), "must use the step number t"},
		{lab.CheckEigenvalues(func(a *mat.Dense) (float64, float64) {
			l, _ := eigenvalues(a)
			return l, l
		}), "same root twice"},
		{lab.CheckEigenvectors(func(a *mat.Dense, l float64) []float64 { return []float64{0, 0} }), "must be non-zero"},
		{lab.CheckOrthogonalClaim(func() *mat.Dense { return mat.NewDense(2, 2, []float64{2, 1, 1, 2}) }), "meet at 90°"},
		{lab.CheckNonNegativeClaim(func() *mat.Dense { return mat.NewDense(2, 2, []float64{4, 1, 2, 3}) }), "a[0,1] = 1 but a[1,0] = 2"},
		{lab.CheckEigenbasisClaim(func() *mat.Dense { return mat.NewDense(2, 2, []float64{2, 1, 1, 2}) }), "a full set"},
		{lab.CheckSingularValues(func(a *mat.Dense) []float64 {
			s := singularValues(a)
			s[0], s[1] = s[1], s[0]
			return s
		}), "descending"},
		{lab.CheckFixU(func(a *mat.Dense, s []float64, v *mat.Dense) *mat.Dense {
			u, _, _ := lab.NaiveSVD(a)
			return u
		}), "UΣVᵀ = A — off by"},
		{lab.CheckRotation(func(th float64) *mat.Dense { return rotation(-th) }), "clockwise"},
		{lab.CheckCorners(func() [][2]float64 { return [][2]float64{{0, 0}, {0, 1}, {-1, 1}, {-1, 0}} }), "stretch x by 2"},
	}
	for _, c := range cases {
		if c.r.Passed() {
			t.Errorf("%s: a wrong answer passed", c.r.Title)
			continue
		}
		if s := c.r.String(); !strings.Contains(s, c.want) {
			t.Errorf("%s: report lacks %q:\n%s", c.r.Title, c.want, s)
		}
	}
}

func TestCounterexamplesByProperty(t *testing.T) {
	pass := []struct {
		check func(lab.CounterexampleFunc) lab.Report
		a     []float64
		n     int
	}{
		{lab.CheckOrthogonalClaim, []float64{1, 1, 0, 2}, 2},
		{lab.CheckOrthogonalClaim, []float64{1, 1, 0, 0, 2, 0, 0, 0, 3}, 3},
		{lab.CheckNonNegativeClaim, []float64{0, 1, 1, 0}, 2},
		{lab.CheckNonNegativeClaim, []float64{-1, 0, 0, 2}, 2},
		{lab.CheckEigenbasisClaim, []float64{1, 1, 0, 1}, 2},                 // shear: defective
		{lab.CheckEigenbasisClaim, []float64{0, 0, 0, 1, 0, 0, 0, 1, 0}, 3},  // nilpotent Jordan block
		{lab.CheckEigenbasisClaim, []float64{1, -2, 0, 2, 1, 0, 0, 0, 5}, 3}, // complex pair
	}
	for _, c := range pass {
		a := mat.NewDense(c.n, c.n, c.a)
		if r := c.check(func() *mat.Dense { return a }); !r.Passed() {
			t.Errorf("valid counterexample %v rejected:\n%s", c.a, r)
		}
	}
	fail := []struct {
		check func(lab.CounterexampleFunc) lab.Report
		a     *mat.Dense
	}{
		{lab.CheckOrthogonalClaim, mat.NewDense(2, 2, []float64{1, 0, 0, 1})},       // identity: one eigenvalue
		{lab.CheckOrthogonalClaim, mat.NewDense(2, 2, []float64{0, -1, 1, 0})},      // complex eigenvalues
		{lab.CheckOrthogonalClaim, mat.NewDense(2, 3, []float64{1, 2, 3, 4, 5, 6})}, // not square
		{lab.CheckNonNegativeClaim, mat.NewDense(2, 2, []float64{2, 1, 1, 2})},
		{lab.CheckNonNegativeClaim, mat.NewDense(2, 2, []float64{1, 2, 0, -1})}, // negative but not symmetric
		{lab.CheckEigenbasisClaim, mat.NewDense(2, 2, []float64{2, 0, 0, 2})},
		{lab.CheckEigenbasisClaim, mat.NewDense(2, 2, []float64{math.NaN(), 0, 0, 2})},
	}
	for _, c := range fail {
		a := c.a
		if r := c.check(func() *mat.Dense { return a }); r.Passed() {
			t.Errorf("invalid counterexample %v accepted:\n%s", mat.Formatted(a), r)
		}
	}
}

// TestNaiveSVDFails guards the premise of lab L4: the naive construction
// does not reproduce A, and fixing U does.
func TestNaiveSVDFails(t *testing.T) {
	a := lab.SVDMatrix()
	u, s, v := lab.NaiveSVD(a)
	if mat.EqualApprox(lab.Reconstruct(u, s, v), a, 1e-6) {
		t.Fatal("the naive SVD reproduces A: lab L4 has nothing to fix")
	}
	if !mat.EqualApprox(lab.Reconstruct(fixU(a, s, v), s, v), a, 1e-12) {
		t.Fatal("uᵢ = Avᵢ/σᵢ does not reproduce A")
	}
}

// TestReferenceGradient checks the L1 gradient formulas (those of the
// solution, which the checker compares with) against central differences.
func TestReferenceGradient(t *testing.T) {
	a := lab.SeedMatrix()
	_, w, h := lab.TrainingStart()
	_, dW, dH := mseGradient(a, w, h)
	wr, wc := w.Dims()
	loss := func(x []float64) float64 {
		w := mat.NewDense(wr, wc, x[:wr*wc])
		h := mat.NewDense(wc, 2, x[wr*wc:])
		l, _, _ := mseGradient(a, w, h)
		return l
	}
	x := append(append([]float64(nil), w.RawMatrix().Data...), h.RawMatrix().Data...)
	g := fd.Gradient(nil, loss, x, &fd.Settings{Formula: fd.Central})
	want := append(append([]float64(nil), dW.RawMatrix().Data...), dH.RawMatrix().Data...)
	for i := range g {
		if math.Abs(g[i]-want[i]) > 1e-6 {
			t.Errorf("∂L/∂x[%d] = %g analytically, %g by central differences", i, want[i], g[i])
		}
	}
}

func TestTrainingReproducesSeed(t *testing.T) {
	a, w, h := lab.TrainingStart()
	losses := train(a, w, h, lab.TrainingIterations)
	if losses[999] >= 1e-4 {
		t.Errorf("loss at iteration 1000 = %g, want < 1e-4", losses[999])
	}
	if lab.MSE(a, w, h) > 1e-10 {
		t.Errorf("final MSE = %g", lab.MSE(a, w, h))
	}
	_, w2, h2 := lab.TrainingStart()
	_, w3, h3 := lab.TrainingStart()
	if !mat.Equal(w2, w3) || !mat.Equal(h2, h3) {
		t.Error("TrainingStart is not deterministic")
	}
}

// TestEckartYoungConstant holds the documented constant equal to pkg/mf's
// optimum, which the checks use.
func TestEckartYoungConstant(t *testing.T) {
	got, err := mf.OptimalLoss(lab.SeedMatrix(), 1, mf.Mean)
	if err != nil {
		t.Fatal(err)
	}
	// σ₂²/8 for seed 000's matrix, σ₂ = 0.408881731069662.
	if want := 0.0208980337503154; math.Abs(got-want) > 1e-15 {
		t.Errorf("mf.OptimalLoss = %.17g, want σ₂²/8 = %.17g", got, want)
	}
	if math.Abs(optimalMSE([]float64{7.337084961345172, 0.40888173106966214}, 1, 4, 2)-0.020898) > 5e-7 {
		t.Error("the seed's optimum is not 0.020898")
	}
}

func TestToleranceAndDirection(t *testing.T) {
	var nilTol *lab.Tolerance
	if !nilTol.Within(1+1e-7, 1) || nilTol.Within(1.01, 1) || nilTol.Within(math.NaN(), math.NaN()) {
		t.Error("default tolerance misbehaves")
	}
	tol := &lab.Tolerance{Abs: 0.1}
	if !tol.Within(1.05, 1) || tol.Within(1.2, 1) {
		t.Error("absolute tolerance misbehaves")
	}
	if v := lab.Direction("d", []float64{-2, -2}, []float64{1, 1}, nil); !v.Passed() {
		t.Errorf("−2·v is the same direction as v: %v", v)
	}
	if v := lab.Direction("d", []float64{1, 0}, []float64{1, 1}, nil); v.Passed() || !strings.Contains(v.Message, "45°") {
		t.Errorf("(1,0) vs (1,1): %v", v)
	}
	if v := lab.Eigenpair("e", mat.NewDense(2, 2, []float64{2, 1, 1, 2}), 3, []float64{-5, -5}, nil); !v.Passed() {
		t.Errorf("(3, (−5, −5)) is an eigenpair: %v", v)
	}
	if v := lab.Matrix("m", mat.NewDense(2, 2, nil), mat.NewDense(3, 2, nil), nil); v.Passed() || !strings.Contains(v.Message, "2×2, want 3×2") {
		t.Errorf("shape mismatch: %v", v)
	}
}

func TestMarkdownEscapesStudentText(t *testing.T) {
	r := lab.Report{Title: "t", Verdicts: []lab.Verdict{{Name: "a*b_c", Status: lab.Fail, Hint: "use `x`"}}}
	md := r.Markdown()
	if !strings.Contains(md, `a\*b\_c`) || strings.Contains(md, "`x`") {
		t.Errorf("markdown not escaped: %s", md)
	}
}

func TestCornersFigure(t *testing.T) {
	r := lab.CheckCorners(corners)
	if r.Figure == nil {
		t.Fatal("CheckCorners drew no figure")
	}
	if r := lab.CheckCorners(func() [][2]float64 { return nil }); r.Figure != nil {
		t.Error("a stub answer should draw nothing")
	}
}
