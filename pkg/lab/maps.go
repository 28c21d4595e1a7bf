package lab

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/factorlab/factorlab/pkg/fixtures"
	"github.com/factorlab/factorlab/pkg/plotting"
)

// RotationFunc is the student's function of lab L6, task 1: the 2×2 matrix
// of the rotation by theta radians, counter-clockwise.
type RotationFunc func(theta float64) *mat.Dense

// StretchFunc is the student's function of lab L6, task 2: the 2×2 matrix
// that stretches x by sx and y by sy.
type StretchFunc func(sx, sy float64) *mat.Dense

// CornersFunc is the student's answer to lab L6, task 3: the images of the
// unit square's corners (0,0), (1,0), (1,1), (0,1), in that order, under
// SquareMap, as four {x, y} pairs worked out by hand.
type CornersFunc func() [][2]float64

// Lab L6's map M = S·R: first rotate by SquareTheta, then stretch by
// SquareSx, SquareSy.
const (
	SquareTheta = math.Pi / 2
	SquareSx    = 2
	SquareSy    = 0.5
)

// SquareMap returns lab L6's map M = Stretch(SquareSx, SquareSy) ·
// Rotation(SquareTheta).
func SquareMap() *mat.Dense {
	var m mat.Dense
	m.Mul(stretch(SquareSx, SquareSy), rotation(SquareTheta))
	return &m
}

// rotation and stretch are the reference maps, from package fixtures.
var (
	rotation = fixtures.Rotation
	stretch  = fixtures.Stretch
)

// CheckRotation checks lab L6, task 1 for θ = π/6, π/2 and 2.
func CheckRotation(f RotationFunc) Report {
	r := Report{Title: tr(msgTitleL61)}
	if f == nil {
		return r.notImplemented("Rotation")
	}
	for _, th := range []float64{math.Pi / 6, math.Pi / 2, 2} {
		var got *mat.Dense
		if !call(&r, "Rotation", func() { got = f(th) }) {
			return r
		}
		v := Matrix(fmt.Sprintf("R(%s)", angleName(th)), got, rotation(th), nil)
		if v.Status == NotImplemented {
			r.Add(v)
			return r
		}
		if v.Status == Fail {
			v.Hint = tr(msgHintRotation)
			if !isNilMatrix(got) && sameShape(got, 2, 2) && mat.EqualApprox(got, rotation(-th), 1e-9) {
				v.Hint = tr(msgHintClockwise)
			}
		}
		r.Add(v)
	}
	return r
}

func angleName(th float64) string {
	switch th {
	case math.Pi / 6:
		return "π/6"
	case math.Pi / 2:
		return "π/2"
	}
	return num(th)
}

func sameShape(m mat.Matrix, r, c int) bool {
	mr, mc := m.Dims()
	return mr == r && mc == c
}

// CheckStretch checks lab L6, task 2 for (sx, sy) = (2, 0.5) and (3, 1).
func CheckStretch(f StretchFunc) Report {
	r := Report{Title: tr(msgTitleL62)}
	if f == nil {
		return r.notImplemented("Stretch")
	}
	for _, s := range [][2]float64{{2, 0.5}, {3, 1}} {
		var got *mat.Dense
		if !call(&r, "Stretch", func() { got = f(s[0], s[1]) }) {
			return r
		}
		v := Matrix(fmt.Sprintf("S(%s, %s)", num(s[0]), num(s[1])), got, stretch(s[0], s[1]), nil)
		if v.Status == NotImplemented {
			r.Add(v)
			return r
		}
		if v.Status == Fail {
			v.Hint = tr(msgHintStretch)
		}
		r.Add(v)
	}
	return r
}

// CheckCorners checks lab L6, task 3: the student's predicted images of the
// unit square's corners under SquareMap, one verdict per corner. When an
// answer was given, the report's Figure draws it next to the reference.
func CheckCorners(f CornersFunc) Report {
	r := Report{Title: tr(msgTitleL63)}
	if f == nil {
		return r.notImplemented("Corners")
	}
	var got [][2]float64
	if !call(&r, "Corners", func() { got = f() }) {
		return r
	}
	if got == nil {
		r.Add(notImplemented(Verdict{Name: "Corners", Diff: math.NaN(), Tol: math.NaN()}))
		return r
	}
	want := mapPoints(SquareMap(), fixtures.UnitSquare())
	if len(got) != 4 {
		r.Add(Verdict{Name: tr(msgNameFourCorners), Status: Fail, Diff: math.NaN(), Tol: math.NaN(),
			Message: tr(msgCornerCount, len(got)),
			Hint:    tr(msgHintCornerCount)})
		return r
	}
	for i, c := range fixtures.UnitSquare() {
		v := Vector(fmt.Sprintf("M·(%s, %s)", num(c[0]), num(c[1])), got[i][:], want[i][:], &Tolerance{Abs: 1e-6})
		if !v.Passed() {
			v.Hint = tr(msgHintCorners)
		}
		r.Add(v)
	}
	fig, err := cornersFigure(got, want)
	if err == nil {
		r.Figure = fig
	}
	return r
}

// mapPoints applies m to each point. Results within 1e-12 of zero are set
// to zero, so that cos(π/2) ≈ 6e-17 is shown as the 0 a student writes.
func mapPoints(m mat.Matrix, pts [][2]float64) [][2]float64 {
	snap := func(x float64) float64 {
		if math.Abs(x) < 1e-12 {
			return 0
		}
		return x
	}
	out := make([][2]float64, len(pts))
	for i, p := range pts {
		out[i] = [2]float64{snap(m.At(0, 0)*p[0] + m.At(0, 1)*p[1]), snap(m.At(1, 0)*p[0] + m.At(1, 1)*p[1])}
	}
	return out
}

// Colours of the corners figure, from plotting's palette.
var (
	squareGray = plotting.Grey
	yoursBlue  = plotting.Blue
	refGreen   = plotting.Green
)

// cornersFigure draws the student's corners next to the reference, each
// over the unit square.
func cornersFigure(got, want [][2]float64) (*plotting.Figure, error) {
	fig := plotting.NewFigure(1, 2)
	fig.EqualAspect = true
	fig.Height = 3 * vg.Inch
	for j, panel := range []struct {
		title string
		pts   [][2]float64
		col   color.Color
	}{{"your corners", got, yoursBlue}, {"reference: M·(unit square)", want, refGreen}} {
		p := plot.New()
		p.Title.Text = panel.title
		p.X.Label.Text = "x"
		p.Y.Label.Text = "y"
		p.Add(plotter.NewGrid())
		sq, err := polygon(fixtures.UnitSquare(), squareGray)
		if err != nil {
			return nil, err
		}
		sq.LineStyle.Dashes = []vg.Length{vg.Points(3), vg.Points(3)}
		img, err := polygon(panel.pts, panel.col)
		if err != nil {
			return nil, err
		}
		pts := make(plotter.XYs, len(panel.pts))
		for i, q := range panel.pts {
			pts[i].X, pts[i].Y = q[0], q[1]
		}
		sc, err := plotter.NewScatter(pts)
		if err != nil {
			return nil, err
		}
		sc.GlyphStyle.Color = panel.col
		sc.GlyphStyle.Radius = vg.Points(3)
		p.Add(sq, img, sc)
		p.Legend.Add("unit square", sq)
		p.Legend.Add("image", img)
		p.Legend.Top = true
		p.Legend.Left = true
		fig.Set(0, j, p)
	}
	return fig, nil
}

func polygon(pts [][2]float64, c color.Color) (*plotter.Polygon, error) {
	xy := make(plotter.XYs, len(pts))
	for i, q := range pts {
		xy[i].X, xy[i].Y = q[0], q[1]
	}
	p, err := plotter.NewPolygon(xy)
	if err != nil {
		return nil, err
	}
	p.Color = nil
	p.LineStyle.Color = c
	p.LineStyle.Width = vg.Points(1.5)
	return p, nil
}
