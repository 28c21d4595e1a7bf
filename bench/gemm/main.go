// Copyright ©2026 The FactorLab Authors.

// Command gemm measures the GFLOP/s of Dgemm (C = A·B, square, row-major) of
// FactorLab's Level-3 BLAS against gonum's pure-Go BLAS and, when built with
// -tags openblas, OpenBLAS through cgo, in one process. Times are CPU time of
// the process (CLOCK_PROCESS_CPUTIME_ID; with GOMAXPROCS=1 and one OpenBLAS
// thread only one thread computes at a time, gonum's helper goroutines
// included), so time slices lost to other processes on a busy machine do not
// count; wall-clock minima would favour whichever call is short enough to
// escape preemption. Implementations are timed alternately, round after
// round, and each keeps its best time. Run it through run.sh, which pins one
// thread.
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"

	"github.com/factorlab/factorlab/internal/level3"
)

type impl struct {
	name string
	blas blas.Float64
}

// impls is extended by openblas.go under -tags openblas.
var impls = []impl{
	{"level3", level3.Implementation{}},
	{"gonum", gonum.Implementation{}},
}

func main() {
	sizes := flag.String("sizes", "64,128,256,500,1000,2000", "comma-separated matrix orders")
	rounds := flag.Int("rounds", 3, "alternating rounds; the best time of each implementation is kept")
	minTime := flag.Duration("mintime", 200*time.Millisecond, "least time spent per implementation, size and round")
	flag.Parse()

	load, _ := os.ReadFile("/proc/loadavg")
	fmt.Printf("process CPU time, GOMAXPROCS=%d kernel=%s load average (1, 5, 15 min): %s\n", runtime.GOMAXPROCS(0), level3.Kernel(),
		strings.Join(strings.Fields(string(load))[:min(3, len(strings.Fields(string(load))))], " "))
	fmt.Printf("%6s", "n")
	for _, im := range impls {
		fmt.Printf(" %14s", im.name+" GFLOP/s")
	}
	for _, im := range impls[1:] {
		fmt.Printf(" %16s", "speed÷"+im.name)
	}
	fmt.Println()
	for _, f := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			fmt.Fprintf(os.Stderr, "bad size %q\n", f)
			os.Exit(2)
		}
		rnd := rand.New(rand.NewPCG(uint64(n), 1))
		a, b, c := make([]float64, n*n), make([]float64, n*n), make([]float64, n*n)
		for i := range a {
			a[i], b[i] = rnd.NormFloat64(), rnd.NormFloat64()
		}
		best := make([]time.Duration, len(impls))
		for r := 0; r < *rounds; r++ {
			for i, im := range impls {
				start, reps := cpuTime(), 0
				var fastest time.Duration
				for reps == 0 || cpuTime()-start < *minTime {
					t0 := cpuTime()
					im.blas.Dgemm(blas.NoTrans, blas.NoTrans, n, n, n, 1, a, n, b, n, 0, c, n)
					if d := cpuTime() - t0; reps == 0 || d < fastest {
						fastest = d
					}
					reps++
				}
				if r == 0 || fastest < best[i] {
					best[i] = fastest
				}
			}
		}
		flops := 2 * float64(n) * float64(n) * float64(n)
		fmt.Printf("%6d", n)
		for _, d := range best {
			fmt.Printf(" %14.1f", flops/d.Seconds()/1e9)
		}
		for _, d := range best[1:] {
			fmt.Printf(" %16.2f", d.Seconds()/best[0].Seconds())
		}
		fmt.Println()
	}
	load, _ = os.ReadFile("/proc/loadavg")
	fmt.Printf("load average after: %s\n", strings.Join(strings.Fields(string(load))[:3], " "))
}

// cpuTime returns the CPU time consumed by the process.
func cpuTime() time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_PROCESS_CPUTIME_ID, &ts); err != nil {
		panic(err)
	}
	return time.Duration(ts.Nano())
}
