// Copyright ©2026 The FactorLab Authors.

package decomp_test

import (
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/decomp"
)

func TestIsSymmetricAndDiagnose(t *testing.T) {
	if !decomp.IsSymmetric(mat.NewDense(2, 2, []float64{2, 1, 1, 2}), 0) {
		t.Error("[[2,1],[1,2]] is symmetric")
	}
	if decomp.IsSymmetric(mat.NewDense(2, 2, []float64{4, 1, 2, 3}), 1e-12) {
		t.Error("[[4,1],[2,3]] is not symmetric")
	}
	if decomp.IsSymmetric(mat.NewDense(2, 3, nil), 0) || decomp.IsSymmetric(nil, 0) {
		t.Error("non-square or empty is not symmetric")
	}
	d, err := decomp.Diagnose(mat.NewDense(2, 2, []float64{2, 1, 1, 2}))
	if err != nil || !d.Symmetric || !d.Orthogonal || math.Abs(d.MinAngle-90) > 1e-9 || !d.RealSpectrum {
		t.Errorf("symmetric diagnosis %+v %v", d, err)
	}
	d, err = decomp.Diagnose(mat.NewDense(2, 2, []float64{4, 1, 2, 3}))
	if err != nil || d.Symmetric || d.Orthogonal || math.Abs(d.MinAngle-71.56505117707799) > 1e-10 || !d.Diagonalizable {
		t.Errorf("seed 000 diagnosis %+v %v", d, err)
	}
	if _, err := decomp.Diagnose(mat.NewDense(1, 2, nil)); !errors.Is(err, decomp.ErrNotSquare) {
		t.Errorf("non-square: %v", err)
	}
}
