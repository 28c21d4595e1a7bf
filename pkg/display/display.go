package display

import (
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

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
func IsNotebook() bool { return inNotebook }

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
// notebook. It is unique within the kernel's session: it names the
// program's process, its start and a count. Outside a notebook it returns
// "".
func NewID() string {
	if !inNotebook {
		return ""
	}
	ids.mu.Lock()
	defer ids.mu.Unlock()
	ids.n++
	return fmt.Sprintf("factorlab-%d-%d-%d", os.Getpid(), ids.start, ids.n)
}

// ids numbers the display ids of this program.
var ids = struct {
	mu    sync.Mutex
	start int64
	n     int
}{start: time.Now().UnixNano()}

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
	if !inNotebook {
		return nil
	}
	return send(&protocol.DisplayData{Data: bundle, DisplayID: id}, SyncTimeout)
}
