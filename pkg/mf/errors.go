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

	// ErrData is wrapped by every error caused by the input data, through
	// one of the kinds below: test errors.Is(err, ErrData) for any bad data,
	// or errors.Is(err, ErrNonFinite) and so on for one kind.
	ErrData = errors.New("mf: bad data")
	// ErrDiverged is wrapped by the error returned when training produced a
	// NaN or infinite loss, or a loss that exploded.
	ErrDiverged = errors.New("mf: training diverged")
)

// ErrNil is the panic value when a nil *Ratings, Predictor or io.Reader is
// passed where a value is required. (A nil matrix is bad data instead: it is
// empty, and the functions taking one return an error wrapping ErrData.)
var ErrNil = errors.New("mf: nil argument")

// Bad data. Functions return these, wrapped with the problem and its
// position; each wraps ErrData. Test with errors.Is.
var (
	// ErrEmpty reports a nil or zero-sized matrix, no ratings, a mask that
	// observes no entry, or a split or synthetic set left empty.
	ErrEmpty error = &dataError{"mf: empty input"}
	// ErrNonFinite reports a NaN or ±Inf element (A[i,j], a mask element or
	// a rating's value).
	ErrNonFinite error = &dataError{"mf: non-finite element"}
	// ErrRankOutOfRange reports a rank k ≤ 0.
	ErrRankOutOfRange error = &dataError{"mf: k out of range"}
	// ErrNegative reports a negative element of NMF's input.
	ErrNegative error = &dataError{"mf: negative element"}
	// ErrIDOutOfRange reports a rating whose user or item id is outside
	// [0, users) or [0, items).
	ErrIDOutOfRange error = &dataError{"mf: id out of range"}
	// ErrDuplicate reports a second rating of the same (user, item) pair.
	ErrDuplicate error = &dataError{"mf: duplicate rating"}
	// ErrMalformed reports a malformed line of a ratings file; it is wrapped
	// by *ParseError, which names the line.
	ErrMalformed error = &dataError{"mf: malformed file"}
	// ErrRange reports data whose scale puts the loss or a result outside
	// the floating-point range: the losses are squares of the data, so
	// max|aᵢⱼ| must lie within 2^±500 (2^±60 for Float32 training).
	ErrRange error = &dataError{"mf: data out of range"}
)

// dataError is one kind of bad data; it wraps ErrData.
type dataError struct{ msg string }

func (e *dataError) Error() string { return e.msg }

// Unwrap returns ErrData.
func (e *dataError) Unwrap() error { return ErrData }
