package plotting

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
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

	// Title, if not empty, is written centred above the panels.
	Title string

	// EqualAspect makes one data unit the same length along x and y, and
	// the same in every panel, by widening axis ranges about their centres.
	// Set it for geometry, where a square must look square and before and
	// after panels must share a scale. Log-scaled panels are left alone.
	EqualAspect bool
}

// ErrFigureSize is the panic of NewFigure with no rows or no columns.
var ErrFigureSize = errors.New("plotting: a figure needs at least one row and one column")

// NewFigure returns a rows×cols figure with empty panels, sized
// DefaultPanelWidth×DefaultPanelHeight per panel.
// It panics with ErrFigureSize if rows or cols is not positive.
func NewFigure(rows, cols int) *Figure {
	if rows <= 0 || cols <= 0 {
		panic(fmt.Errorf("%w: %d×%d panels", ErrFigureSize, rows, cols))
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

// Panel returns a 1×1 figure of the panel at row i, column j, with f's
// EqualAspect and a panel's share of f's size, e.g. to show the "before"
// and "after" panels as separate images. It panics if the cell is outside
// the grid.
func (f *Figure) Panel(i, j int) *Figure {
	rows, cols := f.dims()
	w, h := f.Size()
	return &Figure{
		Panels:      [][]*plot.Plot{{f.Panels[i][j]}},
		Width:       w / vg.Length(cols),
		Height:      h / vg.Length(rows),
		Pad:         f.Pad,
		EqualAspect: f.EqualAspect,
	}
}

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
	if f.Title != "" {
		sty := defaultTextStyle(vg.Points(13))
		sty.XAlign, sty.YAlign = text.XCenter, text.YTop
		c.FillText(sty, vg.Point{X: (c.Min.X + c.Max.X) / 2, Y: c.Max.Y - f.Pad}, f.Title)
		c.Max.Y -= f.Pad + sty.Height(f.Title)
	}
	canvases := layout(grid, f.Pad, c)
	if f.EqualAspect {
		canvases = equalAspect(grid, f.Pad, c, canvases)
	}
	for i := range grid {
		for j, p := range grid[i] {
			if p != nil {
				p.Draw(canvases[i][j])
			}
		}
	}
}

// layout returns the canvas of each panel of grid laid out on c with gap
// pad, such that all data areas have one size and line up along rows and
// columns: each column is as wide as its widest left and right margins
// (axes, tick labels, overhanging glyphs) need.
func layout(grid [][]*plot.Plot, pad vg.Length, c draw.Canvas) [][]draw.Canvas {
	rows, cols := len(grid), len(grid[0])
	cw, ch := c.Max.X-c.Min.X, c.Max.Y-c.Min.Y
	cellW := (cw - pad*vg.Length(cols+1)) / vg.Length(cols)
	cellH := (ch - pad*vg.Length(rows+1)) / vg.Length(rows)
	tile := func(i, j int) draw.Canvas {
		x0 := c.Min.X + pad + vg.Length(j)*(cellW+pad)
		y1 := c.Max.Y - pad - vg.Length(i)*(cellH+pad)
		t := c
		t.Rectangle = vg.Rectangle{Min: vg.Point{X: x0, Y: y1 - cellH}, Max: vg.Point{X: x0 + cellW, Y: y1}}
		return t
	}
	type inset struct{ l, r, b, t vg.Length }
	ins := make([][]inset, rows)
	colL, colR := make([]vg.Length, cols), make([]vg.Length, cols)
	rowB, rowT := make([]vg.Length, rows), make([]vg.Length, rows)
	out := make([][]draw.Canvas, rows)
	for i := range grid {
		ins[i] = make([]inset, cols)
		out[i] = make([]draw.Canvas, cols)
		for j, p := range grid[i] {
			t := tile(i, j)
			out[i][j] = t
			if p == nil {
				continue
			}
			d := p.DataCanvas(t)
			in := inset{d.Min.X - t.Min.X, t.Max.X - d.Max.X, d.Min.Y - t.Min.Y, t.Max.Y - d.Max.Y}
			ins[i][j] = in
			colL[j], colR[j] = max(colL[j], in.l), max(colR[j], in.r)
			rowB[i], rowT[i] = max(rowB[i], in.b), max(rowT[i], in.t)
		}
	}
	w, h := cw-pad*vg.Length(cols+1), ch-pad*vg.Length(rows+1)
	for j := range cols {
		w -= colL[j] + colR[j]
	}
	for i := range rows {
		h -= rowB[i] + rowT[i]
	}
	w, h = w/vg.Length(cols), h/vg.Length(rows)
	if w <= 0 || h <= 0 {
		return out // too small to align: plain tiles
	}
	y := c.Max.Y - pad
	for i := range grid {
		top := y - rowT[i]
		x := c.Min.X + pad
		for j, p := range grid[i] {
			left := x + colL[j]
			x = left + w + colR[j] + pad
			if p == nil {
				continue
			}
			want := vg.Rectangle{Min: vg.Point{X: left, Y: top - h}, Max: vg.Point{X: left + w, Y: top}}
			in := ins[i][j]
			cv := c
			cv.Rectangle = vg.Rectangle{
				Min: vg.Point{X: want.Min.X - in.l, Y: want.Min.Y - in.b},
				Max: vg.Point{X: want.Max.X + in.r, Y: want.Max.Y + in.t},
			}
			// Margins depend a little on the canvas size; correct twice.
			for range 2 {
				d := p.DataCanvas(cv)
				cv.Min.X += want.Min.X - d.Min.X
				cv.Max.X += want.Max.X - d.Max.X
				cv.Min.Y += want.Min.Y - d.Min.Y
				cv.Max.Y += want.Max.Y - d.Max.Y
			}
			out[i][j] = cv
		}
		y = top - h - rowB[i] - pad
	}
	return out
}

// equalAspect gives every linear-scaled panel of grid the same scale, in
// points per data unit along both x and y: the largest scale at which each
// panel's data ranges still fit its data area. Ranges are widened about
// their centres. Widening changes tick labels and so the space the axes
// take, hence a few passes. It returns the final canvases.
func equalAspect(grid [][]*plot.Plot, pad vg.Length, c draw.Canvas, canvases [][]draw.Canvas) [][]draw.Canvas {
	type span struct{ cx, cy, dx, dy float64 }
	orig := make(map[*plot.Plot]span)
	for _, r := range grid {
		for _, p := range r {
			if p == nil || !linear(p) {
				continue
			}
			dx, dy := p.X.Max-p.X.Min, p.Y.Max-p.Y.Min
			if !(dx > 0 && dy > 0) || math.IsInf(dx, 0) || math.IsInf(dy, 0) {
				continue
			}
			orig[p] = span{(p.X.Min + p.X.Max) / 2, (p.Y.Min + p.Y.Max) / 2, dx, dy}
		}
	}
	if len(orig) == 0 {
		return canvases
	}
	for range 3 {
		k := math.Inf(1) // points per data unit
		for i, r := range grid {
			for j, p := range r {
				s, ok := orig[p]
				if !ok {
					continue
				}
				da := p.DataCanvas(canvases[i][j])
				w, h := float64(da.Max.X-da.Min.X), float64(da.Max.Y-da.Min.Y)
				k = math.Min(k, math.Min(w/s.dx, h/s.dy))
			}
		}
		if !(k > 0) || math.IsInf(k, 0) {
			return canvases
		}
		for i, r := range grid {
			for j, p := range r {
				s, ok := orig[p]
				if !ok {
					continue
				}
				da := p.DataCanvas(canvases[i][j])
				hw, hh := float64(da.Max.X-da.Min.X)/k/2, float64(da.Max.Y-da.Min.Y)/k/2
				p.X.Min, p.X.Max = s.cx-hw, s.cx+hw
				p.Y.Min, p.Y.Max = s.cy-hh, s.cy+hh
			}
		}
		canvases = layout(grid, pad, c)
	}
	return canvases
}

func linear(p *plot.Plot) bool {
	_, okx := p.X.Scale.(plot.LinearScale)
	_, oky := p.Y.Scale.(plot.LinearScale)
	return okx && oky
}
