package lab

import (
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// Default tolerances, used when a *Tolerance is nil. They suit answers that
// are computed in float64 by a few arithmetic steps: an exact formula
// implemented correctly is within them, a wrong sign or index is far outside.
const (
	DefaultAbs = 1e-9
	DefaultRel = 1e-6
)

// Tolerance bounds the error allowed in a comparison: got passes when
// |got − want| ≤ Abs + Rel·|want|. A nil *Tolerance means DefaultAbs and
// DefaultRel. Negative fields are treated as zero.
type Tolerance struct {
	Abs, Rel float64
}

// Bound returns the largest error allowed for want: Abs + Rel·|want|.
func (t *Tolerance) Bound(want float64) float64 {
	abs, rel := DefaultAbs, DefaultRel
	if t != nil {
		abs, rel = math.Max(t.Abs, 0), math.Max(t.Rel, 0)
	}
	return abs + rel*math.Abs(want)
}

// Within reports whether got is want within the tolerance. NaN is never
// within any tolerance.
func (t *Tolerance) Within(got, want float64) bool {
	if math.IsNaN(got) || math.IsNaN(want) {
		return false
	}
	if got == want { // equal infinities
		return true
	}
	return math.Abs(got-want) <= t.Bound(want)
}

// Scalar compares a number with the expected one.
func Scalar(name string, got, want float64, tol *Tolerance) Verdict {
	v := Verdict{Name: name, Expected: num(want), Actual: num(got), Diff: math.Abs(got - want), Tol: tol.Bound(want)}
	if tol.Within(got, want) {
		v.Status = Pass
		v.Message = num(got)
		return v
	}
	v.Status = Fail
	if math.IsNaN(got) || math.IsInf(got, 0) {
		v.Message = tr(msgGotValue, num(got))
		v.Hint = tr(msgHintNaN)
		return v
	}
	v.Message = tr(msgOffBy, sci(v.Diff), sci(v.Tol))
	return v
}

// Vector compares two vectors element by element in the max-norm:
// max|got−want| ≤ Abs + Rel·max|want|. A nil got is "not implemented yet".
func Vector(name string, got, want []float64, tol *Tolerance) Verdict {
	v := Verdict{Name: name, Expected: vec(want), Actual: vec(got), Diff: math.NaN(), Tol: math.NaN()}
	if got == nil {
		return notImplemented(v)
	}
	if len(got) != len(want) {
		v.Status = Fail
		v.Message = tr(msgElementCount, len(got), len(want))
		return v
	}
	d, at := maxDiff(got, want)
	v.Diff, v.Tol = d, tol.Bound(maxAbs(want))
	if d <= v.Tol {
		v.Status = Pass
		v.Message = vec(got)
		return v
	}
	v.Status = Fail
	v.Message = tr(msgOffByAt, sci(d), at, sci(v.Tol))
	return v
}

// Matrix compares two matrices element by element in the max-norm. A nil
// got (or a typed nil *mat.Dense) is "not implemented yet". A nil want
// panics with ErrShape.
func Matrix(name string, got, want mat.Matrix, tol *Tolerance) Verdict {
	mustData("Matrix: want", want)
	v := Verdict{Name: name, Expected: matString(want), Diff: math.NaN(), Tol: math.NaN()}
	if isNilMatrix(got) {
		return notImplemented(v)
	}
	v.Actual = matString(got)
	gr, gc := got.Dims()
	wr, wc := want.Dims()
	if gr != wr || gc != wc {
		v.Status = Fail
		v.Message = tr(msgMatrixShape, gr, gc, wr, wc)
		return v
	}
	d, di, dj, big := 0.0, 0, 0, 0.0
	for i := 0; i < wr; i++ {
		for j := 0; j < wc; j++ {
			e := math.Abs(got.At(i, j) - want.At(i, j))
			if math.IsNaN(e) {
				e = math.Inf(1)
			}
			if e > d {
				d, di, dj = e, i, j
			}
			big = math.Max(big, math.Abs(want.At(i, j)))
		}
	}
	v.Diff, v.Tol = d, tol.Bound(big)
	if d <= v.Tol {
		v.Status = Pass
		v.Message = tr(msgMatches, sci(d))
		return v
	}
	v.Status = Fail
	v.Message = tr(msgOffByAtIJ, sci(d), di, dj, sci(v.Tol))
	return v
}

// Direction compares two vectors as directions, ignoring sign and length:
// it passes when |⟨got, want⟩| / (‖got‖‖want‖) ≥ 1 − Rel − Abs, the way
// eigen- and singular vectors must be compared. Diff is 1 − |cos θ|. A nil
// got is "not implemented yet"; a zero vector fails, since it is no
// direction.
func Direction(name string, got, want []float64, tol *Tolerance) Verdict {
	v := Verdict{Name: name, Expected: tr(msgAnyMultiple, vec(want)), Actual: vec(got), Diff: math.NaN(), Tol: math.NaN()}
	if got == nil {
		return notImplemented(v)
	}
	if len(got) != len(want) {
		v.Status = Fail
		v.Message = tr(msgElementCount, len(got), len(want))
		return v
	}
	ng, nw := floats.Norm(got, 2), floats.Norm(want, 2)
	if ng == 0 || math.IsNaN(ng) || math.IsInf(ng, 0) {
		v.Status = Fail
		v.Message = tr(msgZeroVector)
		v.Hint = tr(msgHintZeroDirection)
		return v
	}
	c := math.Abs(floats.Dot(got, want)) / (ng * nw)
	v.Diff = math.Max(0, 1-c)
	v.Tol = tol.Bound(1)
	if v.Diff <= v.Tol {
		v.Status = Pass
		v.Message = tr(msgSameDirection)
		return v
	}
	v.Status = Fail
	v.Message = tr(msgPointsElsewhere, math.Acos(math.Min(c, 1))*180/math.Pi)
	return v
}

// Eigenpair checks that (lambda, x) is an eigenpair of the square matrix a
// by its relative residual ‖Ax − λx‖ / ‖x‖ ≤ Abs + Rel·‖A‖_F, so the sign
// and length of x do not matter. A nil x is "not implemented yet". It
// panics with ErrShape if a is nil or not square: that is a mistake in the
// check, not in the student's answer.
func Eigenpair(name string, a mat.Matrix, lambda float64, x []float64, tol *Tolerance) Verdict {
	mustData("Eigenpair: A", a)
	v := Verdict{Name: name, Expected: tr(msgEigenpairExpected), Actual: fmt.Sprintf("λ = %s, x = %s", num(lambda), vec(x)), Diff: math.NaN(), Tol: math.NaN()}
	if x == nil {
		return notImplemented(v)
	}
	r, c := a.Dims()
	if r != c {
		panic(fmt.Errorf("%w: Eigenpair of a %d×%d matrix, want square", ErrShape, r, c))
	}
	if len(x) != c {
		v.Status = Fail
		v.Message = tr(msgXElementCount, len(x), c)
		return v
	}
	nx := floats.Norm(x, 2)
	if nx == 0 || math.IsNaN(nx) || math.IsInf(nx, 0) {
		v.Status = Fail
		v.Message = tr(msgXZero)
		v.Hint = tr(msgHintXZero)
		return v
	}
	res := residual(a, lambda, x) / nx
	v.Diff, v.Tol = res, tol.Bound(mat.Norm(a, 2))
	if res <= v.Tol {
		v.Status = Pass
		v.Message = fmt.Sprintf("‖Ax − λx‖/‖x‖ = %s", sci(res))
		return v
	}
	v.Status = Fail
	v.Message = tr(msgResidualTooLarge, sci(res), sci(v.Tol))
	v.Hint = tr(msgHintResidual)
	return v
}

// residual returns ‖Ax − λx‖₂.
func residual(a mat.Matrix, lambda float64, x []float64) float64 {
	n := len(x)
	ax := mat.NewVecDense(n, nil)
	ax.MulVec(a, mat.NewVecDense(n, append([]float64(nil), x...)))
	ax.AddScaledVec(ax, -lambda, mat.NewVecDense(n, append([]float64(nil), x...)))
	return mat.Norm(ax, 2)
}

// notImplemented turns v into a "not implemented yet" verdict. It drops the
// expected value: an unanswered task should not show its answer.
func notImplemented(v Verdict) Verdict {
	v.Status = NotImplemented
	v.Expected = ""
	v.Message = tr(msgNotImplemented)
	v.Actual = "nil"
	v.Hint = tr(msgHintTODO)
	return v
}

func isNilMatrix(m mat.Matrix) bool {
	if m == nil {
		return true
	}
	switch d := m.(type) {
	case *mat.Dense:
		return d == nil || d.IsEmpty()
	case *mat.VecDense:
		return d == nil || d.IsEmpty()
	case *mat.SymDense:
		return d == nil || d.IsEmpty()
	}
	return false
}

func maxDiff(a, b []float64) (d float64, at int) {
	for i := range a {
		e := math.Abs(a[i] - b[i])
		if math.IsNaN(e) {
			e = math.Inf(1)
		}
		if e > d {
			d, at = e, i
		}
	}
	return d, at
}

func maxAbs(a []float64) float64 {
	m := 0.0
	for _, x := range a {
		m = math.Max(m, math.Abs(x))
	}
	return m
}

// matString formats a small matrix on one line, row by row: [[1, 2], [3, 4]].
func matString(m mat.Matrix) string {
	if isNilMatrix(m) {
		return "nil"
	}
	r, c := m.Dims()
	rows := make([]string, r)
	for i := 0; i < r; i++ {
		row := make([]float64, c)
		for j := range row {
			row[j] = m.At(i, j)
		}
		rows[i] = vec(row)
	}
	return "[" + strings.Join(rows, ", ") + "]"
}
