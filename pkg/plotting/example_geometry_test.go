package plotting_test

import (
	"fmt"
	"log"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/plotting"
)

// The linear map of the lecture notes' mapping.png: A = [[2, 1], [1, 2]]
// sends the unit square to the parallelogram spanned by its columns, of area
// |det A| = 3.
func ExampleLinearMap() {
	a := mat.NewDense(2, 2, []float64{2, 1, 1, 2})
	fig, err := plotting.LinearMap(a, nil)
	if err != nil {
		log.Fatal(err)
	}
	if err := plotting.Save(fig, "testdata/linear_map.png"); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("det A = %.4g\n", mat.Det(a))
	// Output:
	// det A = 3
}

// Before and after in one panel.
func ExampleLinearMap_overlay() {
	a := mat.NewDense(2, 2, []float64{1, 1, 0, 1}) // a shear keeps the area
	fig, err := plotting.LinearMap(a, &plotting.MapSettings{Overlay: true})
	if err != nil {
		log.Fatal(err)
	}
	if err := plotting.Save(fig, "testdata/linear_map_overlay.png"); err != nil {
		log.Fatal(err)
	}
	_, err = plotting.LinearMap(mat.NewDense(2, 2, []float64{1, 2, 2, 4}), nil)
	fmt.Println(err)
	// Output:
	// plotting: matrix [[1, 2], [2, 4]] is singular (det = 0)
}

// Rotation and stretching, as in the lecture notes' mapping_2.png.
func ExampleRotationStretch() {
	fig, err := plotting.RotationStretch(math.Pi/6, 2, 0.5)
	if err != nil {
		log.Fatal(err)
	}
	if err := plotting.Save(fig, "testdata/rotation_stretch.png"); err != nil {
		log.Fatal(err)
	}
	fmt.Println("saved")
	// Output:
	// saved
}

// The lecture notes' linear_transform_1.png and linear_transform_2.png:
// unit vectors before and after A = [[2, 1], [1, 2]]; the eigenvectors
// (1, 1)/√2 and (1, −1)/√2 keep their direction and are stretched by 3 and 1.
func ExampleEigenvectors() {
	a := mat.NewDense(2, 2, []float64{2, 1, 1, 2})
	fig, err := plotting.Eigenvectors(a, 16)
	if err != nil {
		log.Fatal(err)
	}
	if err := plotting.Save(fig, "testdata/eigenvectors.png"); err != nil {
		log.Fatal(err)
	}
	_, err = plotting.Eigenvectors(mat.NewDense(2, 2, []float64{0, -1, 1, 0}), 16)
	fmt.Println(err)
	// Output:
	// plotting: matrix [[0, -1], [1, 0]] has complex eigenvalues: no real eigen-directions: decomp: spectrum is not real: 2 of 2 eigenvalues are not real
}

// SVD geometry of A = [[3, 0], [4, 5]], whose singular values are 3√5 and √5.
func ExampleSVDGeometry() {
	a := mat.NewDense(2, 2, []float64{3, 0, 4, 5})
	fig, err := plotting.SVDGeometry(a)
	if err != nil {
		log.Fatal(err)
	}
	if err := plotting.Save(fig, "testdata/svd_geometry.png"); err != nil {
		log.Fatal(err)
	}
	_, err = plotting.SVDGeometry(mat.NewDense(2, 3, nil))
	fmt.Println(err)
	// Output:
	// plotting: matrix is 2×3, want 2×2
}

// Arrows from any origin, with colours and labels.
func ExamplePlotVectors() {
	fig, err := plotting.PlotVectors([]plotting.Vector{
		{DX: 2, DY: 1, Label: "u"},
		{DX: -1, DY: 1.5, Label: "v"},
		{X0: 2, Y0: 1, DX: -1, DY: 1.5, Color: plotting.Grey}, // v moved to the tip of u
		{DX: 1, DY: 2.5, Label: "u + v", Dashes: plotting.Dashes[1]},
	}, "vector addition")
	if err != nil {
		log.Fatal(err)
	}
	if err := plotting.Save(fig, "testdata/vectors.png"); err != nil {
		log.Fatal(err)
	}
	fmt.Println("saved")
	// Output:
	// saved
}
