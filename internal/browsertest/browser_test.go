package browsertest

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/factorlab/factorlab/internal/nbtest"
)

const (
	notebook     = "notebooks/00_welcome.ipynb"
	figureWait   = 300 * time.Second // from opening the page to a drawn figure (cells compile: slow on a loaded 2-core machine)
	serverWait   = 60 * time.Second  // for jupyter-notebook to answer
	browserLimit = figureWait + 90*time.Second
)

// report is the JSON line run_notebook.js prints last.
type report struct {
	OK          bool     `json:"ok"`
	Failure     string   `json:"failure"`
	Figures     int      `json:"figures"`
	FigureKinds []string `json:"figureKinds"`
	FigureBoxes [][2]int `json:"figureBoxes"`
	FigureTexts []string `json:"figureTexts"`
	Errors      []string `json:"errors"`
	Cells       int      `json:"cells"`
	Prompts     []any    `json:"prompts"`
	Kernel      string   `json:"kernel"`
	Seconds     float64  `json:"seconds"`
}

func TestWelcomeNotebookInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("drives Chromium through a Jupyter server with the real GoNB kernel; skipped with -short")
	}
	start := time.Now()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	chromium, node, jupyter := requireTools(t)

	// The kernel, registered in a private Jupyter folder (checks gonb, gopls, goimports).
	jupyterDir := t.TempDir()
	if _, err := nbtest.Prepare(root, jupyterDir); err != nil {
		t.Fatalf("cannot register the GoNB kernel: %v", err)
	}

	// A workspace laid out as in the docker image: a copy of notebooks/ next
	// to links to go.mod and pkg/, so the set-up cell finds a go.mod that
	// leads to this repository and the committed notebooks stay untouched.
	before := fileSum(t, filepath.Join(root, notebook))
	workspace := filepath.Join(t.TempDir(), "factorlab")
	if out, err := exec.Command("bash", filepath.Join(root, "docker", "workspace.sh"), root, workspace).CombinedOutput(); err != nil {
		t.Fatalf("docker/workspace.sh failed: %v\n%s", err, out)
	}
	t.Cleanup(func() {
		if after := fileSum(t, filepath.Join(root, notebook)); after != before {
			t.Errorf("the run changed the committed %s", notebook)
		}
	})

	port := pickPort(t)
	token := randomHex(t, 24)
	env := append(os.Environ(),
		"PATH="+goBin()+string(os.PathListSeparator)+os.Getenv("PATH"),
		"JUPYTER_DATA_DIR="+jupyterDir,
		"JUPYTER_PATH="+jupyterDir,
		"JUPYTER_CONFIG_DIR="+filepath.Join(jupyterDir, "config"),
		"JUPYTER_RUNTIME_DIR="+filepath.Join(jupyterDir, "runtime"),
		"PYTHONDONTWRITEBYTECODE=1",
	)
	args := []string{"--no-browser", "--ip=127.0.0.1", "--port=" + strconv.Itoa(port), "--port-retries=0",
		"--notebook-dir=" + workspace, "--NotebookApp.token=" + token}
	if os.Getuid() == 0 {
		args = append(args, "--allow-root")
	}
	server := startProc(t, "jupyter-notebook", workspace, env, jupyter, args...)
	// Kernels run in their own sessions; anything whose command line names
	// our private Jupyter folder (the kernel's connection file) is ours.
	t.Cleanup(func() { killByArg(t, jupyterDir) })

	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	waitForServer(t, server, base, token)
	t.Cleanup(func() { shutdownKernels(t, base, token) })
	t.Logf("jupyter-notebook ready at %s after %s", base, time.Since(start).Round(100*time.Millisecond))

	shot := screenshotPath(t, root)
	userData := t.TempDir()
	url := fmt.Sprintf("%s/notebooks/%s?token=%s", base, notebook, token)
	ctx, cancel := context.WithTimeout(context.Background(), browserLimit)
	defer cancel()
	browser := startProc(t, "node run_notebook.js", ".", os.Environ(), node, "run_notebook.js",
		"--url", url, "--screenshot", shot, "--user-data-dir", userData,
		"--timeout", strconv.Itoa(int(figureWait/time.Second)), "--chromium", chromium)
	t.Cleanup(func() { killByArg(t, userData) })
	select {
	case <-browser.done:
	case <-ctx.Done():
		browser.stop()
		t.Fatalf("the browser run did not finish within %s\nbrowser:\n%s\nserver (tail):\n%s",
			browserLimit, browser.output(), tail(server.output(), 30))
	}
	out := browser.output()
	var rep report
	if err := json.Unmarshal([]byte(lastJSONLine(out)), &rep); err != nil {
		t.Fatalf("run_notebook.js printed no report (%v):\n%s\nserver (tail):\n%s", err, out, tail(server.output(), 30))
	}
	t.Logf("screenshot: %s", shot)
	t.Logf("browser: %d code cells, figures %v %v, texts %q, %.1f s in the page",
		rep.Cells, rep.FigureKinds, rep.FigureBoxes, rep.FigureTexts, rep.Seconds)
	if rep.Failure != "" {
		t.Fatalf("in the browser: %s\nbrowser:\n%s\nserver (tail):\n%s", rep.Failure, out, tail(server.output(), 30))
	}
	if rep.Kernel != "gonb" {
		t.Errorf("the notebook ran on kernel %q, want gonb", rep.Kernel)
	}
	if len(rep.Errors) > 0 {
		t.Errorf("cells failed in the browser: %q", rep.Errors)
	}
	svg := -1
	for i, k := range rep.FigureKinds {
		if k == "svg" {
			svg = i
			break
		}
	}
	switch {
	case rep.Figures == 0:
		t.Errorf("no figure was drawn")
	case svg < 0:
		t.Errorf("figures %v were drawn, but none is an SVG", rep.FigureKinds)
	case rep.FigureBoxes[svg][0] < 100 || rep.FigureBoxes[svg][1] < 100:
		t.Errorf("the SVG figure is only %dx%d px on the page", rep.FigureBoxes[svg][0], rep.FigureBoxes[svg][1])
	}
	if len(rep.FigureTexts) == 0 {
		t.Errorf("the SVG figure has no text (title, ticks, legend): not a rendered gonum/plot figure")
	}
	for i, p := range rep.Prompts {
		if _, ok := p.(float64); !ok {
			t.Errorf("code cell %d has prompt %v after the run, want an execution count", i+1, p)
		}
	}
	if !rep.OK && !t.Failed() {
		t.Errorf("run_notebook.js reported failure:\n%s", out)
	}
	t.Logf("total %s", time.Since(start).Round(100*time.Millisecond))
}

// requireTools finds chromium, node (with playwright-core installed here)
// and jupyter-notebook, failing with the command that installs what is missing.
func requireTools(t *testing.T) (chromium, node, jupyter string) {
	t.Helper()
	chromium = os.Getenv("FACTORLAB_CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Fatalf("no Chromium at %s: install it with `apt-get install -y chromium` (or set FACTORLAB_CHROMIUM)", chromium)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is not on PATH: install Node.js 20 or newer (Debian: apt-get install -y nodejs npm)")
	}
	if _, err := os.Stat(filepath.Join("node_modules", "playwright-core", "package.json")); err != nil {
		t.Fatal("playwright-core is not installed: run `npm ci` in internal/browsertest")
	}
	jupyter, err = exec.LookPath("jupyter-notebook")
	if err != nil {
		t.Fatal("jupyter-notebook is not on PATH: run scripts/setup.sh (Debian: apt-get install -y jupyter-notebook)")
	}
	out, err := exec.Command(jupyter, "--version").Output()
	if err != nil {
		t.Fatalf("%s --version failed: %v", jupyter, err)
	}
	if v := strings.TrimSpace(string(out)); !strings.HasPrefix(v, "5.") && !strings.HasPrefix(v, "6.") {
		t.Fatalf("jupyter-notebook %s: this test drives the classic Notebook UI (notebook 5 or 6, Debian's jupyter-notebook)", v)
	}
	return chromium, node, jupyter
}

// pickPort returns $FACTORLAB_BROWSERTEST_PORT if it is free, else a free
// port chosen by the kernel.
func pickPort(t *testing.T) int {
	t.Helper()
	if s := os.Getenv("FACTORLAB_BROWSERTEST_PORT"); s != "" {
		p, err := strconv.Atoi(s)
		if err != nil || p <= 0 || p > 65535 {
			t.Fatalf("FACTORLAB_BROWSERTEST_PORT=%q is not a port number", s)
		}
		l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", p))
		if err != nil {
			t.Fatalf("port %d on 127.0.0.1 is in use (%v): free it, or unset FACTORLAB_BROWSERTEST_PORT to use a random free port", p, err)
		}
		l.Close()
		return p
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("cannot find a free port on 127.0.0.1: %v", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// waitForServer polls the kernelspec API until the server answers and
// checks that it offers the gonb kernel.
func waitForServer(t *testing.T, server *proc, base, token string) {
	t.Helper()
	client := &http.Client{Timeout: 5 * time.Second}
	deadline := time.Now().Add(serverWait)
	for {
		select {
		case <-server.done:
			log := server.output()
			if strings.Contains(log, "already in use") {
				t.Fatalf("jupyter-notebook could not listen on %s: the port is already in use (another server started there?); re-run, or set FACTORLAB_BROWSERTEST_PORT to a free port\n%s", base, tail(log, 15))
			}
			t.Fatalf("jupyter-notebook exited before it answered on %s:\n%s", base, tail(log, 30))
		default:
		}
		resp, err := client.Get(base + "/api/kernelspecs?token=" + token)
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				var specs struct {
					Kernelspecs map[string]json.RawMessage `json:"kernelspecs"`
				}
				if err := json.Unmarshal(body, &specs); err != nil {
					t.Fatalf("%s/api/kernelspecs answered %q: %v", base, body, err)
				}
				if _, ok := specs.Kernelspecs["gonb"]; !ok {
					var names []string
					for n := range specs.Kernelspecs {
						names = append(names, n)
					}
					t.Fatalf("the Jupyter server has no gonb kernel (it has %v): the kernel is missing; run scripts/setup.sh", names)
				}
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("jupyter-notebook did not answer on %s within %s (last error: %v):\n%s", base, serverWait, err, tail(server.output(), 30))
		}
		time.Sleep(300 * time.Millisecond)
	}
}

// shutdownKernels asks the server to stop its kernels, so GoNB removes its
// work folders before the server itself is stopped.
func shutdownKernels(t *testing.T, base, token string) {
	client := &http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get(base + "/api/kernels?token=" + token)
	if err != nil {
		return
	}
	var kernels []struct {
		ID string `json:"id"`
	}
	err = json.NewDecoder(resp.Body).Decode(&kernels)
	resp.Body.Close()
	if err != nil {
		return
	}
	for _, k := range kernels {
		req, _ := http.NewRequest(http.MethodDelete, base+"/api/kernels/"+k.ID+"?token="+token, nil)
		if resp, err := client.Do(req); err == nil {
			resp.Body.Close()
		} else {
			t.Logf("shutting down kernel %s: %v", k.ID, err)
		}
	}
}

// screenshotPath is build/browsertest/welcome.png in the repository, or a
// fresh temporary folder (kept after the test) when build/ is not writable.
func screenshotPath(t *testing.T, root string) string {
	t.Helper()
	dir := filepath.Join(root, "build", "browsertest")
	if err := os.MkdirAll(dir, 0o755); err == nil {
		if f, err := os.CreateTemp(dir, ".probe-"); err == nil {
			f.Close()
			os.Remove(f.Name())
			p := filepath.Join(dir, "welcome.png")
			os.Remove(p) // never report a stale screenshot
			return p
		}
	}
	dir, err := os.MkdirTemp("", "factorlab-browsertest-")
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "welcome.png")
}

// proc is a child process in its own process group, stopped at cleanup.
type proc struct {
	name string
	cmd  *exec.Cmd
	done chan struct{}
	mu   sync.Mutex
	buf  bytes.Buffer
	once sync.Once
}

func (p *proc) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.buf.Write(b)
}

func (p *proc) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.buf.String()
}

func startProc(t *testing.T, name, dir string, env []string, bin string, args ...string) *proc {
	t.Helper()
	p := &proc{name: name, done: make(chan struct{})}
	p.cmd = exec.Command(bin, args...)
	p.cmd.Dir = dir
	p.cmd.Env = env
	p.cmd.Stdout, p.cmd.Stderr = p, p
	p.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	p.cmd.WaitDelay = 3 * time.Second // do not hang on grandchildren holding the pipes
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("cannot start %s: %v", name, err)
	}
	go func() { p.cmd.Wait(); close(p.done) }()
	t.Cleanup(p.stop)
	return p
}

// stop sends SIGTERM to the process group, then SIGKILL after 10 s.
func (p *proc) stop() {
	p.once.Do(func() {
		pgid := p.cmd.Process.Pid
		select {
		case <-p.done:
		default:
			syscall.Kill(-pgid, syscall.SIGTERM)
			select {
			case <-p.done:
			case <-time.After(10 * time.Second):
				syscall.Kill(-pgid, syscall.SIGKILL)
				<-p.done
			}
		}
		// Whatever is left in the group (a child that ignored SIGTERM).
		syscall.Kill(-pgid, syscall.SIGKILL)
	})
}

// killByArg kills, by pid, the processes whose command line contains marker
// (a temporary folder made by this test) and their descendants: Chromium,
// which playwright starts in its own process group, and the kernel (with the
// gopls it starts), which Jupyter starts in its own session. Normally there
// is nothing left to kill.
func killByArg(t *testing.T, marker string) {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return
	}
	self := os.Getpid()
	children := map[int][]int{}
	var matched []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == self {
			continue
		}
		if stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat")); err == nil {
			// pid (comm) state ppid ...: comm may hold spaces, so split after ')'.
			if i := bytes.LastIndexByte(stat, ')'); i >= 0 {
				if f := strings.Fields(string(stat[i+1:])); len(f) > 1 {
					if ppid, err := strconv.Atoi(f[1]); err == nil {
						children[ppid] = append(children[ppid], pid)
					}
				}
			}
		}
		cmdline, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err == nil && bytes.Contains(cmdline, []byte(marker)) {
			matched = append(matched, pid)
		}
	}
	seen := map[int]bool{}
	var kill func(pid int)
	kill = func(pid int) {
		if seen[pid] || pid == self {
			return
		}
		seen[pid] = true
		syscall.Kill(pid, syscall.SIGSTOP) // no new children while we look
		for _, c := range children[pid] {
			kill(c)
		}
		cmdline, _ := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "cmdline"))
		if err := syscall.Kill(pid, syscall.SIGKILL); err == nil {
			t.Logf("killed leftover process %d (%s)", pid, firstArg(cmdline))
		} else if !errors.Is(err, syscall.ESRCH) {
			t.Logf("cannot kill leftover process %d: %v", pid, err)
		}
	}
	for _, pid := range matched {
		kill(pid)
	}
}

func firstArg(cmdline []byte) string {
	if i := bytes.IndexByte(cmdline, 0); i >= 0 {
		cmdline = cmdline[:i]
	}
	return string(cmdline)
}

func lastJSONLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if l := strings.TrimSpace(lines[i]); strings.HasPrefix(l, "{") {
			return l
		}
	}
	return ""
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func randomHex(t *testing.T, n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

func fileSum(t *testing.T, path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("cannot read %s: %v", path, err)
	}
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// goBin is the folder `go install` writes to, where scripts/setup.sh puts gonb.
func goBin() string {
	if out, err := exec.Command("go", "env", "GOBIN").Output(); err == nil && len(bytes.TrimSpace(out)) > 0 {
		return string(bytes.TrimSpace(out))
	}
	if out, err := exec.Command("go", "env", "GOPATH").Output(); err == nil {
		return filepath.Join(filepath.SplitList(strings.TrimSpace(string(out)))[0], "bin")
	}
	return ""
}
