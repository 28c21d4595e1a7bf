package plotting

import (
	"errors"
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/factorlab/factorlab/pkg/fixtures"
)

// Default styles of the marks.
var (
	// DefaultHeadLength and DefaultHeadWidth size arrowheads.
	DefaultHeadLength = vg.Points(9)
	DefaultHeadWidth  = vg.Points(7)
	// DefaultLabelFontSize is the size of arrow labels.
	DefaultLabelFontSize = vg.Points(11)
)

// ErrEmpty is returned (wrapped) for marks and figures given no data.
var ErrEmpty = errors.New("plotting: no data")

// checkXYs returns an error naming what and the index of the first
// non-finite coordinate.
func checkXYs(what string, xys plotter.XYs) error {
	for i, p := range xys {
		if !finite(p.X) || !finite(p.Y) {
			return fmt.Errorf("plotting: %s %d is (%v, %v): coordinates must be finite", what, i, p.X, p.Y)
		}
	}
	return nil
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

func copyXYs(what string, d plotter.XYer) (plotter.XYs, error) {
	if d == nil || d.Len() == 0 {
		return nil, fmt.Errorf("%w: %s is empty", ErrEmpty, what)
	}
	xys := make(plotter.XYs, d.Len())
	for i := range xys {
		xys[i].X, xys[i].Y = d.XY(i)
	}
	return xys, checkXYs(what, xys)
}

func defaultTextStyle(size vg.Length) text.Style {
	return text.Style{
		Color:   color.Black,
		Font:    font.From(plot.DefaultFont, size),
		Handler: plot.DefaultTextHandler,
	}
}

// Arrows draws vectors as arrows with filled triangular heads. Arrow i goes
// from Tails[i] to Tips[i]. Heads are sized in points, so they keep their
// shape whatever the axis scales; the shaft stops inside the head, so a
// thick or dashed shaft never pokes through the tip.
type Arrows struct {
	// Tails and Tips are the start and end points, in data coordinates.
	Tails, Tips plotter.XYs

	// LineStyle is the style of the shafts; its colour also fills the
	// heads. Dashes apply to the shafts only.
	LineStyle draw.LineStyle

	// HeadLength and HeadWidth size the heads. Arrows shorter than twice
	// the head length get proportionally smaller heads.
	HeadLength, HeadWidth vg.Length

	// Labels, if not nil, holds one label per arrow ("" for none), drawn
	// just beyond the tip in the direction of the arrow.
	Labels []string

	// TextStyle is the style of the labels; its alignment is ignored.
	TextStyle text.Style

	// LabelOffset is the gap between a tip and its label.
	LabelOffset vg.Length
}

// NewArrows returns arrows from tails to tips, in black with the default
// head size. It returns an error if the two sets are empty, differ in
// length or hold a NaN or infinite coordinate.
func NewArrows(tails, tips plotter.XYer) (*Arrows, error) {
	t, err := copyXYs("arrow tail", tails)
	if err != nil {
		return nil, err
	}
	h, err := copyXYs("arrow tip", tips)
	if err != nil {
		return nil, err
	}
	if len(t) != len(h) {
		return nil, fmt.Errorf("plotting: %d arrow tails but %d tips", len(t), len(h))
	}
	ls := plotter.DefaultLineStyle
	ls.Width = vg.Points(1.5)
	return &Arrows{
		Tails:       t,
		Tips:        h,
		LineStyle:   ls,
		HeadLength:  DefaultHeadLength,
		HeadWidth:   DefaultHeadWidth,
		TextStyle:   defaultTextStyle(DefaultLabelFontSize),
		LabelOffset: vg.Points(3),
	}, nil
}

// NewVectors returns arrows from the origin to each of vecs.
func NewVectors(vecs plotter.XYer) (*Arrows, error) {
	if vecs == nil || vecs.Len() == 0 {
		return nil, fmt.Errorf("%w: no vectors", ErrEmpty)
	}
	return NewArrows(make(plotter.XYs, vecs.Len()), vecs)
}

// head returns the head length and width for a shaft of length l.
func (a *Arrows) head(l vg.Length) (hl, hw vg.Length) {
	hl, hw = a.HeadLength, a.HeadWidth
	if l < 2*hl && hl > 0 {
		s := l / (2 * hl)
		hl, hw = hl*s, hw*s
	}
	return hl, hw
}

// Plot implements plot.Plotter.
func (a *Arrows) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for i := range a.Tails {
		p0 := vg.Point{X: trX(a.Tails[i].X), Y: trY(a.Tails[i].Y)}
		p1 := vg.Point{X: trX(a.Tips[i].X), Y: trY(a.Tips[i].Y)}
		d := p1.Sub(p0)
		l := vg.Length(math.Hypot(float64(d.X), float64(d.Y)))
		if l > 0 {
			u := d.Scale(1 / l)
			n := vg.Point{X: -u.Y, Y: u.X}
			hl, hw := a.head(l)
			base := p1.Sub(u.Scale(hl))
			// End the shaft inside the head, where the head is still
			// wider than the line.
			end := p1.Sub(u.Scale(hl * 0.6))
			c.StrokeLines(a.LineStyle, c.ClipLinesXY([]vg.Point{p0, end})...)
			tri := []vg.Point{p1, base.Add(n.Scale(hw / 2)), base.Sub(n.Scale(hw / 2))}
			c.FillPolygon(a.LineStyle.Color, c.ClipPolygonXY(tri))
		}
		if a.label(i) == "" {
			continue
		}
		sty, at := a.labelStyle(d, l)
		pt := p1.Add(at)
		if c.Contains(pt) {
			c.FillText(sty, pt, a.Labels[i])
		}
	}
}

func (a *Arrows) label(i int) string {
	if i < len(a.Labels) {
		return a.Labels[i]
	}
	return ""
}

// labelStyle returns the text style and the offset from the tip of the
// label of an arrow with canvas direction d and length l: the label sits
// beyond the tip, aligned away from the arrow.
func (a *Arrows) labelStyle(d vg.Point, l vg.Length) (text.Style, vg.Point) {
	ux, uy := 1.0, 0.0
	if l > 0 {
		ux, uy = float64(d.X/l), float64(d.Y/l)
	}
	sty := a.TextStyle
	// Put the label on the side the arrow points to; labels of arrows
	// along an axis go beside it, off the axis line.
	sty.XAlign, sty.YAlign = text.XLeft, text.YTop
	if ux < -0.35 {
		sty.XAlign = text.XRight
	}
	if uy > 0.35 {
		sty.YAlign = text.YBottom
	}
	off := vg.Point{X: a.LabelOffset * vg.Length(ux), Y: a.LabelOffset * vg.Length(uy)}
	return sty, off
}

// DataRange implements plot.DataRanger.
func (a *Arrows) DataRange() (xmin, xmax, ymin, ymax float64) {
	return xyRange(a.Tails, a.Tips)
}

// GlyphBoxes implements plot.GlyphBoxer: heads and labels overhang the
// data points.
func (a *Arrows) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	var boxes []plot.GlyphBox
	for i := range a.Tips {
		x, y := p.X.Norm(a.Tips[i].X), p.Y.Norm(a.Tips[i].Y)
		r := a.HeadWidth / 2
		boxes = append(boxes, plot.GlyphBox{X: x, Y: y, Rectangle: vg.Rectangle{
			Min: vg.Point{X: -r, Y: -r}, Max: vg.Point{X: r, Y: r},
		}})
		if a.label(i) == "" {
			continue
		}
		// The direction in data units approximates the canvas direction.
		dx, dy := a.Tips[i].X-a.Tails[i].X, a.Tips[i].Y-a.Tails[i].Y
		l := math.Hypot(dx, dy)
		d := vg.Point{X: vg.Length(dx), Y: vg.Length(dy)}
		sty, at := a.labelStyle(d, vg.Length(l))
		rect := sty.Rectangle(a.Labels[i])
		boxes = append(boxes, plot.GlyphBox{X: x, Y: y, Rectangle: vg.Rectangle{
			Min: rect.Min.Add(at), Max: rect.Max.Add(at),
		}})
	}
	return boxes
}

// Thumbnail implements plot.Thumbnailer, drawing a short arrow in the
// legend.
func (a *Arrows) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	p0, p1 := vg.Point{X: c.Min.X, Y: y}, vg.Point{X: c.Max.X, Y: y}
	hl, hw := a.head(p1.X - p0.X)
	c.StrokeLine2(a.LineStyle, p0.X, y, p1.X-hl*0.6, y)
	c.FillPolygon(a.LineStyle.Color, []vg.Point{p1, {X: p1.X - hl, Y: y + hw/2}, {X: p1.X - hl, Y: y - hw/2}})
}

func xyRange(sets ...plotter.XYs) (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for _, s := range sets {
		for _, p := range s {
			xmin, xmax = math.Min(xmin, p.X), math.Max(xmax, p.X)
			ymin, ymax = math.Min(ymin, p.Y), math.Max(ymax, p.Y)
		}
	}
	return xmin, xmax, ymin, ymax
}

// mat2 is a 2×2 matrix [[a, b], [c, d]] read from a mat.Matrix.
type mat2 struct{ a, b, c, d float64 }

var identity2 = mat2{1, 0, 0, 1}

// toMat2 reads m, which must be 2×2 with finite entries.
func toMat2(m mat.Matrix) (mat2, error) {
	if m == nil {
		return mat2{}, errors.New("plotting: nil matrix, want 2×2")
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

// MappedGrid draws the lines x = k·Step and y = k·Step of the square
// [Min, Max]² after the linear map A: a grid of parallelograms.
type MappedGrid struct {
	// Min, Max and Step describe the grid before the map.
	Min, Max, Step float64

	// LineStyle is the style of the grid lines.
	LineStyle draw.LineStyle

	m mat2
}

// NewMappedGrid returns the grid over [min, max]² with spacing step after
// the map a; a nil a means the identity. It returns an error if a is not a
// finite 2×2 matrix, or the grid is empty or has more than 1000 lines.
func NewMappedGrid(a mat.Matrix, min, max, step float64) (*MappedGrid, error) {
	t := identity2
	if a != nil {
		var err error
		if t, err = toMat2(a); err != nil {
			return nil, err
		}
	}
	if !finite(min) || !finite(max) || !finite(step) || !(max > min) || !(step > 0) {
		return nil, fmt.Errorf("plotting: grid [%v, %v] step %v: need finite min < max and step > 0", min, max, step)
	}
	if (max-min)/step > 1000 {
		return nil, fmt.Errorf("plotting: grid [%v, %v] step %v has over 1000 lines", min, max, step)
	}
	return &MappedGrid{
		Min: min, Max: max, Step: step,
		LineStyle: draw.LineStyle{Color: color.Gray{Y: 200}, Width: vg.Points(0.6)},
		m:         t,
	}, nil
}

// lines returns the grid lines after the map, as pairs of end points.
func (g *MappedGrid) lines() [][2]plotter.XY {
	var out [][2]plotter.XY
	n := int(math.Floor((g.Max-g.Min)/g.Step + 1e-9))
	for k := 0; k <= n; k++ {
		v := g.Min + float64(k)*g.Step
		x0, y0 := g.m.apply(v, g.Min)
		x1, y1 := g.m.apply(v, g.Max)
		out = append(out, [2]plotter.XY{{X: x0, Y: y0}, {X: x1, Y: y1}})
		x0, y0 = g.m.apply(g.Min, v)
		x1, y1 = g.m.apply(g.Max, v)
		out = append(out, [2]plotter.XY{{X: x0, Y: y0}, {X: x1, Y: y1}})
	}
	return out
}

// Plot implements plot.Plotter.
func (g *MappedGrid) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, l := range g.lines() {
		pts := []vg.Point{{X: trX(l[0].X), Y: trY(l[0].Y)}, {X: trX(l[1].X), Y: trY(l[1].Y)}}
		c.StrokeLines(g.LineStyle, c.ClipLinesXY(pts)...)
	}
}

// DataRange implements plot.DataRanger: the image of the square's corners.
func (g *MappedGrid) DataRange() (xmin, xmax, ymin, ymax float64) {
	sq := plotter.XYs{{X: g.Min, Y: g.Min}, {X: g.Max, Y: g.Min}, {X: g.Max, Y: g.Max}, {X: g.Min, Y: g.Max}}
	return xyRange(g.m.applyXYs(sq))
}

// MappedPolygon draws a polygon after a linear map: the unit square becomes
// the parallelogram spanned by the map's columns.
type MappedPolygon struct {
	// XYs are the vertices after the map.
	XYs plotter.XYs

	// Color fills the polygon; nil leaves it unfilled.
	Color color.Color

	// LineStyle outlines the polygon; a zero Width draws no outline.
	LineStyle draw.LineStyle
}

// NewMappedPolygon returns the polygon with vertices pts mapped by a (nil
// means the identity), outlined in black and not filled. It returns an
// error if a is not a finite 2×2 matrix or pts is empty or not finite.
func NewMappedPolygon(a mat.Matrix, pts plotter.XYer) (*MappedPolygon, error) {
	t := identity2
	if a != nil {
		var err error
		if t, err = toMat2(a); err != nil {
			return nil, err
		}
	}
	xys, err := copyXYs("polygon vertex", pts)
	if err != nil {
		return nil, err
	}
	ls := plotter.DefaultLineStyle
	ls.Width = vg.Points(1.5)
	return &MappedPolygon{XYs: t.applyXYs(xys), LineStyle: ls}, nil
}

// unitSquare returns the corners of [0, 1]² counter-clockwise from the
// origin, as fixtures.UnitSquare lists them.
func unitSquare() plotter.XYs {
	sq := fixtures.UnitSquare()
	xys := make(plotter.XYs, len(sq))
	for i, p := range sq {
		xys[i] = plotter.XY{X: p[0], Y: p[1]}
	}
	return xys
}

// Plot implements plot.Plotter.
func (pg *MappedPolygon) Plot(c draw.Canvas, p *plot.Plot) {
	drawClosed(c, p, pg.XYs, pg.Color, pg.LineStyle)
}

func drawClosed(c draw.Canvas, p *plot.Plot, xys plotter.XYs, fill color.Color, ls draw.LineStyle) {
	if len(xys) == 0 {
		return
	}
	trX, trY := p.Transforms(&c)
	pts := make([]vg.Point, len(xys), len(xys)+1)
	for i, q := range xys {
		pts[i] = vg.Point{X: trX(q.X), Y: trY(q.Y)}
	}
	if fill != nil {
		c.FillPolygon(fill, c.ClipPolygonXY(pts))
	}
	if ls.Width > 0 && ls.Color != nil {
		pts = append(pts, pts[0])
		c.StrokeLines(ls, c.ClipLinesXY(pts)...)
	}
}

// DataRange implements plot.DataRanger.
func (pg *MappedPolygon) DataRange() (xmin, xmax, ymin, ymax float64) {
	return xyRange(pg.XYs)
}

// Thumbnail implements plot.Thumbnailer.
func (pg *MappedPolygon) Thumbnail(c *draw.Canvas) {
	pts := []vg.Point{c.Min, {X: c.Max.X, Y: c.Min.Y}, c.Max, {X: c.Min.X, Y: c.Max.Y}}
	if pg.Color != nil {
		c.FillPolygon(pg.Color, pts)
	}
	if pg.LineStyle.Width > 0 {
		c.StrokeLines(pg.LineStyle, append(pts, pts[0]))
	}
}

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

// Interface checks.
var (
	_ plot.Plotter    = (*Arrows)(nil)
	_ plot.DataRanger = (*Arrows)(nil)
	_ plot.GlyphBoxer = (*Arrows)(nil)
	_ plot.Plotter    = (*MappedGrid)(nil)
	_ plot.DataRanger = (*MappedGrid)(nil)
	_ plot.Plotter    = (*MappedPolygon)(nil)
	_ plot.DataRanger = (*MappedPolygon)(nil)
	_ plot.Plotter    = (*Ellipse)(nil)
	_ plot.DataRanger = (*Ellipse)(nil)
)
