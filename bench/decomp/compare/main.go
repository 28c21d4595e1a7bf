// Copyright ©2026 The FactorLab Authors.

// Command compare times pkg/decomp, and gonum/mat called directly, on the
// matrices that compare.py writes, and prints one line per measurement:
//
//	op  m  n  impl  seconds  residual
//
// It is run by run.sh; see there for the single-thread settings.
package main

import (
	"encoding/binary"
	"flag"
	"fmt"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/decomp"
)

func main() {
	dir := flag.String("dir", "", "directory holding the <op>_<m>x<n>.f64 files")
	reps := flag.Int("reps", 3, "repetitions; the minimum time is reported")
	rank := flag.Int("rank", 10, "rank of the truncated SVD")
	over := flag.Int("oversample", 10, "oversampling of the truncated SVD")
	iters := flag.Int("iters", 7, "power iterations of the truncated SVD")
	skipGonum := flag.Bool("skip-gonum", false, "do not time gonum/mat directly")
	flag.Parse()
	files, err := filepath.Glob(filepath.Join(*dir, "*.f64"))
	if err != nil || len(files) == 0 {
		log.Fatalf("no matrices in %q", *dir)
	}
	fmt.Printf("# backend %s\n", decomp.Backend)
	for _, f := range files {
		var op string
		var m, n int
		base := strings.TrimSuffix(filepath.Base(f), ".f64")
		if _, err := fmt.Sscanf(strings.Replace(base, "_", " ", 1), "%s %dx%d", &op, &m, &n); err != nil {
			log.Fatalf("%s: %v", f, err)
		}
		a := read(f, m, n)
		// Implementations of one op are timed alternately, rep by rep, so
		// that load from other processes hits them alike; the minimum counts.
		type impl struct {
			name string
			run  func()
			best float64
		}
		var impls []*impl
		var after func()
		add := func(name string, run func()) { impls = append(impls, &impl{name: name, run: run, best: math.Inf(1)}) }
		switch op {
		case "eig":
			add("decomp", func() {
				var e decomp.Eigen
				must(e.Factorize(a, nil))
			})
			if !*skipGonum {
				add("gonum", func() {
					var e mat.Eigen
					if !e.Factorize(a, mat.EigenRight) {
						log.Fatal("gonum eig failed")
					}
				})
			}
		case "eigh":
			add("decomp", func() {
				var e decomp.EigenSym
				must(e.Factorize(a, nil))
			})
			if !*skipGonum {
				s := mat.NewSymDense(n, nil)
				for i := 0; i < n; i++ {
					for j := i; j < n; j++ {
						s.SetSym(i, j, a.At(i, j))
					}
				}
				add("gonum", func() {
					var e mat.EigenSym
					if !e.Factorize(s, true) {
						log.Fatal("gonum eigh failed")
					}
				})
			}
		case "svd":
			add("decomp", func() {
				var s decomp.SVD
				must(s.Factorize(a, mat.SVDThin))
			})
			if !*skipGonum {
				add("gonum", func() {
					var s mat.SVD
					if !s.Factorize(a, mat.SVDThin) {
						log.Fatal("gonum svd failed")
					}
				})
			}
		case "rsvd":
			var t decomp.TruncatedSVD
			add("decomp", func() {
				must(t.Factorize(a, *rank, &decomp.TruncatedSVDSettings{Oversample: *over, PowerIters: *iters}, rand.New(rand.NewPCG(1, 1))))
			})
			after = func() {
				// Residual outside the timing: ‖A − UΣVᵀ‖_F / ‖A‖_F.
				fmt.Printf("%s %d %d decomp-residual 0 %.12g\n", op, m, n, t.Residual(a)/mat.Norm(a, 2))
			}
		default:
			log.Fatalf("unknown op %q", op)
		}
		for r := 0; r < *reps; r++ {
			for _, im := range impls {
				start := time.Now()
				im.run()
				im.best = math.Min(im.best, time.Since(start).Seconds())
			}
		}
		for _, im := range impls {
			fmt.Printf("%s %d %d %s %.6f 0\n", op, m, n, im.name, im.best)
		}
		if after != nil {
			after()
		}
	}
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

// read loads an m×n row-major little-endian float64 matrix.
func read(path string, m, n int) *mat.Dense {
	raw, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	if len(raw) != 8*m*n {
		log.Fatalf("%s: %d bytes, want %d", path, len(raw), 8*m*n)
	}
	data := make([]float64, m*n)
	for i := range data {
		data[i] = math.Float64frombits(binary.LittleEndian.Uint64(raw[8*i:]))
	}
	return mat.NewDense(m, n, data)
}
