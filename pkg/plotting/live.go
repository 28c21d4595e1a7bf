package plotting

import (
	"github.com/factorlab/factorlab/pkg/display"
	"gonum.org/v1/plot/vg"
)

// Live is a figure that redraws in place in a GoNB notebook, for example a
// loss curve updated during training: every Update replaces the cell output
// it created the first time. The notebook keeps the last frame, so a
// notebook saved after the run shows the final figure. Outside a notebook
// Update does nothing.
//
// Each frame is rendered as SVG and PNG, a few milliseconds for a typical
// plot; update every few iterations rather than every one.
type Live struct {
	// Width and Height size the frames; zero means the drawer's own size
	// (DefaultWidth×DefaultHeight for a *plot.Plot).
	Width, Height vg.Length

	id string
}

// NewLive returns a live view with its own display id. The id is transient:
// it is not written into the saved notebook.
func NewLive() *Live {
	return &Live{id: display.NewID()}
}

// Update shows d in place of the previous frame. It returns an error if d
// is nil or cannot be drawn; outside a notebook it returns nil without
// drawing.
func (l *Live) Update(d Drawer) error {
	if isNil(d) {
		return ErrNilDrawer
	}
	if !display.IsNotebook() || l.id == "" {
		return nil
	}
	w, h := sizeOf(d)
	if l.Width > 0 && l.Height > 0 {
		w, h = l.Width, l.Height
	}
	return send(d, w, h, l.id)
}
