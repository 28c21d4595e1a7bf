//go:build unix

package plotting_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/janpfeifer/gonb/gonbui/protocol"
	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/internal/kernelpipe"
	"github.com/factorlab/factorlab/pkg/display"
	"github.com/factorlab/factorlab/pkg/matfmt"
	"github.com/factorlab/factorlab/pkg/plotting"
)

const childEnv = "FACTORLAB_PLOTTING_NOTEBOOK_CHILD"

// TestNotebookChild runs only as the child process of TestNotebookProtocol,
// where GONB_PIPE is set and package display believes it runs in a notebook.
func TestNotebookChild(t *testing.T) {
	if os.Getenv(childEnv) == "" {
		t.Skip("helper process")
	}
	fig, err := plotting.LinearMap(mat.NewDense(2, 2, []float64{2, 1, 1, 2}), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := plotting.Show(fig); err != nil {
		t.Fatal(err)
	}
	live := plotting.NewLive()
	for i := range 2 {
		p, err := plotting.LossCurves([]plotting.Run{{Loss: []float64{1, 0.5, 0.1 / float64(i+1)}}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := live.Update(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := display.LaTeX(fmt.Sprint(matfmt.BMatrix(mat.NewDense(1, 1, []float64{1})))); err != nil {
		t.Fatal(err)
	}
}

// TestNotebookProtocol plays GoNB's side of the pipe: it runs the test
// binary as a cell would run, and decodes what it sends.
func TestNotebookProtocol(t *testing.T) {
	if os.Getenv(childEnv) != "" {
		t.Skip("in the child")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestNotebookChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"=1")
	res, err := kernelpipe.Run(cmd, t.TempDir(), 30*time.Second)
	if errors.Is(err, kernelpipe.ErrNoFIFO) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if res.Syncs < 4 {
		t.Errorf("got %d sync requests, want one after each of the 4 displays", res.Syncs)
	}
	if len(res.Msgs) != 4 {
		t.Fatalf("got %d display messages, want 4 (Show, 2 live updates, LaTeX)", len(res.Msgs))
	}
	for i, m := range res.Msgs[:3] {
		svg, ok := m.Data[protocol.MIMEImageSVG].(string)
		if !ok || !strings.Contains(svg, "<svg") {
			t.Errorf("message %d: no image/svg+xml", i)
		}
		png, ok := m.Data[protocol.MIMEImagePNG].([]byte)
		if !ok || !strings.HasPrefix(string(png), "\x89PNG") {
			t.Errorf("message %d: no image/png", i)
		}
		if len(m.Data) != 2 {
			t.Errorf("message %d: %d MIME types, want 2", i, len(m.Data))
		}
	}
	if res.Msgs[0].DisplayID != "" {
		t.Errorf("Show sent display id %q, want none", res.Msgs[0].DisplayID)
	}
	if id := res.Msgs[1].DisplayID; id == "" || id != res.Msgs[2].DisplayID {
		t.Errorf("live updates sent display ids %q and %q, want one non-empty id", id, res.Msgs[2].DisplayID)
	}
	if md, _ := res.Msgs[3].Data[protocol.MIMETextMarkdown].(string); md != `$$\begin{bmatrix} 1 \end{bmatrix}$$` {
		t.Errorf("LaTeX sent %q", md)
	}
}
