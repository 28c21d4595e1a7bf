package plotting

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

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
