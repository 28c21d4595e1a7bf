// Copyright ©2026 The FactorLab Authors.

package plotting

import (
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot/plotter"
)

// DefaultParallelTol is the default relative tolerance of
// Quadrilateral.Parallel: sides s and t count as parallel when
// |s × t| ≤ tol·‖s‖‖t‖, that is when the sine of their angle is at most tol.
const DefaultParallelTol = 1e-12

// Quadrilateral is a four-sided polygon given by its corners in order, such
// as the image of the unit square under a linear map. Side i runs from
// Corners[i] to Corners[(i+1) mod 4]; sides i and i+2 are opposite.
type Quadrilateral struct {
	Corners [4]plotter.XY
}

// SquareImage returns the image under the 2×2 matrix a of the unit square
// (0, 0), (1, 0), (1, 1), (0, 1), as fixtures.UnitSquare lists it. Because a linear
// map sends parallel lines to parallel lines, the image is always a
// parallelogram, spanned by the columns Ae₁ and Ae₂, of area |det A|.
// It returns an error if a is not a finite 2×2 matrix.
func SquareImage(a mat.Matrix) (Quadrilateral, error) {
	t, err := toMat2(a)
	if err != nil {
		return Quadrilateral{}, err
	}
	var q Quadrilateral
	for i, p := range t.applyXYs(unitSquare()) {
		q.Corners[i] = p
	}
	return q, nil
}

// Side returns side i as the vector Corners[i+1] − Corners[i], indices
// taken mod 4.
func (q Quadrilateral) Side(i int) plotter.XY {
	i = ((i % 4) + 4) % 4
	p, r := q.Corners[i], q.Corners[(i+1)%4]
	return plotter.XY{X: r.X - p.X, Y: r.Y - p.Y}
}

// Cross returns the cross product s × t = sₓt_y − s_yt_x of side i and its
// opposite side i+2: zero exactly when they are parallel.
func (q Quadrilateral) Cross(i int) float64 {
	s, t := q.Side(i), q.Side(i+2)
	return s.X*t.Y - s.Y*t.X
}

// Parallel reports whether side i and its opposite side i+2 are parallel
// within the relative tolerance tol (DefaultParallelTol if tol ≤ 0).
// A side of zero length counts as parallel to anything.
func (q Quadrilateral) Parallel(i int, tol float64) bool {
	if tol <= 0 {
		tol = DefaultParallelTol
	}
	s, t := q.Side(i), q.Side(i+2)
	return math.Abs(q.Cross(i)) <= tol*math.Hypot(s.X, s.Y)*math.Hypot(t.X, t.Y)
}

// Area returns the area enclosed by the corners, by the shoelace formula.
func (q Quadrilateral) Area() float64 {
	var twice float64
	for i := range q.Corners {
		p, r := q.Corners[i], q.Corners[(i+1)%4]
		twice += p.X*r.Y - r.X*p.Y
	}
	return math.Abs(twice) / 2
}

// Kind names the quadrilateral by its pairs of parallel opposite sides
// (with tolerance tol as for Parallel): "parallelogram" for two pairs,
// "trapezoid" for exactly one (the exclusive definition), "quadrilateral"
// for none.
func (q Quadrilateral) Kind(tol float64) string {
	switch n := btoi(q.Parallel(0, tol)) + btoi(q.Parallel(1, tol)); n {
	case 2:
		return "parallelogram"
	case 1:
		return "trapezoid"
	}
	return "quadrilateral"
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// String reports the corners, each pair of opposite sides with their cross
// product, the kind and the area, one fact a line, for a notebook.
func (q Quadrilateral) String() string {
	var b strings.Builder
	b.WriteString("corners:")
	for i, p := range q.Corners {
		if i > 0 {
			b.WriteString(" →")
		}
		fmt.Fprintf(&b, " %s", xyString(p))
	}
	b.WriteString("\n")
	for i := 0; i < 2; i++ {
		verdict := "parallel"
		if !q.Parallel(i, 0) {
			verdict = "not parallel"
		}
		fmt.Fprintf(&b, "side %d = %s, opposite side %d = %s: cross product %.4g → %s\n",
			i+1, xyString(q.Side(i)), i+3, xyString(q.Side(i+2)), q.Cross(i)+0, verdict)
	}
	fmt.Fprintf(&b, "kind: %s\n", q.Kind(0))
	fmt.Fprintf(&b, "area: %.4g\n", q.Area())
	if ReportTranslator == nil {
		return b.String()
	}
	lines := strings.SplitAfter(b.String(), "\n")
	for i, l := range lines {
		if t := strings.TrimSuffix(l, "\n"); t != "" {
			lines[i] = ReportTranslator(t) + l[len(t):]
		}
	}
	return strings.Join(lines, "")
}

// ReportTranslator, when not nil, translates each line of the text reports
// pkg/plotting writes by itself (Quadrilateral.String), as a text handler
// translates the labels its figures draw. Package pkg/plotting/hangul sets
// it, so a Korean notebook's reports are Korean; nil keeps them English.
var ReportTranslator func(line string) string

// xyString writes a point as "(x, y)" with up to four significant digits,
// without negative zeros.
func xyString(p plotter.XY) string {
	return fmt.Sprintf("(%.4g, %.4g)", p.X+0, p.Y+0)
}
