package plotting

import (
	"fmt"
	"html"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/widgets"
)

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
func Slider(label string, min, max, value int, timeout time.Duration, draw func(v int) (Drawer, error)) error {
	if min > max || value < min || value > max {
		return fmt.Errorf("plotting: slider value %d not in [%d, %d]", value, min, max)
	}
	if !gonbui.IsNotebook {
		return nil
	}
	if timeout <= 0 {
		timeout = DefaultSliderTimeout
	}
	gonbui.DisplayHtml("<b>" + html.EscapeString(label) + "</b>")
	s := widgets.Slider(min, max, value).Done()
	updates := s.Listen().LatestOnly()
	defer updates.Close()
	live := NewLive()
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
