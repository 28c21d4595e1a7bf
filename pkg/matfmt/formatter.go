package matfmt

import (
	"errors"
	"fmt"
	"reflect"
)

// ErrNilMatrix is the error a nil matrix formats as: Torch(nil) prints
// "%!v(matfmt: nil matrix)" instead of failing inside the printer.
var ErrNilMatrix = errors.New("matfmt: nil matrix")

// formatter is the fmt.Formatter behind every function of this package:
// text renders the value with the verb's precision.
type formatter struct {
	what   string // the function's name, for a bad verb
	nilArg bool
	prec   int // the precision when the verb gives none
	text   func(prec int) string
}

// Format implements fmt.Formatter. The verbs v and s print the value with
// the verb's precision (a default that depends on the function when none is given); any other
// verb prints "%!verb(matfmt.Name)", as fmt does for a bad verb.
func (f formatter) Format(s fmt.State, verb rune) {
	if verb != 'v' && verb != 's' {
		fmt.Fprintf(s, "%%!%c(matfmt.%s)", verb, f.what)
		return
	}
	if f.nilArg {
		fmt.Fprintf(s, "%%!%c(%v)", verb, ErrNilMatrix)
		return
	}
	prec, ok := s.Precision()
	if !ok {
		prec = f.prec
	}
	fmt.Fprint(s, f.text(prec))
}

// isNil reports whether x is nil or a nil pointer, map or slice in an
// interface, such as a nil *mat.Dense passed as a mat.Matrix.
func isNil(x any) bool {
	if x == nil {
		return true
	}
	v := reflect.ValueOf(x)
	switch v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Interface, reflect.Func:
		return v.IsNil()
	}
	return false
}
