// Package images reads the greyscale images FactorLab's notebooks
// factorize: a photograph as one matrix of grey levels, and a labelled set of
// small images (the 8×8 handwritten digits) as one matrix with an image per
// row.
//
// An image of h×w pixels is an h×w *mat.Dense whose entry (i, j) is the grey
// level of row i (top first), column j, from 0 (black) to the format's white
// (255 for 8-bit files). A set of n images of h×w pixels is an n×(h·w)
// *mat.Dense, each row an image read row by row, which is the data matrix
// that PCA and NMF take.
//
// # Failures
//
// Bad data (a file that is not an image, a malformed line, a pixel out of
// range, a label that is not a digit) returns an error that names the input
// and, for text files, the line. Programmer misuse (an index out of range)
// panics with ErrIndex.
package images
