package mf

import (
	"fmt"
	"math"
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
