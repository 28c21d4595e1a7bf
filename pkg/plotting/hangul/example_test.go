package hangul_test

import (
	"fmt"
	"image/color"
	"log"

	_ "github.com/factorlab/factorlab/pkg/plotting/hangul"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// A figure with a Korean title, axis labels and legend, saved as PNG and
// SVG. The blank import is all a program needs: Latin, Greek and
// mathematical symbols keep gonum/plot's Liberation font, Hangul comes from
// the embedded font.
func Example() {
	p := plot.New()
	p.Title.Text = "특잇값 스펙트럼 (singular values)"
	p.X.Label.Text = "번호 i"
	p.Y.Label.Text = "특잇값 σᵢ"
	sigma := plotter.XYs{{X: 1, Y: 9.1}, {X: 2, Y: 5.3}, {X: 3, Y: 2.2}, {X: 4, Y: 0.31}, {X: 5, Y: 0.27}}
	line, points, err := plotter.NewLinePoints(sigma)
	if err != nil {
		log.Fatal(err)
	}
	line.Color = color.RGBA{R: 0x00, G: 0x72, B: 0xB2, A: 0xFF}
	points.Color = line.Color
	p.Add(plotter.NewGrid(), line, points)
	p.Legend.Add("계수 3까지가 에너지의 99.7%", line, points)
	p.Legend.Top = true
	for _, name := range []string{"testdata/spectrum_ko.png", "testdata/spectrum_ko.svg"} {
		if err := p.Save(5*vg.Inch, 3.5*vg.Inch, name); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Println("saved")
	// Output:
	// saved
}
