package matfmt_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestPrintCellDoesNotLinkPlot checks that what a notebook cell imports to
// compute and print — matfmt, decomp, mf, fixtures, display and must — does
// not pull in gonum/plot, so that such a cell builds and links quickly.
func TestPrintCellDoesNotLinkPlot(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	pkgs := []string{
		"github.com/factorlab/factorlab/pkg/matfmt",
		"github.com/factorlab/factorlab/pkg/decomp",
		"github.com/factorlab/factorlab/pkg/mf",
		"github.com/factorlab/factorlab/pkg/fixtures",
		"github.com/factorlab/factorlab/pkg/display",
		"github.com/janpfeifer/must",
	}
	out, err := exec.Command(goBin, append([]string{"list", "-deps"}, pkgs...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "gonum.org/v1/plot") {
			t.Errorf("a print-only cell links %s", dep)
		}
	}
}
