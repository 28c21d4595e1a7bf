// Package interactive shows figures that a notebook reader drives with
// GoNB's widgets: [Slider] redraws a figure as a range slider moves.
//
// It is a package of its own because GoNB's widgets come with GoNB's client
// library gonbui and its dependencies (a logging library, UUIDs with their
// crypto, networking and SQL packages, HTML templates), which a cell that
// only shows figures should not have to link. Linking this package routes
// every display of the program through gonbui (display.SendThrough), as the
// kernel reads one stream per program.
//
// The conventions are those of package plotting.
package interactive

import (
	"fmt"
	"html"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/protocol"
	"github.com/janpfeifer/gonb/gonbui/widgets"

	"github.com/factorlab/factorlab/pkg/display"
	"github.com/factorlab/factorlab/pkg/plotting"
)

func init() {
	display.SendThrough(gonbuiSender{})
}

// gonbuiSender sends package display's messages through gonbui, the
// client GoNB's widgets use.
type gonbuiSender struct{}

func (gonbuiSender) Send(d *protocol.DisplayData) error {
	gonbui.SendData(d)
	return gonbui.Error()
}

func (gonbuiSender) Sync() { gonbui.Sync() }

// DefaultSliderTimeout is how long Slider listens when its timeout is zero.
const DefaultSliderTimeout = 10 * time.Minute

// Slider shows a GoNB range slider from min to max, starting at value,
// labelled label, above a figure that draw makes for the slider's value, and
// redraws the figure in place each time the slider moves, for timeout (0
// means DefaultSliderTimeout) or until the cell is interrupted.
//
// It needs a live notebook front end (JupyterLab or Jupyter Notebook) to
// talk to the slider, so it waits for the front end before it returns: a
// notebook executed without one (nbconvert, nbclient, CI) would wait
// forever. Such notebooks tag the cell "skip-execution" and show a static
// figure in an earlier cell instead. Outside a notebook Slider does nothing.
// It returns an error if min > max, value is outside [min, max] or draw
// fails.
func Slider(label string, min, max, value int, timeout time.Duration, draw func(v int) (plotting.Drawer, error)) error {
	if min > max || value < min || value > max {
		return fmt.Errorf("interactive: slider value %d not in [%d, %d]", value, min, max)
	}
	if !display.IsNotebook() {
		return nil
	}
	if timeout <= 0 {
		timeout = DefaultSliderTimeout
	}
	gonbui.DisplayHtml("<b>" + html.EscapeString(label) + "</b>")
	s := widgets.Slider(min, max, value).Done()
	updates := s.Listen().LatestOnly()
	defer updates.Close()
	live := plotting.NewLive()
	redraw := func(v int) error {
		d, err := draw(v)
		if err != nil {
			return err
		}
		return live.Update(d)
	}
	if err := redraw(value); err != nil {
		return err
	}
	deadline := time.After(timeout)
	for {
		select {
		case v, ok := <-updates.C:
			if !ok {
				return nil
			}
			if err := redraw(v); err != nil {
				return err
			}
		case <-deadline:
			return nil
		}
	}
}
