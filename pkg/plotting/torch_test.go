package plotting

import (
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
		if got := Torch(dense(c.m), c.dec); got != c.want {
			t.Errorf("Torch(%v, %d):\ngot\n%s\nwant\n%s", c.m, c.dec, got, c.want)
		}
	}
}

func TestTorchVec(t *testing.T) {
	for _, c := range torchCases1D {
		var got string
		if c.im == nil {
			got = TorchVec(c.re, c.dec)
		} else {
			z := make([]complex128, len(c.re))
			for i := range z {
				z[i] = complex(c.re[i], c.im[i])
			}
			got = TorchComplexVec(z, c.dec)
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
		if got := TorchComplex(m, -1); got != c.want {
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
	if got := Torch(m, 4); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	v := make([]float64, 1100)
	for i := range v {
		v[i] = float64(i) / 3
	}
	want = "tensor([0.0000e+00, 3.3333e-01, 6.6667e-01,  ..., 3.6567e+02, 3.6600e+02,\n        3.6633e+02])"
	if got := TorchVec(v, 4); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
