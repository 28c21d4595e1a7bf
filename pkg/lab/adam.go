package lab

import (
	"fmt"
	"math"

	"github.com/factorlab/factorlab/pkg/mf"
	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/fixtures"
)

// Adam's hyperparameters in lab L1: PyTorch's defaults for torch.optim.Adam
// (β₁, β₂, ε from Kingma & Ba, "Adam: A Method for Stochastic
// Optimization", ICLR 2015) and the learning rate of seed 000's training.
const (
	AdamLearningRate = fixtures.TrainingLearningRate
	AdamBeta1        = mf.DefaultBeta1
	AdamBeta2        = mf.DefaultBeta2
	AdamEpsilon      = mf.DefaultEpsilon
)

// Training set-up of lab L1: seed 000 trains k = 2 factors for 5000
// iterations and reports the loss every 500.
const (
	TrainingRank       = fixtures.TrainingRank
	TrainingIterations = fixtures.TrainingIterations
	// TrainingSeed seeds the uniform [0, 1) start of W and H, like
	// torch.rand in seed 000.
	TrainingSeed = fixtures.TrainingSeed
)

// MSEGradientFunc is the student's function of lab L1, task 1: the loss
// L = mean((WH − A)²) over the m·n entries, and its gradients ∂L/∂W and
// ∂L/∂H. It must not modify its arguments.
type MSEGradientFunc func(a, w, h *mat.Dense) (loss float64, dW, dH *mat.Dense)

// AdamStepFunc is the student's function of lab L1, task 2: one Adam step
// at step number t = 1, 2, ... for parameters p with gradient g. It
// updates p and the moment estimates m and v in place, with the constants
// AdamLearningRate, AdamBeta1, AdamBeta2 and AdamEpsilon.
type AdamStepFunc func(p, g, m, v *mat.Dense, t int)

// TrainFunc is the student's function of lab L1, task 3: run Adam on
// L = mean((WH − A)²) for the given number of iterations, updating w and h
// in place, and return the loss of every iteration (computed before that
// iteration's step, as seed 000's loop does).
type TrainFunc func(a, w, h *mat.Dense, iterations int) []float64

// SeedMatrix returns a new copy of seed 000's 4×2 matrix
// A = [[5, 3], [3, 2], [2, 1], [1, 1]], fixtures.FactorizationMatrix.
func SeedMatrix() *mat.Dense { return fixtures.FactorizationMatrix() }

// TrainingStart returns seed 000's matrix A and the starting factors W (4×k)
// and H (k×n), k = TrainingRank, with entries uniform in [0, 1) drawn from
// a PCG source seeded with TrainingSeed, exactly as mf.Dense starts: see
// fixtures.TrainingStart. Every call returns new matrices with the same
// values.
func TrainingStart() (a, w, h *mat.Dense) { return fixtures.TrainingStart() }

// mseGradient is the reference for MSEGradientFunc:
// E = WH − A, L = ‖E‖²_F/(mn), ∂L/∂W = 2EHᵀ/(mn), ∂L/∂H = 2WᵀE/(mn).
func mseGradient(a, w, h *mat.Dense) (loss float64, dW, dH *mat.Dense) {
	m, n := a.Dims()
	var e mat.Dense
	e.Mul(w, h)
	e.Sub(&e, a)
	s := 2 / float64(m*n)
	loss = mat.Norm(&e, 2)
	loss = loss * loss / float64(m*n)
	dW, dH = &mat.Dense{}, &mat.Dense{}
	dW.Mul(&e, h.T())
	dW.Scale(s, dW)
	dH.Mul(w.T(), &e)
	dH.Scale(s, dH)
	return loss, dW, dH
}

// adamStep is the reference for AdamStepFunc.
func adamStep(p, g, m, v *mat.Dense, t int) {
	r, c := p.Dims()
	b1t := 1 - math.Pow(AdamBeta1, float64(t))
	b2t := 1 - math.Pow(AdamBeta2, float64(t))
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			gij := g.At(i, j)
			mij := AdamBeta1*m.At(i, j) + (1-AdamBeta1)*gij
			vij := AdamBeta2*v.At(i, j) + (1-AdamBeta2)*gij*gij
			m.Set(i, j, mij)
			v.Set(i, j, vij)
			p.Set(i, j, p.At(i, j)-AdamLearningRate*(mij/b1t)/(math.Sqrt(vij/b2t)+AdamEpsilon))
		}
	}
}

// train is the reference for TrainFunc.
func train(a, w, h *mat.Dense, iterations int) []float64 {
	mw, vw := zerosLike(w), zerosLike(w)
	mh, vh := zerosLike(h), zerosLike(h)
	losses := make([]float64, iterations)
	for t := 1; t <= iterations; t++ {
		loss, dW, dH := mseGradient(a, w, h)
		losses[t-1] = loss
		adamStep(w, dW, mw, vw, t)
		adamStep(h, dH, mh, vh, t)
	}
	return losses
}

func zerosLike(x *mat.Dense) *mat.Dense {
	r, c := x.Dims()
	return mat.NewDense(r, c, nil)
}

// gradientPoint is the fixed point at which MSE gradients are checked.
func gradientPoint() (a, w, h *mat.Dense) {
	a = SeedMatrix()
	w = mat.NewDense(4, 2, []float64{0.5, -1, 1.5, 0.25, -0.75, 2, 1, 1})
	h = mat.NewDense(2, 2, []float64{1, 0.5, -0.5, 2})
	return a, w, h
}

// CheckMSEGradient checks lab L1, task 1 at a fixed W (4×2) and H (2×2) for
// seed 000's A: the loss and both gradients, against the formulas
// ∂L/∂W = 2(WH − A)Hᵀ/(mn) and ∂L/∂H = 2Wᵀ(WH − A)/(mn).
func CheckMSEGradient(f MSEGradientFunc) Report {
	r := Report{Title: tr(msgTitleL11)}
	a, w, h := gradientPoint()
	loss, dW, dH, ok := callMSEGradient(&r, f, a, w, h)
	if !ok {
		return r
	}
	wantL, wantW, wantH := mseGradient(a, w, h)
	vl := Scalar(tr(msgNameLoss), loss, wantL, nil)
	if !vl.Passed() {
		vl.Hint = scaleHint(loss, wantL, tr(msgWhatLoss), 8)
	}
	vw := Matrix("∂L/∂W", dW, wantW, nil)
	if vw.Status == Fail {
		vw.Hint = gradientHint(dW, wantW, "∂L/∂W = (2/mn)·(WH − A)·Hᵀ")
	}
	vh := Matrix("∂L/∂H", dH, wantH, nil)
	if vh.Status == Fail {
		vh.Hint = gradientHint(dH, wantH, "∂L/∂H = (2/mn)·Wᵀ·(WH − A)")
	}
	r.Add(vl, vw, vh)
	return r
}

// callMSEGradient runs the student's f on copies of a, w and h. It returns
// ok = false, with r saying why, when there is no answer to compare: f is
// nil, it panicked or did not return, or it is the untouched stub.
func callMSEGradient(r *Report, f MSEGradientFunc, a, w, h *mat.Dense) (loss float64, dW, dH *mat.Dense, ok bool) {
	if f == nil {
		*r = r.notImplemented("MSEGradient")
		return 0, nil, nil, false
	}
	if !call(r, "MSEGradient", func() { loss, dW, dH = f(mat.DenseCopyOf(a), mat.DenseCopyOf(w), mat.DenseCopyOf(h)) }) {
		return 0, nil, nil, false
	}
	if loss == 0 && isNilMatrix(dW) && isNilMatrix(dH) {
		r.Add(notImplemented(Verdict{Name: "MSEGradient", Diff: math.NaN(), Tol: math.NaN()}))
		return 0, nil, nil, false
	}
	return loss, dW, dH, true
}

// scaleHint recognises answers off by a constant factor.
func scaleHint(got, want float64, what string, mn float64) string {
	if want == 0 {
		return ""
	}
	ratio := got / want
	switch {
	case math.Abs(ratio-mn) < 1e-6*mn:
		return tr(msgHintMNTimes, what, mn)
	case math.Abs(ratio-0.5) < 1e-6:
		return tr(msgHintHalf, what)
	case math.Abs(ratio+1) < 1e-6:
		return tr(msgHintWrongSign, what)
	}
	return ""
}

func gradientHint(got, want *mat.Dense, formula string) string {
	if isNilMatrix(got) {
		return ""
	}
	gr, gc := got.Dims()
	wr, wc := want.Dims()
	if gr != wr || gc != wc {
		return tr(msgHintGradientShape, wr, wc, formula)
	}
	if h := scaleHint(got.At(0, 0), want.At(0, 0), tr(msgWhatGradient), 8); h != "" {
		return h
	}
	return formula
}

// CheckAdamStep checks lab L1, task 2: three Adam steps (t = 1, 2, 3) on a
// 2×2 parameter with fixed gradients, comparing m, v and the parameter after
// the first step and the parameter after the third.
func CheckAdamStep(f AdamStepFunc) Report {
	r := Report{Title: tr(msgTitleL12)}
	if f == nil {
		return r.notImplemented("AdamStep")
	}
	p0 := mat.NewDense(2, 2, []float64{1, -2, 0.5, 3})
	grads := []*mat.Dense{
		mat.NewDense(2, 2, []float64{0.1, -0.2, 0.3, 0}),
		mat.NewDense(2, 2, []float64{-0.05, 0.4, 0.3, 1e-3}),
		mat.NewDense(2, 2, []float64{0.2, 0.1, -0.3, 2}),
	}
	wp, wm, wv := mat.DenseCopyOf(p0), zerosLike(p0), zerosLike(p0)
	gp, gm, gv := mat.DenseCopyOf(p0), zerosLike(p0), zerosLike(p0)
	tol := &Tolerance{Abs: 1e-12, Rel: 1e-9}
	for t := 1; t <= len(grads); t++ {
		adamStep(wp, grads[t-1], wm, wv, t)
		g := mat.DenseCopyOf(grads[t-1])
		if !call(&r, tr(msgNameAdamStepAt, t), func() { f(gp, g, gm, gv, t) }) {
			return r
		}
		if t == 1 {
			vm := Matrix(tr(msgNameMAfter1), gm, wm, tol)
			vv := Matrix(tr(msgNameVAfter1), gv, wv, tol)
			vp := Matrix(tr(msgNameParamAfter1), gp, wp, tol)
			if vp.Status == Fail && vm.Passed() && vv.Passed() {
				vp.Hint = tr(msgHintAdamUpdate)
				if sameMatrix(gp, p0) {
					vp.Hint = tr(msgHintParamUnchanged)
				}
			}
			if vm.Status == Fail && sameMatrix(gm, zerosLike(p0)) {
				vm.Hint = tr(msgHintMZero)
			}
			r.Add(vm, vv, vp)
		}
	}
	vp := Matrix(tr(msgNameParamAfter3), gp, wp, tol)
	if vp.Status == Fail {
		vp.Hint = tr(msgHintBiasCorrection)
	}
	r.Add(vp)
	return r
}

func sameMatrix(a, b *mat.Dense) bool {
	if isNilMatrix(a) || isNilMatrix(b) {
		return false
	}
	return mat.Equal(a, b)
}

// CheckTraining checks lab L1, task 3, the reproduction of seed 000: from
// TrainingStart, TrainingIterations iterations of Adam must bring the loss
// below 1e-4 by iteration 1000 and make WH equal A to 4 decimals. The
// student's first loss must equal the reference's, which catches a Train
// that does not start from the given W and H.
func CheckTraining(f TrainFunc) Report {
	r := Report{Title: tr(msgTitleL13)}
	if f == nil {
		return r.notImplemented("Train")
	}
	a, w, h := TrainingStart()
	_, w0, h0 := TrainingStart()
	want := train(a, w0, h0, TrainingIterations)
	var losses []float64
	if !call(&r, "Train", func() { losses = f(mat.DenseCopyOf(a), w, h, TrainingIterations) }) {
		return r
	}
	if losses == nil {
		r.Add(notImplemented(Verdict{Name: "Train", Diff: math.NaN(), Tol: math.NaN()}))
		return r
	}
	if len(losses) != TrainingIterations {
		r.Add(Verdict{Name: tr(msgNameLossCount), Status: Fail, Diff: math.NaN(), Tol: math.NaN(),
			Message:  tr(msgLossCount, len(losses), TrainingIterations),
			Hint:     tr(msgHintLossCount),
			Expected: fmt.Sprint(TrainingIterations), Actual: fmt.Sprint(len(losses))})
		return r
	}
	v1 := Scalar(tr(msgNameLoss1), losses[0], want[0], &Tolerance{Abs: 1e-12, Rel: 1e-9})
	if !v1.Passed() {
		v1.Hint = tr(msgHintLoss1)
	}
	r.Add(v1)
	l1000 := losses[999]
	v := Verdict{Name: tr(msgNameLoss1000), Expected: "< 1e-4", Actual: sci(l1000), Diff: l1000, Tol: 1e-4}
	if l1000 < 1e-4 {
		v.Status = Pass
		v.Message = tr(msgLoss1000Pass, l1000)
	} else {
		v.Status = Fail
		v.Message = tr(msgLoss1000, l1000)
		v.Hint = tr(msgHintLoss1000)
	}
	r.Add(v)
	var wh mat.Dense
	if !isNilMatrix(w) && !isNilMatrix(h) {
		wc, hr := 0, 0
		_, wc = w.Dims()
		hr, _ = h.Dims()
		if wc == hr {
			wh.Mul(w, h)
		}
	}
	vwh := Matrix(tr(msgNameWHA, TrainingIterations), &wh, a, &Tolerance{Abs: 5e-5})
	if vwh.Status == NotImplemented {
		vwh.Status = Fail
		vwh.Message = tr(msgWHNoProduct)
		vwh.Hint = tr(msgHintWHInPlace)
	} else if vwh.Status == Fail {
		vwh.Hint = trainingHint(w, h, losses, want)
	}
	r.Add(vwh)
	return r
}

// trainingHint names why a Train whose WH is not A failed: W and H were
// not updated at all, the losses leave a correct loop's at some iteration,
// or the losses are right but the W and H left behind are not the trained
// ones.
func trainingHint(w, h *mat.Dense, losses, want []float64) string {
	_, w0, h0 := TrainingStart()
	if mat.Equal(w, w0) && mat.Equal(h, h0) {
		return tr(msgHintTrainInPlace)
	}
	tol := &Tolerance{Abs: 1e-12, Rel: 1e-6}
	for i := range want {
		if !tol.Within(losses[i], want[i]) {
			return tr(msgHintTrainDiffers, i+1, sci(losses[i]), sci(want[i]))
		}
	}
	return tr(msgHintTrainNotReturned)
}
