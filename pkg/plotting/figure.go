package plotting

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Default layout of a Figure.
const (
	// DefaultPanelWidth and DefaultPanelHeight size each panel of a Figure
	// made by NewFigure.
	DefaultPanelWidth  = 3.2 * vg.Inch
	DefaultPanelHeight = 3.2 * vg.Inch
	// DefaultPad is the gap between panels and around the figure.
	DefaultPad = 0.1 * vg.Inch
)

// Figure is a grid of plots drawn together, with their data areas aligned.
// The zero value is an empty figure; use NewFigure.
type Figure struct {
	// Panels holds the plots row by row; a nil entry leaves its cell empty.
	Panels [][]*plot.Plot

	// Width and Height are the size of the whole figure, used by Show and
	// Save. Zero means the panel defaults times the grid size.
	Width, Height vg.Length

	// Pad is the gap between panels and around the edges.
	Pad vg.Length

	// EqualAspect makes one data unit the same length along x and y in
	// every panel, by widening the shorter axis range about its centre.
	// Set it for geometry, where a square must look square.
	EqualAspect bool
}

// NewFigure returns a rows×cols figure with empty panels, sized
// DefaultPanelWidth×DefaultPanelHeight per panel.
// It panics if rows or cols is not positive.
func NewFigure(rows, cols int) *Figure {
	if rows <= 0 || cols <= 0 {
		panic("plotting: figure needs at least one row and one column")
	}
	f := &Figure{
		Panels: make([][]*plot.Plot, rows),
		Width:  vg.Length(cols) * DefaultPanelWidth,
		Height: vg.Length(rows) * DefaultPanelHeight,
		Pad:    DefaultPad,
	}
	for i := range f.Panels {
		f.Panels[i] = make([]*plot.Plot, cols)
	}
	return f
}

// Set places p at row i, column j. It panics if the cell is outside the grid.
func (f *Figure) Set(i, j int, p *plot.Plot) { f.Panels[i][j] = p }

// At returns the plot at row i, column j.
func (f *Figure) At(i, j int) *plot.Plot { return f.Panels[i][j] }

// Size returns the figure's size; it implements Sizer.
func (f *Figure) Size() (w, h vg.Length) {
	rows, cols := f.dims()
	w, h = f.Width, f.Height
	if w <= 0 {
		w = vg.Length(max(cols, 1)) * DefaultPanelWidth
	}
	if h <= 0 {
		h = vg.Length(max(rows, 1)) * DefaultPanelHeight
	}
	return w, h
}

func (f *Figure) dims() (rows, cols int) {
	if f == nil {
		return 0, 0
	}
	for _, r := range f.Panels {
		cols = max(cols, len(r))
	}
	return len(f.Panels), cols
}

// Draw draws the figure onto c; it implements Drawer.
// The plots in Panels are not modified: EqualAspect works on copies.
func (f *Figure) Draw(c draw.Canvas) {
	rows, cols := f.dims()
	if rows == 0 || cols == 0 {
		return
	}
	grid := make([][]*plot.Plot, rows)
	for i := range grid {
		grid[i] = make([]*plot.Plot, cols)
		for j := range grid[i] {
			if j < len(f.Panels[i]) && f.Panels[i][j] != nil {
				cp := *f.Panels[i][j]
				grid[i][j] = &cp
			}
		}
	}
	tiles := draw.Tiles{
		Rows: rows, Cols: cols,
		PadX: f.Pad, PadY: f.Pad,
		PadTop: f.Pad, PadBottom: f.Pad, PadLeft: f.Pad, PadRight: f.Pad,
	}
	canvases := plot.Align(grid, tiles, c)
	if f.EqualAspect {
		// Two passes: widening a range may change tick labels and so the
		// space the axes take.
		for range 2 {
			for i := range grid {
				for j, p := range grid[i] {
					if p != nil {
						equalAspect(p, p.DataCanvas(canvases[i][j]))
					}
				}
			}
			canvases = plot.Align(grid, tiles, c)
		}
	}
	for i := range grid {
		for j, p := range grid[i] {
			if p != nil {
				p.Draw(canvases[i][j])
			}
		}
	}
}

// equalAspect widens p's shorter axis range so that one data unit has the
// same length along x and y in the data area da. Log-scaled or empty axes
// are left alone.
func equalAspect(p *plot.Plot, da draw.Canvas) {
	w, h := float64(da.Max.X-da.Min.X), float64(da.Max.Y-da.Min.Y)
	dx, dy := p.X.Max-p.X.Min, p.Y.Max-p.Y.Min
	if !(w > 0 && h > 0 && dx > 0 && dy > 0) || math.IsInf(dx, 0) || math.IsInf(dy, 0) {
		return
	}
	if _, ok := p.X.Scale.(plot.LinearScale); !ok {
		return
	}
	if _, ok := p.Y.Scale.(plot.LinearScale); !ok {
		return
	}
	// Units per point along each axis; raise the smaller one.
	ux, uy := dx/w, dy/h
	switch {
	case ux < uy:
		c, half := (p.X.Min+p.X.Max)/2, uy*w/2
		p.X.Min, p.X.Max = c-half, c+half
	case uy < ux:
		c, half := (p.Y.Min+p.Y.Max)/2, ux*h/2
		p.Y.Min, p.Y.Max = c-half, c+half
	}
}
