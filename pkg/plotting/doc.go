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
// [Render] returns the encoded bytes. Output is deterministic: the same
// figure gives the same bytes (PDF dates are fixed to 1970-01-01). A [Live]
// view redraws in place during training. Figures reach the notebook through
// package display, FactorLab's one display path; text output of matrices
// (PyTorch-style and LaTeX) is package matfmt, which does not link
// gonum/plot.
//
// # Figures
//
// Each figure is one call, and returns an error naming the problem for bad
// input (NaN or infinite values, empty data, a matrix that is not 2×2 or is
// singular where an invertible 2×2 is needed), never a blank image:
//
//   - [PlotVectors]: arrows from any origin, coloured and labelled.
//   - [LinearMap]: the grid, unit square and basis before and after A; the
//     square becomes the parallelogram spanned by A's columns, of area
//     |det A|. [SquareImage] reports that parallelogram in text.
//   - [RotationStretch]: rotation by θ and stretching by (sx, sy).
//   - [Eigenvectors]: a fan of unit vectors before and after A, the
//     eigen-directions in green (solid) and red (dashed) only stretched.
//   - [SVDGeometry]: the unit circle through Vᵀ, Σ and U to the ellipse A·S¹.
//   - [LossCurves]: loss per iteration on a log axis, runs overlaid, with an
//     optional reference such as the Eckart–Young optimum.
//   - [Heatmap], [Spectrum], [ImageGrid]: a matrix with its values, singular
//     values, and images beside their low-rank reconstructions.
//
// The marks they are built from are plotters of their own, usable in any
// plot: [Arrows], [MappedGrid], [MappedPolygon], [Ellipse], [MatrixCells].
//
// A [Figure] is a grid of panels. Panels are laid out so that their data
// areas have one size and line up along rows and columns; with EqualAspect
// one data unit has the same length along x and y, and in every panel (a
// square looks square, and before and after share a scale), obtained by
// widening axis ranges about their centres.
//
// Colours follow the Okabe–Ito palette, and curves also differ in dash
// pattern, so figures read for colour-blind readers and in grey scale.
package plotting
