package plotting

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// HeatmapSettings are the settings of Heatmap; nil means the zero value.
type HeatmapSettings struct {
	// Title of the plot.
	Title string

	// Decimals written in each cell; 0 means 2, negative writes no values.
	Decimals int
}

// Heatmap draws the matrix m as coloured cells with their values written
// in, row 0 at the top, as the matrix is printed. Matrices with both signs
// use a diverging blue–white–red scale centred on zero, others a white to
// blue scale. It returns an error if m is empty or has a NaN or infinite
// entry.
func Heatmap(m mat.Matrix, opt *HeatmapSettings) (*plot.Plot, error) {
	if opt == nil {
		opt = &HeatmapSettings{}
	}
	cells, err := NewMatrixCells(m)
	if err != nil {
		return nil, err
	}
	switch {
	case opt.Decimals < 0:
		cells.Format = ""
	case opt.Decimals > 0:
		cells.Format = "%." + strconv.Itoa(opt.Decimals) + "f"
	}
	r, c := m.Dims()
	p := plot.New()
	p.Title.Text = opt.Title
	p.Add(cells)
	p.X.Tick.Marker = indexTicks{n: c}
	p.Y.Tick.Marker = indexTicks{n: r, flip: true}
	p.X.Label.Text = "column"
	p.Y.Label.Text = "row"
	return p, nil
}

// indexTicks labels cell centres 0…n-1; flipped for rows drawn top down.
type indexTicks struct {
	n    int
	flip bool
}

func (t indexTicks) Ticks(min, max float64) []plot.Tick {
	step := int(math.Max(1, niceStep(float64(t.n), 10)))
	var ticks []plot.Tick
	for i := 0; i < t.n; i += step {
		v := float64(i) + 0.5
		if t.flip {
			v = float64(t.n-i) - 0.5
		}
		ticks = append(ticks, plot.Tick{Value: v, Label: strconv.Itoa(i)})
	}
	return ticks
}

// MatrixCells draws a matrix as a grid of coloured unit cells: entry (i, j)
// fills [j, j+1] × [r-i-1, r-i], so row 0 is at the top.
type MatrixCells struct {
	// M is the matrix drawn.
	M *mat.Dense

	// Min and Max map to the ends of the colour scale; values outside are
	// clamped. Diverging centres the scale on zero.
	Min, Max  float64
	Diverging bool

	// Format writes each value in its cell with fmt; "" writes none.
	Format string

	// TextStyle styles the values; the colour switches to white on dark
	// cells.
	TextStyle text.Style
}

// NewMatrixCells returns the cells of a copy of m, with the colour scale
// fitted to m's range, values written with two decimals. It returns an
// error if m is empty or not finite.
func NewMatrixCells(m mat.Matrix) (*MatrixCells, error) {
	if isNilMatrix(m) {
		return nil, fmt.Errorf("%w: nil matrix", ErrEmpty)
	}
	r, c := m.Dims()
	if r == 0 || c == 0 {
		return nil, fmt.Errorf("%w: %d×%d matrix", ErrEmpty, r, c)
	}
	d := mat.DenseCopyOf(m)
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := range r {
		for j := range c {
			v := d.At(i, j)
			if !finite(v) {
				return nil, fmt.Errorf("plotting: matrix entry (%d, %d) is %v", i, j, v)
			}
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	mc := &MatrixCells{M: d, Min: lo, Max: hi, Format: "%.2f", TextStyle: defaultTextStyle(vg.Points(9))}
	if lo < 0 && hi > 0 {
		a := math.Max(-lo, hi)
		mc.Min, mc.Max, mc.Diverging = -a, a, true
	}
	mc.TextStyle.XAlign, mc.TextStyle.YAlign = text.XCenter, text.YCenter
	return mc, nil
}

// Color returns the colour of value v.
func (mc *MatrixCells) Color(v float64) color.Color {
	t := 0.5
	if mc.Max > mc.Min {
		t = (v - mc.Min) / (mc.Max - mc.Min)
	}
	t = math.Max(0, math.Min(1, t))
	white := color.RGBA{R: 0xF7, G: 0xF7, B: 0xF7, A: 0xFF}
	if mc.Diverging {
		if t < 0.5 {
			return lerp(Blue, white, t*2)
		}
		return lerp(white, Red, (t-0.5)*2)
	}
	return lerp(white, Blue, t)
}

func lerp(a, b color.RGBA, t float64) color.RGBA {
	f := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + t*(float64(y)-float64(x)))) }
	return color.RGBA{R: f(a.R, b.R), G: f(a.G, b.G), B: f(a.B, b.B), A: 0xFF}
}

// Plot implements plot.Plotter.
func (mc *MatrixCells) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	r, cols := mc.M.Dims()
	for i := range r {
		for j := range cols {
			v := mc.M.At(i, j)
			x0, x1 := trX(float64(j)), trX(float64(j+1))
			y0, y1 := trY(float64(r-i-1)), trY(float64(r-i))
			fill := mc.Color(v)
			rect := []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}
			c.FillPolygon(fill, c.ClipPolygonXY(rect))
			if mc.Format == "" {
				continue
			}
			sty := mc.TextStyle
			if luminance(fill) < 0.45 {
				sty.Color = color.White
			}
			pt := vg.Point{X: (x0 + x1) / 2, Y: (y0 + y1) / 2}
			if c.Contains(pt) {
				c.FillText(sty, pt, fmt.Sprintf(mc.Format, v))
			}
		}
	}
}

// DataRange implements plot.DataRanger.
func (mc *MatrixCells) DataRange() (xmin, xmax, ymin, ymax float64) {
	r, c := mc.M.Dims()
	return 0, float64(c), 0, float64(r)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	return (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 0xFFFF
}
