package browsertest

import (
	"bytes"
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

	"github.com/factorlab/factorlab/internal/tooling"
)

const (
	serverWait = 90 * time.Second // for jupyter-lab to answer
	slack      = 60 * time.Second // beyond a scenario's own limit, before the test kills the browser
)

// lab is a JupyterLab 4 server from the venv over a temporary workspace,
// stopped (with its kernels) when the test ends, even when it fails.
type lab struct {
	tools      *tooling.Tools
	workspace  string // docker/workspace.sh's layout: a copy of notebooks/, links to the rest
	jupyterDir string // private Jupyter config, data and runtime folders
	base       string // http://127.0.0.1:PORT
	token      string
	server     *proc
}

// startLab starts JupyterLab on a free loopback port with a random token.
// Every missing piece fails the test with the command that installs it.
func startLab(t *testing.T) *lab {
	t.Helper()
	if testing.Short() {
		t.Skip("drives Chromium through JupyterLab with the real GoNB kernel; skipped with -short")
	}
	tools := tooling.Need(t)
	if _, err := tooling.Chromium(); err != nil {
		t.Fatal(err)
	}
	if _, err := tooling.Node("."); err != nil {
		t.Fatal(err)
	}
	jl, err := tools.Bin("jupyter-lab")
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(jl, "--version").Output(); err != nil || !strings.HasPrefix(string(out), "4.") {
		t.Fatalf("%s --version = %q (%v): these tests need JupyterLab 4; rm -rf .venv and %s", jl, bytes.TrimSpace(out), err, tooling.SetupHint)
	}

	l := &lab{tools: tools, jupyterDir: t.TempDir(), token: randomHex(t, 24)}
	l.workspace = filepath.Join(t.TempDir(), "factorlab")
	if out, err := exec.Command("bash", filepath.Join(tools.Root, "docker", "workspace.sh"), tools.Root, l.workspace).CombinedOutput(); err != nil {
		t.Fatalf("docker/workspace.sh failed: %v\n%s", err, out)
	}
	// No news or update checks (no network, no notification over the page).
	settings := filepath.Join(l.jupyterDir, "lab", "user-settings")
	notif := filepath.Join(settings, "@jupyterlab", "apputils-extension")
	if err := os.MkdirAll(notif, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(notif, "notification.jupyterlab-settings"),
		[]byte(`{"checkForUpdates": false, "fetchNews": "false"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	env := append(tools.Environ(l.jupyterDir),
		"JUPYTERLAB_SETTINGS_DIR="+settings,
		"JUPYTERLAB_WORKSPACES_DIR="+filepath.Join(l.jupyterDir, "lab", "workspaces"))

	port := pickPort(t)
	l.base = fmt.Sprintf("http://127.0.0.1:%d", port)
	args := []string{"--no-browser", "--ip=127.0.0.1", "--port=" + strconv.Itoa(port), "--port-retries=0",
		"--ServerApp.root_dir=" + l.workspace, "--IdentityProvider.token=" + l.token,
		"--LabApp.expose_app_in_browser=True"}
	if os.Getuid() == 0 {
		args = append(args, "--allow-root")
	}
	start := time.Now()
	l.server = startProc(t, "jupyter-lab", l.workspace, env, jl, args...)
	// Kernels run in their own sessions; anything whose command line names
	// our private Jupyter folder (the kernel's connection file) is ours.
	t.Cleanup(func() { killByArg(t, l.jupyterDir) })
	l.waitForServer(t)
	t.Cleanup(func() { shutdownKernels(t, l.base, l.token) })
	t.Logf("JupyterLab ready at %s after %s", l.base, time.Since(start).Round(100*time.Millisecond))
	return l
}

// waitForServer polls the kernelspec API until the server answers, and
// checks that its gonb kernel is the venv's.
func (l *lab) waitForServer(t *testing.T) {
	t.Helper()
	client := &http.Client{Timeout: 5 * time.Second}
	deadline := time.Now().Add(serverWait)
	for {
		select {
		case <-l.server.done:
			log := l.server.output()
			if strings.Contains(log, "already in use") {
				t.Fatalf("jupyter-lab could not listen on %s: the port is already in use; re-run, or set FACTORLAB_BROWSERTEST_PORT to a free port\n%s", l.base, tail(log, 15))
			}
			t.Fatalf("jupyter-lab exited before it answered on %s:\n%s", l.base, tail(log, 30))
		default:
		}
		resp, err := client.Get(l.base + "/api/kernelspecs?token=" + l.token)
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				var specs struct {
					Kernelspecs map[string]struct {
						Spec struct {
							Argv []string `json:"argv"`
						} `json:"spec"`
					} `json:"kernelspecs"`
				}
				if err := json.Unmarshal(body, &specs); err != nil {
					t.Fatalf("%s/api/kernelspecs answered %q: %v", l.base, body, err)
				}
				gonb, ok := specs.Kernelspecs["gonb"]
				if !ok {
					t.Fatalf("the Jupyter server has no gonb kernel: %s", tooling.SetupHint)
				}
				want := filepath.Join(l.tools.Venv, "bin", "factorlab-gonb-kernel")
				if len(gonb.Spec.Argv) == 0 || !samePath(gonb.Spec.Argv[0], want) {
					t.Fatalf("the server's gonb kernel starts %q, not the venv's %s: %s", gonb.Spec.Argv, want, tooling.SetupHint)
				}
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("jupyter-lab did not answer on %s within %s (last error: %v):\n%s", l.base, serverWait, err, tail(l.server.output(), 30))
		}
		time.Sleep(300 * time.Millisecond)
	}
}

// report is the JSON line lab.js prints last. Scenarios fill their parts.
type report struct {
	Scenario   string   `json:"scenario"`
	Done       bool     `json:"done"`
	Failure    string   `json:"failure"`
	Kernel     string   `json:"kernel"`
	PageErrors []string `json:"pageErrors"`
	Seconds    float64  `json:"seconds"`

	// welcome
	TrustedAtOpen    []int       `json:"trustedAtOpen"`
	UntrustedNotice  bool        `json:"untrustedNotice"`
	ImagesAfterClear int         `json:"imagesAfterClear"`
	Cells            []cellState `json:"cells"`

	// student
	StubCell  int    `json:"stubCell"`
	CheckCell int    `json:"checkCell"`
	Before    string `json:"before"`
	Wrong     struct {
		Text   string   `json:"text"`
		Errors []string `json:"errors"`
	} `json:"wrong"`
	Right struct {
		Text   string   `json:"text"`
		Errors []string `json:"errors"`
	} `json:"right"`

	// live
	LiveCell       int        `json:"liveCell"`
	Frames         []string   `json:"frames"`
	DistinctFrames int        `json:"distinctFrames"`
	RunState       *cellState `json:"runState"`
	Reloaded       *cellState `json:"reloaded"`
}

// cellState is a code cell as the page shows it.
type cellState struct {
	Index       int      `json:"index"`
	Count       *int     `json:"count"`
	Prompt      string   `json:"prompt"`
	Trusted     bool     `json:"trusted"`
	Errors      []string `json:"errors"`
	ModelImages int      `json:"modelImages"`
	Shown       []struct {
		Kind   string `json:"kind"`
		Width  int    `json:"width"`
		Height int    `json:"height"`
	} `json:"shown"`
	Untrusted bool   `json:"untrusted"`
	Text      string `json:"text"`
}

// drive runs one lab.js scenario on notebook (relative to the workspace)
// within limit, saving the screenshot as build/browsertest/<shot>.png, and
// returns its report. A scenario that cannot finish fails the test.
func (l *lab) drive(t *testing.T, scenario, notebook, shot string, limit time.Duration, spec any) *report {
	t.Helper()
	// Finish (and clean up) before go test's own timeout would panic.
	if d, ok := t.Deadline(); ok {
		if room := time.Until(d) - slack - 30*time.Second; room < limit {
			limit = max(room, 30*time.Second)
		}
	}
	chromium, _ := tooling.Chromium()
	node, _ := tooling.Node(".")
	specJSON, err := json.Marshal(spec)
	if err != nil {
		t.Fatal(err)
	}
	shotPath := screenshotPath(t, l.tools.Root, shot)
	userData := t.TempDir()
	browser := startProc(t, "node lab.js", ".", os.Environ(), node, "lab.js",
		"--scenario", scenario, "--base", l.base, "--token", l.token, "--notebook", notebook,
		"--screenshot", shotPath, "--user-data-dir", userData, "--chromium", chromium,
		"--timeout", strconv.Itoa(int(limit/time.Second)), "--spec", string(specJSON))
	t.Cleanup(func() { killByArg(t, userData) })
	select {
	case <-browser.done:
	case <-time.After(limit + slack):
		browser.stop()
		t.Fatalf("the browser (%s) did not finish within %s\nbrowser:\n%s\nserver (tail):\n%s",
			scenario, limit+slack, tail(browser.output(), 30), tail(l.server.output(), 30))
	}
	out := browser.output()
	var rep report
	if err := json.Unmarshal([]byte(lastJSONLine(out)), &rep); err != nil {
		t.Fatalf("lab.js printed no report (%v):\n%s\nserver (tail):\n%s", err, tail(out, 40), tail(l.server.output(), 30))
	}
	t.Logf("screenshot: %s", shotPath)
	if rep.Failure != "" {
		t.Fatalf("in the browser (%s): %s\nbrowser:\n%s\nserver (tail):\n%s", scenario, rep.Failure, tail(out, 30), tail(l.server.output(), 30))
	}
	if rep.Kernel != "gonb" {
		t.Errorf("the notebook ran on kernel %q, want gonb", rep.Kernel)
	}
	if len(rep.PageErrors) > 0 {
		t.Logf("page errors (not judged): %q", rep.PageErrors)
	}
	t.Logf("%s: %.1f s in the browser", scenario, rep.Seconds)
	return &rep
}

// screenshotPath is build/browsertest/<name>.png in the repository, or a
// fresh temporary folder (kept after the test) when build/ is not writable.
func screenshotPath(t *testing.T, root, name string) string {
	t.Helper()
	dir := filepath.Join(root, "build", "browsertest")
	if err := os.MkdirAll(dir, 0o755); err == nil {
		if f, err := os.CreateTemp(dir, ".probe-"); err == nil {
			f.Close()
			os.Remove(f.Name())
			p := filepath.Join(dir, name+".png")
			os.Remove(p) // never report a stale screenshot
			return p
		}
	}
	dir, err := os.MkdirTemp("", "factorlab-browsertest-")
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, name+".png")
}

// keepCommitted fails the test if the repository's copy of rel changes.
func keepCommitted(t *testing.T, root, rel string) {
	before := fileSum(t, filepath.Join(root, rel))
	t.Cleanup(func() {
		if after := fileSum(t, filepath.Join(root, rel)); after != before {
			t.Errorf("the run changed the committed %s", rel)
		}
	})
}

func samePath(a, b string) bool {
	ra, errA := filepath.EvalSymlinks(a)
	rb, errB := filepath.EvalSymlinks(b)
	return errA == nil && errB == nil && ra == rb
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
