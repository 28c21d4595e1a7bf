package plotting_test

import (
	"fmt"
	"log"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/plotting"
)

// Show displays a plot or figure inline in GoNB; outside a notebook, as
// here, it does nothing.
func ExampleShow() {
	fig, err := plotting.LinearMap(mat.NewDense(2, 2, []float64{2, 1, 1, 2}), nil)
	if err != nil {
		log.Fatal(err)
	}
	if err := plotting.Show(fig); err != nil {
		log.Fatal(err)
	}
	w, h := fig.Size()
	fmt.Printf("%.0f×%.0f pt\n", w.Points(), h.Points())
	// Output:
	// 518×274 pt
}

// A live loss curve during training: the same cell output is redrawn.
func ExampleLive() {
	live := plotting.NewLive()
	var losses []float64
	loss := 1.0
	for it := 1; it <= 100; it++ {
		loss *= 0.9
		losses = append(losses, loss)
		if it%20 == 0 {
			p, err := plotting.LossCurves([]plotting.Run{{Name: "training", Loss: losses}}, nil)
			if err != nil {
				log.Fatal(err)
			}
			if err := live.Update(p); err != nil {
				log.Fatal(err)
			}
		}
	}
	fmt.Printf("final loss %.3g\n", loss)
	// Output:
	// final loss 2.66e-05
}

// A matrix as LaTeX for a teaching cell.
func ExampleShowLaTeX() {
	a := mat.NewDense(2, 2, []float64{2, 1, 1, 2})
	fmt.Println(plotting.ShowLaTeX("A = " + plotting.BMatrix(a, -1)))
	fmt.Println(plotting.BMatrix(mat.NewDense(1, 2, []float64{0.70710678, -0.001}), 2))
	// Output:
	// $$A = \begin{bmatrix} 2 & 1 \\ 1 & 2 \end{bmatrix}$$
	// \begin{bmatrix} 0.71 & 0.00 \end{bmatrix}
}

// PyTorch-style printing, line-comparable with the lecture notes' output of
// torch.linalg.eig(torch.tensor([[4., 1.], [2., 3.]])).
func ExampleTorch() {
	a := mat.NewDense(2, 2, []float64{4, 1, 2, 3})
	fmt.Println(plotting.Torch(a, 4))
	fmt.Println(plotting.TorchComplexVec([]complex128{5, 2}, 4))
	v := mat.NewCDense(2, 2, []complex128{0.70710678, -0.4472136, 0.70710678, 0.89442719})
	fmt.Println(plotting.TorchComplex(v, 4))
	fmt.Println(plotting.TorchVec([]float64{2.0366, 2.0575, 1.4867, -0.0961}, 4))
	// Output:
	// tensor([[4., 1.],
	//         [2., 3.]])
	// tensor([5.+0.j, 2.+0.j])
	// tensor([[ 0.7071+0.j, -0.4472+0.j],
	//         [ 0.7071+0.j,  0.8944+0.j]])
	// tensor([ 2.0366,  2.0575,  1.4867, -0.0961])
}
