// Package plotting draws the figures of linear algebra with gonum/plot and
// shows them inline in GoNB notebooks.
//
// # Display
//
// Everything that can be drawn satisfies [Drawer]: a *plot.Plot, or a
// multi-panel [Figure]. [Show] sends one display_data message whose MIME
// bundle holds both image/svg+xml and image/png, so the figure renders in
// JupyterLab, in HTML exported by nbconvert and on GitHub. Outside a GoNB
// notebook (display.IsNotebook is false) Show does nothing and returns nil.
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
// Eigenvectors and SVDGeometry draw the first pair in Green with a solid
// shaft and the second in Red with a dashed one, in every figure.
//
// The vectors a figure draws are decomp's: Eigenvectors draws
// decomp.RealEigenpairs with decomp.OrderCanonical and SVDGeometry
// decomp.SVD after Canonicalize, so the numbers a notebook prints beside a
// figure (same call, same convention) show the same vectors with the same
// signs, order and colours; a test holds the two together.
//
// # Conventions
//
// FactorLab's packages share one convention (decomp, mf, plotting, lab,
// matfmt, display, fixtures): randomness is an explicit *rand.Rand and the
// last argument; settings are …Settings structs passed by pointer, nil
// meaning the defaults; queries that fill a matrix are …To(dst), with plain
// getters only where gonum has them; misuse panics with a package sentinel
// error; bad data returns an error naming the problem and its position;
// numerical failure returns an error or status naming it. Eigenpairs,
// SVDs and the Eckart–Young optimum are computed by package decomp, the
// one place that calls LAPACK's eigen and SVD drivers.
//
// Here: …Settings for LossCurves, Heatmap, Spectrum and LinearMap, nil
// meaning the defaults; a nil or undrawable figure is an error
// (ErrNilDrawer, ErrEmpty), not a panic; a nil mat.Matrix or a typed-nil
// *mat.Dense is an error wrapping ErrEmpty (the mapped grid and polygon
// read it as the identity), never a nil-pointer dereference.
package plotting
