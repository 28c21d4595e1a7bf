package plotting

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/factorlab/factorlab/pkg/fixtures"
)

// mapPanel draws the unit square and basis vectors mapped by t (identity
// for the "before" panel) on the grid mapped by t, in the window l.
func mapPanel(t mat2, title string, l limits, ghost bool) (*plot.Plot, error) {
	p := geomPlot(title)
	m := mat.NewDense(2, 2, []float64{t.a, t.b, t.c, t.d})
	if err := addGrid(p, m, l); err != nil {
		return nil, err
	}
	if ghost {
		// The unit square before the map, for reference.
		sq, err := NewMappedPolygon(nil, unitSquare())
		if err != nil {
			return nil, err
		}
		sq.LineStyle = draw.LineStyle{Color: Grey, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(3), vg.Points(2)}}
		p.Add(sq)
	}
	pg, err := NewMappedPolygon(m, unitSquare())
	if err != nil {
		return nil, err
	}
	pg.Color = fillOf(SkyBlue, 0x50)
	pg.LineStyle.Color = Blue
	p.Add(pg)
	e1, e2 := "e₁", "e₂"
	if t != identity2 {
		e1 = fmt.Sprintf("Ae₁ = (%s, %s)", num(t.a), num(t.c))
		e2 = fmt.Sprintf("Ae₂ = (%s, %s)", num(t.b), num(t.d))
	}
	a1, err := arrow(t.a, t.c, Red, e1, nil, 2)
	if err != nil {
		return nil, err
	}
	a2, err := arrow(t.b, t.d, Green, e2, []vg.Length{vg.Points(5), vg.Points(2.5)}, 2)
	if err != nil {
		return nil, err
	}
	p.Add(a1, a2)
	l.apply(p)
	return p, nil
}

// MapSettings are the settings of LinearMap; nil means the zero value.
type MapSettings struct {
	// Overlay draws before and after in one panel instead of two.
	Overlay bool
}

// LinearMap shows the linear map A on the plane: the integer grid, the unit
// square and the basis vectors e₁, e₂ before A, and after it the grid of
// parallelograms and the parallelogram spanned by A's columns Ae₁, Ae₂,
// annotated with its area |det A|. It returns an error if a is not a finite,
// invertible 2×2 matrix.
func LinearMap(a mat.Matrix, opt *MapSettings) (*Figure, error) {
	if opt == nil {
		opt = &MapSettings{}
	}
	t, err := toInvertible2(a)
	if err != nil {
		return nil, err
	}
	img := t.applyXYs(unitSquare())
	l := limitsOf(0.7, unitSquare(), img)
	det := t.det()
	area := fmt.Sprintf("area\n|det A| = %s", num(math.Abs(det)))
	title := fmt.Sprintf("A = [[%s, %s], [%s, %s]]", num(t.a), num(t.b), num(t.c), num(t.d))
	cx, cy := t.apply(0.5, 0.5)
	if opt.Overlay {
		p, err := mapPanel(t, title+": before (dashed) and after", l, true)
		if err != nil {
			return nil, err
		}
		if err := label(p, cx, cy, area, vg.Points(9)); err != nil {
			return nil, err
		}
		return single(p), nil
	}
	before, err := mapPanel(identity2, "before: unit square, e₁, e₂", l, false)
	if err != nil {
		return nil, err
	}
	if err := label(before, 0.5, 0.5, "area\n= 1", vg.Points(9)); err != nil {
		return nil, err
	}
	after, err := mapPanel(t, "after "+title, l, true)
	if err != nil {
		return nil, err
	}
	if err := label(after, cx, cy, area, vg.Points(9)); err != nil {
		return nil, err
	}
	return row(before, after), nil
}

// RotationStretch shows rotation by theta (radians, counter-clockwise) and
// stretching by sx along x and sy along y, each before and after, on a 2×2
// figure sharing one window. It returns an error if a value is not finite
// or sx or sy is zero.
func RotationStretch(theta, sx, sy float64) (*Figure, error) {
	if !finite(theta) {
		return nil, fmt.Errorf("plotting: rotation angle %v is not finite", theta)
	}
	if !finite(sx) || !finite(sy) || sx == 0 || sy == 0 {
		return nil, fmt.Errorf("plotting: stretch factors (%v, %v) must be finite and non-zero", sx, sy)
	}
	r := fixtures.Rotation(theta)
	rot := mat2{r.At(0, 0), r.At(0, 1), r.At(1, 0), r.At(1, 1)}
	str := mat2{sx, 0, 0, sy}
	l := limitsOf(0.7, unitSquare(), rot.applyXYs(unitSquare()), str.applyXYs(unitSquare()))
	deg := theta * 180 / math.Pi
	panels := []struct {
		t     mat2
		title string
		ghost bool
	}{
		{identity2, "rotation: before", false},
		{rot, fmt.Sprintf("after rotating by θ = %s°", num(math.Round(deg*1000)/1000)), true},
		{identity2, "stretching: before", false},
		{str, fmt.Sprintf("after stretching by (sx, sy) = (%s, %s)", num(sx), num(sy)), true},
	}
	f := NewFigure(2, 2)
	f.Width, f.Height = 7.2*vg.Inch, 7.4*vg.Inch
	f.EqualAspect = true
	for k, pn := range panels {
		p, err := mapPanel(pn.t, pn.title, l, pn.ghost)
		if err != nil {
			return nil, err
		}
		f.Set(k/2, k%2, p)
	}
	return f, nil
}
