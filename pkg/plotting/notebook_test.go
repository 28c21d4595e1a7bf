//go:build unix

package plotting_test

import (
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/janpfeifer/gonb/gonbui/protocol"
	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/display"
	"github.com/factorlab/factorlab/pkg/matfmt"
	"github.com/factorlab/factorlab/pkg/plotting"
)

const childEnv = "FACTORLAB_PLOTTING_NOTEBOOK_CHILD"

// TestNotebookChild runs only as the child process of TestNotebookProtocol,
// where GONB_PIPE is set and gonbui believes it runs in a notebook.
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
	dir := t.TempDir()
	out, back := filepath.Join(dir, "gonb_pipe"), filepath.Join(dir, "gonb_pipe_back")
	for _, p := range []string{out, back} {
		if err := syscall.Mkfifo(p, 0o600); err != nil {
			t.Skipf("no named pipes here: %v", err)
		}
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestNotebookChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"=1", protocol.GONB_PIPE_ENV+"="+out, protocol.GONB_PIPE_BACK_ENV+"="+back)
	var stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	type result struct {
		msgs  []protocol.DisplayData
		syncs int
		err   error
	}
	done := make(chan result, 1)
	go func() {
		// The child opens the data pipe for writing, then the back pipe
		// for reading; open our ends in the same order.
		r, err := os.OpenFile(out, os.O_RDONLY, 0)
		if err != nil {
			done <- result{err: err}
			return
		}
		defer r.Close()
		w, err := os.OpenFile(back, os.O_WRONLY, 0)
		if err != nil {
			done <- result{err: err}
			return
		}
		defer w.Close()
		dec, enc := gob.NewDecoder(r), gob.NewEncoder(w)
		var res result
		for {
			var d protocol.DisplayData
			if err := dec.Decode(&d); err != nil {
				if !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
					res.err = err
				}
				break
			}
			// Answer gonbui.Sync as GoNB does; it is not a display message.
			if cv, ok := commValue(d); ok && cv.Address == protocol.GonbuiSyncAddress {
				res.syncs++
				if err := enc.Encode(&protocol.CommValue{Address: protocol.GonbuiSyncAckAddress, Value: cv.Value}); err != nil {
					res.err = err
					break
				}
				continue
			}
			res.msgs = append(res.msgs, d)
		}
		done <- res
	}()
	var res result
	select {
	case res = <-done:
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatal("timed out waiting for the child")
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child failed: %v\n%s", err, stderr.String())
	}
	if res.err != nil {
		t.Fatal(res.err)
	}
	if res.syncs < 4 {
		t.Errorf("got %d sync requests, want one after each of the 4 displays", res.syncs)
	}
	if len(res.msgs) != 4 {
		t.Fatalf("got %d display messages, want 4 (Show, 2 live updates, LaTeX)", len(res.msgs))
	}
	for i, m := range res.msgs[:3] {
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
	if res.msgs[0].DisplayID != "" {
		t.Errorf("Show sent display id %q, want none", res.msgs[0].DisplayID)
	}
	if id := res.msgs[1].DisplayID; id == "" || id != res.msgs[2].DisplayID {
		t.Errorf("live updates sent display ids %q and %q, want one non-empty id", id, res.msgs[2].DisplayID)
	}
	if md, _ := res.msgs[3].Data[protocol.MIMETextMarkdown].(string); md != `$$\begin{bmatrix} 1 \end{bmatrix}$$` {
		t.Errorf("LaTeX sent %q", md)
	}
}

// commValue extracts the CommValue a gonbui.Sync request carries; gob hands
// it back as a value, whatever pointer the sender used.
func commValue(d protocol.DisplayData) (protocol.CommValue, bool) {
	switch v := d.Data[protocol.MIMECommValue].(type) {
	case protocol.CommValue:
		return v, true
	case *protocol.CommValue:
		return *v, true
	}
	return protocol.CommValue{}, false
}
