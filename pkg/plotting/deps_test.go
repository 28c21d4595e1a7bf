package plotting_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestFigureCellLinksNoGonbui checks that what a notebook cell imports to
// draw and show figures does not pull in GoNB's client library gonbui and
// its dependencies (a logging library, UUIDs with crypto, networking and
// SQL, HTML templates): package display speaks the kernel's pipe protocol
// itself, and the widgets that need gonbui live in package interactive.
// Every package in a cell's import graph is loaded by the linker on every
// build of the cell.
func TestFigureCellLinksNoGonbui(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	pkgs := []string{
		"github.com/factorlab/factorlab/pkg/plotting",
		"github.com/factorlab/factorlab/pkg/plotting/hangul",
		"github.com/factorlab/factorlab/pkg/display",
		"github.com/factorlab/factorlab/pkg/lab",
		"github.com/janpfeifer/must",
		"gonum.org/v1/plot",
		"gonum.org/v1/plot/plotter",
	}
	out, err := exec.Command(goBin, append([]string{"list", "-deps"}, pkgs...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	banned := []string{"github.com/janpfeifer/gonb/gonbui", "github.com/janpfeifer/gonb/common", "k8s.io/klog/v2",
		"github.com/gofrs/uuid", "text/template", "net", "database/sql", "crypto/rand"}
	for _, dep := range strings.Fields(string(out)) {
		for _, b := range banned {
			if dep == b {
				t.Errorf("a figure cell links %s", dep)
			}
		}
	}
}
