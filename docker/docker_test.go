// Package docker holds the tests of the image's scripts. No Docker engine runs
// where these tests run, so they test what can be tested without one:
// install.sh (the image's install steps) on this machine with temporary
// folders, run.sh against a stand-in docker command, and the Dockerfile's
// pins and user.
package docker

import (
	"bytes"
	"context"
	"debug/buildinfo"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/factorlab/factorlab/internal/nbtest"
	"github.com/factorlab/factorlab/internal/tooling"
)

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// TestInstallScript runs install.sh as the Dockerfile does (all steps but
// the Go download) into temporary GOPATH, module cache, Jupyter and home folders,
// then checks the tools' versions, the kernel registration and that the
// welcome notebook ran offline from the warmed caches.
func TestInstallScript(t *testing.T) {
	if testing.Short() {
		t.Skip("installs GoNB, gopls and goimports into fresh caches and runs a notebook; skipped with -short")
	}
	root := repoRoot(t)
	for _, tool := range []string{"go", "bash", "sha256sum"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is not on PATH; install.sh needs it", tool)
		}
	}
	tools := tooling.Need(t)
	// What it proves stays: a fresh GOPATH and module cache filled by the
	// script, the tools at their pins, the kernel, the workspace, and a
	// notebook that runs offline from that module cache. What made it slow
	// goes: modules come from this machine's module cache first (a file://
	// proxy, then the real one), and the build cache is this machine's, which
	// scripts/setup.sh filled with the same -trimpath builds of the tools.
	userCache := goEnv(t, "GOCACHE")
	proxy := "file://" + filepath.Join(goEnv(t, "GOMODCACHE"), "cache", "download")
	if p := goEnv(t, "GOPROXY"); p != "" && p != "off" {
		proxy += "," + p
	}
	tmp := t.TempDir()
	dirs := map[string]string{
		"GOPATH":                   filepath.Join(tmp, "go-path"),
		"GOCACHE":                  userCache,
		"GOPROXY":                  proxy,
		"GOFLAGS":                  "-trimpath",
		"FACTORLAB_PYTHON":         tools.Python,
		"FACTORLAB_JUPYTER_DATA":   filepath.Join(tmp, "share", "jupyter"),
		"FACTORLAB_WORKSPACE":      filepath.Join(tmp, "home", "factorlab"),
		"FACTORLAB_VERIFY_OUT":     filepath.Join(tmp, "verify"),
		"HOME":                     filepath.Join(tmp, "home"),
		"JUPYTER_CONFIG_DIR":       filepath.Join(tmp, "jupyter-config"),
		"JUPYTER_RUNTIME_DIR":      filepath.Join(tmp, "jupyter-runtime"),
		"XDG_CACHE_HOME":           filepath.Join(tmp, "home", ".cache"),
		"FACTORLAB_STEPS":          "tools kernel warm verify",
		"FACTORLAB_WARM_NOTEBOOKS": "notebooks/00_welcome.ipynb", // CI runs every notebook in internal/nbtest already
		"GOMODCACHE":               "",
		"GOENV":                    "off",
		"JUPYTER_PATH":             "",
		"JUPYTER_DATA_DIR":         "",
	}
	os.MkdirAll(dirs["HOME"], 0o755)
	env := tooling.EnvironWith(dirs)
	// The module cache is read-only, as Go makes it: remove it with go clean
	// before the temporary folder goes.
	t.Cleanup(func() {
		cmd := exec.Command("go", "clean", "-modcache")
		cmd.Env = append(env, "GOMODCACHE="+filepath.Join(dirs["GOPATH"], "pkg", "mod"))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Logf("go clean -modcache: %v\n%s", err, out)
		}
	})

	start := time.Now()
	// Stop the script (and its process group) before go test's own timeout
	// would panic and leave it running.
	limit := time.Now().Add(30 * time.Minute)
	if d, ok := t.Deadline(); ok && d.Add(-30*time.Second).Before(limit) {
		limit = d.Add(-30 * time.Second)
	}
	ctx, cancel := context.WithDeadline(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", filepath.Join(root, "docker", "install.sh"))
	cmd.Dir = t.TempDir() // the script must not depend on where it is started
	cmd.Env = env
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	out, err := cmd.CombinedOutput()
	summary := installLines(out)
	t.Logf("install.sh took %s:\n%s", time.Since(start).Round(time.Second), summary)
	if err != nil {
		t.Fatalf("install.sh failed: %v\n%s", err, tail(string(out), 60))
	}

	// Tools at the pinned versions, read from the binaries themselves.
	bin := filepath.Join(dirs["GOPATH"], "bin")
	gonbPin := goList(t, root, "github.com/janpfeifer/gonb")
	setup, err := os.ReadFile(filepath.Join(root, "scripts", "setup.sh"))
	if err != nil {
		t.Fatal(err)
	}
	goplsPin := shellVar(t, setup, "GOPLS_VERSION")
	xtoolsPin := shellVar(t, setup, "XTOOLS_VERSION")
	checkModule(t, filepath.Join(bin, "gonb"), "github.com/janpfeifer/gonb", gonbPin)
	checkModule(t, filepath.Join(bin, "gopls"), "golang.org/x/tools/gopls", goplsPin)
	checkModule(t, filepath.Join(bin, "goimports"), "golang.org/x/tools", xtoolsPin)

	// The kernel, registered in the given data folder, with the caches in its environment.
	specPath := filepath.Join(dirs["FACTORLAB_JUPYTER_DATA"], "kernels", "gonb", "kernel.json")
	data, err := os.ReadFile(specPath)
	if err != nil {
		t.Fatalf("the gonb kernel is not registered in %s: %v", dirs["FACTORLAB_JUPYTER_DATA"], err)
	}
	var spec struct {
		Argv     []string          `json:"argv"`
		Language string            `json:"language"`
		Env      map[string]string `json:"env"`
	}
	if err := json.Unmarshal(data, &spec); err != nil {
		t.Fatalf("%s: %v", specPath, err)
	}
	if len(spec.Argv) == 0 || spec.Language != "go" {
		t.Errorf("%s: argv %q, language %q; want gonb's Go kernel", specPath, spec.Argv, spec.Language)
	} else if _, err := os.Stat(spec.Argv[0]); err != nil {
		t.Errorf("%s starts %s, which does not exist", specPath, spec.Argv[0])
	}
	for k, want := range map[string]string{"GOCACHE": dirs["GOCACHE"], "GOPATH": dirs["GOPATH"], "GOTOOLCHAIN": "local"} {
		if spec.Env[k] != want {
			t.Errorf("%s: env %s=%q, want %q", specPath, k, spec.Env[k], want)
		}
	}

	// The workspace: a writable copy of the notebooks, links for the rest.
	ws := dirs["FACTORLAB_WORKSPACE"]
	if fi, err := os.Lstat(filepath.Join(ws, "notebooks")); err != nil || !fi.IsDir() {
		t.Errorf("%s/notebooks is not a folder: %v", ws, err)
	}
	if target, err := os.Readlink(filepath.Join(ws, "go.mod")); err != nil || target != filepath.Join(root, "go.mod") {
		t.Errorf("%s/go.mod should link to %s/go.mod (got %q, %v)", ws, root, target, err)
	}

	// The offline run (GOPROXY=off GOFLAGS=-mod=mod) the script made.
	rel := "notebooks/00_welcome.ipynb"
	nb, err := nbtest.Parse(filepath.Join(dirs["FACTORLAB_VERIFY_OUT"], "00_welcome.ipynb"), rel)
	if err != nil {
		t.Fatalf("install.sh's offline run left no executed notebook: %v", err)
	}
	if err := nb.Failure(); err != nil {
		t.Errorf("offline run: %v", err)
	}
	if all, both := nb.ImageOutputs(); all == 0 || both != all {
		t.Errorf("offline run: %d figures, %d of them SVG+PNG; want at least one, all SVG+PNG", all, both)
	}
	if !strings.Contains(summary, "offline run:") {
		t.Errorf("install.sh did not report its offline run")
	}
}

func installLines(out []byte) string {
	var keep []string
	for _, l := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(l, "install:") || strings.HasPrefix(l, "workspace:") || strings.HasPrefix(l, "ok ") || strings.HasPrefix(l, "FAIL") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

func goEnv(t *testing.T, name string) string {
	t.Helper()
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", name, err)
	}
	return strings.TrimSpace(string(out))
}

func goList(t *testing.T, root, module string) string {
	t.Helper()
	cmd := exec.Command("go", "list", "-m", "-f", "{{.Version}}", module)
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -m %s: %v", module, err)
	}
	return strings.TrimSpace(string(out))
}

func shellVar(t *testing.T, script []byte, name string) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^` + name + `=(\S+)$`).FindSubmatch(script)
	if m == nil {
		t.Fatalf("scripts/setup.sh does not set %s", name)
	}
	return string(m[1])
}

// checkModule fails unless binary was built from module at version want.
func checkModule(t *testing.T, binary, module, want string) {
	t.Helper()
	info, err := buildinfo.ReadFile(binary)
	if err != nil {
		t.Errorf("%s: %v (install.sh should have installed it)", binary, err)
		return
	}
	got := ""
	if info.Main.Path == module {
		got = info.Main.Version
	}
	for _, d := range info.Deps {
		if d.Path == module {
			got = d.Version
		}
	}
	if got != want {
		t.Errorf("%s is built from %s %q, want %s", filepath.Base(binary), module, got, want)
	}
}

// TestRunScript checks docker/run.sh's messages and the docker commands it
// gives, with a stand-in docker command (no engine runs here).
func TestRunScript(t *testing.T) {
	root := repoRoot(t)
	script := filepath.Join(root, "docker", "run.sh")
	stubDir := t.TempDir()
	logPath := filepath.Join(stubDir, "calls.log")
	stub := `#!/bin/bash
echo "$*" >> "$STUB_LOG"
case "$1" in
  info) [ "$STUB_ENGINE" = up ] || { echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" >&2; exit 1; } ;;
  image) exit 1 ;;
esac
exit 0
`
	if err := os.WriteFile(filepath.Join(stubDir, "docker"), []byte(stub), 0o755); err != nil {
		t.Fatal(err)
	}
	bashDir := filepath.Dir(must(exec.LookPath("bash")))
	sysPath := "/usr/bin:/bin"
	if !strings.Contains(":"+sysPath+":", ":"+bashDir+":") {
		sysPath = bashDir + ":" + sysPath
	}
	run := func(engine, path string, port int) (string, error) {
		os.Remove(logPath)
		cmd := exec.Command("bash", script)
		cmd.Env = tooling.EnvironWith(map[string]string{
			"PATH": path, "STUB_LOG": logPath, "STUB_ENGINE": engine,
			"FACTORLAB_PORT": strconv.Itoa(port), "FACTORLAB_WORK": filepath.Join(stubDir, "work"),
			"JUPYTER_TOKEN": "",
		})
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	free := freePort(t)

	if _, err := os.Stat("/usr/bin/docker"); err == nil {
		t.Log("skipping the no-docker case: /usr/bin/docker exists")
	} else {
		out, err := run("up", sysPath, free)
		if err == nil || !strings.Contains(out, "Docker is not installed") {
			t.Errorf("without docker: err %v, output %q; want a 'Docker is not installed' message", err, out)
		}
	}

	out, err := run("down", stubDir+":"+sysPath, free)
	if err == nil || !strings.Contains(out, "cannot reach a Docker engine") || !strings.Contains(out, "Cannot connect to the Docker daemon") {
		t.Errorf("engine down: err %v, output %q; want 'cannot reach a Docker engine' and docker's own words", err, out)
	}

	l, lerr := net.Listen("tcp", "127.0.0.1:0")
	if lerr != nil {
		t.Fatal(lerr)
	}
	busy := l.Addr().(*net.TCPAddr).Port
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	out, err = run("up", stubDir+":"+sysPath, busy)
	l.Close()
	if err == nil || !strings.Contains(out, fmt.Sprintf("port %d on 127.0.0.1 is already in use", busy)) {
		t.Errorf("port in use: err %v, output %q; want a 'port %d ... already in use' message", err, out, busy)
	}
	if calls, _ := os.ReadFile(logPath); bytes.Contains(calls, []byte("run ")) {
		t.Errorf("docker run was called although the port is in use: %s", calls)
	}

	out, err = run("up", stubDir+":"+sysPath, free)
	if err != nil {
		t.Fatalf("with an engine and a free port: %v\n%s", err, out)
	}
	calls, _ := os.ReadFile(logPath)
	wantBuild := fmt.Sprintf("build -f %s/docker/Dockerfile -t factorlab %s", root, root)
	if !strings.Contains(string(calls), wantBuild) {
		t.Errorf("docker calls %q lack %q (the image is missing, so it must be built)", calls, wantBuild)
	}
	for _, want := range []string{"run --rm", fmt.Sprintf("-p 127.0.0.1:%d:8888", free), "-e JUPYTER_TOKEN",
		"-v " + filepath.Join(stubDir, "work") + ":/home/jovyan/work", " factorlab"} {
		if !strings.Contains(string(calls), want) {
			t.Errorf("docker run call %q lacks %q", calls, want)
		}
	}
	if m := regexp.MustCompile(`token=([0-9a-f]{48})\b`).FindString(out); m == "" {
		t.Errorf("run.sh printed no URL with a 48-digit token:\n%s", out)
	}
}

// TestDockerfile checks what no build here can: a dated base tag, the
// install script, caches outside $HOME, and no root or token-less server.
func TestDockerfile(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "docker", "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	df := string(data)
	if !regexp.MustCompile(`(?m)^ARG BASE_IMAGE=quay\.io/jupyter/base-notebook:\d{4}-\d{2}-\d{2}$`).MatchString(df) {
		t.Error("the base image must be quay.io/jupyter/base-notebook at a dated tag")
	}
	// The same Jupyter pins as the venv: the hashed requirements, installed as they are.
	if !regexp.MustCompile(`pip install [^\n]*--require-hashes --no-deps \\\n\s*-r /opt/factorlab/scripts/requirements\.txt`).MatchString(df) {
		t.Error("the Dockerfile must pip install --require-hashes --no-deps -r scripts/requirements.txt (the venv's pins)")
	}
	if !strings.Contains(df, "COPY scripts/requirements.txt") || !strings.Contains(df, "pip check") {
		t.Error("the Dockerfile must copy scripts/requirements.txt and pip check the result")
	}
	for _, want := range []string{"docker/install.sh", "GOCACHE=/opt/go-cache", "GOPATH=/opt/go-path", "GOTOOLCHAIN=local", "before-notebook.d"} {
		if !strings.Contains(df, want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
	for _, bad := range []string{"token=''", `token=""`, "IdentityProvider.token", "NotebookApp.token", "GRANT_SUDO"} {
		if strings.Contains(df, bad) {
			t.Errorf("Dockerfile contains %q: token auth must stay on and users must not get root", bad)
		}
	}
	users := regexp.MustCompile(`(?m)^USER\s+(\S+)`).FindAllStringSubmatch(df, -1)
	if len(users) == 0 || users[len(users)-1][1] != "${NB_UID}" {
		t.Errorf("the last USER must be ${NB_UID} (jovyan), got %v", users)
	}
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func must(s string, err error) string {
	if err != nil {
		panic(err)
	}
	return s
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
