package matfmt

import (
	"fmt"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func dense(g [][]float64) *mat.Dense {
	m := mat.NewDense(len(g), len(g[0]), nil)
	for i, r := range g {
		m.SetRow(i, r)
	}
	return m
}

func TestTorch(t *testing.T) {
	for _, c := range torchCases2D {
		if got := fmt.Sprintf("%.*v", c.dec, Torch(dense(c.m))); got != c.want {
			t.Errorf("Torch(%v, %d):\ngot\n%s\nwant\n%s", c.m, c.dec, got, c.want)
		}
	}
}

func TestTorchVec(t *testing.T) {
	for _, c := range torchCases1D {
		var got string
		if c.im == nil {
			got = fmt.Sprintf("%.*v", c.dec, TorchVec(c.re))
		} else {
			z := make([]complex128, len(c.re))
			for i := range z {
				z[i] = complex(c.re[i], c.im[i])
			}
			got = fmt.Sprintf("%.*v", c.dec, TorchComplexVec(z))
		}
		if got != c.want {
			t.Errorf("re %v im %v:\ngot\n%s\nwant\n%s", c.re, c.im, got, c.want)
		}
	}
}

func TestTorchComplex(t *testing.T) {
	for _, c := range torchCasesComplex {
		r, k := len(c.re), len(c.re[0])
		m := mat.NewCDense(r, k, nil)
		for i := range r {
			for j := range k {
				m.Set(i, j, complex(c.re[i][j], c.im[i][j]))
			}
		}
		if got := fmt.Sprint(TorchComplex(m)); got != c.want {
			t.Errorf("got\n%s\nwant\n%s", got, c.want)
		}
	}
}

// Summarized output: more than 1000 elements. Expected strings printed by
// torch 1.13.
func TestTorchSummarized(t *testing.T) {
	m := mat.NewDense(10, 200, nil)
	for i := range 10 {
		for j := range 200 {
			m.Set(i, j, float64(i*200+j)/7)
		}
	}
	want := "tensor([[0.0000e+00, 1.4286e-01, 2.8571e-01,  ..., 2.8143e+01, 2.8286e+01,\n         2.8429e+01],\n        [2.8571e+01, 2.8714e+01, 2.8857e+01,  ..., 5.6714e+01, 5.6857e+01,\n         5.7000e+01],\n        [5.7143e+01, 5.7286e+01, 5.7429e+01,  ..., 8.5286e+01, 8.5429e+01,\n         8.5571e+01],\n        ...,\n        [2.0000e+02, 2.0014e+02, 2.0029e+02,  ..., 2.2814e+02, 2.2829e+02,\n         2.2843e+02],\n        [2.2857e+02, 2.2871e+02, 2.2886e+02,  ..., 2.5671e+02, 2.5686e+02,\n         2.5700e+02],\n        [2.5714e+02, 2.5729e+02, 2.5743e+02,  ..., 2.8529e+02, 2.8543e+02,\n         2.8557e+02]])"
	if got := fmt.Sprint(Torch(m)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	v := make([]float64, 1100)
	for i := range v {
		v[i] = float64(i) / 3
	}
	want = "tensor([0.0000e+00, 3.3333e-01, 6.6667e-01,  ..., 3.6567e+02, 3.6600e+02,\n        3.6633e+02])"
	if got := fmt.Sprint(TorchVec(v)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestNil checks that a nil matrix, also a typed nil, prints the package's
// error instead of panicking.
func TestNil(t *testing.T) {
	var d *mat.Dense
	var c *mat.CDense
	want := "%!v(" + ErrNilMatrix.Error() + ")"
	for name, f := range map[string]fmt.Formatter{
		"Torch(nil)":               Torch(nil),
		"Torch((*mat.Dense)(nil))": Torch(d),
		"TorchComplex(nil)":        TorchComplex(nil),
		"TorchComplex(typed nil)":  TorchComplex(c),
		"BMatrix(nil)":             BMatrix(nil),
	} {
		if got := fmt.Sprint(f); got != want {
			t.Errorf("%s prints %q, want %q", name, got, want)
		}
	}
}

// TestVerbs checks the precision of each verb and the report of a bad verb.
func TestVerbs(t *testing.T) {
	a := mat.NewDense(1, 2, []float64{0.70710678, -0.001})
	for _, c := range []struct {
		format string
		f      fmt.Formatter
		want   string
	}{
		{"%v", Torch(a), "tensor([[ 0.7071, -0.0010]])"},
		{"%.2s", TorchVec([]float64{0.5, 0.25}), "tensor([0.50, 0.25])"},
		{"%d", Torch(a), "%!d(matfmt.Torch)"},
		{"%v", BMatrix(a), `\begin{bmatrix} 0.70710678 & -0.001 \end{bmatrix}`},
		{"%.2v", BMatrix(a), `\begin{bmatrix} 0.71 & 0.00 \end{bmatrix}`},
	} {
		if got := fmt.Sprintf(c.format, c.f); got != c.want {
			t.Errorf("Sprintf(%q) = %q, want %q", c.format, got, c.want)
		}
	}
}
