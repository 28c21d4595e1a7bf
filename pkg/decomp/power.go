// Copyright ©2026 The FactorLab Authors.

package decomp

import (
	"cmp"
	"fmt"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// Defaults of PowerIteration.
const (
	// DefaultPowerMaxIter bounds the number of power iteration steps.
	DefaultPowerMaxIter = 1000
	// DefaultPowerTol stops the iteration once ‖A·x − λ·x‖₂ ≤ tol·‖A‖_F.
	DefaultPowerTol = 1e-10
)

// PowerSettings configures PowerIteration. A nil *PowerSettings means the
// defaults.
type PowerSettings struct {
	// MaxIter bounds the steps; 0 means DefaultPowerMaxIter. A negative
	// value panics with ErrSettings.
	MaxIter int
	// Tol is the relative residual tolerance; 0 means DefaultPowerTol. A
	// negative or NaN value panics with ErrSettings.
	Tol float64
	// Start is the starting vector x₀ (length n); nil draws a Gaussian one
	// from the *rand.Rand.
	Start []float64
	// NoReference skips the reference eigendecomposition (O(n³)) that gives
	// PowerStep.AngleError, PowerStep.ValueError and PowerResult.Rate; they
	// are then NaN.
	NoReference bool
}

// PowerStep records one step t of PowerIteration.
type PowerStep struct {
	Value    float64 // Rayleigh quotient λₜ = xₜᵀ·A·xₜ
	Residual float64 // ‖A·xₜ − λₜ·xₜ‖₂
	// AngleError is sin∠(xₜ, v₁), the sign-free distance to the reference
	// dominant eigenvector; it shrinks like Rateᵗ.
	AngleError float64
	// ValueError is |λₜ − λ₁|; like Rateᵗ in general, like Rate²ᵗ for
	// symmetric A.
	ValueError float64
}

// PowerResult is the outcome of PowerIteration.
type PowerResult struct {
	Value      float64     // final estimate of the dominant eigenvalue λ₁
	Vector     []float64   // final unit vector, largest component positive
	Iterations int         // steps taken
	Converged  bool        // the residual reached the tolerance
	History    []PowerStep // one entry per step, starting with x₀
	// Rate is the expected convergence factor |λ₂|/|λ₁| from the reference
	// eigenvalues, sorted by modulus; the iteration cannot converge when it
	// is 1 (e.g. λ = ±1, or a complex dominant pair such as ±i).
	Rate float64
}

// PowerIteration finds the dominant eigenpair of the square matrix a by
//
//	xₜ₊₁ = A·xₜ / ‖A·xₜ‖₂,   λₜ = xₜᵀ·A·xₜ,
//
// recording the history of every step. Each xₜ is signed so its canonical
// pivot is positive (see OrderCanonical), so a negative λ₁ does not make it
// flip. When the iteration stops without reaching the tolerance it returns
// the result so far, with its history, together with a wrapped
// ErrNoConvergence. It also returns ErrEmpty, an *ElementError, a wrapped
// ErrNotSquare, ErrZeroVector, or a wrapped ErrNonFinite naming a NaN or
// infinite element of s.Start. The iteration runs on A scaled by a power of
// two to max|aᵢⱼ| ≈ 1 and scales λ and the residuals back, so it behaves the
// same at every scale of A. It panics with ErrNilRand if rnd is nil and
// s.Start is nil, with ErrShape if len(s.Start) ≠ n, and with ErrSettings
// for a negative MaxIter or a negative or NaN Tol.
func PowerIteration(a mat.Matrix, s *PowerSettings, rnd *rand.Rand) (PowerResult, error) {
	set := resolvePower(s)
	d, err := checkedCopy(a, true)
	if err != nil {
		return PowerResult{}, err
	}
	x, err := powerStart(d, &set, rnd)
	if err != nil {
		return PowerResult{}, err
	}
	// Iterate on 2ᵏ·A; λ and the residuals scale back by 2⁻ᵏ.
	k := pow2Exp(maxAbs(d.RawMatrix()))
	scaleRaw(d.RawMatrix(), k)
	res := PowerResult{Rate: math.NaN()}
	lam1 := math.NaN()
	var v1 []float64
	if !set.NoReference {
		lam1, v1, res.Rate = powerReference(d)
	}
	res.iterate(d, x, lam1, v1, &set)
	res.scaleBack(k)
	if math.IsInf(res.Value, 0) {
		return PowerResult{}, fmt.Errorf("%w: the dominant eigenvalue exceeds the largest float64", ErrRange)
	}
	if !res.Converged {
		return res, fmt.Errorf("%w: power iteration after %d steps, residual %.3g (rate |λ₂/λ₁| = %.3g)",
			ErrNoConvergence, res.Iterations, res.History[len(res.History)-1].Residual, res.Rate)
	}
	return res, nil
}

// resolvePower returns the settings with defaults filled in. It panics with
// ErrSettings for a negative MaxIter or a negative or NaN Tol.
func resolvePower(s *PowerSettings) PowerSettings {
	var set PowerSettings
	if s != nil {
		set = *s
	}
	if set.MaxIter < 0 || !(set.Tol >= 0) {
		panic(ErrSettings)
	}
	if set.MaxIter == 0 {
		set.MaxIter = DefaultPowerMaxIter
	}
	if set.Tol == 0 {
		set.Tol = DefaultPowerTol
	}
	return set
}

// powerStart returns the unit starting vector x₀: s.Start, or a Gaussian
// vector from rnd, normalized. It returns a wrapped ErrNonFinite naming a
// NaN or infinite element, or ErrZeroVector. It panics with ErrShape if
// len(s.Start) ≠ n and with ErrNilRand if both s.Start and rnd are nil.
func powerStart(d *mat.Dense, s *PowerSettings, rnd *rand.Rand) ([]float64, error) {
	n, _ := d.Dims()
	x := make([]float64, n)
	switch {
	case s.Start != nil:
		if len(s.Start) != n {
			panic(ErrShape)
		}
		copy(x, s.Start)
	case rnd == nil:
		panic(ErrNilRand)
	default:
		for i := range x {
			x[i] = rnd.NormFloat64()
		}
	}
	if j := finiteVec(x); j >= 0 {
		return nil, fmt.Errorf("%w: start vector element %d is %v", ErrNonFinite, j, x[j])
	}
	nx := floats.Norm(x, 2)
	if nx == 0 {
		return nil, ErrZeroVector
	}
	floats.Scale(1/nx, x)
	return x, nil
}

// iterate runs xₜ₊₁ = A·xₜ / ‖A·xₜ‖₂ from x on the scaled matrix d, recording
// every step, until the residual reaches Tol·‖A‖₂, MaxIter steps are done or
// A·xₜ = 0. It leaves the last iterate in res.Vector.
func (res *PowerResult) iterate(d *mat.Dense, x []float64, lam1 float64, v1 []float64, set *PowerSettings) {
	n := len(x)
	normA := mat.Norm(d, 2)
	xv := mat.NewVecDense(n, x)
	y := mat.NewVecDense(n, nil)
	res.Vector = x
	for t := 0; ; t++ {
		y.MulVec(d, xv)
		step := powerMeasure(xv, y, lam1, v1)
		res.History = append(res.History, step)
		res.Value, res.Iterations = step.Value, t
		if step.Residual <= set.Tol*normA {
			res.Converged = true
			return
		}
		if t == set.MaxIter {
			return
		}
		ny := mat.Norm(y, 2)
		if ny == 0 { // A·x = 0: x is an eigenvector for 0, caught above
			return
		}
		floats.ScaleTo(x, realPivotSign(y.RawVector().Data)/ny, y.RawVector().Data)
	}
}

// powerMeasure returns the step of iterate x with y = A·x: the Rayleigh
// quotient, the residual ‖A·x − λ·x‖₂ and the errors against the reference
// pair (λ₁, v₁), NaN where there is none.
func powerMeasure(xv, y *mat.VecDense, lam1 float64, v1 []float64) PowerStep {
	x := xv.RawVector().Data
	lam := mat.Dot(xv, y)
	var r2 float64
	for i := range x {
		e := y.AtVec(i) - lam*x[i]
		r2 += e * e
	}
	step := PowerStep{Value: lam, Residual: math.Sqrt(r2), AngleError: math.NaN(), ValueError: math.Abs(lam - lam1)}
	if v1 != nil {
		c := math.Min(math.Abs(floats.Dot(x, v1)), 1)
		step.AngleError = math.Sqrt(math.Max(0, 1-c*c))
	}
	return step
}

// scaleBack scales λ, the residuals and the value errors, computed on
// 2ᵏ·A, back to A's scale.
func (res *PowerResult) scaleBack(k int) {
	res.Value = math.Ldexp(res.Value, -k)
	for i := range res.History {
		h := &res.History[i]
		h.Value = math.Ldexp(h.Value, -k)
		h.Residual = math.Ldexp(h.Residual, -k)
		h.ValueError = math.Ldexp(h.ValueError, -k)
	}
}

// powerReference returns the dominant eigenvalue (NaN if it is not real),
// its unit eigenvector (nil if not real or not computable) and |λ₂|/|λ₁|.
func powerReference(d *mat.Dense) (lam1 float64, v1 []float64, rate float64) {
	var e Eigen
	if err := e.Factorize(d, nil); err != nil {
		return math.NaN(), nil, math.NaN()
	}
	n := e.N()
	vals := e.Values(nil)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(i, j int) int { return cmp.Compare(cmplx.Abs(vals[j]), cmplx.Abs(vals[i])) })
	rate = 0
	if n > 1 {
		rate = cmplx.Abs(vals[idx[1]]) / cmplx.Abs(vals[idx[0]])
	}
	if math.IsNaN(rate) { // A = 0
		rate = 1
	}
	top := vals[idx[0]]
	if imag(top) != 0 {
		return math.NaN(), nil, rate
	}
	var v mat.CDense
	e.VectorsTo(&v)
	v1 = make([]float64, n)
	for i := range v1 {
		v1[i] = real(v.At(i, idx[0]))
	}
	return real(top), v1, rate
}
