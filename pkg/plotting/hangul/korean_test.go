package hangul_test

import (
	"math"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/factorlab/factorlab/pkg/plotting"
	"github.com/factorlab/factorlab/pkg/plotting/hangul"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
)

// TestKorean checks a few translations and that other text passes through.
func TestKorean(t *testing.T) {
	for in, want := range map[string]string{
		"before: unit vectors":                      "변환 전: 단위벡터",
		"after A = [[2, 1], [1, 2]]":                "변환 후: A = [[2, 1], [1, 2]]",
		"after rotating by θ = 30°":                 "θ = 30° 회전한 후",
		"rank 3 keeps 99.7% of ‖A‖²":                "계수 3: ‖A‖²의 99.7% 유지",
		"Adam, k = 1 (clamped at 1e-12)":            "Adam, k = 1 (1e-12에서 자름)",
		"Av₁ = 3v₁":                                 "Av₁ = 3v₁",
		"고윳값":                                       "고윳값",
		"area":                                      "넓이",
		"a title of the notebook's own, in English": "a title of the notebook's own, in English",
	} {
		if got := hangul.Korean(in); got != want {
			t.Errorf("Korean(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestKoreanFigures draws every figure of pkg/plotting with the handler the
// package installs and checks that no line it draws keeps an English word:
// a label added to pkg/plotting without a Korean line in korean.go fails
// here.
func TestKoreanFigures(t *testing.T) {
	var (
		mu    sync.Mutex
		drawn []string
	)
	h := hangul.NewHandler()
	h.Localize = func(line string) string {
		ko := hangul.Korean(line)
		mu.Lock()
		drawn = append(drawn, ko)
		mu.Unlock()
		return ko
	}
	old := plot.DefaultTextHandler
	plot.DefaultTextHandler = h
	defer func() { plot.DefaultTextHandler = old }()

	a := mat.NewDense(2, 2, []float64{2, 1, 1, 2})
	var figs []plotting.Drawer
	add := func(d plotting.Drawer, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		figs = append(figs, d)
	}
	add(plotting.LinearMap(a, nil))
	add(plotting.LinearMap(a, &plotting.MapSettings{Overlay: true}))
	add(plotting.RotationStretch(math.Pi/6, 2, 0.5))
	add(plotting.Eigenvectors(a, 16))
	add(plotting.SVDGeometry(mat.NewDense(2, 2, []float64{3, 0, 4, 5})))
	add(plotting.LossCurves([]plotting.Run{{Loss: []float64{1, 0.1, 0}}}, &plotting.LossSettings{Reference: 0.01, Floor: 1e-12}))
	add(plotting.Heatmap(a, nil))
	add(plotting.Spectrum([]float64{9.1, 5.3, 2.2, 0.3}, &plotting.SpectrumSettings{Rank: 3}))
	add(plotting.ImageGrid([]mat.Matrix{a, a}, []string{"A", "A"}, 2))
	add(plotting.LabelledScatter(a, []int{0, 1}, nil))
	add(plotting.LossCurves([]plotting.Run{{Loss: []float64{0.5, 0.9}}}, &plotting.LossSettings{Linear: true}))
	for _, d := range figs {
		if _, err := plotting.Render(d, 400, 300, "svg"); err != nil {
			t.Fatal(err)
		}
	}
	if len(drawn) < 50 {
		t.Fatalf("only %d lines drawn through the handler: is it installed?", len(drawn))
	}
	word := regexp.MustCompile(`[A-Za-z]{3,}`)
	allowed := map[string]bool{"det": true}
	for _, line := range drawn {
		if strings.IndexFunc(line, func(r rune) bool { return unicode.Is(unicode.Hangul, r) }) >= 0 {
			continue
		}
		for _, w := range word.FindAllString(line, -1) {
			if !allowed[w] {
				t.Errorf("figure text %q is not translated (add a line to korean.go)", line)
				break
			}
		}
	}
}

// TestQuadrilateralReport: with the package imported, the report of
// plotting.SquareImage is Korean, line by line, its numbers unchanged.
func TestQuadrilateralReport(t *testing.T) {
	for _, tc := range []struct {
		a    []float64
		want []string
	}{
		{[]float64{2, 1, 1, 2}, []string{
			"꼭짓점: (0, 0) → (2, 1) → (3, 3) → (1, 2)\n",
			"변 1 = (2, 1), 마주 보는 변 3 = (-2, -1): 외적 0 → 평행\n",
			"변 2 = (1, 2), 마주 보는 변 4 = (-1, -2): 외적 0 → 평행\n",
			"모양: 평행사변형\n",
			"넓이: 3\n",
		}},
		{[]float64{0, 0, 0, 0}, []string{"넓이: 0\n"}},
	} {
		q, err := plotting.SquareImage(mat.NewDense(2, 2, tc.a))
		if err != nil {
			t.Fatal(err)
		}
		got := q.String()
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("SquareImage(%v) report lacks %q:\n%s", tc.a, w, got)
			}
		}
		if english := regexp.MustCompile(`[A-Za-z]{4,}`).FindString(got); english != "" {
			t.Errorf("SquareImage(%v) report keeps the English %q:\n%s", tc.a, english, got)
		}
	}
}
