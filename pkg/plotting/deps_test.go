package plotting_test

import (
	"testing"

	"github.com/factorlab/factorlab/internal/tooling"
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
	deps := tooling.Deps(t,
		"github.com/factorlab/factorlab/pkg/plotting",
		"github.com/factorlab/factorlab/pkg/plotting/hangul",
		"github.com/factorlab/factorlab/pkg/display",
		"github.com/factorlab/factorlab/pkg/lab",
		"github.com/janpfeifer/must",
		"gonum.org/v1/plot",
		"gonum.org/v1/plot/plotter",
	)
	banned := []string{"github.com/janpfeifer/gonb/gonbui", "github.com/janpfeifer/gonb/common", "k8s.io/klog/v2",
		"github.com/gofrs/uuid", "text/template", "net", "database/sql", "crypto/rand"}
	for _, dep := range deps {
		for _, b := range banned {
			if dep == b {
				t.Errorf("a figure cell links %s", dep)
			}
		}
	}
}
