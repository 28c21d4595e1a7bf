package browsertest

import (
	"strings"
	"testing"
	"time"
	"unicode"
)

// koreanNotebook is the Korean notebook TestKoreanNotebookInBrowser runs,
// and Korean text its last cells print (JupyterLab 4 renders only the
// cells near the view, so the page's text of cells far above is empty).
var koreanNotebook = struct {
	Notebook string
	Printed  []string
}{
	Notebook: "notebooks/ko/04_eigenvalues_eigenvectors.ipynb",
	Printed:  []string{"고윳값 [3 -1]"},
}

// TestKoreanNotebookInBrowser runs the Korean notebook 04 in JupyterLab 4
// as the welcome scenario does (clear, Run All) and checks that every cell
// ran without an error, that every figure is shown as a decoded image, and
// that the cells print Korean. The screenshot build/browsertest/ko04.png
// shows its first figure, whose titles are Korean ("변환 전: 단위벡터");
// internal/nbtest checks the text every Korean figure draws.
func TestKoreanNotebookInBrowser(t *testing.T) {
	l := startLab(t)
	nb := koreanNotebook.Notebook
	keepCommitted(t, l.tools.Root, nb)
	rep := l.drive(t, "welcome", nb, "ko04", 600*time.Second, struct{}{})

	if len(rep.Cells) == 0 {
		t.Fatal("the page shows no code cells")
	}
	var printed strings.Builder
	figures := 0
	for _, c := range rep.Cells {
		if c.Count == nil {
			t.Errorf("code cell %d did not run (prompt %q)", c.Index, c.Prompt)
		}
		if len(c.Errors) > 0 {
			t.Errorf("code cell %d failed: %q", c.Index, c.Errors)
		}
		if len(c.Shown) != c.ModelImages {
			t.Errorf("code cell %d has %d image outputs but the page shows %d decoded images", c.Index, c.ModelImages, len(c.Shown))
		}
		for _, s := range c.Shown {
			figures++
			if s.Width < 100 || s.Height < 100 {
				t.Errorf("code cell %d: a %s figure is only %d×%d px on the page", c.Index, s.Kind, s.Width, s.Height)
			}
		}
		printed.WriteString(c.Text)
	}
	if figures == 0 {
		t.Error("no figure is shown after Run All")
	}
	text := printed.String()
	for _, want := range koreanNotebook.Printed {
		if !strings.Contains(text, want) {
			t.Errorf("the page's outputs lack %q", want)
		}
	}
	if strings.IndexFunc(text, func(r rune) bool { return unicode.Is(unicode.Hangul, r) }) < 0 {
		t.Error("the page's outputs show no Hangul")
	}
	t.Logf("%d code cells, %d figures", len(rep.Cells), figures)
}
