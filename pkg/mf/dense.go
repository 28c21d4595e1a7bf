package mf

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

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
	observed, err := checkDenseInput(a, k, &s)
	if err != nil {
		return err
	}
	m, n := a.Dims()
	w0, h0 := denseStart(m, n, k, s.Precision, rng)
	f.m, f.n, f.k = m, n, k
	f.losses = make([]float64, 0, s.Iterations)
	if s.Precision == Float32 {
		err = trainDense[float32](f, a, w0, h0, observed, &s)
	} else {
		err = trainDense[float64](f, a, w0, h0, observed, &s)
	}
	if err != nil {
		losses := f.losses
		*f = Dense{losses: losses}
		return err
	}
	f.ok = true
	return nil
}

// checkDenseInput returns the number of observed entries of A, or an error
// wrapping ErrData if A is nil, empty, has a NaN or infinite element or lies
// outside the precision's range, k is not a valid rank, the mask holds a
// NaN or infinite element or observes nothing. It panics with ErrShape if
// the mask does not have the shape of A.
func checkDenseInput(a mat.Matrix, k int, s *DenseSettings) (observed int, err error) {
	if isNil(a) {
		return 0, fmt.Errorf("%w: A is nil", ErrEmpty)
	}
	m, n := a.Dims()
	if s.Mask != nil {
		if mr, mc := s.Mask.Dims(); mr != m || mc != n {
			panic(ErrShape)
		}
	}
	if err := checkFactorInput(a, k); err != nil {
		return 0, err
	}
	lo, hi := minSquarable, maxSquarable
	if s.Precision == Float32 {
		lo, hi = minSquarable32, maxSquarable32
	}
	if err := checkRange("A", maxAbs(a), lo, hi); err != nil {
		return 0, err
	}
	if s.Mask == nil {
		return m * n, nil
	}
	if err := checkFinite("mask", s.Mask); err != nil {
		return 0, err
	}
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			if s.Mask.At(i, j) != 0 {
				observed++
			}
		}
	}
	if observed == 0 {
		return 0, fmt.Errorf("%w: mask observes no entry", ErrEmpty)
	}
	return observed, nil
}

// denseStart returns the starting W (m×k) and H (k×n), row-major, filled
// W first with U[0,1) values drawn from rng; in Float32 mode they are
// truncated to 24 bits.
func denseStart(m, n, k int, p Precision, rng *rand.Rand) (w0, h0 []float64) {
	w0 = make([]float64, m*k)
	h0 = make([]float64, k*n)
	for i := range w0 {
		w0[i] = rng.Float64()
	}
	for i := range h0 {
		h0[i] = rng.Float64()
	}
	if p == Float32 {
		for i := range w0 {
			w0[i] = trunc24(w0[i])
		}
		for i := range h0 {
			h0[i] = trunc24(h0[i])
		}
	}
	return w0, h0
}

// trainDense trains f in element type T from w0, h0.
func trainDense[T float](f *Dense, a mat.Matrix, w0, h0 []float64, observed int, s *DenseSettings) error {
	st := newDenseState[T](a, s.Mask, w0, h0, f.k, observed, s)
	defer st.close() // also if Callback panics
	return train(f, st, s)
}

// trunc24 truncates x in [0,1) to a multiple of 2⁻²⁴, which float32 holds
// exactly and which stays below 1.
func trunc24(x float64) float64 {
	return math.Floor(x*(1<<24)) / (1 << 24)
}

// checkFactorInput returns an error wrapping ErrData when k is not a valid
// rank or a is empty or has a NaN or infinite element.
func checkFactorInput(a mat.Matrix, k int) error {
	if isNil(a) {
		return fmt.Errorf("%w: A is nil", ErrEmpty)
	}
	if k <= 0 {
		return fmt.Errorf("%w: rank k = %d, want k ≥ 1", ErrRankOutOfRange, k)
	}
	if m, n := a.Dims(); m == 0 || n == 0 {
		return fmt.Errorf("%w: A is empty (%d×%d)", ErrEmpty, m, n)
	}
	return checkFinite("A", a)
}

// checkFinite returns an error naming the first NaN or infinite element.
func checkFinite(name string, a mat.Matrix) error {
	m, n := a.Dims()
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			if v := a.At(i, j); math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("%w: %s[%d,%d] is %v", ErrNonFinite, name, i, j, v)
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
