package plotting

import (
	"errors"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

func TestBadInput(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	sq := mat.NewDense(2, 2, []float64{2, 1, 1, 2})
	for _, c := range []struct {
		name, want string
		err        error
	}{
		{"arrows empty", "no data", errOf(NewArrows(plotter.XYs{}, plotter.XYs{}))},
		{"arrows NaN", "arrow tip 0 is (NaN, 1)", errOf(NewArrows(plotter.XYs{{}}, plotter.XYs{{X: nan, Y: 1}}))},
		{"arrows lengths", "1 arrow tails but 2 tips", errOf(NewArrows(plotter.XYs{{}}, plotter.XYs{{}, {}}))},
		{"grid not 2×2", "matrix is 3×3, want 2×2", errOf(NewMappedGrid(mat.NewDense(3, 3, nil), -1, 1, 1))},
		{"grid step", "step > 0", errOf(NewMappedGrid(sq, -1, 1, 0))},
		{"grid too fine", "over 1000 lines", errOf(NewMappedGrid(sq, -1, 1, 1e-6))},
		{"polygon Inf", "non-finite entry", errOf(NewMappedPolygon(mat.NewDense(2, 2, []float64{inf, 0, 0, 1}), unitSquare()))},
		{"polygon empty", "no data", errOf(NewMappedPolygon(nil, plotter.XYs{}))},
		{"ellipse centre", "not finite", errOf(NewEllipse(sq, nan, 0))},
		{"circle radius", "radius -1", errOf(NewCircle(0, 0, -1))},
		{"vectors empty", "no vectors", errOf(PlotVectors(nil, ""))},
		{"vectors Inf", "non-finite value", errOf(PlotVectors([]Vector{{DX: inf}}, ""))},
		{"map singular", "singular", errOf(LinearMap(mat.NewDense(2, 2, []float64{1, 1, 1, 1}), nil))},
		{"map zero", "singular", errOf(LinearMap(mat.NewDense(2, 2, nil), nil))},
		{"map nil", "nil matrix", errOf(LinearMap(nil, nil))},
		{"rotation NaN", "angle NaN", errOf(RotationStretch(nan, 1, 1))},
		{"stretch zero", "non-zero", errOf(RotationStretch(0, 0, 1))},
		{"eigen complex", "complex eigenvalues", errOf(Eigenvectors(mat.NewDense(2, 2, []float64{0, -1, 1, 0}), 8))},
		{"eigen 3×3", "want 2×2", errOf(Eigenvectors(mat.NewDense(3, 3, nil), 8))},
		{"svd NaN", "non-finite", errOf(SVDGeometry(mat.NewDense(2, 2, []float64{1, nan, 0, 1})))},
		{"loss none", "no runs", errOf(LossCurves(nil, nil))},
		{"loss empty run", `run "a" has no losses`, errOf(LossCurves([]Run{{Name: "a"}}, nil))},
		{"loss NaN", "is NaN", errOf(LossCurves([]Run{{Loss: []float64{1, nan}}}, nil))},
		{"loss negative", "cannot be drawn on a log axis", errOf(LossCurves([]Run{{Loss: []float64{1, -1}}}, nil))},
		{"loss iter length", "2 iterations but 1 losses", errOf(LossCurves([]Run{{Iter: []float64{1, 2}, Loss: []float64{1}}}, nil))},
		{"heatmap nil", "nil matrix", errOf(Heatmap(nil, nil))},
		{"spectrum negative", "singular value 2 is -1", errOf(Spectrum([]float64{1, -1}, nil))},
		{"images none", "no images", errOf(ImageGrid(nil, nil, 0))},
		{"images NaN", "image 1 pixel (0, 0) is NaN", errOf(ImageGrid([]mat.Matrix{sq, mat.NewDense(1, 1, []float64{nan})}, nil, 0))},
	} {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("%s: got error %v, want one containing %q", c.name, c.err, c.want)
		}
	}
	if _, err := LossCurves(nil, nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("LossCurves(nil): %v is not ErrEmpty", err)
	}
}

func errOf[T any](_ T, err error) error { return err }

func TestLossFloor(t *testing.T) {
	p, err := LossCurves([]Run{{Name: "exact", Loss: []float64{1, 1e-3, 0}}}, &LossSettings{Floor: 1e-12})
	if err != nil {
		t.Fatal(err)
	}
	if p.Y.Min != 1e-12 {
		t.Errorf("y min %v, want the floor 1e-12", p.Y.Min)
	}
	if _, err := LossCurves([]Run{{Loss: []float64{1, 0, -2}}}, &LossSettings{Linear: true}); err != nil {
		t.Errorf("linear axis rejects non-positive losses: %v", err)
	}
}

func TestThin(t *testing.T) {
	xys := make(plotter.XYs, 10000)
	for i := range xys {
		xys[i] = plotter.XY{X: float64(i), Y: 1}
	}
	xys[4321].Y = 100 // a spike must survive
	xys[6789].Y = -5
	got := thin(xys, 1000)
	if len(got) > 1002 {
		t.Errorf("thinned to %d points, want at most 1002", len(got))
	}
	var spike, dip bool
	for i, p := range got {
		spike = spike || p.Y == 100
		dip = dip || p.Y == -5
		if i > 0 && p.X <= got[i-1].X {
			t.Fatalf("points out of order at %d", i)
		}
	}
	if !spike || !dip || got[0] != xys[0] || got[len(got)-1] != xys[len(xys)-1] {
		t.Errorf("thinning lost the spike (%v), the dip (%v) or an end point", spike, dip)
	}
}

func TestEqualAspect(t *testing.T) {
	// A wide and a tall panel: after drawing, one data unit must have the
	// same length along x and y, and in both panels.
	wide, tall := plot.New(), plot.New()
	wide.X.Min, wide.X.Max, wide.Y.Min, wide.Y.Max = 0, 4, 0, 1
	tall.X.Min, tall.X.Max, tall.Y.Min, tall.Y.Max = 0, 1, 0, 3
	f := NewFigure(1, 2)
	f.EqualAspect = true
	f.Set(0, 0, wide)
	f.Set(0, 1, tall)
	if _, err := Render(f, 8*72, 3*72, "svg"); err != nil {
		t.Fatal(err)
	}
	if wide.X.Max != 4 || tall.Y.Max != 3 {
		t.Errorf("Figure.Draw modified the panels' axes")
	}
	// Recompute the drawn layout.
	c := drawCanvas(8*72, 3*72)
	grid := [][]*plot.Plot{{copyPlot(wide), copyPlot(tall)}}
	cs := equalAspect(grid, f.Pad, c, layout(grid, f.Pad, c))
	var scales []float64
	for j, p := range grid[0] {
		da := p.DataCanvas(cs[0][j])
		sx := float64(da.Max.X-da.Min.X) / (p.X.Max - p.X.Min)
		sy := float64(da.Max.Y-da.Min.Y) / (p.Y.Max - p.Y.Min)
		if math.Abs(sx-sy) > 0.01*sx {
			t.Errorf("panel %d: %.3f pt per unit along x, %.3f along y", j, sx, sy)
		}
		if p.X.Min > 0 || p.X.Max < 1 || p.Y.Min > 0 || p.Y.Max < 1 {
			t.Errorf("panel %d: range shrank to x [%v, %v] y [%v, %v]", j, p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
		}
		scales = append(scales, sx)
	}
	if math.Abs(scales[0]-scales[1]) > 0.01*scales[0] {
		t.Errorf("panels have different scales %v", scales)
	}
}

func copyPlot(p *plot.Plot) *plot.Plot { c := *p; return &c }

func FuzzLinearMap(f *testing.F) {
	f.Add(2.0, 1.0, 1.0, 2.0)
	f.Add(1.0, 2.0, 2.0, 4.0)
	f.Add(0.0, 0.0, 0.0, 0.0)
	f.Add(1e-300, 0.0, 0.0, 1e300)
	f.Add(math.NaN(), 1.0, 1.0, 1.0)
	f.Fuzz(func(t *testing.T, a, b, c, d float64) {
		m := mat.NewDense(2, 2, []float64{a, b, c, d})
		for _, build := range []func() (Drawer, error){
			func() (Drawer, error) { return LinearMap(m, nil) },
			func() (Drawer, error) { return Eigenvectors(m, 8) },
			func() (Drawer, error) { return SVDGeometry(m) },
			func() (Drawer, error) { return Heatmap(m, nil) },
		} {
			fig, err := build()
			if err != nil {
				continue
			}
			if _, err := Render(fig, 300, 200, "svg"); err != nil {
				t.Errorf("built but failed to render: %v", err)
			}
		}
	})
}

func drawCanvas(w, h vg.Length) draw.Canvas { return draw.New(vgsvg.New(w, h)) }

func TestNiceTicks(t *testing.T) {
	for _, c := range []struct {
		min, max float64
		want     []string
	}{
		{-0.7, 3.7, []string{"0", "1", "2", "3"}},
		{-7.9, 7.9, []string{"-5", "0", "5"}},
		{-12, 25, []string{"-10", "0", "10", "20"}},
		{0.5, 8.5, []string{"2", "4", "6", "8"}},
	} {
		var got []string
		for _, tk := range (NiceTicks{}).Ticks(c.min, c.max) {
			if tk.Label != "" {
				got = append(got, tk.Label)
			}
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("ticks on [%v, %v]: got labels %v, want %v", c.min, c.max, got, c.want)
		}
	}
	if n := len((NiceTicks{}).Ticks(1e17, 1e17+10)); n > 1000 {
		t.Errorf("%d ticks on a narrow range of large numbers", n)
	}
}

func TestLogTicks(t *testing.T) {
	var got []string
	for _, tk := range (LogTicks{}).Ticks(1e-15, 3) {
		if tk.Label != "" {
			got = append(got, tk.Label)
		}
	}
	want := "1e-14 1e-12 1e-10 1e-8 1e-6 1e-4 0.01 1"
	if strings.Join(got, " ") != want {
		t.Errorf("log ticks: got %v, want %v", got, want)
	}
}

// A run of one iteration (the first frame of a live view) or a flat loss
// must draw on a log axis.
func TestLossFlat(t *testing.T) {
	for _, loss := range [][]float64{{1}, {0.5, 0.5, 0.5}} {
		p, err := LossCurves([]Run{{Loss: loss}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Render(p, DefaultWidth, DefaultHeight, "svg"); err != nil {
			t.Errorf("loss %v: %v", loss, err)
		}
		if !(p.Y.Min > 0 && p.Y.Min < loss[0] && p.Y.Max > loss[0]) {
			t.Errorf("loss %v: y range [%g, %g] does not surround it above zero", loss, p.Y.Min, p.Y.Max)
		}
	}
}
