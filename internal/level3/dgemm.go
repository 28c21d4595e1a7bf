// Copyright ©2026 The FactorLab Authors.

package level3

import (
	"runtime"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"
)

// smallMax is the largest m·n·k that Dgemm hands to gonum's loops: below it
// packing costs more than the micro-kernel saves. It also keeps the products
// of the small matrices printed in examples and notebooks identical to
// gonum's (which, unlike the kernels here, does not fuse multiply and add).
const smallMax = 32 * 32 * 32

// parallelMin is the smallest m·n·k for which Dgemm spreads the work over
// goroutines; below it the start-up costs more than it saves.
const parallelMin = 96 * 96 * 96

// Dgemm computes
//
//	C = alpha·op(A)·op(B) + beta·C,
//
// where op(X) is X or Xᵀ as tA and tB say, op(A) is m×k, op(B) is k×n and C is
// m×n, all row-major with leading dimensions lda, ldb and ldc. C must not
// overlap A or B. Products with m·n·k ≤ 32³, and the skinny ones with
// m < 2, n < 4 or k < 4, where most of a register tile would be padding, are
// left to gonum's Dgemm. When beta is zero C is not read, so NaNs in it do not
// propagate; when alpha is zero A and B are not read.
//
// The result is deterministic: each element of alpha·op(A)·op(B) is summed in
// the same order whatever GOMAXPROCS is, so one machine gives the same bits
// for the same inputs on any number of threads. Dgemm panics, as gonum's does,
// on a bad transpose, a negative dimension, a leading dimension too small or
// a slice too short.
func (Implementation) Dgemm(tA, tB blas.Transpose, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	checkGemm(tA, tB, m, n, k, a, lda, b, ldb, c, ldc)
	if m == 0 || n == 0 {
		return
	}
	scale(m, n, beta, c, ldc)
	if alpha == 0 || k == 0 {
		return
	}
	if m*n*k <= smallMax || m < 2 || n < 4 || k < 4 {
		gonum.Implementation{}.Dgemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, 1, c, ldc)
		return
	}
	gemm(active, tA != blas.NoTrans, tB != blas.NoTrans, m, n, k, alpha, a, lda, b, ldb, c, ldc, runtime.GOMAXPROCS(0))
}

func checkGemm(tA, tB blas.Transpose, m, n, k int, a []float64, lda int, b []float64, ldb int, c []float64, ldc int) {
	if !validTrans(tA) {
		panic(badTransA)
	}
	if !validTrans(tB) {
		panic(badTransB)
	}
	switch {
	case m < 0:
		panic(mLT0)
	case n < 0:
		panic(nLT0)
	case k < 0:
		panic(kLT0)
	}
	rowA, colA := m, k
	if tA != blas.NoTrans {
		rowA, colA = k, m
	}
	rowB, colB := k, n
	if tB != blas.NoTrans {
		rowB, colB = n, k
	}
	if lda < max(1, colA) {
		panic(badLdA)
	}
	if ldb < max(1, colB) {
		panic(badLdB)
	}
	if ldc < max(1, n) {
		panic(badLdC)
	}
	if m == 0 || n == 0 {
		return
	}
	if len(a) < need(rowA, colA, lda) {
		panic(shortA)
	}
	if len(b) < need(rowB, colB, ldb) {
		panic(shortB)
	}
	if len(c) < need(m, n, ldc) {
		panic(shortC)
	}
}

func validTrans(t blas.Transpose) bool {
	return t == blas.NoTrans || t == blas.Trans || t == blas.ConjTrans
}

// need is the number of elements a rows×cols row-major matrix with leading
// dimension ld spans.
func need(rows, cols, ld int) int {
	if rows == 0 || cols == 0 {
		return 0
	}
	return (rows-1)*ld + cols
}

// scale sets C = beta·C, writing zeros (not 0·C) when beta is zero.
func scale(m, n int, beta float64, c []float64, ldc int) {
	if beta == 1 {
		return
	}
	for i := 0; i < m; i++ {
		ci := c[i*ldc : i*ldc+n]
		if beta == 0 {
			clear(ci)
			continue
		}
		for j := range ci {
			ci[j] *= beta
		}
	}
}

// buffers holds the packing space of one call (B panel) or one goroutine
// (A block and an edge tile).
type buffers struct{ x []float64 }

var bufPool = sync.Pool{New: func() any { return new(buffers) }}

func getBuf(n int) *buffers {
	p := bufPool.Get().(*buffers)
	if cap(p.x) < n {
		p.x = make([]float64, n)
	}
	p.x = p.x[:n]
	return p
}

// gemm adds alpha·op(A)·op(B) to C with the kernel kn, on at most threads
// goroutines. The loops are those of Goto and van de Geijn (2008): a kc×nc
// panel of op(B) is packed into nr-wide micro-panels, an mc×kc block of op(A)
// (scaled by alpha) into mr-tall micro-panels, and the micro-kernel updates
// C one mr×nr tile at a time. Every C element gets its k-blocks added in
// increasing order, whatever the split between goroutines.
func gemm(kn kernel, transA, transB bool, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, c []float64, ldc int, threads int) {
	mr, nr := kn.mr, kn.nr
	if m*n*k < parallelMin {
		threads = 1
	}
	kcMax := min(kn.kc, k)
	ncMax := min(kn.nc, roundUp(n, nr))
	// Blocks of A rows: at most mc, and small enough to give every goroutine
	// work. Always a multiple of mr, so partial tiles occur only at the
	// bottom edge of C.
	mc := min(kn.mc, roundUp(m, mr))
	if threads > 1 {
		mc = min(mc, max(mr, roundUp((m+threads-1)/threads, mr)))
	}
	nBlocksM := (m + mc - 1) / mc

	bbuf := getBuf(kcMax * ncMax)
	defer bufPool.Put(bbuf)
	bp := bbuf.x

	for jc := 0; jc < n; jc += ncMax {
		nc := min(ncMax, n-jc)
		// Split the columns of the panel too when there are fewer row
		// blocks than goroutines.
		chunks := 1
		if threads > nBlocksM {
			chunks = min((threads+nBlocksM-1)/nBlocksM, (nc+nr-1)/nr)
		}
		chunkW := roundUp((nc+chunks-1)/chunks, nr)
		chunks = (nc + chunkW - 1) / chunkW
		tasks := nBlocksM * chunks
		for pc := 0; pc < k; pc += kcMax {
			kc := min(kcMax, k-pc)
			packB(bp, nr, transB, b, ldb, pc, kc, jc, nc)
			run := func(next *atomic.Int64) {
				abuf := getBuf(mc*kc + mr*nr)
				defer bufPool.Put(abuf)
				ap, edge := abuf.x[:mc*kc], abuf.x[mc*kc:]
				packed := -1
				for {
					t := int(next.Add(1)) - 1
					if t >= tasks {
						return
					}
					bi, ch := t/chunks, t%chunks
					ic := bi * mc
					mcb := min(mc, m-ic)
					if packed != bi {
						packA(ap, mr, transA, a, lda, ic, mcb, pc, kc, alpha)
						packed = bi
					}
					j0 := ch * chunkW
					j1 := min(nc, j0+chunkW)
					for jr := j0; jr < j1; jr += nr {
						cols := min(nr, nc-jr)
						bpj := bp[jr*kc : (jr+nr)*kc]
						for ir := 0; ir < mcb; ir += mr {
							rows := min(mr, mcb-ir)
							api := ap[ir*kc : (ir+mr)*kc]
							off := (ic+ir)*ldc + jc + jr
							if rows == mr && cols == nr {
								kn.fn(kc, api, bpj, c[off:], ldc)
								continue
							}
							clear(edge)
							kn.fn(kc, api, bpj, edge, nr)
							for r := 0; r < rows; r++ {
								cr := c[off+r*ldc : off+r*ldc+cols]
								for j, v := range edge[r*nr : r*nr+cols] {
									cr[j] += v
								}
							}
						}
					}
				}
			}
			var next atomic.Int64
			workers := min(threads, tasks)
			if workers <= 1 {
				run(&next)
				continue
			}
			var wg sync.WaitGroup
			for w := 1; w < workers; w++ {
				wg.Go(func() { run(&next) })
			}
			run(&next)
			wg.Wait()
		}
	}
}

func roundUp(x, q int) int { return (x + q - 1) / q * q }

// packA copies alpha·op(A)[i0:i0+mc, p0:p0+kc] into dst as mr-tall
// micro-panels, each stored column by column (dst[panel·mr·kc + p·mr + r]),
// the last one padded with zero rows.
func packA(dst []float64, mr int, trans bool, a []float64, lda, i0, mc, p0, kc int, alpha float64) {
	for ir := 0; ir < mc; ir += mr {
		d := dst[ir*kc : (ir+mr)*kc]
		rows := min(mr, mc-ir)
		if rows < mr {
			clear(d)
		}
		for r := 0; r < rows; r++ {
			i := i0 + ir + r
			if !trans {
				src := a[i*lda+p0 : i*lda+p0+kc]
				for p, v := range src {
					d[p*mr+r] = alpha * v
				}
				continue
			}
			for p := 0; p < kc; p++ {
				d[p*mr+r] = alpha * a[(p0+p)*lda+i]
			}
		}
	}
}

// packB copies op(B)[p0:p0+kc, j0:j0+nc] into dst as nr-wide micro-panels,
// each stored row by row (dst[panel·nr·kc + p·nr + j]), the last one padded
// with zero columns.
func packB(dst []float64, nr int, trans bool, b []float64, ldb, p0, kc, j0, nc int) {
	for jr := 0; jr < nc; jr += nr {
		d := dst[jr*kc : (jr+nr)*kc]
		cols := min(nr, nc-jr)
		if cols < nr {
			clear(d)
		}
		if !trans {
			for p := 0; p < kc; p++ {
				o := (p0+p)*ldb + j0 + jr
				copy(d[p*nr:p*nr+cols], b[o:o+cols])
			}
			continue
		}
		for j := 0; j < cols; j++ {
			o := (j0+jr+j)*ldb + p0
			for p, v := range b[o : o+kc] {
				d[p*nr+j] = v
			}
		}
	}
}
