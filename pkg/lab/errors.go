package lab

import (
	"errors"
	"fmt"
	"reflect"

	"gonum.org/v1/gonum/mat"
)

// Misuse of the lab-authoring API panics with an error wrapping one of
// these sentinels, as in the other FactorLab packages.
var (
	// ErrShape: matrices whose shapes do not fit the operation.
	ErrShape = errors.New("lab: matrix shapes do not fit")
	// ErrReference: a reference answer could not be computed (the data of a
	// check is bad, never the student's code).
	ErrReference = errors.New("lab: reference answer failed")
)

// mustData panics with ErrShape naming what if m, lab data rather than a
// student's answer, is a nil mat.Matrix or a typed-nil pointer such as a nil
// *mat.Dense, which has no shape.
func mustData(what string, m mat.Matrix) {
	if m == nil {
		panic(fmt.Errorf("%w: %s is nil", ErrShape, what))
	}
	if v := reflect.ValueOf(m); v.Kind() == reflect.Pointer && v.IsNil() {
		panic(fmt.Errorf("%w: %s is a nil %T", ErrShape, what, m))
	}
}
