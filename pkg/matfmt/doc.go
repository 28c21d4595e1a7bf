// Package matfmt writes matrices as text: as PyTorch prints tensors
// ([Torch], [TorchVec], [TorchComplex], [TorchComplexVec]), so notebook output
// can be compared line by line with the PyTorch of the source notes, and as
// LaTeX ([BMatrix]) for the notebook's MathJax.
//
// Like gonum's mat.Formatted, every function returns a [fmt.Formatter] and
// the precision comes from the verb:
//
//	fmt.Println(matfmt.Torch(a))          // PyTorch's default, 4 decimals
//	fmt.Printf("%.2v\n", matfmt.Torch(a)) // 2 decimals
//	tex := fmt.Sprintf("A = %.2v", matfmt.BMatrix(a))
//
// The package depends on gonum/mat only, not on gonum/plot: a notebook cell
// that prints matrices builds and links quickly.
//
// # Conventions
//
// FactorLab's packages share one convention (decomp, mf, plotting, lab,
// matfmt, display, fixtures): randomness is the last argument; settings are
// …Settings structs passed by pointer, nil meaning the defaults; queries
// that fill a matrix are …To(dst); misuse panics with a package sentinel
// error; bad data returns an error naming the problem and its position. Here
// a bad argument never panics: like fmt, a nil matrix or an unknown verb
// prints a "%!verb(…)" marker, with the text of [ErrNilMatrix] for nil.
package matfmt
