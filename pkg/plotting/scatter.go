package plotting

import (
	"fmt"
	"image/color"
	"slices"
	"strconv"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// ScatterSettings are the settings of LabelledScatter; nil means the zero
// value.
type ScatterSettings struct {
	// Title, XLabel and YLabel label the plot and its axes.
	Title, XLabel, YLabel string
	// Names names the labels in the legend, by label value; a label
	// without a name is shown as its number.
	Names map[int]string
}

// classColours are the colours of LabelledScatter's classes: the palette,
// then grey and a dark red, so that ten classes (the digits) differ; the
// glyph shape also changes, so they read in grey scale.
var classColours = append(slices.Clone(Palette[:6]), Grey, color.RGBA{R: 0x88, G: 0x22, B: 0x55, A: 0xFF}, color.RGBA{R: 0x44, G: 0xAA, B: 0x99, A: 0xFF}, color.RGBA{R: 0x99, G: 0x99, B: 0x33, A: 0xFF})

var classShapes = []draw.GlyphDrawer{draw.CircleGlyph{}, draw.TriangleGlyph{}, draw.SquareGlyph{}, draw.CrossGlyph{}, draw.PlusGlyph{}, draw.RingGlyph{}, draw.BoxGlyph{}, draw.PyramidGlyph{}}

// LabelledScatter plots the rows of the n×2 matrix xy as points coloured
// and shaped by their labels (one legend entry per distinct label, in
// increasing order), such as a 2-D projection of data coloured by class.
// It returns an error if xy is not n×2 with n = len(labels) ≥ 1 or holds a
// NaN or infinite value.
func LabelledScatter(xy mat.Matrix, labels []int, opt *ScatterSettings) (*plot.Plot, error) {
	if opt == nil {
		opt = &ScatterSettings{}
	}
	if isNilMatrix(xy) {
		return nil, fmt.Errorf("%w: LabelledScatter: nil matrix", ErrEmpty)
	}
	n, c := xy.Dims()
	if c != 2 || n != len(labels) || n == 0 {
		return nil, fmt.Errorf("plotting: LabelledScatter wants n×2 points and n labels, got %d×%d and %d", n, c, len(labels))
	}
	keys, groups, err := groupByLabel(xy, labels)
	if err != nil {
		return nil, err
	}
	p := plot.New()
	p.Title.Text, p.X.Label.Text, p.Y.Label.Text = opt.Title, opt.XLabel, opt.YLabel
	p.Add(plotter.NewGrid())
	for g, k := range keys {
		sc, err := plotter.NewScatter(groups[k])
		if err != nil {
			return nil, err
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: classColours[g%len(classColours)], Radius: vg.Points(2), Shape: classShapes[g%len(classShapes)]}
		p.Add(sc)
		p.Legend.Add(labelName(k, opt.Names), sc)
	}
	p.Legend.Top = true
	return p, nil
}

// groupByLabel splits the points by label and returns the labels in
// increasing order.
func groupByLabel(xy mat.Matrix, labels []int) ([]int, map[int]plotter.XYs, error) {
	groups := map[int]plotter.XYs{}
	for i, l := range labels {
		x, y := xy.At(i, 0), xy.At(i, 1)
		if !finite(x) || !finite(y) {
			return nil, nil, fmt.Errorf("plotting: point %d is (%v, %v)", i, x, y)
		}
		groups[l] = append(groups[l], plotter.XY{X: x, Y: y})
	}
	keys := make([]int, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys, groups, nil
}

func labelName(k int, names map[int]string) string {
	if name, ok := names[k]; ok {
		return name
	}
	return strconv.Itoa(k)
}
