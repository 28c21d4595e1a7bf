package lab

import "errors"

// Misuse of the lab-authoring API panics with an error wrapping one of
// these sentinels, as in the other FactorLab packages.
var (
	// ErrShape: matrices whose shapes do not fit the operation.
	ErrShape = errors.New("lab: matrix shapes do not fit")
	// ErrReference: a reference answer could not be computed (the data of a
	// check is bad, never the student's code).
	ErrReference = errors.New("lab: reference answer failed")
)
