package plotting

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot/vg"

	"github.com/factorlab/factorlab/pkg/decomp"
)

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
