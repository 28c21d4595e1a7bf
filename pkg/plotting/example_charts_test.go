package plotting_test

import (
	"fmt"
	"log"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/decomp"
	"github.com/factorlab/factorlab/pkg/plotting"

	"github.com/factorlab/factorlab/pkg/fixtures"
)

// rank1Losses fits A ≈ w hᵀ by plain gradient descent on the mean squared
// error from a fixed start and returns the loss of every iteration.
func rank1Losses(a *mat.Dense, iters int, lr float64) []float64 {
	m, n := a.Dims()
	w, h := make([]float64, m), make([]float64, n)
	for i := range w {
		w[i] = 0.5
	}
	for j := range h {
		h[j] = 0.5
	}
	losses := make([]float64, iters)
	gw, gh := make([]float64, m), make([]float64, n)
	for it := range losses {
		clear(gw)
		clear(gh)
		var loss float64
		for i := range m {
			for j := range n {
				r := w[i]*h[j] - a.At(i, j)
				loss += r * r
				gw[i] += 2 * r * h[j] / float64(m*n)
				gh[j] += 2 * r * w[i] / float64(m*n)
			}
		}
		losses[it] = loss / float64(m*n)
		for i := range w {
			w[i] -= lr * gw[i]
		}
		for j := range h {
			h[j] -= lr * gh[j]
		}
	}
	return losses
}

// The loss curve of the lecture's PyTorch run (rank 2, Adam, printed every
// 500 iterations, reaching 1.8e-15) and a rank-1 gradient-descent fit of
// the same A, which cannot go below the Eckart–Young optimum σ₂²/8.
func ExampleLossCurves() {
	a := fixtures.FactorizationMatrix()
	var svd decomp.SVD
	if err := svd.Factorize(a, mat.SVDNone); err != nil {
		log.Fatal(err)
	}
	s := svd.Values(nil)
	optimum := s[1] * s[1] / 8

	rank1 := rank1Losses(a, 5000, 0.002)
	seed := plotting.Run{
		Name: "rank 2, Adam (seed 000)",
		Iter: []float64{500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000},
		Loss: []float64{6.450703949667513e-05, 8.83535022921933e-09, 2.0268231537556858e-12,
			9.698908343125368e-13, 5.773159728050814e-13, 1.7275070263167436e-13,
			1.567634910770721e-13, 3.019806626980426e-14, 2.842170943040401e-14, 1.7763568394002505e-15},
	}
	p, err := plotting.LossCurves([]plotting.Run{
		seed,
		{Name: "rank 1, gradient descent", Loss: rank1},
	}, &plotting.LossSettings{
		Title:          "A ≈ WH: mean squared error",
		Reference:      optimum,
		ReferenceLabel: "rank-1 optimum σ₂²/8",
	})
	if err != nil {
		log.Fatal(err)
	}
	if err := plotting.Save(p, "testdata/loss_curves.png"); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("optimum %.6f, rank-1 final %.6f\n", optimum, rank1[len(rank1)-1])

	_, err = plotting.LossCurves([]plotting.Run{{Name: "exact", Loss: []float64{1, 0.1, 0}}}, nil)
	fmt.Println(err)
	_, err = plotting.LossCurves([]plotting.Run{{Name: "diverged", Loss: []float64{1, 10, math.Inf(1)}}}, nil)
	fmt.Println(err)
	// Output:
	// optimum 0.020898, rank-1 final 0.020898
	// plotting: run "exact": loss 0 at iteration 3 cannot be drawn on a log axis (set LossSettings.Floor to clamp, or Linear)
	// plotting: run "diverged": loss at iteration 3 is +Inf (diverged?)
}

// A matrix with its values written in the cells.
func ExampleHeatmap() {
	a := mat.NewDense(3, 4, []float64{
		5, 3, 0, 1,
		4, 0, 0, 1,
		-1, 1, 0, -5,
	})
	p, err := plotting.Heatmap(a, &plotting.HeatmapSettings{Title: "ratings", Decimals: 1})
	if err != nil {
		log.Fatal(err)
	}
	if err := plotting.SaveSize(p, 4*72, 3*72, "testdata/heatmap.png"); err != nil {
		log.Fatal(err)
	}
	_, err = plotting.Heatmap(mat.NewDense(1, 2, []float64{1, math.NaN()}), nil)
	fmt.Println(err)
	// Output:
	// plotting: matrix entry (0, 1) is NaN
}

// The singular-value spectrum of a noisy rank-3 matrix and how much of its
// energy a rank-3 approximation keeps.
func ExampleSpectrum() {
	s := []float64{9.1, 5.3, 2.2, 0.31, 0.27, 0.2, 0.14, 0.09}
	p, err := plotting.Spectrum(s, &plotting.SpectrumSettings{Title: "singular values", Rank: 3})
	if err != nil {
		log.Fatal(err)
	}
	if err := plotting.Save(p, "testdata/spectrum.png"); err != nil {
		log.Fatal(err)
	}
	_, err = plotting.Spectrum([]float64{3, 1, 0}, &plotting.SpectrumSettings{Log: true})
	fmt.Println(err)
	// Output:
	// plotting: singular value 3 is 0 and cannot be drawn on a log axis
}

// An image and its rank-k reconstructions from the SVD.
func ExampleImageGrid() {
	// A 48×64 test image: a disc, a bar and a gradient.
	const r, c = 48, 64
	img := mat.NewDense(r, c, nil)
	for i := range r {
		for j := range c {
			v := float64(j) / c * 0.4
			if math.Hypot(float64(i)-24, float64(j)-20) < 12 {
				v = 1
			}
			if j > 40 && j < 52 && i > 8 && i < 40 {
				v = 0.8
			}
			img.Set(i, j, v)
		}
	}
	var svd decomp.SVD
	if err := svd.Factorize(img, mat.SVDThin); err != nil {
		log.Fatal(err)
	}
	imgs := []mat.Matrix{img}
	titles := []string{"original"}
	for _, k := range []int{1, 3, 10} {
		// A_k = U_k Σ_k V_kᵀ, the best rank-k approximation.
		var a mat.Dense
		if err := svd.LowRankTo(&a, k); err != nil {
			log.Fatal(err)
		}
		imgs = append(imgs, &a)
		titles = append(titles, fmt.Sprintf("rank %d", k))
	}
	fig, err := plotting.ImageGrid(imgs, titles, 2)
	if err != nil {
		log.Fatal(err)
	}
	if err := plotting.Save(fig, "testdata/image_grid.png"); err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(imgs), "images")
	// Output:
	// 4 images
}

// A multi-panel figure of plots of different kinds, with their data areas
// aligned, and a single panel taken out of a geometry figure.
func ExampleFigure() {
	a := fixtures.FactorizationMatrix()
	heat, err := plotting.Heatmap(a, &plotting.HeatmapSettings{Title: "A"})
	if err != nil {
		log.Fatal(err)
	}
	var svd decomp.SVD
	if err := svd.Factorize(a, mat.SVDNone); err != nil {
		log.Fatal(err)
	}
	spec, err := plotting.Spectrum(svd.Values(nil), &plotting.SpectrumSettings{Title: "σ(A)", Rank: 1})
	if err != nil {
		log.Fatal(err)
	}
	fig := plotting.NewFigure(1, 2)
	fig.Title = "a matrix and its singular values"
	fig.Set(0, 0, heat)
	fig.Set(0, 1, spec)
	if err := plotting.Save(fig, "testdata/figure.png"); err != nil {
		log.Fatal(err)
	}

	eig, err := plotting.Eigenvectors(mat.NewDense(2, 2, []float64{2, 1, 1, 2}), 16)
	if err != nil {
		log.Fatal(err)
	}
	after := eig.Panel(0, 1) // linear_transform_2.png alone
	if err := plotting.Save(after, "testdata/eigenvectors_after.png"); err != nil {
		log.Fatal(err)
	}
	w, h := after.Size()
	fmt.Printf("%.0f×%.0f pt\n", w.Points(), h.Points())
	// Output:
	// 259×274 pt
}
