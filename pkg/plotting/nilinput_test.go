package plotting_test

import (
	"errors"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/factorlab/factorlab/pkg/plotting"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

// TestNilInputs calls every exported entry point of plotting that takes a
// matrix, settings, points or a drawer with a nil mat.Matrix, a typed-nil
// *mat.Dense, nil settings and nil points or drawers. Each must return (or
// panic with) a documented package error, or succeed where nil means the
// defaults; a raw runtime panic fails the test.
func TestNilInputs(t *testing.T) {
	var typedNil *mat.Dense
	var nilPlot *plot.Plot
	var nilFigure *plotting.Figure
	a := mat.NewDense(2, 2, []float64{2, 1, 1, 3})
	pkgErrs := []error{plotting.ErrEmpty, plotting.ErrNilDrawer, plotting.ErrFigureSize}
	matrices := map[string]mat.Matrix{"nil mat.Matrix": nil, "typed-nil *mat.Dense": typedNil}
	type entry struct {
		name string
		call func() error
		ok   bool // nil here means the defaults: success is required
	}
	var entries []entry
	for what, m := range matrices {
		entries = append(entries,
			entry{"Eigenvectors(" + what + ")", func() error { _, err := plotting.Eigenvectors(m, 2); return err }, false},
			entry{"NewEllipse(" + what + ")", func() error { _, err := plotting.NewEllipse(m, 0, 0); return err }, false},
			entry{"Heatmap(" + what + ")", func() error { _, err := plotting.Heatmap(m, nil); return err }, false},
			entry{"NewMatrixCells(" + what + ")", func() error { _, err := plotting.NewMatrixCells(m); return err }, false},
			entry{"ImageGrid(" + what + ")", func() error { _, err := plotting.ImageGrid([]mat.Matrix{m}, nil, 1); return err }, false},
			entry{"LinearMap(" + what + ")", func() error { _, err := plotting.LinearMap(m, nil); return err }, false},
			// A nil map means the identity for the mapped marks.
			entry{"NewMappedGrid(" + what + ")", func() error { _, err := plotting.NewMappedGrid(m, -1, 1, 0.5); return err }, true},
			entry{"NewMappedPolygon(" + what + ")", func() error {
				_, err := plotting.NewMappedPolygon(m, plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 0}, {X: 0, Y: 1}})
				return err
			}, true},
			entry{"SquareImage(" + what + ")", func() error { _, err := plotting.SquareImage(m); return err }, false},
			entry{"LabelledScatter(" + what + ")", func() error { _, err := plotting.LabelledScatter(m, []int{0}, nil); return err }, false},
			entry{"SVDGeometry(" + what + ")", func() error { _, err := plotting.SVDGeometry(m); return err }, false},
		)
	}
	dir := t.TempDir()
	entries = append(entries,
		entry{"Heatmap(nil settings)", func() error { _, err := plotting.Heatmap(a, nil); return err }, true},
		entry{"LinearMap(nil settings)", func() error { _, err := plotting.LinearMap(a, nil); return err }, true},
		entry{"LossCurves(nil settings)", func() error {
			_, err := plotting.LossCurves([]plotting.Run{{Loss: []float64{3, 2, 1}}}, nil)
			return err
		}, true},
		entry{"LossCurves(nil runs)", func() error { _, err := plotting.LossCurves(nil, nil); return err }, false},
		entry{"Spectrum(nil settings)", func() error { _, err := plotting.Spectrum([]float64{3, 1}, nil); return err }, true},
		entry{"Spectrum(nil)", func() error { _, err := plotting.Spectrum(nil, nil); return err }, false},
		entry{"LabelledScatter(nil settings)", func() error {
			_, err := plotting.LabelledScatter(mat.NewDense(2, 2, []float64{0, 1, 1, 0}), []int{0, 1}, nil)
			return err
		}, true},
		entry{"NewArrows(nil, nil)", func() error { _, err := plotting.NewArrows(nil, nil); return err }, false},
		entry{"NewVectors(nil)", func() error { _, err := plotting.NewVectors(nil); return err }, false},
		entry{"NewMappedPolygon(nil points)", func() error { _, err := plotting.NewMappedPolygon(a, nil); return err }, false},
		entry{"PlotVectors(nil)", func() error { _, err := plotting.PlotVectors(nil, ""); return err }, false},
		entry{"ImageGrid(nil)", func() error { _, err := plotting.ImageGrid(nil, nil, 1); return err }, false},
		entry{"Render(nil)", func() error { _, err := plotting.Render(nil, 100, 100, "svg"); return err }, false},
		entry{"Render(typed-nil *plot.Plot)", func() error { _, err := plotting.Render(nilPlot, 100, 100, "svg"); return err }, false},
		entry{"Render(typed-nil *Figure)", func() error { _, err := plotting.Render(nilFigure, 100, 100, "svg"); return err }, false},
		entry{"Save(typed-nil *plot.Plot)", func() error { return plotting.Save(nilPlot, filepath.Join(dir, "p.svg")) }, false},
		entry{"SaveSize(typed-nil *Figure)", func() error { return plotting.SaveSize(nilFigure, 100, 100, filepath.Join(dir, "f.svg")) }, false},
		entry{"Show(typed-nil *Figure)", func() error { return plotting.Show(nilFigure) }, false},
		entry{"ShowSize(typed-nil *plot.Plot)", func() error { return plotting.ShowSize(nilPlot, 100, 100) }, false},
		entry{"Live.Update(typed-nil *plot.Plot)", func() error { return plotting.NewLive().Update(nilPlot) }, false},
	)
	isPkg := func(err error) bool {
		for _, e := range pkgErrs {
			if errors.Is(err, e) {
				return true
			}
		}
		return false
	}
	for _, e := range entries {
		err, p := callNil(e.call)
		switch {
		case p != nil:
			if pe, ok := p.(error); !ok || isRuntime(pe) || !isPkg(pe) {
				t.Errorf("%s: raw panic %v", e.name, p)
			}
		case e.ok && err != nil:
			t.Errorf("%s: error %v, want success (nil means the defaults)", e.name, err)
		case !e.ok && err == nil:
			t.Errorf("%s: no error", e.name)
		case !e.ok && !isPkg(err):
			t.Errorf("%s: error %v wraps no plotting sentinel", e.name, err)
		}
	}
}

func callNil(f func() error) (err error, p any) {
	defer func() { p = recover() }()
	return f(), nil
}

func isRuntime(err error) bool {
	var re runtime.Error
	return errors.As(err, &re)
}
