package plotting

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/factorlab/factorlab/pkg/decomp"
)

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
	before, err := eigenPanel("before: unit vectors", fan, mat.NewDense(2, 2, []float64{1, 0, 0, 1}), l, vecs, eigenArrows(vals, vecs, false))
	if err != nil {
		return nil, err
	}
	title := fmt.Sprintf("after A = [[%s, %s], [%s, %s]]", num(t.a), num(t.b), num(t.c), num(t.d))
	after, err := eigenPanel(title, img, m, l, vecs, eigenArrows(vals, vecs, true))
	if err != nil {
		return nil, err
	}
	return row(before, after), nil
}

// eigenPanel draws one panel of Eigenvectors: the fan vs, the image of the
// unit circle under circle, the eigen-lines along vecs and the highlighted
// arrows.
func eigenPanel(title string, vs plotter.XYs, circle mat.Matrix, l limits, vecs plotter.XYs, arrows []pairArrow) (*plot.Plot, error) {
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
	if err := addPairArrows(p, arrows, 2.5); err != nil {
		return nil, err
	}
	l.apply(p)
	return p, nil
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
