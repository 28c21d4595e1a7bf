package lab_test

import (
	"errors"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/decomp"
	"github.com/factorlab/factorlab/pkg/lab"
)

// TestNaiveSVDIsDecomps checks that lab L4's naive SVD is the one notebook
// 06 prints: decomp.NaiveGramSVD with the canonical signs, so a student
// meets one answer to "the naive SVD".
func TestNaiveSVDIsDecomps(t *testing.T) {
	for _, c := range []struct {
		a         *mat.Dense
		minusA    bool // C = −A exactly (both pairs flipped)
		neitherPM bool // C is neither A nor −A
	}{
		{lab.SVDMatrix(), false, true},
		{mat.NewDense(3, 2, []float64{1, 2, 3, 4, -5, -6}), true, false},
		{lab.SeedMatrix(), false, false},
	} {
		u, sigma, v := lab.NaiveSVD(c.a)
		got := lab.Reconstruct(u, sigma, v)
		ref, err := decomp.NaiveGramSVD(c.a, decomp.OrderCanonical)
		if err != nil {
			t.Fatal(err)
		}
		if !mat.EqualApprox(got, ref.C, 1e-12) {
			t.Errorf("%v: lab.NaiveSVD gives C = %v, decomp.NaiveGramSVD %v", mat.Formatted(c.a, mat.FormatPython()),
				mat.Formatted(got, mat.FormatPython()), mat.Formatted(ref.C, mat.FormatPython()))
		}
		var minus mat.Dense
		minus.Scale(-1, c.a)
		if c.minusA && !mat.EqualApprox(got, &minus, 1e-12) {
			t.Errorf("%v: C = %v, want −A", mat.Formatted(c.a, mat.FormatPython()), mat.Formatted(got, mat.FormatPython()))
		}
		if c.neitherPM && (mat.EqualApprox(got, c.a, 1e-6) || mat.EqualApprox(got, &minus, 1e-6)) {
			t.Errorf("%v: C = %v is ±A; L4 needs a broken naive SVD", mat.Formatted(c.a, mat.FormatPython()), mat.Formatted(got, mat.FormatPython()))
		}
	}
}

// TestMisusePanicsWithSentinel checks that misuse of the lab-authoring API
// panics with an error wrapping ErrShape, as in the other packages.
func TestMisusePanicsWithSentinel(t *testing.T) {
	for name, f := range map[string]func(){
		"NaiveSVD of a wide matrix": func() { lab.NaiveSVD(mat.NewDense(2, 3, []float64{1, 2, 3, 4, 5, 6})) },
		"Reconstruct with too few σ": func() {
			lab.Reconstruct(mat.NewDense(2, 2, nil), []float64{1}, mat.NewDense(2, 2, nil))
		},
		"Eigenpair of a 2×3 matrix": func() { lab.Eigenpair("x", mat.NewDense(2, 3, nil), 1, []float64{1, 0}, nil) },
	} {
		func() {
			defer func() {
				err, _ := recover().(error)
				if !errors.Is(err, lab.ErrShape) {
					t.Errorf("%s panicked with %v, want an error wrapping lab.ErrShape", name, err)
				}
			}()
			f()
		}()
	}
}
