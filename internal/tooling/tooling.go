// Package tooling finds the pieces of FactorLab's development set-up that
// tests need: the repository root, the project's Python environment
// (<root>/.venv, made by scripts/setup.sh) with its Jupyter programs, the
// Go tools' folder, Chromium and Node.js.
//
// Every lookup that fails returns an error naming the missing piece and the
// command that installs it ("run scripts/setup.sh (make setup)"). Tests call
// Need, which fails the test with that message: a missing piece is a test
// failure, never a skip.
//
//	tools := tooling.Need(t)              // root, venv, Go tools
//	cmd := exec.Command(tools.Python, ...)
//	cmd.Env = tools.Environ(t.TempDir())  // the venv's kernel, private Jupyter folders
package tooling

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Module is the module path of the repository this package belongs to.
const Module = "github.com/factorlab/factorlab"

// SetupHint is the command that installs whatever is missing.
const SetupHint = "run scripts/setup.sh (make setup)"

// ErrMissing is wrapped by every error that reports a missing piece.
var ErrMissing = errors.New("tooling: missing")

// Tools are the located pieces of the set-up.
type Tools struct {
	Root   string // repository root (the folder of FactorLab's go.mod)
	Venv   string // <Root>/.venv
	Python string // the venv's python
	GoBin  string // where `go install` puts gonb, gopls, goimports
}

// Root returns the repository root: the nearest folder at or above the
// working directory whose go.mod declares Module.
func Root() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && modulePath(data) == Module {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("%w: no go.mod of %s at or above the working directory", ErrMissing, Module)
		}
		dir = parent
	}
}

func modulePath(gomod []byte) string {
	for _, line := range strings.Split(string(gomod), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "module" {
			return strings.Trim(f[1], `"`)
		}
	}
	return ""
}

// Find locates the repository root, the venv with a working python and the
// Go tools GoNB needs (gonb, gopls, goimports).
func Find() (*Tools, error) {
	root, err := Root()
	if err != nil {
		return nil, err
	}
	t := &Tools{Root: root, Venv: filepath.Join(root, ".venv")}
	t.Python = filepath.Join(t.Venv, "bin", "python")
	if _, err := os.Stat(t.Python); err != nil {
		return nil, fmt.Errorf("%w: the Python environment %s (no bin/python): %s", ErrMissing, t.Venv, SetupHint)
	}
	t.GoBin, err = goBin()
	if err != nil {
		return nil, err
	}
	var missing []string
	for _, tool := range []string{"gonb", "gopls", "goimports"} {
		if _, err := os.Stat(filepath.Join(t.GoBin, tool)); err != nil {
			missing = append(missing, tool)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%w: %s in %s: %s", ErrMissing, strings.Join(missing, ", "), t.GoBin, SetupHint)
	}
	if _, err := os.Stat(t.KernelSpec()); err != nil {
		return nil, fmt.Errorf("%w: the gonb kernel (%s): %s", ErrMissing, t.KernelSpec(), SetupHint)
	}
	return t, nil
}

// Need is Find for tests: it fails t with the message naming what is
// missing and how to install it.
func Need(t testing.TB) *Tools {
	t.Helper()
	tools, err := Find()
	if err != nil {
		t.Fatal(err)
	}
	return tools
}

// Bin returns the venv's program name (for example "jupyter-lab" or
// "jupyter-nbconvert"), or an error naming it when it is not installed.
func (t *Tools) Bin(name string) (string, error) {
	p := filepath.Join(t.Venv, "bin", name)
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("%w: %s is not in %s/bin: %s", ErrMissing, name, t.Venv, SetupHint)
	}
	return p, nil
}

// KernelSpec is the path of the gonb kernel's kernel.json in the venv.
func (t *Tools) KernelSpec() string {
	return filepath.Join(t.Venv, "share", "jupyter", "kernels", "gonb", "kernel.json")
}

// Environ returns the environment for Jupyter programs of the venv: the
// venv's and the Go tools' folders first on PATH, the venv's kernels
// preferred over the user's, and Jupyter's config and runtime folders
// under jupyterDir, so the user's own Jupyter set-up plays no part.
func (t *Tools) Environ(jupyterDir string) []string {
	set := map[string]string{
		"PATH":                    filepath.Join(t.Venv, "bin") + string(os.PathListSeparator) + t.GoBin + string(os.PathListSeparator) + os.Getenv("PATH"),
		"VIRTUAL_ENV":             t.Venv,
		"JUPYTER_PREFER_ENV_PATH": "1",
		"JUPYTER_CONFIG_DIR":      filepath.Join(jupyterDir, "config"),
		"JUPYTER_RUNTIME_DIR":     filepath.Join(jupyterDir, "runtime"),
		"JUPYTER_DATA_DIR":        filepath.Join(jupyterDir, "data"),
		"JUPYTER_PATH":            "",
		"JUPYTER_PLATFORM_DIRS":   "1",
		"PYTHONDONTWRITEBYTECODE": "1",
		"PYTHONHOME":              "",
	}
	return EnvironWith(set)
}

// EnvironWith returns os.Environ with the variables of set set to their
// values; an empty value removes the variable.
func EnvironWith(set map[string]string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if _, ok := set[k]; !ok {
			env = append(env, kv)
		}
	}
	for k, v := range set {
		if v != "" {
			env = append(env, k+"="+v)
		}
	}
	return env
}

// Chromium returns Debian's Chromium ($FACTORLAB_CHROMIUM, else
// /usr/bin/chromium).
func Chromium() (string, error) {
	p := os.Getenv("FACTORLAB_CHROMIUM")
	if p == "" {
		p = "/usr/bin/chromium"
	}
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("%w: Chromium at %s: %s, which runs apt-get install -y chromium (or set FACTORLAB_CHROMIUM)", ErrMissing, p, SetupHint)
	}
	return p, nil
}

// Node returns node from PATH, checking that dir (a folder with a
// package.json) has its npm dependencies installed.
func Node(dir string) (string, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return "", fmt.Errorf("%w: node is not on PATH: %s, which runs apt-get install -y nodejs npm", ErrMissing, SetupHint)
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules")); err != nil {
		return "", fmt.Errorf("%w: the npm packages of %s (no node_modules): %s, which runs npm ci there", ErrMissing, dir, SetupHint)
	}
	return node, nil
}

func goBin() (string, error) {
	out, err := exec.Command("go", "env", "GOBIN", "GOPATH").Output()
	if err != nil {
		return "", fmt.Errorf("%w: go env failed (%v): is Go 1.26 on PATH?", ErrMissing, err)
	}
	lines := strings.Split(string(bytes.TrimRight(out, "\n")), "\n") // GOBIN may be an empty first line
	if len(lines) > 0 && strings.TrimSpace(lines[0]) != "" {
		return strings.TrimSpace(lines[0]), nil
	}
	if len(lines) < 2 || strings.TrimSpace(lines[1]) == "" {
		return "", fmt.Errorf("%w: go env GOPATH is empty", ErrMissing)
	}
	return filepath.Join(filepath.SplitList(strings.TrimSpace(lines[1]))[0], "bin"), nil
}

// Deps returns the import paths of pkgs and of everything they import,
// directly or not (`go list -deps`): what the linker loads for a program
// that imports pkgs, such as a notebook cell. It fails t if go list does.
func Deps(t testing.TB, pkgs ...string) []string {
	t.Helper()
	out, err := exec.Command("go", append([]string{"list", "-deps"}, pkgs...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps %s: %v\n%s", strings.Join(pkgs, " "), err, out)
	}
	return strings.Fields(string(out))
}
