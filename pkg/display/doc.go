// Package display is FactorLab's one path to GoNB's display: Markdown and
// LaTeX ([Markdown], [LaTeX]), MIME bundles such as figures ([Data]), and
// outputs replaced in place for live views ([NewID] with [Data]). Package
// plotting shows its figures through it and package lab its verdicts.
//
// Every display waits, boundedly, until the kernel has taken the message,
// so the output of a cell's last line is never lost when the cell's program
// ends. Outside a notebook (a test, a command) nothing is displayed and the
// functions return nil, so code that displays runs anywhere.
//
// The package speaks GoNB's pipe protocol itself (kernel.go) and links
// only GoNB's protocol types, not GoNB's client library gonbui (whose
// dependencies nearly doubled the link of every displaying cell) nor
// gonum/plot. A program that also uses gonbui (GoNB's widgets, as package
// plotting/interactive does) routes the displays through it with
// [SendThrough].
//
// # Conventions
//
// FactorLab's packages share one convention (decomp, mf, plotting, lab,
// matfmt, display, fixtures): randomness is the last argument; settings are
// …Settings structs passed by pointer, nil meaning the defaults; queries
// that fill a matrix are …To(dst); misuse panics with a package sentinel
// error; bad data returns an error naming the problem and its position.
// Here a display that cannot be made returns an error ([ErrEmpty], or the
// kernel connection's error).
package display
