package hangul

import (
	_ "embed"
	"fmt"
	"math"
	"strings"

	"github.com/factorlab/factorlab/pkg/plotting"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

//go:embed FactorLabHangul-Regular.ttf
var ttf []byte

// Typeface is the name under which the Hangul font is registered in
// gonum/plot's font.DefaultCache.
const Typeface font.Typeface = "FactorLabHangul"

// hangulFont is the Hangul font, parsed from the embedded file.
var hangulFont *opentype.Font

func init() {
	f, err := opentype.Parse(ttf)
	if err != nil {
		// The file is embedded at build time: this cannot fail at run time
		// unless the repository's copy is corrupt.
		panic(fmt.Errorf("hangul: parsing the embedded font: %w", err))
	}
	hangulFont = f
	font.DefaultCache.Add(font.Collection{{Font: font.Font{Typeface: Typeface}, Face: f}})
	plot.DefaultTextHandler = NewHandler()
	plotting.ReportTranslator = Korean
}

// NewHandler returns the handler this package installs as
// plot.DefaultTextHandler: fonts from font.DefaultCache, Hangul from the
// embedded font, and pkg/plotting's built-in labels in Korean ([Korean]).
func NewHandler() Handler {
	return Handler{Fonts: font.DefaultCache, Fallback: hangulFont, Localize: Korean}
}

// Handler is a gonum/plot text handler for plain text in which each rune is
// drawn with the requested font when that font has a glyph for it, and with
// Fallback otherwise. Runs of runes with the same font are measured and
// drawn together, so kerning within a run is kept. With a nil Fallback and
// a nil Localize it behaves like text.Plain.
type Handler struct {
	// Fonts resolves the requested font, as in text.Plain.
	Fonts *font.Cache
	// Fallback draws the runes the requested font lacks.
	Fallback *opentype.Font
	// Localize, if not nil, rewrites each line of text before it is
	// measured and drawn, so that layout and drawing agree.
	Localize func(line string) string
}

var _ text.Handler = Handler{}

// Cache returns the cache of fonts used by the handler.
func (h Handler) Cache() *font.Cache { return h.Fonts }

// Lines splits txt into lines, as text.Plain does.
func (h Handler) Lines(txt string) []string {
	return strings.Split(strings.TrimRight(txt, "\n"), "\n")
}

// Extents returns the larger ascent, descent and line height of the
// requested font and the fallback at the requested size, so that a line
// has the same height whichever script it is written in.
func (h Handler) Extents(fnt font.Font) font.Extents {
	main := h.Fonts.Lookup(fnt, fnt.Size)
	e := main.Extents()
	if h.Fallback == nil {
		return e
	}
	fb := h.fallback(fnt)
	f := fb.Extents()
	return font.Extents{
		Ascent:  max(e.Ascent, f.Ascent),
		Descent: max(e.Descent, f.Descent),
		Height:  max(e.Height, f.Height),
	}
}

// Box returns the width of the single-line txt and the height above and
// depth below its baseline.
func (h Handler) Box(txt string, fnt font.Font) (width, height, depth vg.Length) {
	for _, r := range h.runs(h.localize(txt), fnt) {
		width += r.face.Width(r.text)
	}
	e := h.Extents(fnt)
	return width, e.Ascent, e.Descent
}

// Draw renders txt with the style sty at pt on c, with the alignment and
// rotation of sty, as text.Plain does.
func (h Handler) Draw(c vg.Canvas, txt string, sty text.Style, pt vg.Point) {
	txt = strings.TrimRight(txt, "\n")
	if txt == "" {
		return
	}
	c.SetColor(sty.Color)
	if sty.Rotation != 0 {
		c.Push()
		c.Rotate(sty.Rotation)
	}
	sin, cos := math.Sincos(sty.Rotation)
	pt.X, pt.Y = pt.Y*vg.Length(sin)+pt.X*vg.Length(cos), pt.Y*vg.Length(cos)-pt.X*vg.Length(sin)

	lines := h.Lines(txt)
	pt.Y += sty.Height(txt)*vg.Length(sty.YAlign) - h.Extents(sty.Font).Ascent
	for i, line := range lines {
		runs := h.runs(h.localize(line), sty.Font)
		var width vg.Length
		for _, r := range runs {
			width += r.face.Width(r.text)
		}
		at := pt.Add(vg.Point{X: vg.Length(sty.XAlign) * width, Y: vg.Length(len(lines)-i) * sty.Font.Size})
		for _, r := range runs {
			c.FillString(r.face, at, r.text)
			at.X += r.face.Width(r.text)
		}
	}
	if sty.Rotation != 0 {
		c.Pop()
	}
}

// localize applies h.Localize to one line.
func (h Handler) localize(line string) string {
	if h.Localize == nil {
		return line
	}
	return h.Localize(line)
}

// run is a piece of text drawn with one face.
type run struct {
	face font.Face
	text string
}

// runs splits txt into maximal runs of runes drawn with the same face: the
// requested font where it has a glyph, else the fallback where that has one,
// else the requested font (which then draws its missing-glyph box).
func (h Handler) runs(txt string, fnt font.Font) []run {
	main := h.Fonts.Lookup(fnt, fnt.Size)
	if h.Fallback == nil {
		return []run{{main, txt}}
	}
	fb := h.fallback(fnt)
	var (
		buf   sfnt.Buffer
		out   []run
		start int
		cur   = -1 // 0: main, 1: fallback
	)
	for i, r := range txt {
		which := 0
		switch {
		case r == ' ' && cur >= 0:
			which = cur // a space never splits a run
		case !has(main.Face, &buf, r) && has(h.Fallback, &buf, r):
			which = 1
		}
		if which != cur && cur >= 0 {
			out = append(out, run{pick(cur, main, fb), txt[start:i]})
			start = i
		}
		cur = which
	}
	if cur >= 0 && start < len(txt) {
		out = append(out, run{pick(cur, main, fb), txt[start:]})
	}
	return out
}

// fallback returns the fallback face with the size of fnt.
func (h Handler) fallback(fnt font.Font) font.Face {
	return font.Face{Font: font.Font{Typeface: Typeface, Size: fnt.Size}, Face: h.Fallback}
}

func pick(which int, main, fb font.Face) font.Face {
	if which == 1 {
		return fb
	}
	return main
}

// has reports whether f has a glyph for r.
func has(f *opentype.Font, buf *sfnt.Buffer, r rune) bool {
	i, err := f.GlyphIndex(buf, r)
	return err == nil && i != 0
}
