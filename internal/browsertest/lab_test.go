package browsertest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// studentLab is the student's path TestStudentLabInBrowser takes: the lab
// notebook a student gets, the stub they complete and its check cell (found
// by text in their sources), a wrong and a right answer, and the verdicts
// each must produce. When the labs move, only this table changes.
var studentLab = struct {
	Notebook     string `json:"-"`
	Stub         string `json:"stub"`
	Check        string `json:"check"`
	Wrong        string `json:"wrong"`
	Right        string `json:"right"`
	WrongVerdict string `json:"wrongVerdict"`
	RightVerdict string `json:"rightVerdict"`
	Hint         string `json:"-"`
}{
	Notebook: "notebooks/labs/en/L2_eigenpairs.ipynb",
	Stub:     "func CharPoly(",
	Check:    "lab.CheckCharPoly(",
	// p = +tr(A) is the classic sign slip; q = det(A) is right.
	Wrong: "// CharPoly returns p and q with det(A − λI) = λ² + pλ + q for a 2×2 matrix A.\n" +
		"func CharPoly(a *mat.Dense) (p, q float64) {\n" +
		"\treturn a.At(0, 0) + a.At(1, 1), a.At(0, 0)*a.At(1, 1) - a.At(0, 1)*a.At(1, 0)\n" +
		"}",
	Right: "// CharPoly returns p and q with det(A − λI) = λ² + pλ + q for a 2×2 matrix A.\n" +
		"func CharPoly(a *mat.Dense) (p, q float64) {\n" +
		"\treturn -(a.At(0, 0) + a.At(1, 1)), a.At(0, 0)*a.At(1, 1) - a.At(0, 1)*a.At(1, 0)\n" +
		"}",
	WrongVerdict: "✗ L2.1",
	RightVerdict: "✓ L2.1",
	Hint:         "hint:",
}

// liveView is notebook 01's live training view.
var liveView = struct {
	Notebook    string `json:"-"`
	Live        string `json:"live"`        // text of the live cell's source
	TitlePrefix string `json:"titlePrefix"` // how each frame's title starts
}{
	Notebook:    "notebooks/en/01_matrix_factorization.ipynb",
	Live:        "live := plotting.NewLive()",
	TitlePrefix: "live: iteration",
}

// TestWelcomeNotebookInBrowser opens 00_welcome.ipynb as a fresh clone
// gives it (untrusted) in JupyterLab 4, runs all cells and checks that every
// cell finished without an error and every figure is shown as a decoded
// image in the page.
func TestWelcomeNotebookInBrowser(t *testing.T) {
	l := startLab(t)
	const nb = "notebooks/00_welcome.ipynb"
	keepCommitted(t, l.tools.Root, nb)
	rep := l.drive(t, "welcome", nb, "welcome", 420*time.Second, struct{}{})

	if len(rep.TrustedAtOpen) > 0 {
		t.Errorf("code cells %v were trusted when the notebook opened; a fresh clone's notebook must be untrusted", rep.TrustedAtOpen)
	}
	if rep.ImagesAfterClear != 0 {
		t.Errorf("%d images still shown after clearing the outputs", rep.ImagesAfterClear)
	}
	if len(rep.Cells) == 0 {
		t.Fatal("the page shows no code cells")
	}
	figures, svg := 0, 0
	for _, c := range rep.Cells {
		if c.Count == nil {
			t.Errorf("code cell %d did not run (prompt %q)", c.Index, c.Prompt)
		}
		if len(c.Errors) > 0 {
			t.Errorf("code cell %d failed: %q", c.Index, c.Errors)
		}
		if c.Untrusted {
			t.Errorf("code cell %d shows an 'untrusted' notice instead of its output", c.Index)
		}
		if len(c.Shown) != c.ModelImages {
			t.Errorf("code cell %d has %d image outputs but the page shows %d decoded images", c.Index, c.ModelImages, len(c.Shown))
		}
		for _, s := range c.Shown {
			figures++
			if s.Kind == "svg" {
				svg++
			}
			if s.Width < 100 || s.Height < 100 {
				t.Errorf("code cell %d: a %s figure is only %d×%d px on the page", c.Index, s.Kind, s.Width, s.Height)
			}
		}
	}
	if figures == 0 {
		t.Error("no figure is shown after Run All")
	} else if svg == 0 {
		t.Errorf("%d figures are shown, none as SVG (JupyterLab shows SVG for trusted outputs)", figures)
	}
	t.Logf("%d code cells, %d figures (%d SVG)", len(rep.Cells), figures, svg)
}

// TestStudentLabInBrowser takes a student's path through a lab: type a
// wrong answer into a stub, run it and its check (✗ with a hint), then the
// right answer (✓).
func TestStudentLabInBrowser(t *testing.T) {
	l := startLab(t)
	keepCommitted(t, l.tools.Root, studentLab.Notebook)
	rep := l.drive(t, "student", studentLab.Notebook, "student", 480*time.Second, studentLab)

	if !strings.Contains(rep.Before, "✗") {
		t.Errorf("before any answer, the check (cell %d) shows %q, want a ✗ verdict", rep.CheckCell, rep.Before)
	}
	if len(rep.Wrong.Errors) > 0 || len(rep.Right.Errors) > 0 {
		t.Errorf("cells failed instead of giving verdicts: wrong answer %q, right answer %q", rep.Wrong.Errors, rep.Right.Errors)
	}
	for _, want := range []string{studentLab.WrongVerdict, studentLab.Hint} {
		if !strings.Contains(rep.Wrong.Text, want) {
			t.Errorf("after the wrong answer the check shows %q, want it to contain %q", rep.Wrong.Text, want)
		}
	}
	if strings.Contains(rep.Wrong.Text, studentLab.RightVerdict) {
		t.Errorf("the wrong answer passed: %q", rep.Wrong.Text)
	}
	if !strings.Contains(rep.Right.Text, studentLab.RightVerdict) || strings.Contains(rep.Right.Text, studentLab.WrongVerdict) {
		t.Errorf("after the right answer the check shows %q, want %q and no %q", rep.Right.Text, studentLab.RightVerdict, studentLab.WrongVerdict)
	}
}

// TestLiveTrainingViewInBrowser runs notebook 01's live training view and
// checks that the page shows at least two different frames while Adam runs,
// and that the final frame is still shown after saving and reloading.
func TestLiveTrainingViewInBrowser(t *testing.T) {
	l := startLab(t)
	keepCommitted(t, l.tools.Root, liveView.Notebook)
	rep := l.drive(t, "live", liveView.Notebook, "live", 600*time.Second, liveView)

	distinct := map[string]bool{}
	for _, f := range rep.Frames {
		distinct[f] = true
	}
	t.Logf("%d frames seen (%d distinct images, %d distinct titles), first %q, last %q",
		len(rep.Frames), rep.DistinctFrames, len(distinct), first(rep.Frames), last(rep.Frames))
	if rep.DistinctFrames < 2 || len(distinct) < 2 {
		t.Errorf("the live view showed %d distinct frame(s) (titles %q), want at least 2", rep.DistinctFrames, rep.Frames)
	}
	if rep.RunState == nil || len(rep.RunState.Errors) > 0 {
		t.Fatalf("the live cell (%d) failed: %+v", rep.LiveCell, rep.RunState)
	}
	if rep.Reloaded == nil || len(rep.Reloaded.Shown) == 0 {
		t.Fatalf("after save and reload the live cell (%d) shows no figure: %+v", rep.LiveCell, rep.Reloaded)
	}
	if s := rep.Reloaded.Shown[0]; s.Width < 100 || s.Height < 100 {
		t.Errorf("after reload the figure is only %d×%d px", s.Width, s.Height)
	}
	// The saved notebook (in the workspace) holds the last frame the page showed.
	data, err := os.ReadFile(filepath.Join(l.workspace, liveView.Notebook))
	if err != nil {
		t.Fatal(err)
	}
	var saved struct {
		Cells []struct {
			Outputs []struct {
				Data map[string]json.RawMessage `json:"data"`
			} `json:"outputs"`
		} `json:"cells"`
	}
	if err := json.Unmarshal(data, &saved); err != nil {
		t.Fatalf("the saved %s: %v", liveView.Notebook, err)
	}
	if rep.LiveCell < 1 || rep.LiveCell > len(saved.Cells) {
		t.Fatalf("live cell %d is not in the saved notebook (%d cells)", rep.LiveCell, len(saved.Cells))
	}
	outs := saved.Cells[rep.LiveCell-1].Outputs
	if len(outs) != 1 {
		t.Fatalf("the saved live cell has %d outputs, want the one figure", len(outs))
	}
	var svg string
	if raw, ok := outs[0].Data["image/svg+xml"]; !ok || json.Unmarshal(raw, &svg) != nil {
		var parts []string
		if json.Unmarshal(raw, &parts) == nil {
			svg = strings.Join(parts, "")
		}
	}
	if final := last(rep.Frames); final == "" || !strings.Contains(svg, final) {
		t.Errorf("the saved figure is not the last frame shown (%q)", final)
	}
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

func last(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[len(s)-1]
}
