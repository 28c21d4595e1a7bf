package mf

import "errors"

// Sentinel errors. Programmer misuse (a mask or destination of the wrong
// shape, a nil random source, querying a factorization that was never
// computed) panics with one of these; bad data and numerical failure are
// returned as errors that wrap ErrData or ErrDiverged.
var (
	// ErrShape is the panic value when matrix dimensions do not match.
	ErrShape = errors.New("mf: dimension mismatch")
	// ErrNilRand is the panic value when a nil *rand.Rand is passed.
	ErrNilRand = errors.New("mf: nil *rand.Rand")
	// ErrNotFactorized is the panic value when the factors of a zero-value or
	// failed factorization are queried.
	ErrNotFactorized = errors.New("mf: factorization not computed")
	// ErrSettings is the panic value for settings that cannot be meaningful
	// (a negative learning rate or iteration count, β outside [0, 1)).
	ErrSettings = errors.New("mf: invalid settings")

	// ErrData is wrapped by every error caused by the input data: NaN or
	// infinite elements, empty input, k ≤ 0, negative values for NMF,
	// duplicate (user, item) pairs, ids out of range, malformed files.
	ErrData = errors.New("mf: bad data")
	// ErrDiverged is wrapped by the error returned when training produced a
	// NaN or infinite loss, or a loss that exploded.
	ErrDiverged = errors.New("mf: training diverged")
)

// ErrNil is the panic value when a nil *Ratings, Predictor or io.Reader is
// passed where a value is required. (A nil matrix is bad data instead: it is
// empty, and the functions taking one return an error wrapping ErrData.)
var ErrNil = errors.New("mf: nil argument")
