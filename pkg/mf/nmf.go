package mf

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// NMFObjective selects the divergence NMF minimizes.
type NMFObjective int

const (
	// Frobenius is ‖A − WH‖²_F. It is the default.
	Frobenius NMFObjective = iota
	// KL is the generalized Kullback–Leibler divergence
	// D(A‖WH) = Σ (A log(A/WH) − A + WH).
	KL
)

// Defaults of NMFSettings.
const (
	// DefaultNMFIterations is the number of multiplicative updates.
	DefaultNMFIterations = 200
	// DefaultNMFEpsilon is added to denominators to avoid 0/0; it is
	// scikit-learn's EPSILON = np.finfo(np.float32).eps = 2⁻²³ of
	// sklearn/decomposition/_nmf.py. Adding a positive constant to the
	// denominator keeps Lee and Seung's auxiliary-function argument valid,
	// so the objective still never rises.
	DefaultNMFEpsilon = 0x1p-23
)

// Outside [nmfSafeMin, nmfSafeMax] NMF.Factorize scales A into [¼, 1).
const (
	nmfSafeMin = 0.25
	nmfSafeMax = 0x1p64
)

// NMFSettings configures NMF.Factorize. A nil pointer or a zero field means
// the default.
type NMFSettings struct {
	Objective  NMFObjective
	Iterations int
	Epsilon    float64
	// Tolerance stops early once the relative decrease of the objective in
	// one iteration is below Tolerance; zero never stops early.
	Tolerance float64
	// Callback, if not nil, is called every Every iterations (Every 0 means
	// 1) with the iteration (from 1) and the objective before its update.
	Every    int
	Callback func(iteration int, objective float64)
}

// NMF is a non-negative factorization A ≈ WH, W ≥ 0 (m×k) and H ≥ 0 (k×n),
// of a non-negative matrix A, computed by Lee and Seung's multiplicative
// updates (Lee & Seung 2001, "Algorithms for non-negative matrix
// factorization", NIPS 13, Theorems 1 and 2):
//
//	Frobenius: H ← H ⊙ (WᵀA) ⊘ (WᵀWH),  W ← W ⊙ (AHᵀ) ⊘ (WHHᵀ)
//	KL:        H ← H ⊙ (Wᵀ(A ⊘ WH)) ⊘ (Wᵀ𝟙),  W ← W ⊙ ((A ⊘ WH)Hᵀ) ⊘ (𝟙Hᵀ)
//
// under which W and H stay non-negative and the objective never rises. The
// zero value is ready for Factorize.
type NMF struct {
	w, h   *mat.Dense
	losses []float64
	loss   float64
	iters  int
}

// Factorize computes W and H starting from U[0,1)·√(mean(A)/k) entries drawn
// from rng (scikit-learn's "random" initialisation scale). It returns an
// error wrapping ErrData if k ≤ 0, A is nil or empty, or an element is
// negative, NaN or infinite (the error names it).
//
// When max|aᵢⱼ| is below ¼ (where Epsilon would no longer be small next to
// the denominators, and W = H = 0 would soon be returned for tiny data) or
// above 2⁶⁴, the updates run on A scaled by a power of two into [¼, 1), as
// LAPACK's drivers scale a matrix outside their safe range; W, H, the
// objectives and the Callback's values are scaled back. With the Frobenius objective, whose value scales like A², max|aᵢⱼ|
// outside [2⁻⁵⁰⁰, 2⁵⁰⁰] (about 10^±150) is an error wrapping ErrData that says
// the input is out of range. Factorize panics with ErrNilRand if rng is nil and
// with ErrSettings for negative or NaN settings or an unknown objective.
func (f *NMF) Factorize(a mat.Matrix, k int, s *NMFSettings, rng *rand.Rand) error {
	*f = NMF{}
	if rng == nil {
		panic(ErrNilRand)
	}
	c := resolveNMF(s)
	if err := checkFactorInput(a, k); err != nil {
		return err
	}
	ad, big, err := nmfInput(a, c.Objective)
	if err != nil {
		return err
	}
	// Solve for 2⁻²ʲ·A, then W = 2ʲ·W', H = 2ʲ·H'.
	j, objExp := nmfScaleInto(ad, big, c.Objective)
	if cb := c.Callback; cb != nil {
		c.Callback = func(t int, obj float64) { cb(t, math.Ldexp(obj, objExp)) }
	}
	w, h := nmfStart(ad, k, rng)
	run := newNMFRun(ad, w, h, &c)
	prev, err := f.iterate(run, &c, objExp)
	if err != nil {
		return err
	}
	return f.finish(w, h, prev, j, objExp, big)
}

// resolveNMF returns the settings with defaults filled in. It panics with
// ErrSettings for negative or NaN settings or an unknown objective.
func resolveNMF(s *NMFSettings) NMFSettings {
	var c NMFSettings
	if s != nil {
		c = *s
	}
	if c.Iterations < 0 || !(c.Epsilon >= 0) || !(c.Tolerance >= 0) || c.Every < 0 || (c.Objective != Frobenius && c.Objective != KL) {
		panic(ErrSettings)
	}
	if c.Iterations == 0 {
		c.Iterations = DefaultNMFIterations
	}
	if c.Epsilon == 0 {
		c.Epsilon = DefaultNMFEpsilon
	}
	if c.Every == 0 {
		c.Every = 1
	}
	return c
}

// nmfInput copies A, which checkFactorInput has accepted, and returns the
// copy and max|aᵢⱼ|. It returns an error wrapping ErrData naming the first
// negative element, or, for the Frobenius objective, saying A is out of
// range.
func nmfInput(a mat.Matrix, obj NMFObjective) (ad *mat.Dense, big float64, err error) {
	m, n := a.Dims()
	ad = mat.DenseCopyOf(a)
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			if v := ad.At(i, j); v < 0 {
				return nil, 0, fmt.Errorf("%w: A[%d,%d] = %v is negative; NMF needs A ≥ 0", ErrNegative, i, j, v)
			}
		}
	}
	big = maxAbs(ad)
	if obj == Frobenius {
		if err := checkRange("A", big, minSquarable, maxSquarable); err != nil {
			return nil, 0, err
		}
	}
	return ad, big, nil
}

// nmfScaleInto scales ad in place by 2⁻²ʲ, with j = 0 when big is in
// [nmfSafeMin, nmfSafeMax], and returns j and the exponent by which the
// objective is scaled back: ‖σA − σWH‖² = σ²‖A − WH‖² and
// D(σA‖σWH) = σ·D(A‖WH) for σ = 2⁻²ʲ. Scale factors are kept as exponents:
// 2²ʲ itself may overflow.
func nmfScaleInto(ad *mat.Dense, big float64, obj NMFObjective) (j, objExp int) {
	if big < nmfSafeMin || big > nmfSafeMax {
		j = evenPow2Exp(big)
	}
	objExp = 2 * j
	if obj == Frobenius {
		objExp = 4 * j
	}
	m, n := ad.Dims()
	for i := 0; i < m; i++ {
		for jj := 0; jj < n; jj++ {
			ad.Set(i, jj, math.Ldexp(ad.At(i, jj), -2*j))
		}
	}
	return j, objExp
}

// nmfStart returns W (m×k) and H (k×n) filled row by row, W first, with
// U[0,1)·√(mean(A)/k) entries drawn from rng.
func nmfStart(ad *mat.Dense, k int, rng *rand.Rand) (w, h *mat.Dense) {
	m, n := ad.Dims()
	sum := 0.0
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			sum += ad.At(i, j)
		}
	}
	scale := math.Sqrt(sum / float64(m*n) / float64(k))
	w, h = mat.NewDense(m, k, nil), mat.NewDense(k, n, nil)
	for i := 0; i < m; i++ {
		for j := 0; j < k; j++ {
			w.Set(i, j, scale*rng.Float64())
		}
	}
	for i := 0; i < k; i++ {
		for j := 0; j < n; j++ {
			h.Set(i, j, scale*rng.Float64())
		}
	}
	return w, h
}

// nmfRun holds the (scaled) data, the factors being updated and the
// workspaces of the multiplicative updates.
type nmfRun struct {
	a, w, h          *mat.Dense
	obj              NMFObjective
	eps              float64
	wh, ratio        *mat.Dense // m×n
	numH, denH       *mat.Dense // k×n
	numW, denW       *mat.Dense // m×k
	gram             *mat.Dense // k×k
	colSumW, rowSumH []float64
}

func newNMFRun(ad, w, h *mat.Dense, c *NMFSettings) *nmfRun {
	m, n := ad.Dims()
	_, k := w.Dims()
	return &nmfRun{
		a: ad, w: w, h: h, obj: c.Objective, eps: c.Epsilon,
		wh:      mat.NewDense(m, n, nil),
		numH:    mat.NewDense(k, n, nil),
		denH:    mat.NewDense(k, n, nil),
		numW:    mat.NewDense(m, k, nil),
		denW:    mat.NewDense(m, k, nil),
		gram:    mat.NewDense(k, k, nil),
		ratio:   mat.NewDense(m, n, nil),
		colSumW: make([]float64, k),
		rowSumH: make([]float64, k),
	}
}

// objective returns the objective at the current W and H.
func (r *nmfRun) objective() float64 {
	r.wh.Mul(r.w, r.h)
	return nmfObjective(r.a, r.wh, r.obj)
}

// mulUpdate sets x ← x ⊙ num ⊘ (den + ε).
func (r *nmfRun) mulUpdate(x, num, den *mat.Dense) {
	rows, cols := x.Dims()
	for i := 0; i < rows; i++ {
		for j := 0; j < cols; j++ {
			x.Set(i, j, x.At(i, j)*num.At(i, j)/(den.At(i, j)+r.eps))
		}
	}
}

// update performs one multiplicative update of H, then of W.
func (r *nmfRun) update() {
	switch r.obj {
	case Frobenius:
		r.updateFrobenius()
	case KL:
		r.updateKL()
	}
}

// updateFrobenius: H ← H ⊙ (WᵀA) ⊘ (WᵀWH), then W ← W ⊙ (AHᵀ) ⊘ (WHHᵀ).
func (r *nmfRun) updateFrobenius() {
	w, h := r.w, r.h
	r.numH.Mul(w.T(), r.a)
	r.gram.Mul(w.T(), w)
	r.denH.Mul(r.gram, h)
	r.mulUpdate(h, r.numH, r.denH)
	r.numW.Mul(r.a, h.T())
	r.gram.Mul(h, h.T())
	r.denW.Mul(w, r.gram)
	r.mulUpdate(w, r.numW, r.denW)
}

// updateKL: H ← H ⊙ (Wᵀ(A ⊘ WH)) ⊘ (Wᵀ𝟙), then W ← W ⊙ ((A ⊘ WH)Hᵀ) ⊘ (𝟙Hᵀ).
func (r *nmfRun) updateKL() {
	w, h := r.w, r.h
	m, _ := r.a.Dims()
	k, n := h.Dims()
	r.wh.Mul(w, h)
	klRatio(r.ratio, r.a, r.wh, r.eps)
	r.numH.Mul(w.T(), r.ratio)
	for l := 0; l < k; l++ {
		r.colSumW[l] = mat.Sum(w.ColView(l))
		for j := 0; j < n; j++ {
			r.denH.Set(l, j, r.colSumW[l])
		}
	}
	r.mulUpdate(h, r.numH, r.denH)
	r.wh.Mul(w, h)
	klRatio(r.ratio, r.a, r.wh, r.eps)
	r.numW.Mul(r.ratio, h.T())
	for l := 0; l < k; l++ {
		r.rowSumH[l] = mat.Sum(h.RowView(l))
		for i := 0; i < m; i++ {
			r.denW.Set(i, l, r.rowSumH[l])
		}
	}
	r.mulUpdate(w, r.numW, r.denW)
}

// iterate runs the updates until Iterations or the Tolerance stop, recording
// the objective before each update in f.losses, and returns the final
// (scaled) objective. If the objective becomes NaN or infinite it leaves f
// holding only the losses, scaled back by 2^objExp, and returns an error
// wrapping ErrDiverged.
func (f *NMF) iterate(r *nmfRun, c *NMFSettings, objExp int) (float64, error) {
	f.losses = make([]float64, 0, c.Iterations)
	prev := r.objective()
	for t := 1; t <= c.Iterations; t++ {
		f.losses = append(f.losses, prev)
		if c.Callback != nil && t%c.Every == 0 {
			c.Callback(t, prev)
		}
		r.update()
		f.iters = t
		cur := r.objective()
		if math.IsNaN(cur) || math.IsInf(cur, 0) {
			losses := f.losses
			*f = NMF{losses: losses}
			for i := range losses {
				losses[i] = math.Ldexp(losses[i], objExp)
			}
			return 0, fmt.Errorf("%w: NMF objective is %v after iteration %d; rescale A", ErrDiverged, cur, t)
		}
		stop := c.Tolerance > 0 && prev-cur <= c.Tolerance*prev
		prev = cur
		if stop {
			break
		}
	}
	return prev, nil
}

// finish scales W, H by 2ʲ and the objectives by 2^objExp back to A's
// scale and stores them. It returns an error wrapping ErrData, leaving f
// empty, if a value overflows on the way back.
func (f *NMF) finish(w, h *mat.Dense, prev float64, j, objExp int, big float64) error {
	for _, x := range []*mat.Dense{w, h} {
		raw := x.RawMatrix()
		for i := range raw.Data {
			raw.Data[i] = math.Ldexp(raw.Data[i], j)
		}
	}
	overflow := false
	for i := range f.losses {
		f.losses[i] = math.Ldexp(f.losses[i], objExp)
		overflow = overflow || math.IsInf(f.losses[i], 0)
	}
	loss := math.Ldexp(prev, objExp)
	if overflow || math.IsInf(loss, 0) || math.IsInf(mat.Max(w), 0) || math.IsInf(mat.Max(h), 0) {
		*f = NMF{}
		return fmt.Errorf("%w: A (max|aᵢⱼ| = %g) is out of range: the NMF objective or a factor exceeds the largest float64; rescale A", ErrRange, big)
	}
	f.w, f.h, f.loss = w, h, loss
	return nil
}

func klRatio(dst, a, wh *mat.Dense, eps float64) {
	m, n := a.Dims()
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			dst.Set(i, j, a.At(i, j)/(wh.At(i, j)+eps))
		}
	}
}

func nmfObjective(a, wh *mat.Dense, obj NMFObjective) float64 {
	m, n := a.Dims()
	s := 0.0
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			x, y := a.At(i, j), wh.At(i, j)
			switch obj {
			case Frobenius:
				s += (x - y) * (x - y)
			case KL:
				if x > 0 {
					s += x*math.Log(x/y) - x + y
				} else {
					s += y
				}
			}
		}
	}
	return s
}

func (f *NMF) mustOK() {
	if f.w == nil {
		panic(ErrNotFactorized)
	}
}

// WTo copies W into dst, which must be empty (it is then resized) or m×k.
// It panics with ErrShape if dst has another shape and with
// ErrNotFactorized if Factorize has not succeeded.
func (f *NMF) WTo(dst *mat.Dense) {
	f.mustOK()
	r, c := f.w.Dims()
	copyTo(dst, r, c, mat.DenseCopyOf(f.w).RawMatrix().Data)
}

// HTo copies H into dst, which must be empty (it is then resized) or k×n.
// It panics with ErrShape if dst has another shape and with
// ErrNotFactorized if Factorize has not succeeded.
func (f *NMF) HTo(dst *mat.Dense) {
	f.mustOK()
	r, c := f.h.Dims()
	copyTo(dst, r, c, mat.DenseCopyOf(f.h).RawMatrix().Data)
}

// ReconstructTo stores the m×n product WH in dst, which must be empty (it
// is then resized) or m×n. It panics with ErrShape if dst has another shape
// and with ErrNotFactorized if Factorize has not succeeded.
func (f *NMF) ReconstructTo(dst *mat.Dense) {
	f.mustOK()
	productTo(dst, f.w, f.h)
}

// Loss returns the objective at the returned W and H. It panics with
// ErrNotFactorized if Factorize has not succeeded.
func (f *NMF) Loss() float64 { f.mustOK(); return f.loss }

// Iterations returns the number of updates performed. It panics with
// ErrNotFactorized if Factorize has not succeeded.
func (f *NMF) Iterations() int { f.mustOK(); return f.iters }

// Losses returns a copy of the objective before each iteration's update.
func (f *NMF) Losses() []float64 { return append([]float64(nil), f.losses...) }
