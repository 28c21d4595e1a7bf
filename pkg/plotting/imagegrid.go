package plotting

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

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
		if isNilMatrix(m) {
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
