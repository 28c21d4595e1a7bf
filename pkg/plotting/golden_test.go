package plotting_test

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var regen = flag.Bool("regen", false, "rewrite the golden images in testdata from the current output")

// Tolerances of checkPlot: a pixel differs when one of its channels differs
// by more than channelTol (of 255); an image matches when at most pixelTol
// of its pixels differ. Fonts render identically here, so this only absorbs
// anti-aliasing noise.
const (
	channelTol = 8
	pixelTol   = 0.002
)

// checkPlot runs example, which must write testdata/name, and compares
// that image with testdata/NAME_golden.EXT; with -regen it rewrites the
// golden image instead. It has the shape of gonum/plot's cmpimg.CheckPlot.
func checkPlot(t *testing.T, example func(), name string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	ext := filepath.Ext(name)
	golden := filepath.Join("testdata", strings.TrimSuffix(name, ext)+"_golden"+ext)
	_ = os.Remove(path)
	example()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("example did not write %s: %v", path, err)
	}
	if *regen {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("reading golden image (run go test -regen to create it): %v", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	if ext != ".png" {
		t.Fatalf("%s differs from %s", path, golden)
	}
	if err := comparePNG(got, want); err != nil {
		t.Errorf("%s differs from %s: %v", path, golden, err)
	}
}

// comparePNG decodes two PNG images and compares them pixel by pixel with
// the tolerances above.
func comparePNG(got, want []byte) error {
	a, err := png.Decode(bytes.NewReader(got))
	if err != nil {
		return fmt.Errorf("decoding output: %v", err)
	}
	b, err := png.Decode(bytes.NewReader(want))
	if err != nil {
		return fmt.Errorf("decoding golden: %v", err)
	}
	if a.Bounds() != b.Bounds() {
		return fmt.Errorf("size %v, golden %v", a.Bounds().Size(), b.Bounds().Size())
	}
	r := a.Bounds()
	var bad int
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if !near(a, b, x, y) {
				bad++
			}
		}
	}
	if frac := float64(bad) / float64(r.Dx()*r.Dy()); frac > pixelTol {
		return fmt.Errorf("%d of %d pixels differ (%.3f%%, tolerance %.3f%%)", bad, r.Dx()*r.Dy(), 100*frac, 100*pixelTol)
	}
	return nil
}

func near(a, b image.Image, x, y int) bool {
	r1, g1, b1, a1 := a.At(x, y).RGBA()
	r2, g2, b2, a2 := b.At(x, y).RGBA()
	for _, d := range [][2]uint32{{r1, r2}, {g1, g2}, {b1, b2}, {a1, a2}} {
		diff := int(d[0]>>8) - int(d[1]>>8)
		if diff > channelTol || diff < -channelTol {
			return false
		}
	}
	return true
}

func TestComparePNG(t *testing.T) {
	// A blank image and one with a block of changed pixels must differ.
	blank := image.NewRGBA(image.Rect(0, 0, 100, 100))
	marked := image.NewRGBA(image.Rect(0, 0, 100, 100))
	for y := range 10 {
		for x := range 10 {
			marked.Pix[4*(y*100+x)+3] = 255
		}
	}
	var b1, b2 bytes.Buffer
	if err := png.Encode(&b1, blank); err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(&b2, marked); err != nil {
		t.Fatal(err)
	}
	if err := comparePNG(b1.Bytes(), b1.Bytes()); err != nil {
		t.Errorf("identical images differ: %v", err)
	}
	if err := comparePNG(b1.Bytes(), b2.Bytes()); err == nil {
		t.Errorf("images 1%% apart compare equal")
	}
}

func TestGoldenLinearMap(t *testing.T) { checkPlot(t, ExampleLinearMap, "linear_map.png") }
func TestGoldenLinearMapOverlay(t *testing.T) {
	checkPlot(t, ExampleLinearMap_overlay, "linear_map_overlay.png")
}
func TestGoldenRotationStretch(t *testing.T) {
	checkPlot(t, ExampleRotationStretch, "rotation_stretch.png")
}
func TestGoldenEigenvectors(t *testing.T) { checkPlot(t, ExampleEigenvectors, "eigenvectors.png") }
func TestGoldenSVDGeometry(t *testing.T)  { checkPlot(t, ExampleSVDGeometry, "svd_geometry.png") }
func TestGoldenVectors(t *testing.T)      { checkPlot(t, ExamplePlotVectors, "vectors.png") }

func TestGoldenLossCurves(t *testing.T) { checkPlot(t, ExampleLossCurves, "loss_curves.png") }
func TestGoldenHeatmap(t *testing.T)    { checkPlot(t, ExampleHeatmap, "heatmap.png") }
func TestGoldenSpectrum(t *testing.T)   { checkPlot(t, ExampleSpectrum, "spectrum.png") }
func TestGoldenImageGrid(t *testing.T)  { checkPlot(t, ExampleImageGrid, "image_grid.png") }

func TestGoldenFigure(t *testing.T) {
	checkPlot(t, ExampleFigure, "figure.png")
	checkPlot(t, ExampleFigure, "eigenvectors_after.png")
}
