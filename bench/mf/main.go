package main

import (
	"flag"
	"fmt"
	"path/filepath"

	"github.com/factorlab/factorlab/pkg/mf"
)

func main() {
	repeat := flag.Int("repeat", 5, "runs per case; the best time is printed")
	als := flag.Bool("als", false, "also train by ALS (10 epochs, plain and ARD penalty; about 15 s)")
	data := flag.String("data", "", "directory to write the sparse case's train.tsv and test.tsv to (for the PyTorch side)")
	cross := flag.Bool("crosscheck", false, "print seed 000's Float32 run for crosscheck.py and exit")
	flag.Parse()
	if *cross {
		crossCheck()
		return
	}

	a := seedA()
	for _, p := range []mf.Precision{mf.Float64, mf.Float32} {
		var loss float64
		t := best(*repeat*4, func() { loss = runDense(a, 2, 5000, p) })
		fmt.Printf("seed_%s %v loss=%.3g\n", precName(p), t, loss)
	}
	big := lowRank(1000, 1000, 10, 1)
	for _, p := range []mf.Precision{mf.Float64, mf.Float32} {
		var loss float64
		t := best(*repeat, func() { loss = runDense(big, 10, 200, p) })
		fmt.Printf("dense1000_%s %v loss=%.3g\n", precName(p), t, loss)
	}
	train, test := sparseData()
	if *data != "" {
		writeRatings(filepath.Join(*data, "train.tsv"), train)
		writeRatings(filepath.Join(*data, "test.tsv"), test)
	}
	var base mf.Baseline
	base.Fit(train, nil)
	baseRMSE, _ := mf.Evaluate(&base, test)
	fmt.Printf("sparse_baseline 0 0 rmse=%.4f floor=%.4f\n", baseRMSE, sparseNoise)
	var sgd *mf.Biased
	t := best(max(1, *repeat/2), func() { sgd = runSGD(train, true) })
	rmse, _ := mf.Evaluate(sgd, test)
	fmt.Printf("sparse_sgd %v rmse=%.4f floor=%.4f\n", t, rmse, sparseNoise)
	t = best(1, func() { sgd = runSGD(train, false) })
	rmse, _ = mf.Evaluate(sgd, test)
	fmt.Printf("sparse_sgd_l2 %v rmse=%.4f floor=%.4f\n", t, rmse, sparseNoise)
	if *als {
		var m *mf.Biased
		for _, ard := range []bool{false, true} {
			t = best(1, func() { m = runALS(train, mf.DefaultALSEpochs, ard) })
			rmse, _ = mf.Evaluate(m, test)
			name := "sparse_als"
			if ard {
				name = "sparse_als_ard"
			}
			fmt.Printf("%s %v rmse=%.4f floor=%.4f\n", name, t, rmse, sparseNoise)
		}
	}
}

func precName(p mf.Precision) string {
	if p == mf.Float32 {
		return "f32"
	}
	return "f64"
}
