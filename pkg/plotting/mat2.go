package plotting

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot/plotter"
)

// mat2 is a 2×2 matrix [[a, b], [c, d]] read from a mat.Matrix.
type mat2 struct{ a, b, c, d float64 }

var identity2 = mat2{1, 0, 0, 1}

// toMat2 reads m, which must be 2×2 with finite entries.
func toMat2(m mat.Matrix) (mat2, error) {
	if isNilMatrix(m) {
		return mat2{}, fmt.Errorf("%w: nil matrix, want 2×2", ErrEmpty)
	}
	r, c := m.Dims()
	if r != 2 || c != 2 {
		return mat2{}, fmt.Errorf("plotting: matrix is %d×%d, want 2×2", r, c)
	}
	t := mat2{m.At(0, 0), m.At(0, 1), m.At(1, 0), m.At(1, 1)}
	for _, v := range []float64{t.a, t.b, t.c, t.d} {
		if !finite(v) {
			return mat2{}, fmt.Errorf("plotting: matrix has a non-finite entry %v", v)
		}
	}
	return t, nil
}

// toInvertible2 is toMat2 that also rejects (numerically) singular matrices.
func toInvertible2(m mat.Matrix) (mat2, error) {
	t, err := toMat2(m)
	if err != nil {
		return t, err
	}
	scale := math.Max(math.Max(math.Abs(t.a), math.Abs(t.b)), math.Max(math.Abs(t.c), math.Abs(t.d)))
	if det := t.det(); scale == 0 || math.Abs(det) <= 1e-12*scale*scale {
		return t, fmt.Errorf("plotting: matrix [[%g, %g], [%g, %g]] is singular (det = %g)", t.a, t.b, t.c, t.d, det)
	}
	return t, nil
}

func (t mat2) det() float64 { return t.a*t.d - t.b*t.c }

func (t mat2) apply(x, y float64) (float64, float64) {
	return t.a*x + t.b*y, t.c*x + t.d*y
}

func (t mat2) applyXYs(xys plotter.XYs) plotter.XYs {
	out := make(plotter.XYs, len(xys))
	for i, p := range xys {
		out[i].X, out[i].Y = t.apply(p.X, p.Y)
	}
	return out
}
