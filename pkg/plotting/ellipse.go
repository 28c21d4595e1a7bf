package plotting

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// ellipseSegments is the number of chords that approximate an ellipse.
const ellipseSegments = 180

// Ellipse draws the image of the unit circle under x ↦ A·x + (X, Y): a
// circle for A = rI, an ellipse with semi-axes σ₁u₁ and σ₂u₂ for A = UΣVᵀ.
type Ellipse struct {
	// X and Y are the centre.
	X, Y float64

	// Color fills the ellipse; nil leaves it unfilled.
	Color color.Color

	// LineStyle outlines the ellipse.
	LineStyle draw.LineStyle

	m mat2
}

// NewEllipse returns the image of the unit circle under a, centred at
// (x, y), outlined in black. It returns an error if a is not a finite 2×2
// matrix or the centre is not finite. A singular a gives a segment.
func NewEllipse(a mat.Matrix, x, y float64) (*Ellipse, error) {
	t, err := toMat2(a)
	if err != nil {
		return nil, err
	}
	if !finite(x) || !finite(y) {
		return nil, fmt.Errorf("plotting: ellipse centre (%v, %v) is not finite", x, y)
	}
	ls := plotter.DefaultLineStyle
	ls.Width = vg.Points(1.5)
	return &Ellipse{X: x, Y: y, LineStyle: ls, m: t}, nil
}

// NewCircle returns the circle of radius r centred at (x, y). It returns an
// error if r is negative or a value is not finite.
func NewCircle(x, y, r float64) (*Ellipse, error) {
	if !finite(r) || r < 0 {
		return nil, fmt.Errorf("plotting: circle radius %v must be finite and non-negative", r)
	}
	return NewEllipse(mat.NewDense(2, 2, []float64{r, 0, 0, r}), x, y)
}

func (e *Ellipse) points() plotter.XYs {
	pts := make(plotter.XYs, ellipseSegments)
	for i := range pts {
		th := 2 * math.Pi * float64(i) / ellipseSegments
		x, y := e.m.apply(math.Cos(th), math.Sin(th))
		pts[i] = plotter.XY{X: e.X + x, Y: e.Y + y}
	}
	return pts
}

// Plot implements plot.Plotter.
func (e *Ellipse) Plot(c draw.Canvas, p *plot.Plot) {
	drawClosed(c, p, e.points(), e.Color, e.LineStyle)
}

// DataRange implements plot.DataRanger, exactly: the half-widths are the
// norms of A's rows.
func (e *Ellipse) DataRange() (xmin, xmax, ymin, ymax float64) {
	rx, ry := math.Hypot(e.m.a, e.m.b), math.Hypot(e.m.c, e.m.d)
	return e.X - rx, e.X + rx, e.Y - ry, e.Y + ry
}

// Thumbnail implements plot.Thumbnailer.
func (e *Ellipse) Thumbnail(c *draw.Canvas) {
	ctr := c.Center()
	r := min(c.Max.X-c.Min.X, c.Max.Y-c.Min.Y) / 2
	var path vg.Path
	path.Move(vg.Point{X: ctr.X + r, Y: ctr.Y})
	path.Arc(ctr, r, 0, 2*math.Pi)
	path.Close()
	if e.Color != nil {
		c.SetColor(e.Color)
		c.Fill(path)
	}
	if e.LineStyle.Width > 0 {
		c.SetLineStyle(e.LineStyle)
		c.Stroke(path)
	}
}
