package display

import (
	"errors"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/protocol"
)

// ErrEmpty is the error of a display with nothing to show: an empty MIME
// bundle.
var ErrEmpty = errors.New("display: empty MIME bundle")

// SyncTimeout bounds how long a display waits for GoNB to acknowledge what
// was sent.
const SyncTimeout = 5 * time.Second

// IsNotebook reports whether the program runs as a GoNB cell. Outside a
// notebook every display of this package does nothing.
func IsNotebook() bool { return gonbui.IsNotebook }

// Markdown shows md as a Markdown cell output. Outside a notebook it does
// nothing and returns nil.
func Markdown(md string) error {
	return Data(map[protocol.MIMEType]any{protocol.MIMETextMarkdown: md}, "")
}

// LaTeX shows tex as display maths: it sends the Markdown "$$tex$$", which
// the notebook renders with MathJax. For example
//
//	must.M(display.LaTeX(fmt.Sprintf("A = %.2v", matfmt.BMatrix(a))))
func LaTeX(tex string) error { return Markdown("$$" + tex + "$$") }

// NewID returns a new display id for outputs that are replaced in place
// (see Data). The id is transient: it is not written into the saved
// notebook. Outside a notebook it returns "".
func NewID() string {
	if !gonbui.IsNotebook {
		return ""
	}
	return "factorlab-" + gonbui.UniqueId()
}

// Data sends one MIME bundle, for example image/svg+xml and image/png of
// one figure. With a non-empty id the bundle replaces the previous output
// sent under the same id (a live view); with "" it is a new output.
//
// Data waits, at most SyncTimeout, until GoNB has taken the message: a
// cell's program may end right after the display, and output still in the
// pipe would be lost. Outside a notebook it does nothing and returns nil.
func Data(bundle map[protocol.MIMEType]any, id string) error {
	if len(bundle) == 0 {
		return ErrEmpty
	}
	if !gonbui.IsNotebook {
		return nil
	}
	gonbui.SendData(&protocol.DisplayData{Data: bundle, DisplayID: id})
	sync()
	return gonbui.Error()
}

// sync is the one way this project waits for the kernel: it returns when
// GoNB has received everything sent so far, or after SyncTimeout.
func sync() {
	done := make(chan struct{})
	go func() {
		gonbui.Sync()
		close(done)
	}()
	t := time.NewTimer(SyncTimeout)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
	}
}
