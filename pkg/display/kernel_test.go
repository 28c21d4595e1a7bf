//go:build unix

package display_test

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/janpfeifer/gonb/gonbui/protocol"

	"github.com/factorlab/factorlab/internal/kernelpipe"
	"github.com/factorlab/factorlab/pkg/display"
)

const childEnv = "FACTORLAB_DISPLAY_KERNEL_CHILD"

// fakeSender records what SendThrough routes to it.
type fakeSender struct{}

func (fakeSender) Send(*protocol.DisplayData) error { return nil }
func (fakeSender) Sync()                            {}

// TestKernelChild runs only as the child of the tests below; the value of
// childEnv says what to do.
func TestKernelChild(t *testing.T) {
	switch os.Getenv(childEnv) {
	case "":
		t.Skip("helper process")
	case "display":
		if !display.IsNotebook() {
			t.Fatal("IsNotebook is false with GONB_PIPE set")
		}
		a, b := display.NewID(), display.NewID()
		if a == "" || a == b {
			t.Fatalf("NewID gave %q and %q, want two different ids", a, b)
		}
		if err := display.Markdown("one"); err != nil {
			t.Fatal(err)
		}
		if err := display.Data(map[protocol.MIMEType]any{protocol.MIMETextHTML: "<i>two</i>"}, a); err != nil {
			t.Fatal(err)
		}
		if err := display.Data(map[protocol.MIMEType]any{protocol.MIMETextHTML: "<i>three</i>"}, a); err != nil {
			t.Fatal(err)
		}
	case "late":
		if err := display.Markdown("one"); err != nil {
			t.Fatal(err)
		}
		defer func() {
			if r := recover(); r != display.ErrOtherClient {
				t.Fatalf("SendThrough after a display: panic %v, want ErrOtherClient", r)
			}
		}()
		display.SendThrough(fakeSender{})
	case "nopipe":
		err := display.Markdown("x")
		if err == nil || !strings.Contains(err.Error(), "opening the kernel's pipe") {
			t.Fatalf("display with a missing pipe: %v, want an error naming the pipe", err)
		}
		if err2 := display.Markdown("y"); err2 == nil || err2.Error() != err.Error() {
			t.Fatalf("second display: %v, want the first failure again (%v)", err2, err)
		}
	}
}

func runChild(t *testing.T, what string) kernelpipe.Result {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKernelChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+what)
	res, err := kernelpipe.Run(cmd, t.TempDir(), 30*time.Second)
	if errors.Is(err, kernelpipe.ErrNoFIFO) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestKernelProtocol plays GoNB's side: every display arrives in order,
// with its display id, and each is followed by a sync the kernel answers.
func TestKernelProtocol(t *testing.T) {
	if os.Getenv(childEnv) != "" {
		t.Skip("in the child")
	}
	res := runChild(t, "display")
	if len(res.Msgs) != 3 || res.Syncs != 3 {
		t.Fatalf("got %d messages and %d syncs, want 3 and 3", len(res.Msgs), res.Syncs)
	}
	if md, _ := res.Msgs[0].Data[protocol.MIMETextMarkdown].(string); md != "one" || res.Msgs[0].DisplayID != "" {
		t.Errorf("first message %+v, want Markdown \"one\" without an id", res.Msgs[0])
	}
	for i, want := range []string{"<i>two</i>", "<i>three</i>"} {
		m := res.Msgs[i+1]
		if h, _ := m.Data[protocol.MIMETextHTML].(string); h != want {
			t.Errorf("message %d: HTML %q, want %q", i+1, h, want)
		}
		if !strings.HasPrefix(m.DisplayID, "factorlab-") {
			t.Errorf("message %d: display id %q", i+1, m.DisplayID)
		}
	}
	if res.Msgs[1].DisplayID != res.Msgs[2].DisplayID {
		t.Errorf("an update went to id %q, the first to %q", res.Msgs[2].DisplayID, res.Msgs[1].DisplayID)
	}
}

// TestSendThroughAfterDisplayPanics: a second client after the first
// display would start a second stream on the pipe.
func TestSendThroughAfterDisplayPanics(t *testing.T) {
	if os.Getenv(childEnv) != "" {
		t.Skip("in the child")
	}
	if res := runChild(t, "late"); len(res.Msgs) != 1 {
		t.Errorf("got %d messages, want the one display before SendThrough", len(res.Msgs))
	}
}

// TestMissingPipe: a program told to display on a pipe that is not there
// gets an error naming it, on every display.
func TestMissingPipe(t *testing.T) {
	if os.Getenv(childEnv) != "" {
		t.Skip("in the child")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestKernelChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"=nopipe", protocol.GONB_PIPE_ENV+"="+t.TempDir()+"/missing",
		protocol.GONB_PIPE_BACK_ENV+"="+t.TempDir()+"/missing_back")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
}
