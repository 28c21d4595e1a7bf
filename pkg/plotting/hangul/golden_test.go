package hangul_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var regen = flag.Bool("regen", false, "rewrite the golden images in testdata from the current output")

// TestGolden checks the Korean figure of Example, as PNG and as SVG, against
// testdata/*_golden.*. gonum/plot rasterizes in pure Go, so the bytes are
// the same on every machine of one architecture; go test -regen rewrites the
// golden files after a deliberate change.
func TestGolden(t *testing.T) {
	for _, name := range []string{"spectrum_ko.png", "spectrum_ko.svg"} {
		_ = os.Remove(filepath.Join("testdata", name))
	}
	Example()
	for _, name := range []string{"spectrum_ko.png", "spectrum_ko.svg"} {
		path := filepath.Join("testdata", name)
		ext := filepath.Ext(name)
		golden := filepath.Join("testdata", strings.TrimSuffix(name, ext)+"_golden"+ext)
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("Example did not write %s: %v", path, err)
		}
		if *regen {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("reading golden image (run go test -regen to create it): %v", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (inspect both; go test -regen accepts the new one)", path, golden)
		}
	}
}

// TestSVGHangul checks what the SVG says: the Korean runs are text elements
// in the Hangul font, the rest stays in Liberation.
func TestSVGHangul(t *testing.T) {
	svg, err := os.ReadFile(filepath.Join("testdata", "spectrum_ko_golden.svg"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(svg)
	for _, want := range []string{">특잇값 스펙트럼 </text>", ">(singular values)</text>", ">번호 </text>", ">특잇값 </text>", ">σᵢ</text>", "font-family:FactorLab Hangul", "font-family:Liberation Serif"} {
		if !strings.Contains(s, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
}
