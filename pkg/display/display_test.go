package display_test

import (
	"errors"
	"testing"

	"github.com/janpfeifer/gonb/gonbui/protocol"

	"github.com/factorlab/factorlab/pkg/display"
)

// Outside a notebook every display is a no-op that succeeds, so code that
// displays runs in tests and commands; an empty bundle is still an error.
// (plotting's TestNotebookProtocol plays GoNB's side of the pipe and checks
// what reaches the kernel, including the wait after every display.)
func TestOutsideNotebook(t *testing.T) {
	if display.IsNotebook() {
		t.Skip("running inside GoNB")
	}
	if err := display.Markdown("**x**"); err != nil {
		t.Errorf("Markdown: %v", err)
	}
	if err := display.LaTeX(`x^2`); err != nil {
		t.Errorf("LaTeX: %v", err)
	}
	if id := display.NewID(); id != "" {
		t.Errorf("NewID outside a notebook = %q, want \"\"", id)
	}
	if err := display.Data(nil, ""); !errors.Is(err, display.ErrEmpty) {
		t.Errorf("Data(nil) = %v, want ErrEmpty", err)
	}
	if err := display.Data(map[protocol.MIMEType]any{protocol.MIMETextPlain: "x"}, "id"); err != nil {
		t.Errorf("Data: %v", err)
	}
}
