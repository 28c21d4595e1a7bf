// Package hubtest runs a FactorLab class on a real, local JupyterHub: students
// log in, start their own Jupyter servers (as their own OS users when run as
// root), run notebook 01 and a lab through the Jupyter server's REST API and
// kernel websocket, and the test measures what a teacher needs for sizing.
//
// The hub is configured by jupyterhub_config.py in this folder, the same file
// a teacher can use. The test (hub_test.go) starts the hub and its
// configurable-http-proxy on 127.0.0.1, creates and removes the students, and
// tears everything down even when it fails. bench/hub/run.sh runs the full
// class and prints the sizing table.
package hubtest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// Shared is what every student reads and nobody writes, laid out as in the
// docker image: the repository, the Go tools, the kernel, the module cache
// and a warm build cache.
type Shared struct {
	Dir         string // world-readable root of the rest
	Repo        string // read-only copy of the repository (go.mod, pkg/, internal/, scripts/, notebooks/, docker/workspace.sh)
	Tools       string // gonb, goimports, gopls
	JupyterPath string // Jupyter data folder with the gonb kernel
	ModCache    string // GOMODCACHE, read-only
	WarmCache   string // a GOCACHE filled by building what the notebooks import
	// WarmSeconds is how long filling the module and build caches took
	// (0 when a previous run's caches were reused).
	WarmSeconds float64
	lock        *os.File
}

// Close lets the next run use the shared folder.
func (s *Shared) Close() {
	if s.lock != nil {
		s.lock.Close()
	}
}

// PrepareShared lays out the shared folder under dir from the repository at
// root. The module and build caches are kept between runs (they depend only
// on go.sum and the Go version), the repository copy and tools are refreshed.
func PrepareShared(root, dir string) (_ *Shared, err error) {
	s := &Shared{
		Dir:         dir,
		Repo:        filepath.Join(dir, "factorlab"),
		Tools:       filepath.Join(dir, "bin"),
		JupyterPath: filepath.Join(dir, "share", "jupyter"),
		ModCache:    filepath.Join(dir, "gomod"),
		WarmCache:   filepath.Join(dir, "gocache"),
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		return nil, err
	}
	// One class at a time uses the folder: a second run waits here.
	lock, err := os.OpenFile(filepath.Join(dir, "lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		lock.Close()
		return nil, fmt.Errorf("locking %s: %v", dir, err)
	}
	s.lock = lock
	defer func() {
		if err != nil {
			lock.Close()
		}
	}()

	// The repository: what a workspace links to, nothing else.
	if err := os.RemoveAll(s.Repo); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Join(s.Repo, "docker"), 0o755); err != nil {
		return nil, err
	}
	// internal/ holds packages pkg/ imports; scripts/ the notebooks' set-up
	// (scripts/gonb_setup.sh) and scripts/warm_cache.sh.
	for _, name := range []string{"go.mod", "go.sum", "pkg", "internal", "scripts", "notebooks", "docker/workspace.sh"} {
		if out, err := exec.Command("cp", "-R", filepath.Join(root, name), filepath.Join(s.Repo, name)).CombinedOutput(); err != nil {
			return nil, fmt.Errorf("copying %s: %v: %s", name, err, out)
		}
	}
	skips, _ := filepath.Glob(filepath.Join(s.Repo, "internal", "*", "node_modules"))
	for _, skip := range append(skips, filepath.Join(s.Repo, "notebooks", ".ipynb_checkpoints")) {
		os.RemoveAll(skip)
	}
	if out, err := exec.Command("chmod", "-R", "a+rX,go-w", s.Repo).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("chmod %s: %v: %s", s.Repo, err, out)
	}

	// The Go tools, where every user can run them.
	bin := GoBin()
	if err := os.MkdirAll(s.Tools, 0o755); err != nil {
		return nil, err
	}
	for _, tool := range []string{"gonb", "goimports", "gopls"} {
		src := filepath.Join(bin, tool)
		if _, err := os.Stat(src); err != nil {
			if tool == "gopls" { // only for completion in JupyterLab; cells run without it
				continue
			}
			return nil, fmt.Errorf("%s is not installed in %s: run scripts/setup.sh", tool, bin)
		}
		if out, err := exec.Command("cp", src, filepath.Join(s.Tools, tool)).CombinedOutput(); err != nil {
			return nil, fmt.Errorf("copying %s: %v: %s", tool, err, out)
		}
		if err := os.Chmod(filepath.Join(s.Tools, tool), 0o755); err != nil {
			return nil, err
		}
	}
	cmd := exec.Command(filepath.Join(s.Tools, "gonb"), "--install", "--logtostderr=false")
	// gonb --install looks for goimports and gopls on PATH.
	cmd.Env = append(os.Environ(), "JUPYTER_DATA_DIR="+s.JupyterPath,
		"PATH="+s.Tools+string(os.PathListSeparator)+os.Getenv("PATH"))
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("gonb --install: %v: %s", err, out)
	}
	if out, err := exec.Command("chmod", "-R", "a+rX", filepath.Join(dir, "share")).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("chmod: %v: %s", err, out)
	}

	// The caches, keyed by go.sum and the Go version.
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return nil, err
	}
	goVersion, err := exec.Command("go", "env", "GOVERSION").Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOVERSION: %v", err)
	}
	h := sha256.Sum256(append(sum, goVersion...))
	key := hex.EncodeToString(h[:8])
	stamp := filepath.Join(dir, "caches.key")
	if old, err := os.ReadFile(stamp); err == nil && string(old) == key {
		return s, nil
	}
	start := time.Now()
	for _, d := range []string{s.ModCache, s.WarmCache} {
		exec.Command("chmod", "-R", "u+w", d).Run() // module cache folders are read-only
		if err := os.RemoveAll(d); err != nil {
			return nil, err
		}
	}
	// The modules come from the local module cache, so no network is needed.
	rootModCache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		return nil, err
	}
	goEnv := append(os.Environ(),
		"GOMODCACHE="+s.ModCache, "GOCACHE="+s.WarmCache, "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local",
		"GOPROXY=file://"+filepath.Join(string(bytes.TrimSpace(rootModCache)), "cache", "download")+",https://proxy.golang.org")
	for _, args := range [][]string{
		{"go", "mod", "download"},
		// What a notebook cell links, as set-up warms it on a single machine.
		{"bash", "scripts/warm_cache.sh"},
	} {
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir = s.Repo
		cmd.Env = goEnv
		if out, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("%s (for the shared caches): %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	// Go writes the module cache read-only (0444/0555), readable by all.
	if out, err := exec.Command("chmod", "-R", "a+rX", s.WarmCache).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("chmod: %v: %s", err, out)
	}
	s.WarmSeconds = time.Since(start).Seconds()
	return s, os.WriteFile(stamp, []byte(key), 0o644)
}

// GoBin is the folder `go install` writes to.
func GoBin() string {
	if out, err := exec.Command("go", "env", "GOBIN").Output(); err == nil && len(bytes.TrimSpace(out)) > 0 {
		return string(bytes.TrimSpace(out))
	}
	if out, err := exec.Command("go", "env", "GOPATH").Output(); err == nil {
		return filepath.Join(strings.Split(string(bytes.TrimSpace(out)), string(os.PathListSeparator))[0], "bin")
	}
	return ""
}
