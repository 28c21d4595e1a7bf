package hangul

import (
	"testing"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

func TestRuns(t *testing.T) {
	h := NewHandler()
	fnt := font.Font{Typeface: "Liberation", Variant: "Serif", Size: vg.Points(12)}
	for _, c := range []struct {
		in   string
		want []string // text of each run; runs alternate fonts
		hang []bool   // whether the run is drawn with the Hangul font
	}{
		{"singular values σᵢ", []string{"singular values σᵢ"}, []bool{false}},
		{"고윳값", []string{"고윳값"}, []bool{true}},
		{"고윳값 (eigenvalue) λ", []string{"고윳값 ", "(eigenvalue) λ"}, []bool{true, false}},
		{"A의 고유벡터 x₁", []string{"A", "의 고유벡터 ", "x₁"}, []bool{false, true, false}},
		{"", nil, nil},
	} {
		rs := h.runs(c.in, fnt)
		if len(rs) != len(c.want) {
			t.Errorf("runs(%q): %d runs, want %d", c.in, len(rs), len(c.want))
			continue
		}
		for i, r := range rs {
			if r.text != c.want[i] || (r.face.Font.Typeface == Typeface) != c.hang[i] {
				t.Errorf("runs(%q)[%d] = %q in %s, want %q (Hangul font: %t)", c.in, i, r.text, r.face.Font.Typeface, c.want[i], c.hang[i])
			}
		}
	}
}

// Text without Hangul is as wide as text.Plain makes it, and Hangul text is
// as wide as the Hangul font says (text.Plain measures it with Liberation's
// missing-glyph box).
func TestBoxWidth(t *testing.T) {
	h := NewHandler()
	plain := text.Plain{Fonts: font.DefaultCache}
	fnt := font.Font{Typeface: "Liberation", Variant: "Sans", Size: vg.Points(11)}
	latin := "A ≈ WH: mean squared error, σ₂²/8"
	if got, _, _ := h.Box(latin, fnt); got != mustWidth(plain, latin, fnt) {
		t.Errorf("width of %q: %v, text.Plain %v", latin, got, mustWidth(plain, latin, fnt))
	}
	ko := "특잇값 분해"
	fb := h.fallback(fnt)
	want := fb.Width(ko)
	if got, _, _ := h.Box(ko, fnt); got != want || want <= 0 {
		t.Errorf("width of %q: %v, want the Hangul font's %v > 0", ko, got, want)
	}
	if got, _, _ := h.Box(ko, fnt); got == mustWidth(plain, ko, fnt) {
		t.Errorf("width of %q is text.Plain's %v: the fallback is not used", ko, got)
	}
}

func mustWidth(h text.Handler, s string, fnt font.Font) vg.Length {
	w, _, _ := h.Box(s, fnt)
	return w
}
