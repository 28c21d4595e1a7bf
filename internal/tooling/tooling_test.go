package tooling

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRootFindsTheModule(t *testing.T) {
	root, err := Root()
	if err != nil {
		t.Fatal(err)
	}
	want, _ := filepath.Abs(filepath.Join("..", ".."))
	if root != want {
		t.Errorf("Root() = %s, want %s", root, want)
	}
}

// A checkout without set-up: every lookup names the piece and the command.
func TestMissingPiecesNameTheCommand(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module "+Module+"\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "internal", "x")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(sub)
	root, err := Root()
	if err != nil || root != dir {
		t.Fatalf("Root() = %q, %v; want %s", root, err, dir)
	}
	_, err = Find()
	if err == nil {
		t.Fatal("Find() succeeded in a checkout without .venv")
	}
	if !errors.Is(err, ErrMissing) || !strings.Contains(err.Error(), SetupHint) || !strings.Contains(err.Error(), ".venv") {
		t.Errorf("Find() = %v; want an ErrMissing naming .venv and %q", err, SetupHint)
	}

	t.Setenv("FACTORLAB_CHROMIUM", filepath.Join(dir, "no-chromium"))
	if _, err := Chromium(); err == nil || !strings.Contains(err.Error(), "apt-get install -y chromium") {
		t.Errorf("Chromium() = %v; want the apt-get command", err)
	}
	if _, err := Node(dir); err == nil || !strings.Contains(err.Error(), SetupHint) {
		t.Errorf("Node(%s) = %v; want the set-up command (no node_modules there)", dir, err)
	}

	other := t.TempDir()
	t.Chdir(other)
	if _, err := Root(); err == nil {
		t.Errorf("Root() found a repository above %s", other)
	}
}

func TestEnvironPutsTheVenvFirst(t *testing.T) {
	t.Setenv("JUPYTER_PATH", "/elsewhere")
	tools := &Tools{Root: "/r", Venv: "/r/.venv", Python: "/r/.venv/bin/python", GoBin: "/g/bin"}
	env := map[string]string{}
	for _, kv := range tools.Environ("/tmp/j") {
		k, v, _ := strings.Cut(kv, "=")
		if _, dup := env[k]; dup {
			t.Errorf("%s set twice", k)
		}
		env[k] = v
	}
	if !strings.HasPrefix(env["PATH"], "/r/.venv/bin:/g/bin:") {
		t.Errorf("PATH = %q, want the venv's bin and the Go tools first", env["PATH"])
	}
	if _, ok := env["JUPYTER_PATH"]; ok {
		t.Error("JUPYTER_PATH is passed on: another folder's kernels could shadow the venv's")
	}
	for k, want := range map[string]string{"JUPYTER_PREFER_ENV_PATH": "1", "JUPYTER_CONFIG_DIR": "/tmp/j/config", "JUPYTER_RUNTIME_DIR": "/tmp/j/runtime"} {
		if env[k] != want {
			t.Errorf("%s = %q, want %q", k, env[k], want)
		}
	}
}
