package plotting

import (
	"errors"
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
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
