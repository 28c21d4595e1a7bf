package gradetest

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/factorlab/factorlab/internal/nbtest"
	"github.com/factorlab/factorlab/internal/tooling"
)

// gradedLab is the lab taken through the whole loop, in both languages,
// and how its "one wrong task" student gets that task wrong.
var gradedLab = struct {
	name   string
	tasks  []task
	wrong  int                     // index in tasks of the task the second student gets wrong
	breakf func(src string) string // turns that task's solution into a wrong answer
	broken string                  // what breakf changes, to fail loudly when the solution moves
}{
	name: "L5_low_rank",
	tasks: []task{
		{check: "L5_1", answer: "L5_1_answer", title: "L5.1", points: 5},
		{check: "L5_2", answer: "L5_2_answer", title: "L5.2", points: 5},
	},
	wrong:  0,
	broken: "range sigma[k:] {",
	// Only the first dropped singular value instead of all of them: right
	// on every visible example (they have two columns), wrong on the
	// hidden 4×3 matrix. So the task fails through its hidden test alone.
	breakf: func(src string) string {
		return strings.Replace(src, "range sigma[k:] {", "range sigma[k:min(k+1, len(sigma))] {", 1)
	},
}

// task is one graded task: its answer cell, its check cell (nbgrader grade
// ids), the title its verdict starts with and its points.
type task struct {
	check, answer, title string
	points               float64
}

// notImplemented is the verdict of an untouched stub, by language.
var notImplemented = map[string]string{"en": "not implemented yet", "ko": "아직 구현되지 않음"}

func TestGradingLoop(t *testing.T) {
	if testing.Short() {
		t.Skip("runs nbgrader with the real GoNB kernel; skipped with -short")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	tools := tooling.Need(t)
	py := tools.Python
	if out, err := exec.Command(py, "-c", "import nbgrader").CombinedOutput(); err != nil {
		t.Fatalf("%s cannot import nbgrader (%v: %s): %s", py, err, strings.TrimSpace(string(out)), tooling.SetupHint)
	}
	// The environment of the notebook tests: the venv's gonb kernel, the
	// venv's programs (nbgrader runs alembic) first on PATH.
	env, err := nbtest.Prepare(root, t.TempDir())
	if err != nil {
		t.Fatalf("cannot run notebooks: %v", err)
	}
	environ := env.Environ()

	for _, lang := range []string{"en", "ko"} {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			gradeOneLanguage(t, root, py, environ, lang)
		})
	}
}

func gradeOneLanguage(t *testing.T, root, py string, environ []string, lang string) {
	lab := gradedLab.name
	// The course lives in <tmp>/<lang>, next to links to this module, so that
	// the notebooks' set-up cell finds go.mod as it does in notebooks/labs/<lang>;
	// the folder name "ko" is what makes pkg/lab speak Korean there.
	tmp := t.TempDir()
	for _, name := range []string{"go.mod", "go.sum", "pkg", "internal", "notebooks", "scripts"} {
		if err := os.Symlink(filepath.Join(root, name), filepath.Join(tmp, name)); err != nil {
			t.Fatal(err)
		}
	}
	course := filepath.Join(tmp, lang)
	srcDir := filepath.Join(course, "source", lab)
	if err := os.MkdirAll(srcDir, 0o755); err != nil {
		t.Fatal(err)
	}
	courseSrc := filepath.Join(root, "notebooks", "labs", lang)
	copyFile(t, filepath.Join(courseSrc, "nbgrader_config.py"), filepath.Join(course, "nbgrader_config.py"))
	copyFile(t, filepath.Join(courseSrc, "source", lab, lab+".ipynb"), filepath.Join(srcDir, lab+".ipynb"))

	nbgrader := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(py, append([]string{"-m", "nbgrader"}, args...)...)
		cmd.Dir = course
		cmd.Env = environ
		out, err := cmd.CombinedOutput()
		if err != nil || strings.Contains(string(out), "| ERROR]") {
			t.Fatalf("nbgrader %s: %v\n%s", strings.Join(args, " "), err, lastLines(string(out), 60))
		}
		return string(out)
	}

	nbgrader("generate_assignment", lab, "--force")
	release := readNotebook(t, filepath.Join(course, "release", lab, lab+".ipynb"))
	source := readNotebook(t, filepath.Join(srcDir, lab+".ipynb"))

	// Three students: the full solution, one task wrong, the stubs untouched.
	solutions := map[string]string{}
	for _, c := range source.cells() {
		if id := c.gradeID(); id != "" && c.isSolution() {
			solutions[id] = withoutMarkers(c.source())
		}
	}
	wrongTask := gradedLab.tasks[gradedLab.wrong]
	if !strings.Contains(solutions[wrongTask.answer], gradedLab.broken) {
		t.Fatalf("%s's solution of %s no longer contains %q: update gradedLab", lab, wrongTask.answer, gradedLab.broken)
	}
	students := map[string]map[string]string{
		"full":      solutions,
		"one_wrong": {},
		"untouched": nil,
	}
	for id, s := range solutions {
		if id == wrongTask.answer {
			s = gradedLab.breakf(s)
		}
		students["one_wrong"][id] = s
	}
	for student, answers := range students {
		nb := release.clone(t)
		for _, c := range nb.cells() {
			if s, ok := answers[c.gradeID()]; ok && c.isSolution() {
				c.setSource(s)
			}
		}
		dir := filepath.Join(course, "submitted", student, lab)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		nb.write(t, filepath.Join(dir, lab+".ipynb"))
	}

	nbgrader("autograde", lab, "--force")
	csvPath := filepath.Join(tmp, "grades.csv")
	nbgrader("export", "--to="+csvPath)
	scores := readScores(t, csvPath)

	total := 0.0
	for _, tk := range gradedLab.tasks {
		total += tk.points
	}
	want := map[string]float64{"full": total, "one_wrong": total - wrongTask.points, "untouched": 0}
	for student, w := range want {
		got, ok := scores[student]
		if !ok {
			t.Errorf("%s: nbgrader exported no score for %s", lang, student)
			continue
		}
		if got[0] != w || got[1] != total {
			t.Errorf("%s: %s scored %g of %g, want %g of %g", lang, student, got[0], got[1], w, total)
		}
	}

	// A check writes to stderr exactly when it fails.
	for student := range students {
		nb := readNotebook(t, filepath.Join(course, "autograded", student, lab, lab+".ipynb"))
		for _, c := range nb.cells() {
			if !c.isGrade() {
				continue
			}
			failed := student == "untouched" || (student == "one_wrong" && c.gradeID() == wrongTask.check)
			if got := c.stderr(); (got != "") != failed {
				t.Errorf("%s: %s's check %s wrote %q to stderr; it should write there iff the check fails",
					lang, student, c.gradeID(), got)
			}
			if student == "one_wrong" && c.gradeID() == wrongTask.check {
				out := c.outputText()
				if !strings.Contains(out, "✓ "+wrongTask.title) || !strings.Contains(out, "✗ "+wrongTask.title) {
					t.Errorf("%s: one_wrong's %s should pass the visible check and fail the hidden one:\n%s",
						lang, wrongTask.check, out)
				}
			}
			if c.hasError() {
				t.Errorf("%s: %s's check %s ended in an error output, not a verdict: %s",
					lang, student, c.gradeID(), firstN(c.errorText(), 400))
			}
		}
	}

	nbgrader("generate_feedback", lab, "--force")
	feedback := func(student string) string {
		b, err := os.ReadFile(filepath.Join(course, "feedback", student, lab, lab+".html"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	fbWrong, fbFull, fbNone := feedback("one_wrong"), feedback("full"), feedback("untouched")
	for _, tk := range gradedLab.tasks {
		failed := "✗ " + tk.title
		if tk == wrongTask {
			if !strings.Contains(fbWrong, failed) {
				t.Errorf("%s: one_wrong's feedback does not name the failed task %q", lang, failed)
			}
		} else if strings.Contains(fbWrong, failed) || !strings.Contains(fbWrong, "✓ "+tk.title) {
			t.Errorf("%s: one_wrong's feedback should show %s passed", lang, tk.title)
		}
		if strings.Contains(fbFull, failed) || !strings.Contains(fbFull, "✓ "+tk.title) {
			t.Errorf("%s: full's feedback should show %s passed", lang, tk.title)
		}
		if !strings.Contains(fbNone, failed) {
			t.Errorf("%s: untouched's feedback does not show %q", lang, failed)
		}
	}
	if !strings.Contains(fbNone, notImplemented[lang]) {
		t.Errorf("%s: untouched's feedback lacks the verdict %q", lang, notImplemented[lang])
	}
}

// readScores reads nbgrader's CSV export: student id → (score, max score).
func readScores(t *testing.T, path string) map[string][2]float64 {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 {
		t.Fatalf("%s has no grades", path)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, h := range []string{"student_id", "score", "max_score"} {
		if _, ok := col[h]; !ok {
			t.Fatalf("%s has no column %q: %v", path, h, rows[0])
		}
	}
	scores := map[string][2]float64{}
	for _, r := range rows[1:] {
		s, err1 := strconv.ParseFloat(r[col["score"]], 64)
		m, err2 := strconv.ParseFloat(r[col["max_score"]], 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: bad score in %v", path, r)
		}
		scores[r[col["student_id"]]] = [2]float64{s, m}
	}
	return scores
}

// withoutMarkers removes the solution-region marker lines from a source cell.
func withoutMarkers(src string) string {
	var keep []string
	for _, line := range strings.Split(src, "\n") {
		switch strings.TrimSpace(line) {
		case "// BEGIN SOLUTION", "// END SOLUTION":
			continue
		}
		keep = append(keep, line)
	}
	return strings.Join(keep, "\n")
}

// notebook is a notebook as generic JSON, so that writing it back keeps
// every field nbgrader put there.
type notebook map[string]any

type cell map[string]any

func readNotebook(t *testing.T, path string) notebook {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var nb notebook
	if err := json.Unmarshal(b, &nb); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return nb
}

func (nb notebook) clone(t *testing.T) notebook {
	b, err := json.Marshal(nb)
	if err != nil {
		t.Fatal(err)
	}
	var c notebook
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func (nb notebook) write(t *testing.T, path string) {
	b, err := json.MarshalIndent(nb, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

func (nb notebook) cells() []cell {
	var cs []cell
	list, _ := nb["cells"].([]any)
	for _, c := range list {
		if m, ok := c.(map[string]any); ok {
			cs = append(cs, cell(m))
		}
	}
	return cs
}

func (c cell) nbgrader() map[string]any {
	meta, _ := c["metadata"].(map[string]any)
	ng, _ := meta["nbgrader"].(map[string]any)
	return ng
}

func (c cell) gradeID() string    { s, _ := c.nbgrader()["grade_id"].(string); return s }
func (c cell) isSolution() bool   { b, _ := c.nbgrader()["solution"].(bool); return b }
func (c cell) isGrade() bool      { b, _ := c.nbgrader()["grade"].(bool); return b }
func (c cell) setSource(s string) { c["source"] = s }

func (c cell) source() string { return text(c["source"]) }

// text joins a notebook's multi-line string (a string or a list of strings).
func text(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []any:
		var b strings.Builder
		for _, s := range x {
			str, _ := s.(string)
			b.WriteString(str)
		}
		return b.String()
	}
	return ""
}

func (c cell) outputs() []map[string]any {
	var outs []map[string]any
	list, _ := c["outputs"].([]any)
	for _, o := range list {
		if m, ok := o.(map[string]any); ok {
			outs = append(outs, m)
		}
	}
	return outs
}

func (c cell) stderr() string {
	var b strings.Builder
	for _, o := range c.outputs() {
		if o["output_type"] == "stream" && o["name"] == "stderr" {
			b.WriteString(text(o["text"]))
		}
	}
	return b.String()
}

// outputText joins the cell's stream texts and its Markdown and plain-text
// displays.
func (c cell) outputText() string {
	var b strings.Builder
	for _, o := range c.outputs() {
		b.WriteString(text(o["text"]))
		if data, ok := o["data"].(map[string]any); ok {
			b.WriteString(text(data["text/markdown"]))
			b.WriteString(text(data["text/plain"]))
		}
	}
	return b.String()
}

func (c cell) hasError() bool { return c.errorText() != "" }

// errorText is "ename: evalue" of the cell's error outputs, joined.
func (c cell) errorText() string {
	var errs []string
	for _, o := range c.outputs() {
		if o["output_type"] == "error" {
			errs = append(errs, fmt.Sprintf("%v: %v", o["ename"], o["evalue"]))
		}
	}
	return strings.Join(errs, "; ")
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// firstN is s cut to n bytes, marked when cut.
func firstN(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
