// Copyright ©2026 The FactorLab Authors.

package plotting_test

import (
	"fmt"
	"log"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot/plotter"

	"github.com/factorlab/factorlab/pkg/plotting"
)

// The lecture notes call the image of the square under [[2, 1], [1, 2]] a
// trapezoid; both pairs of opposite sides are parallel, so it is a
// parallelogram, of area |det A| = 3.
func ExampleSquareImage() {
	a := mat.NewDense(2, 2, []float64{2, 1, 1, 2})
	q, err := plotting.SquareImage(a)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(q)
	fmt.Printf("|det A| = %.4g\n", math.Abs(mat.Det(a)))
	// Output:
	// corners: (0, 0) → (2, 1) → (3, 3) → (1, 2)
	// side 1 = (2, 1), opposite side 3 = (-2, -1): cross product 0 → parallel
	// side 2 = (1, 2), opposite side 4 = (-1, -2): cross product 0 → parallel
	// kind: parallelogram
	// area: 3
	// |det A| = 3
}

func TestSquareImageIsParallelogram(t *testing.T) {
	// Every finite 2×2 matrix maps the square to a parallelogram of area
	// |det A|; the matrices are hand-picked: symmetric, rotation, shear,
	// reflection, singular and an ill-scaled one.
	for _, v := range [][]float64{
		{2, 1, 1, 2},
		{math.Cos(0.5), -math.Sin(0.5), math.Sin(0.5), math.Cos(0.5)},
		{1, 1, 0, 1},
		{0, 1, 1, 0},
		{1, 2, 2, 4},
		{1e6, 3, -2, 1e-6},
		{4, 1, 2, 3},
	} {
		a := mat.NewDense(2, 2, v)
		q, err := plotting.SquareImage(a)
		if err != nil {
			t.Fatal(err)
		}
		if k := q.Kind(1e-12); k != "parallelogram" {
			t.Errorf("%v: kind %q, want parallelogram", v, k)
		}
		det := math.Abs(mat.Det(a))
		if got := q.Area(); math.Abs(got-det) > 1e-9*math.Max(1, det) {
			t.Errorf("%v: area %g, want |det A| = %g", v, got, det)
		}
	}
}

func TestQuadrilateralKinds(t *testing.T) {
	trap := plotting.Quadrilateral{Corners: [4]plotter.XY{{X: 0, Y: 0}, {X: 4, Y: 0}, {X: 3, Y: 2}, {X: 1, Y: 2}}}
	if k := trap.Kind(0); k != "trapezoid" {
		t.Errorf("isosceles trapezoid: kind %q", k)
	}
	if a := trap.Area(); a != 6 {
		t.Errorf("trapezoid area %g, want (4 + 2)/2·2 = 6", a)
	}
	kite := plotting.Quadrilateral{Corners: [4]plotter.XY{{X: 0, Y: 0}, {X: 2, Y: -1}, {X: 4, Y: 0}, {X: 2, Y: 3}}}
	if k := kite.Kind(0); k != "quadrilateral" {
		t.Errorf("kite: kind %q", k)
	}
	if s := trap.Side(-1); s != (plotter.XY{X: -1, Y: -2}) {
		t.Errorf("Side(-1) = %v, want the side from corner 3 to corner 0", s)
	}
	if _, err := plotting.SquareImage(mat.NewDense(2, 3, nil)); err == nil {
		t.Error("a 2×3 matrix was accepted")
	}
	if _, err := plotting.SquareImage(mat.NewDense(2, 2, []float64{1, math.NaN(), 0, 1})); err == nil {
		t.Error("a NaN entry was accepted")
	}
}
