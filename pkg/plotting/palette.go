package plotting

import (
	"image/color"

	"gonum.org/v1/plot/vg"
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
