package nbtest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/factorlab/factorlab/internal/tooling"
)

// The lab notebooks are two nbgrader courses, notebooks/labs/en and
// notebooks/labs/ko. Each lab has one source, the teacher's notebook
// source/<lab>/<lab>.ipynb with nbgrader metadata and the solutions, and a
// student version release/<lab>/<lab>.ipynb generated from it by
// `nbgrader generate_assignment` (scripts/release_labs.py). Their
// expectations are added to the expectations map here rather than listed
// one by one in expect_test.go: every student notebook must show a friendly
// ✗ verdict for each task and no ✓, every source notebook a ✓ for each task
// and no ✗. pkg/lab prints the verdicts in Korean in the Korean notebooks
// (their folder is under .../ko), so each language expects its own texts.
// The whole grading loop (autograde, feedback) is tested in
// internal/gradetest.

// lab describes what one lab's notebooks must show.
type lab struct {
	name   string   // file name without .ipynb
	checks []string // report titles' prefixes, e.g. "L1.1"
	both   Expect   // shown by the student and the solution version alike
	// solved is shown only once the tasks are solved, by language: the
	// verdict texts are in the notebook's language.
	solved map[string]Expect
}

var labs = []lab{
	{name: "L1_adam", checks: []string{"L1.1", "L1.2", "L1.3"},
		solved: map[string]Expect{
			"en": {Numbers: []Number{Below(`loss at iteration 1000: (\S+)`, 1e-4)}},
			"ko": {Numbers: []Number{Below(`iteration 1000의 loss: (\S+)`, 1e-4)}},
		}},
	{name: "L2_eigenpairs", checks: []string{"L2.1", "L2.2", "L2.3"},
		solved: map[string]Expect{
			"en": {Texts: []string{"eigenvalues of [[4, 1], [2, 3]] (any order)** — [5, 2]"}},
			"ko": {Texts: []string{"[[4, 1], [2, 3]]의 고윳값 (순서 무관)** — [5, 2]"}},
		}},
	{name: "L3_break_the_claim", checks: []string{"L3.1", "L3.2", "L3.3"},
		solved: map[string]Expect{
			"en": {Texts: []string{"meet at 71.57°, not 90°", "eigenvalues 3, -1"}},
			"ko": {Texts: []string{"90°가 아닌 71.57°로 만난다", "고윳값 3, -1"}},
		}},
	{name: "L4_fix_the_svd", checks: []string{"L4.1", "L4.2"},
		both: Expect{Texts: []string{"naive UΣVᵀ ="}, Numbers: []Number{
			Near(`σ = \[(\S+)`, 9.5255, 1e-4),
			Near(`naive UΣVᵀ =\n⎡(\S+)`, 1.7133, 1e-4), // not A's 1: the naive SVD fails
		}}},
	{name: "L5_low_rank", checks: []string{"L5.1", "L5.2"},
		both: Expect{Numbers: []Number{Near(`σ = \[\S+ (\S+)\]`, 0.408882, 1e-6)}},
		solved: map[string]Expect{
			"en": {Numbers: []Number{Near(`MSE = (\S+), the Eckart–Young optimum`, 0.020898, 1e-6)}},
			"ko": {Numbers: []Number{Near(`MSE = (\S+), Eckart–Young 최적값이다`, 0.020898, 1e-6)}},
		}},
	{name: "L6_linear_maps", checks: []string{"L6.1", "L6.2", "L6.3"},
		solved: map[string]Expect{"en": {Images: 1}, "ko": {Images: 1}}},
	{name: "L7_recommending", checks: []string{"L7.1", "L7.2"},
		both: Expect{Texts: []string{"80000 training and 20000 test ratings, 1–5 stars"}, Numbers: []Number{
			Near(`floor \(the true model's test RMSE\): (\S+);`, 0.5502, 1e-4),
			Near(`target: below (\S+)`, 0.6002, 1e-4),
			Near(`bias-only baseline: test RMSE (\S+)`, 0.9104, 1e-3),
		}},
		solved: map[string]Expect{
			"en": {Numbers: []Number{Below(`test RMSE (\S+), \S+ above the floor`, 0.6002)}},
			"ko": {Numbers: []Number{Below(`테스트 RMSE (\S+), 바닥보다`, 0.6002)}},
		}},
	{name: "L8_image_energy", checks: []string{"L8.1", "L8.2"},
		both: Expect{Texts: []string{"camera: 512 singular values"}, Numbers: []Number{
			Near(`σ₁ = (\S+),`, 70966.0, 0.1),
		}},
		solved: map[string]Expect{
			"en": {Texts: []string{"rank 3 keeps 95.10 %", "rank 128 keeps 99.90 %"}},
			"ko": {Texts: []string{"계수 3: 95.10 % 남김", "계수 128: 99.90 % 남김"}},
		}},
}

var labLangs = []string{"en", "ko"}

// verdictTexts are the texts of pkg/lab's verdicts that the expectations
// use, by language; a Korean notebook must show none of the English ones.
var verdictTexts = map[string]struct{ notImplemented, panicked, timedOut string }{
	"en": {"not implemented yet", "your code panicked", "did not finish"},
	"ko": {"아직 구현되지 않음", "코드에서 panic이 발생했다", "안에 끝나지 않았다"},
}

func init() {
	for _, l := range labs {
		for _, lang := range labLangs {
			vt := verdictTexts[lang]
			solved := l.solved[lang]
			student := Expect{
				Texts:   append([]string{vt.notImplemented}, l.both.Texts...),
				Absent:  []string{"✓", "panicked", "did not finish", "goroutine ", vt.panicked, vt.timedOut},
				Numbers: l.both.Numbers,
			}
			solution := Expect{
				Texts:   append(append([]string(nil), l.both.Texts...), solved.Texts...),
				Absent:  []string{"✗", "not implemented", "panicked", "did not finish", vt.notImplemented, vt.panicked, vt.timedOut},
				Numbers: append(append([]Number(nil), l.both.Numbers...), solved.Numbers...),
				Images:  solved.Images,
			}
			if lang == "ko" { // no English verdict is left in a Korean notebook
				student.Absent = append(student.Absent, "not implemented", "checks failed", "hint:")
				solution.Absent = append(solution.Absent, "checks passed", "matches (largest")
			}
			for _, c := range l.checks {
				student.Texts = append(student.Texts, "✗ "+c+" ")
				solution.Texts = append(solution.Texts, "✓ "+c+" ")
			}
			add(labPath(lang, "release", l.name), student)
			add(labPath(lang, "source", l.name), solution)
		}
	}
}

// labPath is the path of a lab notebook in the nbgrader course of lang;
// step is "source" (the teacher's) or "release" (the student's).
func labPath(lang, step, name string) string {
	return "notebooks/labs/" + lang + "/" + step + "/" + name + "/" + name + ".ipynb"
}

func add(path string, e Expect) {
	if _, dup := expectations[path]; dup {
		panic(fmt.Sprintf("nbtest: %s has two expectations", path))
	}
	expectations[path] = e
}

// TestLabsAreGenerated checks that the committed student notebooks are
// exactly what nbgrader generates from the sources, that each lab's English
// and Korean code cells are identical, and that no solution reached a
// student notebook.
func TestLabsAreGenerated(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	py := findPython() // generating needs nbgrader, not the kernel
	if out, err := exec.Command(py, "-c", "import nbgrader, nbformat").CombinedOutput(); err != nil {
		if testing.Short() {
			t.Skipf("%s cannot import nbgrader (%v: %s)", py, err, out)
		}
		t.Fatalf("%s cannot import nbgrader (%v: %s): %s", py, err, out, tooling.SetupHint)
	}
	cmd := exec.Command(py, filepath.Join(root, "scripts", "release_labs.py"), "--check")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("student notebooks are not what nbgrader generates (%v):\n%s", err, out)
	}

	for _, l := range labs {
		for _, lang := range labLangs {
			for _, step := range []string{"release", "source"} {
				rel := labPath(lang, step, l.name)
				nb, err := Parse(filepath.Join(root, rel), rel)
				if err != nil {
					t.Fatal(err)
				}
				var src strings.Builder
				for _, c := range nb.Cells {
					if c.Type == "code" {
						src.WriteString(c.Source)
					}
				}
				has := strings.Contains(src.String(), "SOLUTION") || strings.Contains(src.String(), "HIDDEN TESTS")
				if step == "release" && has {
					t.Errorf("%s: a solution or hidden test leaked into the student notebook", rel)
				}
				if step == "source" && !strings.Contains(src.String(), "// BEGIN SOLUTION") {
					t.Errorf("%s: no solution regions", rel)
				}
				if step == "source" {
					checkMarkers(t, rel, nb)
				}
			}
		}
	}
}

// nbgraderMarkers are the only "// BEGIN …" and "// END …" lines a lab
// source may hold. nbgrader finds a marker by substring, so a mistyped one
// (say "// BEGIN HIDEN TESTS") is no marker at all: the region it should
// hide reaches the students as ordinary code, with the marker as a comment.
var nbgraderMarkers = map[string]bool{
	"// BEGIN SOLUTION": true, "// END SOLUTION": true,
	"// BEGIN HIDDEN TESTS": true, "// END HIDDEN TESTS": true,
}

// checkMarkers reports every marker-like line of a lab source's code cells
// that is not exactly one of nbgraderMarkers, and every cell whose BEGIN and
// END markers do not pair up.
func checkMarkers(t *testing.T, rel string, nb *Notebook) {
	t.Helper()
	for i, c := range nb.Cells {
		if c.Type != "code" {
			continue
		}
		open := ""
		for n, line := range strings.Split(c.Source, "\n") {
			l := strings.TrimSpace(line)
			if !strings.HasPrefix(l, "// BEGIN") && !strings.HasPrefix(l, "// END") {
				continue
			}
			if !nbgraderMarkers[l] {
				t.Errorf("%s: cell %d line %d: %q is not an nbgrader marker (want one of // BEGIN SOLUTION, // END SOLUTION, // BEGIN HIDDEN TESTS, // END HIDDEN TESTS)", rel, i, n+1, l)
				continue
			}
			region := strings.TrimPrefix(strings.TrimPrefix(l, "// BEGIN "), "// END ")
			switch {
			case strings.HasPrefix(l, "// BEGIN") && open == "":
				open = region
			case strings.HasPrefix(l, "// END") && open == region:
				open = ""
			default:
				t.Errorf("%s: cell %d line %d: %q does not pair with the markers before it", rel, i, n+1, l)
			}
		}
		if open != "" {
			t.Errorf("%s: cell %d: // BEGIN %s has no // END %s", rel, i, open, open)
		}
	}
}

// TestEveryLabIsListed keeps labs, the notebooks on disk and
// notebooks/README.md in step.
func TestEveryLabIsListed(t *testing.T) {
	root := filepath.Join("..", "..")
	readme, err := os.ReadFile(filepath.Join(root, "notebooks", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	found, err := Find(root, "notebooks/labs")
	if err != nil {
		t.Fatal(err)
	}
	if want := 4 * len(labs); len(found) != want {
		t.Errorf("notebooks/labs holds %d notebooks, want %d (4 per lab)", len(found), want)
	}
	for _, l := range labs {
		if want := strings.TrimPrefix(labPath("en", "release", l.name), "notebooks/"); !strings.Contains(string(readme), want) {
			t.Errorf("notebooks/README.md does not list %s", want)
		}
	}
}

// TestLabFailuresAreFriendly runs student mistakes through the real kernel
// — a panic in the student's code, a panic inside gonum, an endless loop, a
// wrong answer, a function never written — and checks that each ends in a
// ✗ verdict with a hint, while no cell fails and no stack trace is shown.
func TestLabFailuresAreFriendly(t *testing.T) {
	e := sharedEnv(t)
	nb, log, err := e.Run("internal/nbtest/testdata/lab_failures.ipynb", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := nb.Failure(); err != nil {
		t.Fatalf("a student mistake made a cell fail: %v\nkernel log (tail):\n%s", err, lastLines(log, 20))
	}
	checkExpect(t, nb, Expect{
		Texts: []string{
			"✗ L6.1 ", "your code panicked: runtime error: index out of range [3] with length 3 (in main.Rotation)",
			"✗ L6.2 ", "did not finish within 10s",
			"✗ L4.2 ", "your code panicked", "(in main.FixU)", "incompatible shapes",
			"✗ L6.3 ", "off by 0.5", "then stretch x by 2 and y by 0.5",
			"✗ L2.2 ", "not implemented yet",
		},
		Absent: []string{"✓ L", "goroutine ", ".go:", "runtime/debug"},
		Images: 1,
	})
}

// TestLabTexts guards corrections to the labs' prose: L6 must not say that
// a linear map turns a square into a trapezoid by shearing (it gives a
// parallelogram, as notebook 03 says), and L4 must not spell out the gonum
// calls of its own solution.
func TestLabTexts(t *testing.T) {
	root := filepath.Join("..", "..")
	markdown := func(lang, name string) (md, code string) {
		rel := labPath(lang, "source", name)
		nb, err := Parse(filepath.Join(root, rel), rel)
		if err != nil {
			t.Fatal(err)
		}
		var m, c strings.Builder
		for _, cell := range nb.Cells {
			switch cell.Type {
			case "markdown":
				m.WriteString(cell.Source + "\n")
			case "code":
				c.WriteString(cell.Source + "\n")
			}
		}
		return m.String(), c.String()
	}
	l6 := map[string]struct{ wrong, right string }{
		"en": {"shears", "parallelogram"},
		"ko": {"shear", "평행사변형"},
	}
	for _, lang := range labLangs {
		md, _ := markdown(lang, "L6_linear_maps")
		if strings.Contains(md, l6[lang].wrong) || !strings.Contains(md, l6[lang].right) {
			t.Errorf("L6 (%s) must call the image of the square a parallelogram, not a sheared trapezoid", lang)
		}

		md, code := markdown(lang, "L4_fix_the_svd")
		called := map[string]bool{}
		for _, region := range regexp.MustCompile(`(?s)// BEGIN SOLUTION\n(.*?)// END SOLUTION`).FindAllStringSubmatch(code, -1) {
			for _, m := range regexp.MustCompile(`\.([A-Z]\w*)\(`).FindAllStringSubmatch(region[1], -1) {
				called[m[1]] = true
			}
		}
		if len(called) == 0 {
			t.Fatalf("L4 (%s): found no calls in the solution regions", lang)
		}
		for _, span := range regexp.MustCompile("`[^`]*`").FindAllString(md, -1) {
			for _, m := range regexp.MustCompile(`\.([A-Z]\w*)\(`).FindAllStringSubmatch(span, -1) {
				if called[m[1]] {
					t.Errorf("L4 (%s) gives away the solution's call %s in %s", lang, m[1], span)
				}
			}
		}
	}
}
