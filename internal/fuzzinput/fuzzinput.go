// Copyright ©2026 The FactorLab Authors.

// Package fuzzinput turns the bytes of a fuzz input into matrices, vectors
// and settings values that reach every input class the packages must
// handle (ordinary, zero, NaN, ±Inf, subnormal, tiny, huge), and checks the
// robustness property of the fuzz targets of pkg/decomp and pkg/mf: no raw
// runtime panic, no NaN or Inf in a result returned without an error, and
// every call returns.
package fuzzinput

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"testing"
	"time"

	"gonum.org/v1/gonum/mat"
)

// MaxDim bounds the rows and columns of a decoded matrix, so that each call
// is fast enough for the fuzzer to try many inputs.
const MaxDim = 6

// Timeout is how long one call may take before the target fails with "did
// not return"; every iteration count a target passes is bounded, so only a
// hang exceeds it.
const Timeout = 20 * time.Second

// Value decodes one element from two bytes: the first selects the class,
// the second the magnitude of ordinary values (k/8 for k = int8(b)).
func Value(kind, b byte) float64 {
	x := float64(int8(b)) / 8
	switch kind % 16 {
	case 0:
		return 0
	case 1:
		return math.NaN()
	case 2:
		return math.Inf(1)
	case 3:
		return math.Inf(-1)
	case 4:
		return x * 1e-300
	case 5:
		return x * 1e300
	case 6:
		return math.Copysign(5e-324, x) // smallest subnormal
	case 7:
		return math.Copysign(math.MaxFloat64, x)
	default:
		return x
	}
}

// Encode returns the bytes that Values decodes to vs, for the seed corpus.
// Each v must be 0, NaN, ±Inf or k/8 for an integer k in [−128, 127].
func Encode(vs ...float64) []byte {
	out := make([]byte, 0, 2*len(vs))
	for _, v := range vs {
		switch {
		case math.IsNaN(v):
			out = append(out, 1, 0)
		case math.IsInf(v, 1):
			out = append(out, 2, 0)
		case math.IsInf(v, -1):
			out = append(out, 3, 0)
		case v == 0:
			out = append(out, 0, 0)
		default:
			k := v * 8
			if k != math.Trunc(k) || k < -128 || k > 127 {
				panic(fmt.Sprintf("fuzzinput: %v cannot be encoded", v))
			}
			out = append(out, 8, byte(int8(k)))
		}
	}
	return out
}

// Values decodes n elements from data, cycling through it (zeros if data
// has fewer than two bytes), and multiplies them by 2^exp.
func Values(data []byte, n int, exp int16) []float64 {
	vs := make([]float64, n)
	if len(data) < 2 {
		return vs
	}
	e := int(exp) % 1100
	for i := range vs {
		j := (2 * i) % (len(data) - len(data)%2)
		vs[i] = math.Ldexp(Value(data[j], data[j+1]), e)
	}
	return vs
}

// Matrix decodes an r×c matrix with r = rows mod (MaxDim+1) and
// c = cols mod (MaxDim+1); a zero dimension gives an empty (zero-value)
// *mat.Dense.
func Matrix(rows, cols uint8, data []byte, exp int16) *mat.Dense {
	r, c := int(rows)%(MaxDim+1), int(cols)%(MaxDim+1)
	if r == 0 || c == 0 {
		return &mat.Dense{}
	}
	return mat.NewDense(r, c, Values(data, r*c, exp))
}

// Square decodes an n×n matrix with n = size mod (MaxDim+1).
func Square(size uint8, data []byte, exp int16) *mat.Dense {
	return Matrix(size, size, data, exp)
}

// Call runs f on another goroutine and fails t if f panics with anything
// other than an error wrapping one of the sentinels (the documented misuse
// panics), or does not return within Timeout. It reports whether f returned
// normally; f must not call t's methods, so it stores its results for the
// caller to check.
func Call(t *testing.T, name string, sentinels []error, f func()) (returned bool) {
	t.Helper()
	done := make(chan any, 1)
	go func() {
		defer func() { done <- recover() }()
		f()
	}()
	select {
	case p := <-done:
		if p == nil {
			return true
		}
		if _, ok := p.(runtime.Error); ok {
			t.Fatalf("%s: raw runtime panic: %v", name, p)
		}
		if err, ok := p.(error); ok {
			for _, s := range sentinels {
				if errors.Is(err, s) {
					return false
				}
			}
		}
		t.Fatalf("%s: panic with a value that is not a package error: %v", name, p)
	case <-time.After(Timeout):
		t.Fatalf("%s: did not return within %v", name, Timeout)
	}
	return false
}

// Finite fails t if any of vs is NaN or ±Inf.
func Finite(t *testing.T, what string, vs ...float64) {
	t.Helper()
	for i, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("%s[%d] = %v returned without an error", what, i, v)
		}
	}
}

// FiniteMatrix fails t if m has a NaN or ±Inf element.
func FiniteMatrix(t *testing.T, what string, m mat.Matrix) {
	t.Helper()
	r, c := m.Dims()
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			if v := m.At(i, j); math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("%s[%d,%d] = %v returned without an error", what, i, j, v)
			}
		}
	}
}

// Seed is a seed matrix of a fuzz corpus, Rows×Cols in row-major order; nil
// Values means the zero matrix.
type Seed struct {
	Rows, Cols uint8
	Values     []float64
}

// Setting is the (integer, real) settings pair of a corpus entry.
type Setting struct {
	K int16
	X float64
}

// AddSeeds adds every seed matrix to f, as the arguments (rows, cols, data,
// exp, k, x) of a target that calls Matrix(rows, cols, data, exp): at
// scale 2⁰, 2⁻⁹⁹⁷ and 2⁹⁹⁷ with the setting (1, 0), then at scale 2⁰ with
// each of settings.
func AddSeeds(f *testing.F, seeds []Seed, settings ...Setting) {
	for _, s := range seeds {
		vs := s.Values
		if vs == nil {
			vs = make([]float64, int(s.Rows)*int(s.Cols))
		}
		data := Encode(vs...)
		for _, exp := range []int16{0, -997, 997} {
			f.Add(s.Rows, s.Cols, data, exp, int16(1), 0.0)
		}
		for _, set := range settings {
			f.Add(s.Rows, s.Cols, data, int16(0), set.K, set.X)
		}
	}
}

// Bands decodes the diagonal d (n = 1 + size mod 130 elements) and the
// off-diagonal e (n − 1 elements) of a tridiagonal or bidiagonal matrix,
// alternating through data (cycling; zeros if it is empty): each byte is the
// integer (low nibble − 8) scaled by 2^(high nibble − 8), so that repeated
// values, zeros and ranges over 15 binades all occur.
func Bands(size uint8, data []byte) (d, e []float64) {
	n := 1 + int(size)%130
	if len(data) == 0 {
		data = []byte{0}
	}
	val := func(i int) float64 {
		b := data[i%len(data)]
		return float64(int(b&15)-8) * math.Ldexp(1, int(b>>4)-8)
	}
	d, e = make([]float64, n), make([]float64, n-1)
	for i := range d {
		d[i] = val(2 * i)
	}
	for i := range e {
		e[i] = val(2*i + 1)
	}
	return d, e
}
