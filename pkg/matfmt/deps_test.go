package matfmt_test

import (
	"strings"
	"testing"

	"github.com/factorlab/factorlab/internal/tooling"
)

// TestPrintCellDoesNotLinkPlot checks that what a notebook cell imports to
// compute and print — matfmt, decomp, mf, fixtures, display and must — does
// not pull in gonum/plot, so that such a cell builds and links quickly.
func TestPrintCellDoesNotLinkPlot(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	deps := tooling.Deps(t,
		"github.com/factorlab/factorlab/pkg/matfmt",
		"github.com/factorlab/factorlab/pkg/decomp",
		"github.com/factorlab/factorlab/pkg/mf",
		"github.com/factorlab/factorlab/pkg/fixtures",
		"github.com/factorlab/factorlab/pkg/display",
		"github.com/janpfeifer/must",
	)
	for _, dep := range deps {
		if strings.HasPrefix(dep, "gonum.org/v1/plot") {
			t.Errorf("a print-only cell links %s", dep)
		}
	}
}
