package plotting

import (
	"fmt"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// Vector is one arrow of PlotVectors: from (X0, Y0) to (X0+DX, Y0+DY).
type Vector struct {
	X0, Y0, DX, DY float64

	// Label is written beyond the tip; may be empty.
	Label string

	// Color of the arrow; nil takes the next colour of Palette.
	Color color.Color

	// Dashes of the shaft; nil is solid.
	Dashes []vg.Length
}

// PlotVectors draws vecs as arrows on an equal-aspect grid titled title.
// It returns an error if vecs is empty or holds a non-finite value.
func PlotVectors(vecs []Vector, title string) (*Figure, error) {
	if len(vecs) == 0 {
		return nil, fmt.Errorf("%w: no vectors", ErrEmpty)
	}
	p := geomPlot(title)
	var all plotter.XYs
	var arrows []plot.Plotter
	for i, v := range vecs {
		for _, x := range []float64{v.X0, v.Y0, v.DX, v.DY} {
			if !finite(x) {
				return nil, fmt.Errorf("plotting: vector %d (%q) has a non-finite value %v", i, v.Label, x)
			}
		}
		tail := plotter.XYs{{X: v.X0, Y: v.Y0}}
		tip := plotter.XYs{{X: v.X0 + v.DX, Y: v.Y0 + v.DY}}
		a, err := NewArrows(tail, tip)
		if err != nil {
			return nil, err
		}
		a.LineStyle.Color = v.Color
		if v.Color == nil {
			a.LineStyle.Color = Palette[i%len(Palette)]
		}
		a.LineStyle.Dashes = v.Dashes
		if v.Label != "" {
			a.Labels = []string{v.Label}
		}
		arrows = append(arrows, a)
		all = append(all, tail[0], tip[0])
	}
	lim := limitsOf(0.6, all)
	if err := addGrid(p, nil, lim); err != nil {
		return nil, err
	}
	p.Add(arrows...)
	lim.apply(p)
	return single(p), nil
}

// single wraps p in a 1×1 equal-aspect figure.
func single(p *plot.Plot) *Figure {
	f := NewFigure(1, 1)
	f.Width, f.Height = 4.5*vg.Inch, 4.5*vg.Inch
	f.EqualAspect = true
	f.Set(0, 0, p)
	return f
}
