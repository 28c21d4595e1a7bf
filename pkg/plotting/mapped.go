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

	"github.com/factorlab/factorlab/pkg/fixtures"
)

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
// the map a; a nil a (also a typed-nil *mat.Dense) means the identity. It
// returns an error if a is not a finite 2×2 matrix, or the grid is empty or
// has more than 1000 lines.
func NewMappedGrid(a mat.Matrix, min, max, step float64) (*MappedGrid, error) {
	t := identity2
	if !isNilMatrix(a) {
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
	if !isNilMatrix(a) {
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
