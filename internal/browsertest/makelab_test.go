package browsertest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/factorlab/factorlab/internal/tooling"
)

// TestMakeLab runs `make lab` as the README says and checks what a newcomer
// relies on: the address it prints answers at the moment it is printed,
// the page is JupyterLab with 00_welcome.ipynb, the notebooks are served,
// the gonb kernel is the venv's, and Ctrl-C's signal stops the server.
func TestMakeLab(t *testing.T) {
	if testing.Short() {
		t.Skip("starts JupyterLab through make lab; skipped with -short")
	}
	tools := tooling.Need(t)
	port := pickPort(t)
	token := randomHex(t, 24)
	env := append(tools.Environ(t.TempDir()), "FACTORLAB_PORT="+strconv.Itoa(port), "JUPYTER_TOKEN="+token)

	cmd := exec.Command("make", "--no-print-directory", "lab")
	cmd.Dir = tools.Root
	cmd.Env = env
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.WaitDelay = 3 * time.Second
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p := &proc{name: "make lab", cmd: cmd, done: make(chan struct{})}
	cmd.Stderr = p
	if err := cmd.Start(); err != nil {
		t.Fatalf("cannot start make lab: %v", err)
	}
	lines := make(chan string, 64)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			p.Write([]byte(sc.Text() + "\n"))
			lines <- sc.Text()
		}
		close(lines)
		cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(p.stop)

	// The address, printed after "lab: ready".
	want := fmt.Sprintf("http://127.0.0.1:%d/lab/tree/00_welcome.ipynb?token=%s", port, token)
	var url string
	deadline := time.After(3 * time.Minute)
	ready := false
	for url == "" {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatalf("make lab ended before it printed the address:\n%s", tail(p.output(), 30))
			}
			if strings.HasPrefix(line, "lab: ready") {
				ready = true
			}
			if f := strings.Fields(line); ready && len(f) == 2 && f[0] == "lab:" && strings.HasPrefix(f[1], "http") {
				url = f[1]
			}
		case <-deadline:
			t.Fatalf("make lab printed no address within 3 minutes:\n%s", tail(p.output(), 30))
		}
	}
	go func() {
		for range lines {
		}
	}()
	if url != want {
		t.Fatalf("make lab printed %q, want %q", url, want)
	}

	client := &http.Client{Timeout: 10 * time.Second}
	get := func(path string) (int, []byte) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, path, nil)
		if !strings.Contains(path, "token=") {
			req.Header.Set("Authorization", "token "+token)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("GET %s right after make lab printed it: %v", path, err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, body
	}
	if code, body := get(url); code != http.StatusOK || !strings.Contains(string(body), "JupyterLab") {
		t.Fatalf("GET %s = %d, want 200 with JupyterLab's page; body starts %q", url, code, tail(string(body), 3))
	}
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	code, body := get(base + "/api/contents/00_welcome.ipynb?content=0")
	var nb struct {
		Type string `json:"type"`
	}
	if code != http.StatusOK || json.Unmarshal(body, &nb) != nil || nb.Type != "notebook" {
		t.Fatalf("GET /api/contents/00_welcome.ipynb = %d %s, want a notebook", code, body)
	}
	code, body = get(base + "/api/kernelspecs")
	var specs struct {
		Default     string                     `json:"default"`
		Kernelspecs map[string]json.RawMessage `json:"kernelspecs"`
	}
	if code != http.StatusOK || json.Unmarshal(body, &specs) != nil {
		t.Fatalf("GET /api/kernelspecs = %d %s", code, body)
	}
	if _, ok := specs.Kernelspecs["gonb"]; !ok {
		t.Fatalf("the server make lab started has no gonb kernel (kernels: %s)", body)
	}
	if !strings.Contains(string(specs.Kernelspecs["gonb"]), "factorlab-gonb-kernel") {
		t.Fatalf("the server's gonb kernel is not the venv's launcher: %s", specs.Kernelspecs["gonb"])
	}

	// Ctrl-C in a terminal signals the whole foreground group.
	syscall.Kill(-cmd.Process.Pid, syscall.SIGINT)
	syscall.Kill(-cmd.Process.Pid, syscall.SIGINT) // JupyterLab asks for confirmation after the first
	select {
	case <-p.done:
	case <-time.After(30 * time.Second):
		t.Fatalf("make lab still runs 30 s after Ctrl-C:\n%s", tail(p.output(), 20))
	}
	if _, err := client.Get(base + "/api/status"); err == nil {
		t.Fatalf("%s still answers after make lab stopped", base)
	}
}
