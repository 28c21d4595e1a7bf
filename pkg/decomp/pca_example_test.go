// Copyright ©2026 The FactorLab Authors.

package decomp_test

import (
	"fmt"
	"math"

	"github.com/factorlab/factorlab/pkg/decomp"
	"gonum.org/v1/gonum/mat"
)

// Principal components of four points near the line y = 2x: the first
// direction is ±(1, 2)/√5 and explains almost all of the variance (values
// checked with numpy 1.24: the eigenvalues of np.cov of the same points).
func ExamplePCA() {
	x := mat.NewDense(4, 2, []float64{
		0, 0.1,
		1, 1.9,
		2, 4.1,
		3, 5.9,
	})
	var p decomp.PCA
	if err := p.Fit(x); err != nil {
		panic(err)
	}
	v := p.Variances()
	var c mat.Dense
	if err := p.ComponentsTo(&c, 1); err != nil {
		panic(err)
	}
	fmt.Printf("mean %.3f\n", p.Mean(nil))
	fmt.Printf("variances %.4f\n", v)
	fmt.Printf("|direction| = (%.4f, %.4f), (1, 2)/√5 = (%.4f, %.4f)\n", math.Abs(c.At(0, 0)), math.Abs(c.At(0, 1)), 1/math.Sqrt(5), 2/math.Sqrt(5))
	// Output:
	// mean [1.500 3.000]
	// variances [8.0778 0.0022]
	// |direction| = (0.4540, 0.8910), (1, 2)/√5 = (0.4472, 0.8944)
}
