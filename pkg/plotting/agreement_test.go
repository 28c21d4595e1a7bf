package plotting

import (
	"image/color"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/decomp"
	"github.com/factorlab/factorlab/pkg/fixtures"
)

// The figure/print agreement test: what each notebook figure draws is the
// answer decomp gives for the numbers printed beside it, with the same
// signs, order and colours.

// notebookEigenFigures are the matrices the notebooks pass to Eigenvectors.
var notebookEigenFigures = []struct {
	where string
	a     *mat.Dense
}{
	{"notebook 02 (seed 000's [[4, 1], [2, 3]])", fixtures.EigenMatrix()},
	{"notebook 04 (A = [[2, 1], [1, 2]])", fixtures.SymmetricMatrix()},
	{"notebook 04 (B = [[4, 1], [2, 3]])", fixtures.EigenMatrix()},
	{"notebook 04 (indefinite [[1, 2], [2, 1]])", mat.NewDense(2, 2, []float64{1, 2, 2, 1})},
	// The matrix of the issue that found the disagreement: λ = 1, −3.
	{"negative eigenvalue [[−1, 2], [2, −1]]", mat.NewDense(2, 2, []float64{-1, 2, 2, -1})},
}

// pairColourNames are the names notebooks print for the first and second
// pair (notebook 04: "green", "red").
var pairColourNames = []color.RGBA{Green, Red}

func TestEigenvectorsAgreeWithDecomp(t *testing.T) {
	for _, c := range notebookEigenFigures {
		tr, err := toInvertible2(c.a)
		if err != nil {
			t.Fatalf("%s: %v", c.where, err)
		}
		vals, vecs, err := eigen2(tr)
		if err != nil {
			t.Fatalf("%s: %v", c.where, err)
		}
		// What notebook 04 prints: decomp.RealEigenpairs, canonical order.
		s, lambda, err := decomp.RealEigenpairs(c.a, decomp.OrderCanonical)
		if err != nil {
			t.Fatalf("%s: %v", c.where, err)
		}
		before, after := eigenArrows(vals, vecs, false), eigenArrows(vals, vecs, true)
		if len(before) != len(lambda) || len(after) != len(lambda) {
			t.Fatalf("%s: figure draws %d eigenvectors, decomp has %d pairs", c.where, len(before), len(lambda))
		}
		for j := range lambda {
			x, y := s.At(0, j), s.At(1, j)
			if d := math.Hypot(before[j].X-x, before[j].Y-y); d > 1e-12 {
				t.Errorf("%s: figure draws v%d = (%.4f, %.4f), decomp prints (%.4f, %.4f)", c.where, j+1, before[j].X, before[j].Y, x, y)
			}
			if d := math.Hypot(after[j].X-lambda[j]*x, after[j].Y-lambda[j]*y); d > 1e-12 {
				t.Errorf("%s: figure draws Av%d = (%.4f, %.4f), want λ·v = %g·(%.4f, %.4f)", c.where, j+1, after[j].X, after[j].Y, lambda[j], x, y)
			}
			if before[j].Pair != j || after[j].Pair != j || pairStyles[j].c != pairColourNames[j] {
				t.Errorf("%s: pair %d is not drawn in the colour notebook 04 names", c.where, j+1)
			}
		}
		// What notebook 02 prints: the closed form's unit directions.
		cf, err := decomp.ClosedForm2x2(c.a)
		if err != nil {
			t.Fatalf("%s: %v", c.where, err)
		}
		for j := range before {
			u := cf.UnitDirection(j)
			if real(cf.Values[j]) != lambda[j] && math.Abs(real(cf.Values[j])-lambda[j]) > 1e-12 {
				t.Errorf("%s: closed form λ%d = %v, decomp %v", c.where, j+1, cf.Values[j], lambda[j])
			}
			if d := math.Hypot(before[j].X-u[0], before[j].Y-u[1]); d > 1e-12 {
				t.Errorf("%s: figure draws v%d = (%.4f, %.4f), the closed form prints (%.4f, %.4f)", c.where, j+1, before[j].X, before[j].Y, u[0], u[1])
			}
		}
	}
}

func TestSVDGeometryAgreesWithDecomp(t *testing.T) {
	for _, a := range []*mat.Dense{
		mat.NewDense(2, 2, []float64{3, 0, 4, 5}), // notebook 06
		fixtures.EigenMatrix(),
		mat.NewDense(2, 2, []float64{-1, 2, 2, -1}),
		mat.NewDense(2, 2, []float64{0, -1, 1, 0}),
	} {
		s, u, v, err := svd2(a)
		if err != nil {
			t.Fatal(err)
		}
		var ref decomp.SVD
		if err := ref.Factorize(a, mat.SVDFull); err != nil {
			t.Fatal(err)
		}
		ref.Canonicalize()
		var ru, rv mat.Dense
		ref.UTo(&ru)
		ref.VTo(&rv)
		sigma := ref.Values(nil)
		panels := svdArrows(s, u, v)
		for j := range 2 {
			in, out := panels[0][j], panels[3][j]
			if d := math.Hypot(in.X-rv.At(0, j), in.Y-rv.At(1, j)); d > 1e-12 {
				t.Errorf("%v: figure draws v%d = (%.4f, %.4f), decomp (%.4f, %.4f)", mat.Formatted(a), j+1, in.X, in.Y, rv.At(0, j), rv.At(1, j))
			}
			if d := math.Hypot(out.X-sigma[j]*ru.At(0, j), out.Y-sigma[j]*ru.At(1, j)); d > 1e-12 {
				t.Errorf("%v: figure draws σ%du%d = (%.4f, %.4f), decomp σ = %v, u = (%.4f, %.4f)", mat.Formatted(a), j+1, j+1, out.X, out.Y, sigma[j], ru.At(0, j), ru.At(1, j))
			}
			// A·vⱼ is what the last panel shows as σⱼuⱼ.
			var av mat.VecDense
			av.MulVec(a, mat.NewVecDense(2, []float64{in.X, in.Y}))
			if d := math.Hypot(out.X-av.AtVec(0), out.Y-av.AtVec(1)); d > 1e-12 {
				t.Errorf("%v: σ%du%d is not A·v%d", mat.Formatted(a), j+1, j+1, j+1)
			}
			for _, p := range panels {
				if p[j].Pair != j {
					t.Errorf("%v: arrow %q drawn in the style of pair %d", mat.Formatted(a), p[j].Label, p[j].Pair+1)
				}
			}
		}
	}
}

// TestPairColours checks that the pair colours are a green and a red by hue,
// and that the pairs also differ in something other than colour.
func TestPairColours(t *testing.T) {
	for _, c := range []struct {
		name   string
		c      color.RGBA
		lo, hi float64
	}{{"Green", Green, 90, 150}, {"Red", Red, -15, 15}} {
		h := hue(c.c)
		if h > 180 {
			h -= 360
		}
		if h < c.lo || h > c.hi {
			t.Errorf("%s = %v has hue %.0f°, want %v°…%v°", c.name, c.c, h, c.lo, c.hi)
		}
	}
	if len(pairStyles[0].dashes) == len(pairStyles[1].dashes) {
		t.Error("the two pairs are drawn with the same dash pattern")
	}
}

// hue returns c's hue in degrees, 0…360.
func hue(c color.RGBA) float64 {
	r, g, b := float64(c.R), float64(c.G), float64(c.B)
	hi, lo := math.Max(r, math.Max(g, b)), math.Min(r, math.Min(g, b))
	if hi == lo {
		return 0
	}
	var h float64
	switch hi {
	case r:
		h = math.Mod((g-b)/(hi-lo), 6)
	case g:
		h = (b-r)/(hi-lo) + 2
	default:
		h = (r-g)/(hi-lo) + 4
	}
	h *= 60
	if h < 0 {
		h += 360
	}
	return h
}
