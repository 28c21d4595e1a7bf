// Package hangul lets gonum/plot figures show Korean text, in PNG and SVG.
//
// gonum/plot registers only the Liberation fonts, which have no Hangul: a PNG
// silently drops "고윳값" and an SVG measures it with the wrong widths.
// Importing this package for its side effect,
//
//	import _ "github.com/factorlab/factorlab/pkg/plotting/hangul"
//
// replaces plot.DefaultTextHandler with a [Handler] that draws each run of
// text with the first font that has its glyphs: Liberation for Latin, Greek
// and mathematical symbols, exactly as in English figures, and the embedded
// FactorLab Hangul font for Hangul. Every plot and label made afterwards
// (plot.New and pkg/plotting read the default handler when they build text
// styles) is then drawn with it; English text is laid out exactly as before.
// The handler also puts the labels that pkg/plotting writes by itself
// ("before: unit vectors", "singular value σᵢ", …) into Korean ([Korean]):
// a Korean notebook writes its own titles in Korean, and this package
// covers the rest, so that the figures of a Korean notebook are Korean
// throughout.
//
// The font is only linked into programs that import this package, so the
// English notebooks do not pay for it: the Korean notebooks import it in
// their first cell that draws (GoNB keeps the import for the cells after
// it; cells before it, which only print, link neither gonum/plot nor the
// font). It is the Hangul part of NanumGothic Regular (every
// modern syllable U+AC00–U+D7A3, the Jamo and CJK punctuation, 1.3 MB),
// under the SIL Open Font License 1.1 (OFL.txt); the OFL reserves the name
// NanumGothic for the original, so the subset is called "FactorLab Hangul".
// scripts/make_hangul_font.py rebuilds it byte for byte from Debian's
// fonts-nanum. A font shipped with the code, rather than one looked up on
// the system, keeps figures and their golden images identical on every
// machine and in the Docker image, with nothing to install.
//
// In SVG output each run is its own text element whose font-family names
// the font it was measured with; a browser without "FactorLab Hangul" draws
// those runs with its default Korean font, positioned where the Hangul
// widths put them.
package hangul
