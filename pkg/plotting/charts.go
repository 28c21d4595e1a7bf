package plotting

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Run is one training run of LossCurves.
type Run struct {
	// Name labels the run in the legend; may be empty.
	Name string

	// Iter holds the iteration of each loss; nil means 1, 2, …, len(Loss).
	Iter []float64

	// Loss holds the loss values.
	Loss []float64
}

// LossSettings are the settings of LossCurves; nil means the zero value.
type LossSettings struct {
	// Title of the plot.
	Title string

	// XLabel and YLabel name the axes; empty means "iteration" and "loss".
	XLabel, YLabel string

	// Reference, if positive, draws a horizontal line at that loss, e.g.
	// the Eckart–Young optimum of a rank-k fit; ReferenceLabel names it in
	// the legend (default "optimum").
	Reference      float64
	ReferenceLabel string

	// Linear uses a linear loss axis instead of the default log axis.
	Linear bool

	// Floor, if positive, clamps losses below it to Floor on the log axis
	// (a fit that reaches zero loss exactly), and the legend says so.
	// If zero, a zero or negative loss on a log axis is an error.
	Floor float64

	// MaxPoints bounds the points drawn per run: longer runs are thinned
	// to the smallest and largest loss of each of MaxPoints/2 buckets of
	// iterations, which keeps spikes and the noise band. Zero means
	// DefaultMaxPoints; negative draws every point.
	MaxPoints int
}

// DefaultMaxPoints is the default LossSettings.MaxPoints: enough for a
// smooth curve at notebook size, and it keeps Show under 100 ms.
const DefaultMaxPoints = 1000

// thin returns xys reduced to the minimum and maximum y of each of limit/2
// buckets, in order, with the first and last points kept.
func thin(xys plotter.XYs, limit int) plotter.XYs {
	if limit <= 0 || len(xys) <= limit {
		return xys
	}
	buckets := limit / 2
	out := make(plotter.XYs, 0, limit+2)
	out = append(out, xys[0])
	for b := range buckets {
		lo, hi := 1+b*(len(xys)-2)/buckets, 1+(b+1)*(len(xys)-2)/buckets
		if lo >= hi {
			continue
		}
		imin, imax := lo, lo
		for i := lo; i < hi; i++ {
			if xys[i].Y < xys[imin].Y {
				imin = i
			}
			if xys[i].Y > xys[imax].Y {
				imax = i
			}
		}
		out = append(out, xys[min(imin, imax)])
		if imin != imax {
			out = append(out, xys[max(imin, imax)])
		}
	}
	return append(out, xys[len(xys)-1])
}

// LossCurves plots loss against iteration for each run, on a log loss axis
// unless opt.Linear is set, runs differing in colour and dash pattern.
//
// It returns an error if there are no runs, a run is empty, its Iter and
// Loss lengths differ, a value is NaN or infinite (a diverged run), or,
// on the log axis without opt.Floor, a loss is zero or negative.
func LossCurves(runs []Run, opt *LossSettings) (*plot.Plot, error) {
	if opt == nil {
		opt = &LossSettings{}
	}
	if len(runs) == 0 {
		return nil, fmt.Errorf("%w: no runs", ErrEmpty)
	}
	if !finite(opt.Floor) || opt.Floor < 0 {
		return nil, fmt.Errorf("plotting: loss floor %v must be finite and non-negative", opt.Floor)
	}
	if !finite(opt.Reference) || opt.Reference < 0 {
		return nil, fmt.Errorf("plotting: reference loss %v must be finite and non-negative", opt.Reference)
	}
	p := plot.New()
	p.Title.Text = opt.Title
	p.X.Label.Text = "iteration"
	p.Y.Label.Text = "loss"
	if opt.XLabel != "" {
		p.X.Label.Text = opt.XLabel
	}
	if opt.YLabel != "" {
		p.Y.Label.Text = opt.YLabel
	}
	if !opt.Linear {
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = LogTicks{}
	}
	p.Add(plotter.NewGrid())
	// Losses fall: the lower left is usually free.
	p.Legend.Left = true
	var xmin, xmax float64 = math.Inf(1), math.Inf(-1)
	for r, run := range runs {
		name := run.Name
		if name == "" {
			name = fmt.Sprintf("run %d", r+1)
		}
		if len(run.Loss) == 0 {
			return nil, fmt.Errorf("%w: run %q has no losses", ErrEmpty, name)
		}
		if run.Iter != nil && len(run.Iter) != len(run.Loss) {
			return nil, fmt.Errorf("plotting: run %q has %d iterations but %d losses", name, len(run.Iter), len(run.Loss))
		}
		xys := make(plotter.XYs, len(run.Loss))
		clamped := false
		for i, l := range run.Loss {
			x := float64(i + 1)
			if run.Iter != nil {
				x = run.Iter[i]
			}
			if !finite(x) {
				return nil, fmt.Errorf("plotting: run %q: iteration %d is %v", name, i, x)
			}
			if !finite(l) {
				return nil, fmt.Errorf("plotting: run %q: loss at iteration %v is %v (diverged?)", name, x, l)
			}
			if !opt.Linear {
				switch {
				case opt.Floor > 0 && l < opt.Floor:
					l, clamped = opt.Floor, true
				case l <= 0:
					return nil, fmt.Errorf("plotting: run %q: loss %v at iteration %v cannot be drawn on a log axis (set LossSettings.Floor to clamp, or Linear)", name, l, x)
				}
			}
			xys[i] = plotter.XY{X: x, Y: l}
			xmin, xmax = math.Min(xmin, x), math.Max(xmax, x)
		}
		maxPts := opt.MaxPoints
		if maxPts == 0 {
			maxPts = DefaultMaxPoints
		}
		line, err := plotter.NewLine(thin(xys, maxPts))
		if err != nil {
			return nil, err
		}
		line.Color = Palette[r%len(Palette)]
		line.Width = vg.Points(1.5)
		line.Dashes = Dashes[r%len(Dashes)]
		p.Add(line)
		if clamped {
			name += fmt.Sprintf(" (clamped at %g)", opt.Floor)
		}
		if len(runs) > 1 || run.Name != "" || clamped {
			p.Legend.Add(name, line)
		}
	}
	if opt.Reference > 0 {
		ref, err := plotter.NewLine(plotter.XYs{{X: xmin, Y: opt.Reference}, {X: xmax, Y: opt.Reference}})
		if err != nil {
			return nil, err
		}
		ref.Color = Black
		ref.Width = vg.Points(1)
		ref.Dashes = []vg.Length{vg.Points(2), vg.Points(3)}
		p.Add(ref)
		lbl := opt.ReferenceLabel
		if lbl == "" {
			lbl = "optimum"
		}
		p.Legend.Add(fmt.Sprintf("%s = %.6g", lbl, opt.Reference), ref)
	}
	// A flat loss (one iteration, the first frame of a live view) gives an
	// empty y range, which gonum/plot would widen by ±1: below zero on a
	// log axis. Widen it by a factor instead.
	if !opt.Linear && p.Y.Min == p.Y.Max {
		p.Y.Min, p.Y.Max = p.Y.Min/10, p.Y.Max*10
	}
	return p, nil
}

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
	if m == nil {
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

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	return (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 0xFFFF
}

// DataRange implements plot.DataRanger.
func (mc *MatrixCells) DataRange() (xmin, xmax, ymin, ymax float64) {
	r, c := mc.M.Dims()
	return 0, float64(c), 0, float64(r)
}

// SpectrumSettings are the settings of Spectrum; nil means the zero value.
type SpectrumSettings struct {
	// Title of the plot.
	Title string

	// Log draws the values on a log axis; zeros are then an error.
	Log bool

	// Rank, if positive, marks the rank-k cut: values 1…k are filled and
	// the plot says how much of ‖A‖²_F = Σσᵢ² they keep.
	Rank int
}

// Spectrum plots singular values σ₁ ≥ σ₂ ≥ … (as from decomp.SVD.Values)
// against their index. It returns an error if s is empty or holds a
// negative, NaN or infinite value, or, with opt.Log, a zero.
func Spectrum(s []float64, opt *SpectrumSettings) (*plot.Plot, error) {
	if opt == nil {
		opt = &SpectrumSettings{}
	}
	if len(s) == 0 {
		return nil, fmt.Errorf("%w: no singular values", ErrEmpty)
	}
	xys := make(plotter.XYs, len(s))
	for i, v := range s {
		if !finite(v) || v < 0 {
			return nil, fmt.Errorf("plotting: singular value %d is %v; want finite and non-negative", i+1, v)
		}
		if opt.Log && v == 0 {
			return nil, fmt.Errorf("plotting: singular value %d is 0 and cannot be drawn on a log axis", i+1)
		}
		xys[i] = plotter.XY{X: float64(i + 1), Y: v}
	}
	kept := keptEnergy(s, opt.Rank)
	p := plot.New()
	p.Title.Text = opt.Title
	p.X.Label.Text = "index i"
	p.Y.Label.Text = "singular value σᵢ"
	p.X.Tick.Marker = NiceTicks{}
	if opt.Log {
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = LogTicks{}
	}
	p.Add(plotter.NewGrid())
	line, err := plotter.NewLine(xys)
	if err != nil {
		return nil, err
	}
	line.Color = Grey
	sc, err := plotter.NewScatter(xys)
	if err != nil {
		return nil, err
	}
	sc.GlyphStyle = draw.GlyphStyle{Color: Blue, Radius: vg.Points(3), Shape: draw.RingGlyph{}}
	p.Add(line, sc)
	if k := min(opt.Rank, len(s)); k > 0 {
		in, err := plotter.NewScatter(xys[:k])
		if err != nil {
			return nil, err
		}
		in.GlyphStyle = draw.GlyphStyle{Color: Blue, Radius: vg.Points(3), Shape: draw.CircleGlyph{}}
		p.Add(in)
		p.Legend.Add(fmt.Sprintf("rank %d keeps %.1f%% of ‖A‖²", k, 100*kept), in)
		p.Legend.Top = true
	}
	if !opt.Log {
		p.Y.Min = 0
	}
	if opt.Rank > 0 {
		// Headroom for the legend above σ₁.
		if opt.Log {
			p.Y.Max *= math.Pow(p.Y.Max/p.Y.Min, 0.2)
		} else {
			p.Y.Max *= 1.25
		}
	}
	p.X.Min, p.X.Max = 0.5, float64(len(s))+0.5
	return p, nil
}

// keptEnergy returns Σᵢ≤k σᵢ² / Σᵢ σᵢ², the share of ‖A‖²_F that the
// first k of the finite, non-negative values s keep, in [0, 1]. The values
// are scaled by the largest first, so that squares of large values do not
// overflow to ∞/∞ = NaN; all zeros keep everything.
func keptEnergy(s []float64, k int) float64 {
	var big float64
	for _, v := range s {
		big = math.Max(big, v)
	}
	if big == 0 {
		return 1
	}
	var total, kept float64
	for i, v := range s {
		x := (v / big) * (v / big)
		total += x
		if i < k {
			kept += x
		}
	}
	return kept / total
}

// ImageGrid draws greyscale images, one per panel, cols panels a row (cols
// ≤ 0 puts all in one row), titled by titles (may be nil or shorter). Each
// matrix entry is one pixel, black at the smallest entry of imgs[0] and
// white at its largest; values of later images (reconstructions that
// overshoot) are clamped to that range. Pixels are square.
//
// It returns an error if imgs is empty or an image is empty or not finite.
func ImageGrid(imgs []mat.Matrix, titles []string, cols int) (*Figure, error) {
	if len(imgs) == 0 {
		return nil, fmt.Errorf("%w: no images", ErrEmpty)
	}
	if cols <= 0 || cols > len(imgs) {
		cols = len(imgs)
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for k, m := range imgs {
		if m == nil {
			return nil, fmt.Errorf("%w: image %d is nil", ErrEmpty, k)
		}
		r, c := m.Dims()
		if r == 0 || c == 0 {
			return nil, fmt.Errorf("%w: image %d is %d×%d", ErrEmpty, k, r, c)
		}
		for i := range r {
			for j := range c {
				v := m.At(i, j)
				if !finite(v) {
					return nil, fmt.Errorf("plotting: image %d pixel (%d, %d) is %v", k, i, j, v)
				}
				if k == 0 {
					lo, hi = math.Min(lo, v), math.Max(hi, v)
				}
			}
		}
	}
	rows := (len(imgs) + cols - 1) / cols
	f := NewFigure(rows, cols)
	f.Width, f.Height = vg.Length(cols)*2.4*vg.Inch, vg.Length(rows)*2.6*vg.Inch
	f.EqualAspect = true
	for k, m := range imgs {
		r, c := m.Dims()
		g := image.NewGray(image.Rect(0, 0, c, r))
		for i := range r {
			for j := range c {
				t := 0.5
				if hi > lo {
					t = (m.At(i, j) - lo) / (hi - lo)
				}
				t = math.Max(0, math.Min(1, t))
				g.SetGray(j, i, color.Gray{Y: uint8(math.Round(255 * t))})
			}
		}
		p := plot.New()
		if k < len(titles) {
			p.Title.Text = titles[k]
		}
		p.HideAxes()
		p.Add(plotter.NewImage(g, 0, 0, float64(c), float64(r)))
		p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, float64(c), 0, float64(r)
		f.Set(k/cols, k%cols, p)
	}
	return f, nil
}
