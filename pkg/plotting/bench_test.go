package plotting_test

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/plotting"
)

// benchmarkSVG builds a figure with build and renders it to SVG at its own
// size, as Show does (Show also renders a PNG).
func benchmarkSVG(b *testing.B, build func() (plotting.Drawer, error), format string) {
	b.ReportAllocs()
	for b.Loop() {
		d, err := build()
		if err != nil {
			b.Fatal(err)
		}
		w, h := plotting.DefaultWidth, plotting.DefaultHeight
		if s, ok := d.(plotting.Sizer); ok {
			w, h = s.Size()
		}
		if _, err := plotting.Render(d, w, h, format); err != nil {
			b.Fatal(err)
		}
	}
}

func linearMap() (plotting.Drawer, error) {
	return plotting.LinearMap(mat.NewDense(2, 2, []float64{2, 1, 1, 2}), nil)
}

func eigenvectors() (plotting.Drawer, error) {
	return plotting.Eigenvectors(mat.NewDense(2, 2, []float64{2, 1, 1, 2}), 16)
}

func svdGeometry() (plotting.Drawer, error) {
	return plotting.SVDGeometry(mat.NewDense(2, 2, []float64{3, 0, 4, 5}))
}

func lossCurves(n int) func() (plotting.Drawer, error) {
	return func() (plotting.Drawer, error) {
		runs := make([]plotting.Run, 3)
		for r := range runs {
			runs[r].Loss = make([]float64, n)
			for i := range n {
				runs[r].Loss[i] = math.Exp(-float64(i)/float64(n)*float64(5+r)) + 1e-3
			}
		}
		return plotting.LossCurves(runs, &plotting.LossSettings{Reference: 0.020898})
	}
}

func BenchmarkSVGLinearMap(b *testing.B)      { benchmarkSVG(b, linearMap, "svg") }
func BenchmarkSVGEigenvectors(b *testing.B)   { benchmarkSVG(b, eigenvectors, "svg") }
func BenchmarkSVGSVDGeometry(b *testing.B)    { benchmarkSVG(b, svdGeometry, "svg") }
func BenchmarkSVGLossCurves500(b *testing.B)  { benchmarkSVG(b, lossCurves(500), "svg") }
func BenchmarkSVGLossCurves5000(b *testing.B) { benchmarkSVG(b, lossCurves(5000), "svg") }
func BenchmarkPNGLinearMap(b *testing.B)      { benchmarkSVG(b, linearMap, "png") }
func BenchmarkPNGLossCurves5000(b *testing.B) { benchmarkSVG(b, lossCurves(5000), "png") }
