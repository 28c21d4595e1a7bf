package matfmt_test

import (
	"fmt"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/matfmt"
)

// PyTorch-style printing, line-comparable with the lecture notes' output of
// torch.linalg.eig(torch.tensor([[4., 1.], [2., 3.]])).
func ExampleTorch() {
	a := mat.NewDense(2, 2, []float64{4, 1, 2, 3})
	fmt.Println(matfmt.Torch(a))
	fmt.Println(matfmt.TorchComplexVec([]complex128{5, 2}))
	v := mat.NewCDense(2, 2, []complex128{0.70710678, -0.4472136, 0.70710678, 0.89442719})
	fmt.Println(matfmt.TorchComplex(v))
	fmt.Printf("%.2v\n", matfmt.TorchVec([]float64{2.0366, 2.0575, 1.4867, -0.0961}))
	fmt.Println(matfmt.Torch(nil))
	// Output:
	// tensor([[4., 1.],
	//         [2., 3.]])
	// tensor([5.+0.j, 2.+0.j])
	// tensor([[ 0.7071+0.j, -0.4472+0.j],
	//         [ 0.7071+0.j,  0.8944+0.j]])
	// tensor([ 2.04,  2.06,  1.49, -0.10])
	// %!v(matfmt: nil matrix)
}

// A matrix as LaTeX for a teaching cell; display.LaTeX shows it.
func ExampleBMatrix() {
	a := mat.NewDense(2, 2, []float64{2, 1, 1, 2})
	fmt.Printf("A = %v\n", matfmt.BMatrix(a))
	fmt.Printf("%.2v\n", matfmt.BMatrix(mat.NewDense(1, 2, []float64{0.70710678, -0.001})))
	// Output:
	// A = \begin{bmatrix} 2 & 1 \\ 1 & 2 \end{bmatrix}
	// \begin{bmatrix} 0.71 & 0.00 \end{bmatrix}
}
