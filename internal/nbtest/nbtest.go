// Package nbtest executes FactorLab's notebooks with the real GoNB kernel
// through Jupyter and checks what they printed and drew.
//
// Notebooks are executed by scripts/run_notebooks.py with the project's
// Python environment (.venv, nbclient) and the gonb kernel registered in it,
// each in its own kernel; Jupyter's config and runtime folders are private to
// the run, so the result does not depend on the user's own Jupyter set-up.
// The kernel's log goes to a file, returned with each run for failure reports.
//
// The checks live in this package's tests; the functions here find the
// tools, run a notebook and read its outputs.
package nbtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/factorlab/factorlab/internal/tooling"
)

// Notebook is an executed notebook, reduced to what the checks look at.
type Notebook struct {
	Path  string // path relative to the repository root
	Cells []Cell
}

// Cell is one cell of an executed notebook.
type Cell struct {
	Index  int    // 1-based position among all cells, as shown in Jupyter
	Type   string // "code" or "markdown"
	Source string
	Text   string   // all text outputs: streams, text/plain, text/markdown, text/html
	Images []string // MIME types of image outputs, one entry per output bundle
	Errors []string // "ename: evalue" of each error output
}

// Failure describes the first failing cell of a notebook in words that name
// the notebook and the cell.
func (nb *Notebook) Failure() error {
	for _, c := range nb.Cells {
		if len(c.Errors) > 0 {
			return fmt.Errorf("%s: cell %d (%s) failed: %s\n%s", nb.Path, c.Index, firstLine(c.Source),
				strings.Join(c.Errors, "; "), lastLines(c.Text, 12))
		}
	}
	return nil
}

// Text returns the text output of every code cell, joined.
func (nb *Notebook) Text() string {
	var b strings.Builder
	for _, c := range nb.Cells {
		b.WriteString(c.Text)
	}
	return b.String()
}

// ImageOutputs counts the image outputs of the notebook, and how many of them
// carry both an SVG and a PNG rendering.
func (nb *Notebook) ImageOutputs() (all, svgAndPNG int) {
	for _, c := range nb.Cells {
		for _, kinds := range c.Images {
			all++
			if strings.Contains(kinds, "image/svg+xml") && strings.Contains(kinds, "image/png") {
				svgAndPNG++
			}
		}
	}
	return all, svgAndPNG
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " …"
	}
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return strconv.Quote(s)
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// Parse reads an .ipynb file (nbformat 4).
func Parse(path, rel string) (*Notebook, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var raw struct {
		Cells []struct {
			CellType string          `json:"cell_type"`
			Source   json.RawMessage `json:"source"`
			Outputs  []struct {
				OutputType string                     `json:"output_type"`
				Text       json.RawMessage            `json:"text"`
				Data       map[string]json.RawMessage `json:"data"`
				Ename      string                     `json:"ename"`
				Evalue     string                     `json:"evalue"`
			} `json:"outputs"`
		} `json:"cells"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("%s: not a notebook: %v", rel, err)
	}
	nb := &Notebook{Path: rel}
	for i, rc := range raw.Cells {
		c := Cell{Index: i + 1, Type: rc.CellType, Source: multiline(rc.Source)}
		var text strings.Builder
		for _, o := range rc.Outputs {
			switch o.OutputType {
			case "stream":
				text.WriteString(multiline(o.Text))
			case "display_data", "execute_result", "update_display_data":
				var kinds []string
				for mime, v := range o.Data {
					switch {
					case strings.HasPrefix(mime, "image/"):
						kinds = append(kinds, mime)
					case strings.HasPrefix(mime, "text/"):
						text.WriteString(multiline(v))
						text.WriteString("\n")
					}
				}
				if len(kinds) > 0 {
					sort.Strings(kinds)
					c.Images = append(c.Images, strings.Join(kinds, "+"))
				}
			case "error":
				c.Errors = append(c.Errors, strings.TrimSpace(o.Ename+": "+o.Evalue))
			}
		}
		c.Text = text.String()
		nb.Cells = append(nb.Cells, c)
	}
	return nb, nil
}

// multiline decodes nbformat's "string or list of strings".
func multiline(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var parts []string
	if json.Unmarshal(raw, &parts) == nil {
		return strings.Join(parts, "")
	}
	return ""
}

// Env is a prepared execution environment: the project's Python
// environment (.venv, made by scripts/setup.sh) with nbclient and the gonb
// kernel registered in it, and private Jupyter config and runtime folders.
type Env struct {
	Root    string   // repository root
	Python  string   // the venv's interpreter, which has nbclient
	Kernel  string   // the folder of the gonb kernelspec the runner uses
	environ []string // environment for the runner
}

// findPython returns the venv's interpreter, or /usr/bin/python3 when there
// is no venv yet (for tests that only need nbformat).
func findPython() string {
	if tools, err := tooling.Find(); err == nil {
		return tools.Python
	}
	if root, err := tooling.Root(); err == nil {
		if p := filepath.Join(root, ".venv", "bin", "python"); fileExists(p) {
			return p
		}
	}
	return "/usr/bin/python3"
}

func samePath(a, b string) bool {
	ra, errA := filepath.EvalSymlinks(a)
	rb, errB := filepath.EvalSymlinks(b)
	return errA == nil && errB == nil && ra == rb
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// Prepare finds the venv, its gonb kernel and the Go tools (internal/tooling),
// with Jupyter's config and runtime folders under jupyterDir so that the
// user's own Jupyter set-up plays no part. A missing piece is an error that
// says to run scripts/setup.sh.
func Prepare(root, jupyterDir string) (*Env, error) {
	tools, err := tooling.Find()
	if err != nil {
		return nil, err
	}
	environ := append(tools.Environ(jupyterDir), "FACTORLAB_GONB_RAW_ERROR=1")
	cmd := exec.Command(tools.Python, "-c", "import nbclient, nbformat\n"+
		"from jupyter_client.kernelspec import KernelSpecManager\n"+
		"print(KernelSpecManager().get_kernel_spec('gonb').resource_dir)")
	cmd.Env = environ
	out, err := cmd.CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("%s cannot run notebooks (%v: %s): %s", tools.Python, err, bytes.TrimSpace(out), tooling.SetupHint)
	}
	kernel := strings.TrimSpace(string(out))
	if want := filepath.Dir(tools.KernelSpec()); !samePath(kernel, want) {
		return nil, fmt.Errorf("Jupyter picks the gonb kernel in %s, not the venv's %s: %s", kernel, want, tooling.SetupHint)
	}
	return &Env{Root: root, Python: tools.Python, Kernel: kernel, environ: environ}, nil
}

// Environ returns the environment Prepare made for Jupyter: the GoNB
// kernel registered in its own data folder, the Go tools on PATH. Other
// Jupyter programs (nbgrader) run with it find the same kernel.
func (e *Env) Environ() []string { return append([]string(nil), e.environ...) }

// Run executes the notebook at rel (relative to the root) and returns the
// executed notebook, and the runner's output followed by the kernel's log,
// for failure reports.
func (e *Env) Run(rel, outDir string) (nb *Notebook, log string, err error) {
	logDir := filepath.Join(outDir, "kernel-logs")
	cmd := exec.Command(e.Python, filepath.Join(e.Root, "scripts", "run_notebooks.py"),
		"--output-dir", outDir, "--log-dir", logDir, "--timeout", "600", rel)
	cmd.Dir = e.Root
	cmd.Env = e.environ
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	log = stdout.String() + stderr.String()
	if logs, _ := filepath.Glob(filepath.Join(logDir, "*.log")); len(logs) > 0 {
		if data, err := os.ReadFile(logs[0]); err == nil {
			log += string(data)
		}
	}
	out := filepath.Join(outDir, filepath.Base(rel))
	if _, statErr := os.Stat(out); statErr != nil {
		return nil, log, fmt.Errorf("%s: notebook did not run (%v):\n%s", rel, runErr, lastLines(log, 40))
	}
	nb, err = Parse(out, rel)
	if err != nil {
		return nil, log, err
	}
	var exitErr *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exitErr) {
		return nb, log, runErr
	}
	return nb, log, nil
}

// skipDirs are folders Find does not enter: Jupyter's and npm's, and
// nbgrader's working state in a lab course (a teacher's local submissions,
// autograded copies and feedback).
var skipDirs = map[string]bool{
	".ipynb_checkpoints": true, "node_modules": true,
	"submitted": true, "autograded": true, "feedback": true,
}

// Find lists the notebooks under dir (relative to root), sorted, skipping
// Jupyter's checkpoint folders.
func Find(root, dir string) ([]string, error) {
	var found []string
	err := filepath.WalkDir(filepath.Join(root, dir), func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && skipDirs[d.Name()] {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".ipynb") {
			rel, _ := filepath.Rel(root, p)
			found = append(found, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(found)
	return found, err
}

// Number is a check on a number printed by a notebook: the first capture
// group of Pattern must parse as a float within [Min, Max].
type Number struct {
	Pattern  string
	Min, Max float64
}

// Near is a Number check for want ± tol.
func Near(pattern string, want, tol float64) Number {
	return Number{Pattern: pattern, Min: want - tol, Max: want + tol}
}

// Below is a Number check for a value that must not exceed limit.
func Below(pattern string, limit float64) Number {
	return Number{Pattern: pattern, Min: -1e308, Max: limit}
}

// Check applies the number check to text and describes what went wrong.
func (n Number) Check(text string) error {
	re, err := regexp.Compile(n.Pattern)
	if err != nil {
		return fmt.Errorf("bad pattern %q: %v", n.Pattern, err)
	}
	m := re.FindStringSubmatch(text)
	if len(m) < 2 {
		return fmt.Errorf("no output matches %q", n.Pattern)
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(m[1]), 64)
	if err != nil {
		return fmt.Errorf("%q matched %q, which is not a number", n.Pattern, m[1])
	}
	if v < n.Min || v > n.Max {
		return fmt.Errorf("%q printed %g, want within [%g, %g]", n.Pattern, v, n.Min, n.Max)
	}
	return nil
}
