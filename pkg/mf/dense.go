package mf

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"

	"gonum.org/v1/gonum/mat"
)

// Optimizer selects the update rule of Dense.Factorize.
type Optimizer int

const (
	// Adam is the Adam optimizer (Kingma & Ba 2015) with the update order of
	// PyTorch's torch.optim.Adam (amsgrad=False, weight_decay=0):
	//
	//	m ← m + (1−β₁)(g − m)
	//	v ← β₂v + (1−β₂)g²
	//	p ← p − (η/(1−β₁ᵗ)) · m / (√v/√(1−β₂ᵗ) + ε)
	//
	// It is the default.
	Adam Optimizer = iota
	// GradientDescent is full-batch gradient descent, W ← W − η∇_W L and
	// H ← H − η∇_H L with both gradients taken at the same point, as
	// torch.optim.SGD without momentum does.
	GradientDescent
)

func (o Optimizer) String() string {
	switch o {
	case Adam:
		return "Adam"
	case GradientDescent:
		return "GradientDescent"
	}
	return fmt.Sprintf("Optimizer(%d)", int(o))
}

// Reduction selects how the squared errors are combined into the loss.
type Reduction int

const (
	// Mean divides the squared error by the number of observed entries, as
	// torch.nn.functional.mse_loss does by default. It is the default.
	Mean Reduction = iota
	// Sum is the plain squared error ‖M ⊙ (A − WH)‖²_F.
	Sum
)

// Precision selects the floating-point type the training arithmetic uses.
type Precision int

const (
	// Float64 trains in float64. It is the default.
	Float64 Precision = iota
	// Float32 stores A, W, H, the gradients and the Adam moments as float32
	// and does every elementwise operation in float32, in the order PyTorch's
	// float32 CPU kernels use, so the loss floors and rounding behaviour match
	// a float32 PyTorch run. Scalar hyperparameters (η/(1−β₁ᵗ), √(1−β₂ᵗ)) are
	// computed in float64 and rounded to float32 as PyTorch does; the loss is
	// accumulated in float64 and rounded to float32.
	Float32
)

// Defaults used when the corresponding DenseSettings field is zero.
const (
	// DefaultAdamLearningRate is α = 0.001 from Kingma & Ba (2015),
	// "Adam: A Method for Stochastic Optimization", Algorithm 1; it is also
	// torch.optim.Adam's default.
	DefaultAdamLearningRate = 0.001
	// DefaultBeta1 is β₁ = 0.9 (Kingma & Ba 2015, Algorithm 1).
	DefaultBeta1 = 0.9
	// DefaultBeta2 is β₂ = 0.999 (Kingma & Ba 2015, Algorithm 1).
	DefaultBeta2 = 0.999
	// DefaultEpsilon is ε = 1e-8 (Kingma & Ba 2015, Algorithm 1).
	DefaultEpsilon = 1e-8
	// DefaultGDLearningRate is η = 0.01 for gradient descent. There is no
	// canonical value (torch.optim.SGD has no default); 0.01 is the step
	// used in seed 000's Adam run and is stable for mean-reduced losses on
	// matrices with entries of order one.
	DefaultGDLearningRate = 0.01
	// DefaultIterations is the number of updates when Iterations is zero.
	DefaultIterations = 1000
	// DefaultDivergenceFactor: training is stopped as diverged when the loss
	// exceeds this multiple of the first loss. Gradient descent with too
	// large a step grows the loss geometrically, so the factor is reached
	// within a few dozen steps, long before the loss overflows.
	DefaultDivergenceFactor = 1e6
)

// DenseSettings configures Dense.Factorize. A nil *DenseSettings, and any
// zero field, means the default. Because zero means default, β₁ = 0 and
// β₂ = 0 cannot be requested.
type DenseSettings struct {
	// Optimizer is Adam (default) or GradientDescent.
	Optimizer Optimizer
	// LearningRate is η; zero means DefaultAdamLearningRate for Adam and
	// DefaultGDLearningRate for gradient descent.
	LearningRate float64
	// Beta1, Beta2 and Epsilon are Adam's β₁, β₂ and ε; zero means
	// DefaultBeta1, DefaultBeta2 and DefaultEpsilon.
	Beta1, Beta2, Epsilon float64
	// Iterations is the maximum number of updates; zero means
	// DefaultIterations.
	Iterations int
	// Reduction is Mean (default, like torch's mse_loss) or Sum.
	Reduction Reduction
	// Precision is Float64 (default) or Float32.
	Precision Precision
	// Lambda is the L2 penalty λ; the loss gains λ(‖W‖²_F + ‖H‖²_F),
	// not divided by the number of entries.
	Lambda float64
	// Mask, if not nil, must have the shape of A; entries that are zero
	// are unobserved and do not enter the loss, all others are observed.
	Mask mat.Matrix
	// Tolerance stops training early, before the update, at the first
	// iteration whose loss is ≤ Tolerance. Zero disables early stopping.
	Tolerance float64
	// Every is the period of Callback in iterations; zero means 1.
	Every int
	// Callback, if not nil, is called at iterations Every, 2·Every, …
	// (iterations count from 1) with the loss computed before that
	// iteration's update, exactly what seed 000's loop prints.
	Callback func(iteration int, loss float64)
	// DivergenceFactor: a loss above DivergenceFactor × the first loss stops
	// training with an error; zero means DefaultDivergenceFactor and a
	// negative value disables the check. NaN or infinite losses always stop
	// training.
	DivergenceFactor float64
	// Workers is the number of goroutines used for large problems; zero
	// means GOMAXPROCS. The work is split into chunks that do not depend on
	// Workers, so the result is bit-identical for any number of workers.
	Workers int
}

// Dense is a factorization A ≈ WH of a dense m×n matrix into W (m×k) and
// H (k×n) found by gradient descent or Adam. The zero value is ready for
// Factorize.
type Dense struct {
	m, n, k   int
	w, h      []float64
	losses    []float64
	loss      float64
	iters     int
	converged bool
	ok        bool
}

// Factorize computes W and H minimizing the settings' loss, by default
// (1/mn)‖A − WH‖²_F, starting from W and H filled row by row, W first,
// with U[0,1) values drawn from rng (in Float32 mode the float64 draws are
// truncated to 24 bits, so both precisions start from nearly the same
// point). The same rng state and settings give the same bits.
//
// Factorize returns an error wrapping ErrData if k ≤ 0, A is nil or empty,
// A or the mask hold NaN or infinite elements (the error names the element),
// the mask observes nothing, or max|aᵢⱼ| lies outside [2⁻⁵⁰⁰, 2⁵⁰⁰]
// ([2⁻⁶⁰, 2⁶⁰] in Float32 mode), where the squared errors of the loss are not
// representable (the error says the input is out of range). A typed-nil
// mask means no mask. It returns an error wrapping ErrDiverged, which
// names the iteration and suggests a smaller learning rate, if the loss
// becomes NaN, infinite or explodes; Losses then still holds the losses up
// to that point but W and H are unavailable.
//
// Factorize panics with ErrNilRand if rng is nil, with ErrShape if the mask
// does not have the shape of a, and with ErrSettings if a setting is
// negative where it must not be or β₁, β₂ are not in [0, 1).
func (f *Dense) Factorize(a mat.Matrix, k int, settings *DenseSettings, rng *rand.Rand) error {
	*f = Dense{}
	if rng == nil {
		panic(ErrNilRand)
	}
	s := resolveDense(settings)
	if isNil(s.Mask) {
		s.Mask = nil // a typed-nil mask is no mask
	}
	if isNil(a) {
		return fmt.Errorf("%w: A is nil", ErrData)
	}
	m, n := a.Dims()
	if s.Mask != nil {
		if mr, mc := s.Mask.Dims(); mr != m || mc != n {
			panic(ErrShape)
		}
	}
	if err := checkFactorInput(a, k); err != nil {
		return err
	}
	lo, hi := minSquarable, maxSquarable
	if s.Precision == Float32 {
		lo, hi = minSquarable32, maxSquarable32
	}
	if err := checkRange("A", maxAbs(a), lo, hi); err != nil {
		return err
	}
	observed := m * n
	if s.Mask != nil {
		if err := checkFinite("mask", s.Mask); err != nil {
			return err
		}
		observed = 0
		for i := 0; i < m; i++ {
			for j := 0; j < n; j++ {
				if s.Mask.At(i, j) != 0 {
					observed++
				}
			}
		}
		if observed == 0 {
			return fmt.Errorf("%w: mask observes no entry", ErrData)
		}
	}

	w0 := make([]float64, m*k)
	h0 := make([]float64, k*n)
	for i := range w0 {
		w0[i] = rng.Float64()
	}
	for i := range h0 {
		h0[i] = rng.Float64()
	}

	f.m, f.n, f.k = m, n, k
	f.losses = make([]float64, 0, s.Iterations)
	var err error
	switch s.Precision {
	case Float32:
		for i := range w0 {
			w0[i] = trunc24(w0[i])
		}
		for i := range h0 {
			h0[i] = trunc24(h0[i])
		}
		st := newDenseState[float32](a, s.Mask, w0, h0, k, observed, &s)
		defer st.close() // also if Callback panics
		err = train(f, st, &s)
	default:
		st := newDenseState[float64](a, s.Mask, w0, h0, k, observed, &s)
		defer st.close() // also if Callback panics
		err = train(f, st, &s)
	}
	if err != nil {
		losses := f.losses
		*f = Dense{losses: losses}
		return err
	}
	f.ok = true
	return nil
}

// trunc24 truncates x in [0,1) to a multiple of 2⁻²⁴, which float32 holds
// exactly and which stays below 1.
func trunc24(x float64) float64 {
	return math.Floor(x*(1<<24)) / (1 << 24)
}

func resolveDense(settings *DenseSettings) DenseSettings {
	var s DenseSettings
	if settings != nil {
		s = *settings
	}
	if s.LearningRate < 0 || s.Iterations < 0 || s.Epsilon < 0 || s.Lambda < 0 ||
		s.Tolerance < 0 || s.Every < 0 || s.Workers < 0 ||
		s.Beta1 < 0 || s.Beta1 >= 1 || s.Beta2 < 0 || s.Beta2 >= 1 ||
		math.IsNaN(s.LearningRate+s.Epsilon+s.Lambda+s.Tolerance+s.Beta1+s.Beta2+s.DivergenceFactor) ||
		math.IsInf(s.LearningRate+s.Epsilon+s.Lambda, 0) {
		panic(ErrSettings)
	}
	switch s.Optimizer {
	case Adam, GradientDescent:
	default:
		panic(ErrSettings)
	}
	switch s.Reduction {
	case Mean, Sum:
	default:
		panic(ErrSettings)
	}
	switch s.Precision {
	case Float64, Float32:
	default:
		panic(ErrSettings)
	}
	if s.LearningRate == 0 {
		if s.Optimizer == Adam {
			s.LearningRate = DefaultAdamLearningRate
		} else {
			s.LearningRate = DefaultGDLearningRate
		}
	}
	if s.Beta1 == 0 {
		s.Beta1 = DefaultBeta1
	}
	if s.Beta2 == 0 {
		s.Beta2 = DefaultBeta2
	}
	if s.Epsilon == 0 {
		s.Epsilon = DefaultEpsilon
	}
	if s.Iterations == 0 {
		s.Iterations = DefaultIterations
	}
	if s.Every == 0 {
		s.Every = 1
	}
	if s.DivergenceFactor == 0 {
		s.DivergenceFactor = DefaultDivergenceFactor
	}
	if s.Workers == 0 {
		s.Workers = runtime.GOMAXPROCS(0)
	}
	return s
}

// checkFactorInput returns an error wrapping ErrData when k is not a valid
// rank or a is empty or has a NaN or infinite element.
func checkFactorInput(a mat.Matrix, k int) error {
	if isNil(a) {
		return fmt.Errorf("%w: A is nil", ErrData)
	}
	if k <= 0 {
		return fmt.Errorf("%w: rank k = %d, want k ≥ 1", ErrData, k)
	}
	if m, n := a.Dims(); m == 0 || n == 0 {
		return fmt.Errorf("%w: A is empty (%d×%d)", ErrData, m, n)
	}
	return checkFinite("A", a)
}

// checkFinite returns an error naming the first NaN or infinite element.
func checkFinite(name string, a mat.Matrix) error {
	m, n := a.Dims()
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			if v := a.At(i, j); math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("%w: %s[%d,%d] is %v", ErrData, name, i, j, v)
			}
		}
	}
	return nil
}

// trainer is the precision-independent view of a dense training state.
type trainer interface {
	// evalGrad returns the loss at the current W, H and leaves its gradient
	// in the state.
	evalGrad() float64
	// update applies update t (counting from 1) using the stored gradient.
	update(t int)
	// factors writes W and H as float64.
	factors(w, h []float64)
}

func train(f *Dense, st trainer, s *DenseSettings) error {
	var first float64
	stopped := false
	for t := 1; t <= s.Iterations; t++ {
		loss := st.evalGrad()
		if err := divergence(loss, first, t, s); err != nil {
			return err
		}
		if t == 1 {
			first = loss
		}
		f.losses = append(f.losses, loss)
		if s.Callback != nil && t%s.Every == 0 {
			s.Callback(t, loss)
		}
		if s.Tolerance > 0 && loss <= s.Tolerance {
			f.loss = loss
			f.converged = true
			stopped = true
			break
		}
		st.update(t)
		f.iters = t
	}
	if !stopped {
		loss := st.evalGrad()
		if err := divergence(loss, first, f.iters+1, s); err != nil {
			return fmt.Errorf("after the last update: %w", err)
		}
		f.loss = loss
		f.converged = s.Tolerance > 0 && loss <= s.Tolerance
	}
	f.w = make([]float64, f.m*f.k)
	f.h = make([]float64, f.k*f.n)
	st.factors(f.w, f.h)
	return nil
}

func divergence(loss, first float64, t int, s *DenseSettings) error {
	if math.IsNaN(loss) || math.IsInf(loss, 0) {
		with, hint := stepSettings(s)
		return fmt.Errorf("%w: loss is %v at iteration %d with %s; %s", ErrDiverged, loss, t, with, hint)
	}
	if t > 1 && s.DivergenceFactor > 0 && loss > s.DivergenceFactor*first {
		with, hint := stepSettings(s)
		return fmt.Errorf("%w: loss %g at iteration %d exceeds %g × the first loss %g with %s; %s",
			ErrDiverged, loss, t, s.DivergenceFactor, first, with, hint)
	}
	return nil
}

// stepSettings names every setting that scales a training step, the
// learning rate and the penalty λ when there is one, and what to try.
func stepSettings(s *DenseSettings) (with, hint string) {
	with, hint = fmt.Sprintf("%v learning rate %g", s.Optimizer, s.LearningRate), "try a smaller learning rate"
	if s.Lambda > 0 {
		with += fmt.Sprintf(" and penalty λ = %g", s.Lambda)
		hint += " or a smaller λ"
	}
	return with, hint
}

func (f *Dense) mustOK() {
	if !f.ok {
		panic(ErrNotFactorized)
	}
}

// Dims returns the shape m×n of A and the rank k. It panics with
// ErrNotFactorized if Factorize has not succeeded.
func (f *Dense) Dims() (m, n, k int) {
	f.mustOK()
	return f.m, f.n, f.k
}

// WTo copies W into dst, which must be empty (it is then resized) or m×k.
// It panics with ErrShape if dst has another shape and with
// ErrNotFactorized if Factorize has not succeeded.
func (f *Dense) WTo(dst *mat.Dense) {
	f.mustOK()
	copyTo(dst, f.m, f.k, f.w)
}

// HTo copies H into dst, which must be empty (it is then resized) or k×n.
// It panics with ErrShape if dst has another shape and with
// ErrNotFactorized if Factorize has not succeeded.
func (f *Dense) HTo(dst *mat.Dense) {
	f.mustOK()
	copyTo(dst, f.k, f.n, f.h)
}

func copyTo(dst *mat.Dense, r, c int, data []float64) {
	if dst.IsEmpty() {
		dst.ReuseAs(r, c)
	} else if dr, dc := dst.Dims(); dr != r || dc != c {
		panic(ErrShape)
	}
	dst.Copy(mat.NewDense(r, c, data))
}

// ReconstructTo stores the m×n product WH in dst, which must be empty (it
// is then resized) or m×n. It panics with ErrShape if dst has another shape
// and with ErrNotFactorized if Factorize has not succeeded.
func (f *Dense) ReconstructTo(dst *mat.Dense) {
	f.mustOK()
	productTo(dst, mat.NewDense(f.m, f.k, f.w), mat.NewDense(f.k, f.n, f.h))
}

// productTo stores w·h in dst, which must be empty or of the product's shape.
func productTo(dst *mat.Dense, w, h mat.Matrix) {
	m, _ := w.Dims()
	_, n := h.Dims()
	if dst.IsEmpty() {
		dst.ReuseAs(m, n)
	} else if dr, dc := dst.Dims(); dr != m || dc != n {
		panic(ErrShape)
	}
	dst.Mul(w, h)
}

// Losses returns a copy of the loss recorded at each iteration before its
// update (Losses()[t-1] is the loss printed at iteration t). It is also
// available after Factorize returned a divergence error.
func (f *Dense) Losses() []float64 {
	return append([]float64(nil), f.losses...)
}

// Loss returns the loss at the returned W and H. It panics with
// ErrNotFactorized if Factorize has not succeeded.
func (f *Dense) Loss() float64 {
	f.mustOK()
	return f.loss
}

// Iterations returns the number of updates performed. It panics with
// ErrNotFactorized if Factorize has not succeeded.
func (f *Dense) Iterations() int {
	f.mustOK()
	return f.iters
}

// Converged reports whether the loss reached the settings' Tolerance. It
// panics with ErrNotFactorized if Factorize has not succeeded.
func (f *Dense) Converged() bool {
	f.mustOK()
	return f.converged
}
