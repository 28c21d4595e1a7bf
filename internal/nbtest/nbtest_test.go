package nbtest

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"
)

// Expect is what a notebook must show after a clean top-to-bottom run.
type Expect struct {
	Texts   []string // substrings that must appear in the outputs
	Absent  []string // substrings that must not appear
	Numbers []Number // numbers printed, within tolerances
	Images  int      // image outputs (each an SVG+PNG bundle)
	Figures []string // substrings of the text drawn in the SVG figures
}

var (
	envOnce sync.Once
	env     *Env
	envErr  error
)

// sharedEnv prepares the kernel once per test binary.
func sharedEnv(t *testing.T) *Env {
	t.Helper()
	if testing.Short() {
		t.Skip("notebooks run with the real GoNB kernel; skipped with -short")
	}
	envOnce.Do(func() {
		root, err := filepath.Abs(filepath.Join("..", ".."))
		if err != nil {
			envErr = err
			return
		}
		dir, err := os.MkdirTemp("", "factorlab-jupyter-")
		if err != nil {
			envErr = err
			return
		}
		env, envErr = Prepare(root, dir)
	})
	if envErr != nil {
		t.Fatalf("cannot execute notebooks: %v", envErr)
	}
	return env
}

// TestNotebooks executes every notebook under notebooks/ and checks it
// against its entry in expectations.
func TestNotebooks(t *testing.T) {
	e := sharedEnv(t)
	paths, err := Find(e.Root, "notebooks")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no notebooks found under notebooks/")
	}
	for _, rel := range paths {
		t.Run(strings.TrimSuffix(rel, ".ipynb"), func(t *testing.T) {
			t.Parallel()
			want, ok := expectations[rel]
			if !ok {
				t.Fatalf("%s has no entry in internal/nbtest/expect_test.go: say what it must print and draw", rel)
			}
			nb, log, err := e.Run(rel, t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			if err := nb.Failure(); err != nil {
				t.Fatalf("%v\nkernel log (tail):\n%s", err, lastLines(log, 20))
			}
			checkExpect(t, nb, want)
		})
	}
}

func checkExpect(t *testing.T, nb *Notebook, want Expect) {
	t.Helper()
	text := nb.Text()
	for _, s := range want.Texts {
		if !strings.Contains(text, s) {
			t.Errorf("%s: output lacks %q", nb.Path, s)
		}
	}
	for _, s := range want.Absent {
		if strings.Contains(text, s) {
			t.Errorf("%s: output contains %q, which it must not", nb.Path, s)
		}
	}
	for _, n := range want.Numbers {
		if err := n.Check(text); err != nil {
			t.Errorf("%s: %v", nb.Path, err)
		}
	}
	var drawn strings.Builder
	for _, c := range nb.Cells {
		for i, f := range c.Figures {
			drawn.WriteString(f)
			drawn.WriteString("\n")
			if isKorean(nb.Path) && !hasHangul(f) {
				t.Errorf("%s: figure %d of cell %d draws no Hangul (%q): a Korean notebook's figures are Korean", nb.Path, i+1, c.Index, firstN(f, 120))
			}
		}
	}
	for _, s := range want.Figures {
		if !strings.Contains(drawn.String(), s) {
			t.Errorf("%s: no figure draws %q", nb.Path, s)
		}
	}
	all, both := nb.ImageOutputs()
	if all != want.Images {
		t.Errorf("%s: %d image outputs, want %d", nb.Path, all, want.Images)
	}
	if both != all {
		t.Errorf("%s: %d of %d image outputs lack an SVG+PNG bundle", nb.Path, all-both, all)
	}
}

// isKorean reports whether the notebook at path is a Korean one.
func isKorean(path string) bool {
	return strings.Contains(path, "/ko/")
}

func hasHangul(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Hangul, r) }) >= 0
}

func firstN(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// TestBrokenNotebookIsReported proves the harness fails, naming the notebook
// and the cell, when a cell panics.
func TestBrokenNotebookIsReported(t *testing.T) {
	e := sharedEnv(t)
	nb, _, err := e.Run("internal/nbtest/testdata/broken.ipynb", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	fail := nb.Failure()
	if fail == nil {
		t.Fatal("a notebook whose third cell panics was reported as passing")
	}
	msg := fail.Error()
	for _, want := range []string{"internal/nbtest/testdata/broken.ipynb", "cell 3", "index out of range"} {
		if !strings.Contains(msg, want) {
			t.Errorf("failure message %q does not mention %q", msg, want)
		}
	}
	if !strings.Contains(nb.Text(), "⎡4  1⎤") {
		t.Errorf("the cells before the broken one should have run; output was %q", nb.Text())
	}
}

func TestNumberCheck(t *testing.T) {
	text := "Iteration 1000, loss: 8.8e-09\nEigenvalues: 5.0000, 2.0000\n"
	cases := []struct {
		n    Number
		fail bool
	}{
		{Below(`Iteration 1000, loss: (\S+)`, 1e-4), false},
		{Below(`Iteration 1000, loss: (\S+)`, 1e-10), true},
		{Near(`Eigenvalues: (\S+),`, 5, 1e-4), false},
		{Near(`Eigenvalues: \S+, (\S+)`, 3, 1e-4), true},
		{Near(`Missing: (\S+)`, 1, 1), true},
		{Near(`Eigenvalues: (\w+)`, 1, 1), true},
	}
	for _, c := range cases {
		err := c.n.Check(text)
		if (err != nil) != c.fail {
			t.Errorf("%+v: err = %v, want failure %v", c.n, err, c.fail)
		}
	}
}

func TestParse(t *testing.T) {
	// An executed notebook: a markdown cell, a cell with a stream and an
	// SVG+PNG figure, and a failed cell. It is written here rather than
	// committed, so that no committed notebook carries an error output.
	const executed = `{"cells": [
 {"cell_type": "markdown", "metadata": {}, "source": ["# t"]},
 {"cell_type": "code", "execution_count": 1, "metadata": {}, "source": ["x"], "outputs": [
  {"name": "stdout", "output_type": "stream", "text": ["hello\n"]},
  {"output_type": "display_data", "metadata": {}, "data": {"image/png": "iVBO", "image/svg+xml": ["<svg><text x=\"1\" style=\"font-family:FactorLab Hangul\">변환 전</text>\n", "<text x=\"9\">: A &lt; B</text></svg>"]}}]},
 {"cell_type": "code", "execution_count": 2, "metadata": {}, "source": ["y"], "outputs": [
  {"output_type": "error", "ename": "ERROR", "evalue": "boom", "traceback": ["boom"]}]}
], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`
	path := filepath.Join(t.TempDir(), "executed.ipynb")
	if err := os.WriteFile(path, []byte(executed), 0o644); err != nil {
		t.Fatal(err)
	}
	nb, err := Parse(path, "executed.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	if len(nb.Cells) != 3 {
		t.Fatalf("%d cells, want 3", len(nb.Cells))
	}
	all, both := nb.ImageOutputs()
	if all != 1 || both != 1 {
		t.Errorf("images: %d (%d with SVG+PNG), want 1 (1)", all, both)
	}
	if !strings.Contains(nb.Text(), "hello") {
		t.Errorf("text %q lacks the stream output", nb.Text())
	}
	if f := nb.Cells[1].Figures; len(f) != 1 || f[0] != "변환 전: A < B" {
		t.Errorf("figure text %q, want [\"변환 전: A < B\"]", f)
	}
	err = nb.Failure()
	if err == nil || !strings.Contains(err.Error(), "cell 3") || !strings.Contains(err.Error(), "boom") {
		t.Errorf("Failure() = %v, want it to name cell 3 and its error", err)
	}
}
