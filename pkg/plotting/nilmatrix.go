package plotting

import (
	"reflect"

	"gonum.org/v1/gonum/mat"
)

// isNilMatrix reports whether m is a nil mat.Matrix or a nil pointer of a
// concrete matrix type (a typed-nil *mat.Dense), whose methods would
// dereference nil.
func isNilMatrix(m mat.Matrix) bool {
	if m == nil {
		return true
	}
	v := reflect.ValueOf(m)
	return v.Kind() == reflect.Pointer && v.IsNil()
}
