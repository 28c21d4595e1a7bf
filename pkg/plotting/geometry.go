package plotting

import (
	"errors"
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/factorlab/factorlab/pkg/decomp"
	"github.com/factorlab/factorlab/pkg/fixtures"
)

// Colours of the figures: mostly the Okabe–Ito palette, which stays
// distinct for colour-blind readers. Eigen-directions and singular pairs
// use Green and Red, as the lecture notes do: a green and a red that a
// reader names so (not Okabe–Ito's bluish green and vermilion), the green
// darker than the red; the two pairs also differ in dash pattern (solid
// and dashed), so they read in grey scale and for colour-blind readers.
var (
	Blue      = color.RGBA{R: 0x00, G: 0x72, B: 0xB2, A: 0xFF}
	Orange    = color.RGBA{R: 0xE6, G: 0x9F, B: 0x00, A: 0xFF}
	Green     = color.RGBA{R: 0x1B, G: 0x7F, B: 0x2A, A: 0xFF}
	Red       = color.RGBA{R: 0xE0, G: 0x1F, B: 0x1F, A: 0xFF}
	SkyBlue   = color.RGBA{R: 0x56, G: 0xB4, B: 0xE9, A: 0xFF}
	Purple    = color.RGBA{R: 0xCC, G: 0x79, B: 0xA7, A: 0xFF}
	Yellow    = color.RGBA{R: 0xF0, G: 0xE4, B: 0x42, A: 0xFF}
	Black     = color.RGBA{A: 0xFF}
	LightGrey = color.RGBA{R: 0xC8, G: 0xC8, B: 0xC8, A: 0xFF}
	Grey      = color.RGBA{R: 0x80, G: 0x80, B: 0x80, A: 0xFF}

	// Palette is the order in which runs and vectors take colours.
	Palette = []color.Color{Blue, Red, Green, Orange, Purple, SkyBlue, Black, Yellow}

	// Dashes is the order in which runs take dash patterns, so that curves
	// also differ in grey scale.
	Dashes = [][]vg.Length{
		nil,
		{vg.Points(6), vg.Points(3)},
		{vg.Points(2), vg.Points(2)},
		{vg.Points(8), vg.Points(3), vg.Points(2), vg.Points(3)},
	}
)

// fillOf returns c with alpha a (premultiplied), for translucent fills.
func fillOf(c color.RGBA, a uint8) color.Color {
	return color.NRGBA{R: c.R, G: c.G, B: c.B, A: a}
}

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

// mapPanel draws the unit square and basis vectors mapped by t (identity
// for the "before" panel) on the grid mapped by t, in the window l.
func mapPanel(t mat2, title string, l limits, ghost bool) (*plot.Plot, error) {
	p := geomPlot(title)
	m := mat.NewDense(2, 2, []float64{t.a, t.b, t.c, t.d})
	if err := addGrid(p, m, l); err != nil {
		return nil, err
	}
	if ghost {
		// The unit square before the map, for reference.
		sq, err := NewMappedPolygon(nil, unitSquare())
		if err != nil {
			return nil, err
		}
		sq.LineStyle = draw.LineStyle{Color: Grey, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(3), vg.Points(2)}}
		p.Add(sq)
	}
	pg, err := NewMappedPolygon(m, unitSquare())
	if err != nil {
		return nil, err
	}
	pg.Color = fillOf(SkyBlue, 0x50)
	pg.LineStyle.Color = Blue
	p.Add(pg)
	e1, e2 := "e₁", "e₂"
	if t != identity2 {
		e1 = fmt.Sprintf("Ae₁ = (%s, %s)", num(t.a), num(t.c))
		e2 = fmt.Sprintf("Ae₂ = (%s, %s)", num(t.b), num(t.d))
	}
	a1, err := arrow(t.a, t.c, Red, e1, nil, 2)
	if err != nil {
		return nil, err
	}
	a2, err := arrow(t.b, t.d, Green, e2, []vg.Length{vg.Points(5), vg.Points(2.5)}, 2)
	if err != nil {
		return nil, err
	}
	p.Add(a1, a2)
	l.apply(p)
	return p, nil
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

// MapSettings are the settings of LinearMap; nil means the zero value.
type MapSettings struct {
	// Overlay draws before and after in one panel instead of two.
	Overlay bool
}

// LinearMap shows the linear map A on the plane: the integer grid, the unit
// square and the basis vectors e₁, e₂ before A, and after it the grid of
// parallelograms and the parallelogram spanned by A's columns Ae₁, Ae₂,
// annotated with its area |det A|. It returns an error if a is not a finite,
// invertible 2×2 matrix.
func LinearMap(a mat.Matrix, opt *MapSettings) (*Figure, error) {
	if opt == nil {
		opt = &MapSettings{}
	}
	t, err := toInvertible2(a)
	if err != nil {
		return nil, err
	}
	img := t.applyXYs(unitSquare())
	l := limitsOf(0.7, unitSquare(), img)
	det := t.det()
	area := fmt.Sprintf("area\n|det A| = %s", num(math.Abs(det)))
	title := fmt.Sprintf("A = [[%s, %s], [%s, %s]]", num(t.a), num(t.b), num(t.c), num(t.d))
	cx, cy := t.apply(0.5, 0.5)
	if opt.Overlay {
		p, err := mapPanel(t, title+": before (dashed) and after", l, true)
		if err != nil {
			return nil, err
		}
		if err := label(p, cx, cy, area, vg.Points(9)); err != nil {
			return nil, err
		}
		return single(p), nil
	}
	before, err := mapPanel(identity2, "before: unit square, e₁, e₂", l, false)
	if err != nil {
		return nil, err
	}
	if err := label(before, 0.5, 0.5, "area\n= 1", vg.Points(9)); err != nil {
		return nil, err
	}
	after, err := mapPanel(t, "after "+title, l, true)
	if err != nil {
		return nil, err
	}
	if err := label(after, cx, cy, area, vg.Points(9)); err != nil {
		return nil, err
	}
	return row(before, after), nil
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

// RotationStretch shows rotation by theta (radians, counter-clockwise) and
// stretching by sx along x and sy along y, each before and after, on a 2×2
// figure sharing one window. It returns an error if a value is not finite
// or sx or sy is zero.
func RotationStretch(theta, sx, sy float64) (*Figure, error) {
	if !finite(theta) {
		return nil, fmt.Errorf("plotting: rotation angle %v is not finite", theta)
	}
	if !finite(sx) || !finite(sy) || sx == 0 || sy == 0 {
		return nil, fmt.Errorf("plotting: stretch factors (%v, %v) must be finite and non-zero", sx, sy)
	}
	r := fixtures.Rotation(theta)
	rot := mat2{r.At(0, 0), r.At(0, 1), r.At(1, 0), r.At(1, 1)}
	str := mat2{sx, 0, 0, sy}
	l := limitsOf(0.7, unitSquare(), rot.applyXYs(unitSquare()), str.applyXYs(unitSquare()))
	deg := theta * 180 / math.Pi
	panels := []struct {
		t     mat2
		title string
		ghost bool
	}{
		{identity2, "rotation: before", false},
		{rot, fmt.Sprintf("after rotating by θ = %s°", num(math.Round(deg*1000)/1000)), true},
		{identity2, "stretching: before", false},
		{str, fmt.Sprintf("after stretching by (sx, sy) = (%s, %s)", num(sx), num(sy)), true},
	}
	f := NewFigure(2, 2)
	f.Width, f.Height = 7.2*vg.Inch, 7.4*vg.Inch
	f.EqualAspect = true
	for k, pn := range panels {
		p, err := mapPanel(pn.t, pn.title, l, pn.ghost)
		if err != nil {
			return nil, err
		}
		f.Set(k/2, k%2, p)
	}
	return f, nil
}

// eigen2 returns the real eigenpairs of t as decomp.RealEigenpairs gives
// them with decomp.OrderCanonical: eigenvalues in descending order, unit
// eigenvectors with their largest component positive. The printed pairs of
// a notebook and the arrows of Eigenvectors are therefore the same vectors
// in the same order. A defective matrix's parallel eigenvectors are
// returned once. Complex eigenvalues are an error.
func eigen2(t mat2) (vals []float64, vecs plotter.XYs, err error) {
	m := mat.NewDense(2, 2, []float64{t.a, t.b, t.c, t.d})
	s, lambda, err := decomp.RealEigenpairs(m, decomp.OrderCanonical)
	if errors.Is(err, decomp.ErrComplexSpectrum) {
		return nil, nil, fmt.Errorf("plotting: matrix [[%g, %g], [%g, %g]] has complex eigenvalues: no real eigen-directions: %w", t.a, t.b, t.c, t.d, err)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("plotting: eigenvectors of [[%g, %g], [%g, %g]]: %w", t.a, t.b, t.c, t.d, err)
	}
	for j, l := range lambda {
		v := plotter.XY{X: s.At(0, j), Y: s.At(1, j)}
		if j == 1 && math.Abs(vecs[0].X*v.Y-vecs[0].Y*v.X) < 1e-9 {
			break
		}
		vals, vecs = append(vals, l), append(vecs, v)
	}
	return vals, vecs, nil
}

// Eigenvectors shows a fan of n unit vectors, evenly spaced in angle,
// before and after the map A, with A's eigen-directions highlighted: the
// first eigenpair in Green with a solid shaft, the second in Red with a
// dashed shaft, in the order and with the signs of decomp.RealEigenpairs
// with decomp.OrderCanonical (descending λ, largest component positive). After the map the eigenvectors keep their direction and are
// only stretched, by λ; the other vectors turn. The unit circle and its
// image ellipse are drawn faintly. n ≤ 0 means 16.
//
// It returns an error if a is not a finite, invertible 2×2 matrix or its
// eigenvalues are complex.
func Eigenvectors(a mat.Matrix, n int) (*Figure, error) {
	t, err := toInvertible2(a)
	if err != nil {
		return nil, err
	}
	if n <= 0 {
		n = 16
	}
	if n > 360 {
		return nil, fmt.Errorf("plotting: %d fan vectors is too many (at most 360)", n)
	}
	vals, vecs, err := eigen2(t)
	if err != nil {
		return nil, err
	}
	fan := make(plotter.XYs, n)
	for k := range fan {
		th := 2 * math.Pi * float64(k) / float64(n)
		fan[k] = plotter.XY{X: math.Cos(th), Y: math.Sin(th)}
	}
	img := t.applyXYs(fan)
	l := limitsOf(0.5, fan, img)
	m := mat.NewDense(2, 2, []float64{t.a, t.b, t.c, t.d})
	panel := func(after bool) (*plot.Plot, error) {
		title := "before: unit vectors"
		vs := fan
		circle := mat.Matrix(mat.NewDense(2, 2, []float64{1, 0, 0, 1}))
		if after {
			title = fmt.Sprintf("after A = [[%s, %s], [%s, %s]]", num(t.a), num(t.b), num(t.c), num(t.d))
			vs, circle = img, m
		}
		p := geomPlot(title)
		if err := addGrid(p, nil, l); err != nil {
			return nil, err
		}
		el, err := NewEllipse(circle, 0, 0)
		if err != nil {
			return nil, err
		}
		el.LineStyle = draw.LineStyle{Color: LightGrey, Width: vg.Points(1)}
		p.Add(el)
		fanArrows, err := NewVectors(vs)
		if err != nil {
			return nil, err
		}
		fanArrows.LineStyle.Color = Grey
		fanArrows.LineStyle.Width = vg.Points(1)
		fanArrows.HeadLength, fanArrows.HeadWidth = vg.Points(6), vg.Points(4.5)
		p.Add(fanArrows)
		r := 2 * math.Max(math.Max(-l.xmin, l.xmax), math.Max(-l.ymin, l.ymax))
		for i, v := range vecs {
			// The eigen-line, to show the vector stays on it.
			p.Add(&segment{
				XYs:       plotter.XYs{{X: -r * v.X, Y: -r * v.Y}, {X: r * v.X, Y: r * v.Y}},
				LineStyle: draw.LineStyle{Color: fillOf(pairStyles[i].c, 0x90), Width: vg.Points(0.8), Dashes: []vg.Length{vg.Points(1), vg.Points(3)}},
			})
		}
		if err := addPairArrows(p, eigenArrows(vals, vecs, after), 2.5); err != nil {
			return nil, err
		}
		l.apply(p)
		return p, nil
	}
	before, err := panel(false)
	if err != nil {
		return nil, err
	}
	after, err := panel(true)
	if err != nil {
		return nil, err
	}
	return row(before, after), nil
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// sub returns the subscript digits of k.
func sub(k int) string {
	const digits = "₀₁₂₃₄₅₆₇₈₉"
	s := fmt.Sprint(k)
	out := ""
	for _, r := range s {
		d := int(r - '0')
		out += string([]rune(digits)[d])
	}
	return out
}

// SVDGeometry shows A = UΣVᵀ acting on the unit circle in four panels: the
// circle with the right singular vectors v₁, v₂; after Vᵀ (a rotation or
// reflection) they lie on the axes; after Σ the circle is an axis-aligned
// ellipse with semi-axes σ₁, σ₂; after U it is the ellipse A·circle with
// semi-axes σ₁u₁ and σ₂u₂. All panels share one window.
//
// It returns an error if a is not a finite, invertible 2×2 matrix.
func SVDGeometry(a mat.Matrix) (*Figure, error) {
	t, err := toInvertible2(a)
	if err != nil {
		return nil, err
	}
	m := mat.NewDense(2, 2, []float64{t.a, t.b, t.c, t.d})
	s, u, v, err := svd2(m)
	if err != nil {
		return nil, err
	}
	var vt mat.Dense
	vt.CloneFrom(v.T())
	sigma := mat.NewDiagDense(2, s)
	var sv mat.Dense
	sv.Mul(sigma, &vt)

	r := math.Max(s[0], 1) + 0.6
	l := limits{-r, r, -r, r}
	arrows := svdArrows(s, u, v)
	panels := []struct {
		title string
		shape mat.Matrix
	}{
		{"x on the unit circle", mat.NewDense(2, 2, []float64{1, 0, 0, 1})},
		{"Vᵀx: rotate v₁, v₂ onto the axes", &vt},
		{"ΣVᵀx: stretch by σ₁, σ₂", &sv},
		{"UΣVᵀx = Ax: rotate onto u₁, u₂", m},
	}
	f := NewFigure(1, 4)
	f.Width, f.Height = 12*vg.Inch, 3.6*vg.Inch
	f.EqualAspect = true
	for j, pn := range panels {
		p := geomPlot(pn.title)
		p.Title.TextStyle.Font.Size = vg.Points(10)
		if err := addGrid(p, nil, l); err != nil {
			return nil, err
		}
		el, err := NewEllipse(pn.shape, 0, 0)
		if err != nil {
			return nil, err
		}
		el.Color = fillOf(SkyBlue, 0x40)
		el.LineStyle.Color = Blue
		p.Add(el)
		if err := addPairArrows(p, arrows[j], 2); err != nil {
			return nil, err
		}
		if j >= 2 {
			p.X.Label.Text = fmt.Sprintf("σ₁ = %s, σ₂ = %s", num(round3(s[0])), num(round3(s[1])))
		}
		l.apply(p)
		f.Set(0, j, p)
	}
	return f, nil
}

// pairStyles are the styles of the first and second eigenpair or singular
// pair in every figure: Green and solid, then Red and dashed, so that the
// pairs differ in grey scale and for colour-blind readers too.
var pairStyles = []struct {
	c      color.RGBA
	dashes []vg.Length
}{
	{Green, nil},
	{Red, []vg.Length{vg.Points(6), vg.Points(3)}},
}

// svd2 returns the SVD of the 2×2 matrix m as decomp computes it, with
// decomp's canonical signs (SVD.Canonicalize): σ₁ ≥ σ₂, and the pairs
// (uᵢ, vᵢ) flipped together so that vᵢ's largest component is positive.
func svd2(m *mat.Dense) (s []float64, u, v *mat.Dense, err error) {
	var svd decomp.SVD
	if err := svd.Factorize(m, mat.SVDFull); err != nil {
		return nil, nil, nil, fmt.Errorf("plotting: SVD of %v: %w", mat.Formatted(m, mat.FormatPython()), err)
	}
	svd.Canonicalize()
	u, v = new(mat.Dense), new(mat.Dense)
	svd.UTo(u)
	svd.VTo(v)
	return svd.Values(nil), u, v, nil
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

// eigenArrows returns the highlighted arrows of Eigenvectors: the unit
// eigenvectors vᵢ before the map, Avᵢ = λᵢvᵢ after it.
func eigenArrows(vals []float64, vecs plotter.XYs, after bool) []pairArrow {
	out := make([]pairArrow, len(vecs))
	for i, v := range vecs {
		out[i] = pairArrow{X: v.X, Y: v.Y, Label: fmt.Sprintf("v%s", sub(i+1)), Pair: i}
		if after {
			out[i].X, out[i].Y = vals[i]*v.X, vals[i]*v.Y
			out[i].Label = fmt.Sprintf("Av%s = %sv%s", sub(i+1), num(round3(vals[i])), sub(i+1))
		}
	}
	return out
}

// svdArrows returns the highlighted arrows of the four panels of
// SVDGeometry: v₁, v₂; e₁, e₂; σ₁e₁, σ₂e₂; σ₁u₁, σ₂u₂.
func svdArrows(s []float64, u, v mat.Matrix) [4][]pairArrow {
	return [4][]pairArrow{
		{{v.At(0, 0), v.At(1, 0), "v₁", 0}, {v.At(0, 1), v.At(1, 1), "v₂", 1}},
		{{1, 0, "e₁", 0}, {0, 1, "e₂", 1}},
		{{s[0], 0, "σ₁e₁", 0}, {0, s[1], "σ₂e₂", 1}},
		{{s[0] * u.At(0, 0), s[0] * u.At(1, 0), "σ₁u₁", 0}, {s[1] * u.At(0, 1), s[1] * u.At(1, 1), "σ₂u₂", 1}},
	}
}
