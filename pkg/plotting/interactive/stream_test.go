//go:build unix

package interactive_test

import (
	"errors"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/protocol"

	"github.com/factorlab/factorlab/internal/kernelpipe"
	"github.com/factorlab/factorlab/pkg/display"
)

const childEnv = "FACTORLAB_INTERACTIVE_STREAM_CHILD"

// TestOneStreamChild runs only as the child of TestOneStream: it displays
// through package display and through gonbui in turn, as Slider does.
func TestOneStreamChild(t *testing.T) {
	if os.Getenv(childEnv) == "" {
		t.Skip("helper process")
	}
	if err := display.Markdown("first"); err != nil {
		t.Fatal(err)
	}
	gonbui.DisplayHTML("<b>second</b>")
	if err := display.Markdown("third"); err != nil {
		t.Fatal(err)
	}
	gonbui.Sync()
}

// TestOneStream checks that a program linking this package sends package
// display's messages and gonbui's on one stream the kernel can decode, in
// the order they were made: two clients would each start a gob stream of
// their own on the same pipe.
func TestOneStream(t *testing.T) {
	if os.Getenv(childEnv) != "" {
		t.Skip("in the child")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestOneStreamChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"=1")
	res, err := kernelpipe.Run(cmd, t.TempDir(), 30*time.Second)
	if errors.Is(err, kernelpipe.ErrNoFIFO) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		mime protocol.MIMEType
		text string
	}{{protocol.MIMETextMarkdown, "first"}, {protocol.MIMETextHTML, "<b>second</b>"}, {protocol.MIMETextMarkdown, "third"}}
	if len(res.Msgs) != len(want) {
		t.Fatalf("got %d display messages, want %d:\n%+v", len(res.Msgs), len(want), res.Msgs)
	}
	for i, w := range want {
		if got, _ := res.Msgs[i].Data[w.mime].(string); got != w.text {
			t.Errorf("message %d: %s %q, want %q", i, w.mime, got, w.text)
		}
	}
	if res.Syncs < 3 {
		t.Errorf("got %d sync requests, want one after each display of package display and the final one", res.Syncs)
	}
}
