// Package plotting draws the figures of linear algebra with gonum/plot and
// shows them inline in GoNB notebooks.
//
// # Display
//
// Everything that can be drawn satisfies [Drawer]: a *plot.Plot, or a
// multi-panel [Figure]. [Show] sends one display_data message whose MIME
// bundle holds both image/svg+xml and image/png, so the figure renders in
// JupyterLab, in HTML exported by nbconvert and on GitHub. Outside a GoNB
// notebook (gonbui.IsNotebook is false) Show does nothing and returns nil.
// [Save] writes SVG, PNG or PDF depending on the file's extension, and
// [Render] returns the encoded bytes. SVG and PNG output is deterministic:
// the same figure gives the same bytes.
//
// # Figures
//
// A [Figure] is a grid of panels of one size. Panels are aligned so that their
// data areas line up, and a figure with EqualAspect set gives every panel the
// same number of points per data unit along x and y (a square looks square),
// by widening the shorter axis range around its centre.
package plotting
