package plotting

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// limits is a data window.
type limits struct{ xmin, xmax, ymin, ymax float64 }

// limitsOf returns the smallest window holding the origin and pts, padded
// by pad on every side.
func limitsOf(pad float64, sets ...plotter.XYs) limits {
	l := limits{0, 0, 0, 0}
	for _, s := range sets {
		for _, p := range s {
			l.xmin, l.xmax = math.Min(l.xmin, p.X), math.Max(l.xmax, p.X)
			l.ymin, l.ymax = math.Min(l.ymin, p.Y), math.Max(l.ymax, p.Y)
		}
	}
	return limits{l.xmin - pad, l.xmax + pad, l.ymin - pad, l.ymax + pad}
}

func (l limits) apply(p *plot.Plot) {
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = l.xmin, l.xmax, l.ymin, l.ymax
}

// geomPlot returns an empty plot for plane geometry.
func geomPlot(title string) *plot.Plot {
	p := plot.New()
	p.X.Tick.Marker = NiceTicks{}
	p.Y.Tick.Marker = NiceTicks{}
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = vg.Points(11)
	p.X.Label.Text = "x"
	p.Y.Label.Text = "y"
	return p
}

// addGrid adds the integer grid mapped by a (nil: identity) covering the
// window l, and the coordinate axes.
func addGrid(p *plot.Plot, a mat.Matrix, l limits) error {
	// Preimage of the window: grid lines far enough to cover it.
	r := math.Max(math.Max(-l.xmin, l.xmax), math.Max(-l.ymin, l.ymax))
	if a != nil {
		t, err := toInvertible2(a)
		if err != nil {
			return err
		}
		// ‖A⁻¹‖ bounds how far back a window point comes from.
		det := t.det()
		inv := mat2{t.d / det, -t.b / det, -t.c / det, t.a / det}
		r *= math.Sqrt(inv.a*inv.a+inv.b*inv.b+inv.c*inv.c+inv.d*inv.d) * math.Sqrt2
	}
	// Grid lines on the major ticks, or on the minor ones if the major are
	// too few.
	span := math.Max(l.xmax-l.xmin, l.ymax-l.ymin)
	step, minor := tickSteps(span)
	if span/step < 4 {
		step = minor
	}
	if step < 1 && span >= 3 {
		step = 1 // keep the integer lattice the maps act on
	}
	n := (math.Ceil(r/step) + 1) * step
	g, err := NewMappedGrid(a, -n, n, step)
	if err != nil {
		return err
	}
	// The grid's range is huge; add it without letting it set the axes.
	p.Add(noRange{g}, originAxes{draw.LineStyle{Color: Grey, Width: vg.Points(0.8)}})
	return nil
}

// originAxes draws the lines x = 0 and y = 0 across the data area.
type originAxes struct{ draw.LineStyle }

func (o originAxes) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	x0, y0 := trX(0), trY(0)
	if c.ContainsY(y0) {
		c.StrokeLine2(o.LineStyle, c.Min.X, y0, c.Max.X, y0)
	}
	if c.ContainsX(x0) {
		c.StrokeLine2(o.LineStyle, x0, c.Min.Y, x0, c.Max.Y)
	}
}

// noRange hides a plotter's data range.
type noRange struct{ plot.Plotter }

// segment is a polyline that does not take part in the data range.
type segment struct {
	XYs       plotter.XYs
	LineStyle draw.LineStyle
}

func (s *segment) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	pts := make([]vg.Point, len(s.XYs))
	for i, q := range s.XYs {
		pts[i] = vg.Point{X: trX(q.X), Y: trY(q.Y)}
	}
	c.StrokeLines(s.LineStyle, c.ClipLinesXY(pts)...)
}

// label adds centred text at (x, y).
func label(p *plot.Plot, x, y float64, txt string, size vg.Length) error {
	l, err := plotter.NewLabels(plotter.XYLabels{XYs: plotter.XYs{{X: x, Y: y}}, Labels: []string{txt}})
	if err != nil {
		return err
	}
	l.TextStyle[0].XAlign = text.XCenter
	l.TextStyle[0].YAlign = text.YCenter
	l.TextStyle[0].Font.Size = size
	p.Add(l)
	return nil
}

// arrow returns one arrow from the origin to (x, y).
func arrow(x, y float64, c color.Color, lbl string, dashes []vg.Length, width vg.Length) (*Arrows, error) {
	a, err := NewVectors(plotter.XYs{{X: x, Y: y}})
	if err != nil {
		return nil, err
	}
	a.LineStyle.Color = c
	a.LineStyle.Dashes = dashes
	if width > 0 {
		a.LineStyle.Width = width
	}
	if lbl != "" {
		a.Labels = []string{lbl}
	}
	return a, nil
}

// num formats x briefly: integers without decimals, others with up to 3.
func num(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e9 {
		return fmt.Sprintf("%.0f", x)
	}
	s := fmt.Sprintf("%.3f", x)
	for s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	return s
}

// row returns an equal-aspect figure of the given panels side by side.
func row(ps ...*plot.Plot) *Figure {
	f := NewFigure(1, len(ps))
	f.Width, f.Height = vg.Length(len(ps))*3.6*vg.Inch, 3.8*vg.Inch
	f.EqualAspect = true
	for j, p := range ps {
		f.Set(0, j, p)
	}
	return f
}

// pairArrow is one highlighted arrow of Eigenvectors or SVDGeometry: the
// tip (X, Y) of an arrow from the origin, its label, and the index of its
// pair, which selects its style in pairStyles. The figure test compares
// these arrows with decomp's answers.
type pairArrow struct {
	X, Y  float64
	Label string
	Pair  int
}

// addPairArrows draws arrows onto p, each in the style of its pair.
func addPairArrows(p *plot.Plot, arrows []pairArrow, width vg.Length) error {
	for _, a := range arrows {
		st := pairStyles[a.Pair]
		ar, err := arrow(a.X, a.Y, st.c, a.Label, st.dashes, width)
		if err != nil {
			return err
		}
		p.Add(ar)
	}
	return nil
}
