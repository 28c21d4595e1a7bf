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
