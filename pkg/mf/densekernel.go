package mf

import (
	"math"
	"sync"

	"gonum.org/v1/gonum/blas/gonum"
	"gonum.org/v1/gonum/mat"
)

// float is the set of element types the training kernels are written for.
type float interface{ float32 | float64 }

// Sizes that decide how the dense kernel runs. They depend only on the
// problem size, never on the machine, so results are reproducible.
const (
	// vectorMinCols is the row length from which the kernel calls gonum's
	// assembly axpy and dot instead of a scalar loop.
	vectorMinCols = 32
	// parallelMinWork is the m·n·k from which rows are split into chunks.
	parallelMinWork = 1 << 16
	// denseChunks is the number of row chunks of a large problem.
	denseChunks = 8
)

// denseChunk is a range of rows with its own partial gradient of H.
type denseChunk[T float] struct {
	lo, hi int
	gh     []T // k×n partial ∇H (the first chunk uses the state's gh)
	row    []T // scratch row of length n
	loss   float64
}

// denseState holds everything one dense training run needs; it is built
// once so that evalGrad and update do not allocate.
type denseState[T float] struct {
	m, n, k  int
	a, mask  []T // row-major m×n; mask is nil when everything is observed
	p, g     []T // parameters [W | H] and their gradient, contiguous
	w, h     []T // views of p: m×k W and k×n H
	gw, gh   []T // views of g
	am, av   []T // Adam's first and second moments of p
	pow1     dd  // β₁ᵗ and β₂ᵗ, kept in double-double precision
	pow2     dd
	scale    T       // ∂loss/∂residual = scale·residual
	lambda   float64 // L2 penalty
	chunks   []denseChunk[T]
	observed float64

	optimizer        Optimizer
	lr, beta1, beta2 float64
	eps              float64
	reduction        Reduction

	axpy func(alpha T, x, y []T)
	dot  func(x, y []T) T

	workers []chan struct{}
	wg      sync.WaitGroup
}

func newDenseState[T float](a, mask mat.Matrix, w0, h0 []float64, k, observed int, s *DenseSettings) *denseState[T] {
	m, n := a.Dims()
	st := &denseState[T]{
		m: m, n: n, k: k,
		a: make([]T, m*n),
		p: make([]T, m*k+k*n),
		g: make([]T, m*k+k*n),

		lambda:    s.Lambda,
		observed:  float64(observed),
		optimizer: s.Optimizer,
		lr:        s.LearningRate,
		beta1:     s.Beta1,
		beta2:     s.Beta2,
		eps:       s.Epsilon,
		reduction: s.Reduction,
	}
	st.loadData(a, mask)
	st.loadFactors(w0, h0)
	st.initOptimizer(s, observed)
	st.makeChunks()
	st.startWorkers(s.Workers)
	return st
}

// loadData copies A and the mask (as 0/1) into row-major slices of T.
func (st *denseState[T]) loadData(a, mask mat.Matrix) {
	m, n := st.m, st.n
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			st.a[i*n+j] = T(a.At(i, j))
		}
	}
	if mask != nil {
		st.mask = make([]T, m*n)
		for i := 0; i < m; i++ {
			for j := 0; j < n; j++ {
				if mask.At(i, j) != 0 {
					st.mask[i*n+j] = 1
				}
			}
		}
	}
}

// loadFactors makes W, H and their gradients views of p and g and sets W
// and H to w0 and h0.
func (st *denseState[T]) loadFactors(w0, h0 []float64) {
	mk := st.m * st.k
	st.w, st.h = st.p[:mk], st.p[mk:]
	st.gw, st.gh = st.g[:mk], st.g[mk:]
	for i, v := range w0 {
		st.w[i] = T(v)
	}
	for i, v := range h0 {
		st.h[i] = T(v)
	}
}

// initOptimizer allocates Adam's moments, sets the loss gradient's scale
// and chooses the vector kernels.
func (st *denseState[T]) initOptimizer(s *DenseSettings, observed int) {
	if s.Optimizer == Adam {
		st.am, st.av = make([]T, len(st.p)), make([]T, len(st.p))
		st.pow1, st.pow2 = dd{hi: 1}, dd{hi: 1}
	}
	// torch's mse_loss backward multiplies the residual by 2/N (mean) or 2
	// (sum), rounded to the element type.
	if s.Reduction == Mean {
		st.scale = T(2 / float64(observed))
	} else {
		st.scale = 2
	}
	st.axpy, st.dot = vectorOps[T]()
}

// makeChunks splits the rows into one chunk, or denseChunks chunks for a
// large problem, each with its own partial gradient of H.
func (st *denseState[T]) makeChunks() {
	m, n, k := st.m, st.n, st.k
	nch := 1
	if m*n*k >= parallelMinWork {
		nch = min(denseChunks, m)
	}
	st.chunks = make([]denseChunk[T], nch)
	for c := range st.chunks {
		ch := &st.chunks[c]
		ch.lo, ch.hi = c*m/nch, (c+1)*m/nch
		ch.row = make([]T, n)
		if c == 0 {
			ch.gh = st.gh
		} else {
			ch.gh = make([]T, k*n)
		}
	}
}

// startWorkers starts min(workers, chunks) goroutines when that is more
// than one: every chunk is then processed by the pool while the caller
// waits, so the scheduler spreads them over the Ps. close stops them.
func (st *denseState[T]) startWorkers(workers int) {
	nch := len(st.chunks)
	nw := min(workers, nch)
	if nw <= 1 {
		return
	}
	for id := 0; id < nw; id++ {
		start := make(chan struct{})
		st.workers = append(st.workers, start)
		go func() {
			for range start {
				for c := id; c < nch; c += nw {
					st.rows(&st.chunks[c])
				}
				st.wg.Done()
			}
		}()
	}
}

// vectorOps returns y += αx and dot product kernels for T: the AVX2/FMA
// assembly of kernel_amd64.s where the CPU has it, gonum's otherwise.
func vectorOps[T float]() (axpy func(alpha T, x, y []T), dot func(x, y []T) T) {
	var impl gonum.Implementation
	var zero T
	switch any(zero).(type) {
	case float32:
		if useFMA {
			axpy = func(alpha T, x, y []T) { axpy32(float32(alpha), asF32(x), asF32(y)[:len(x)]) }
			dot = func(x, y []T) T { return T(dot32(asF32(x), asF32(y)[:len(x)])) }
			break
		}
		axpy = func(alpha T, x, y []T) {
			impl.Saxpy(len(x), float32(alpha), asF32(x), 1, asF32(y), 1)
		}
		dot = func(x, y []T) T { return T(impl.Sdot(len(x), asF32(x), 1, asF32(y), 1)) }
	default:
		if useFMA {
			axpy = func(alpha T, x, y []T) { axpy64(float64(alpha), asF64(x), asF64(y)[:len(x)]) }
			dot = func(x, y []T) T { return T(dot64(asF64(x), asF64(y)[:len(x)])) }
			break
		}
		axpy = func(alpha T, x, y []T) {
			impl.Daxpy(len(x), float64(alpha), asF64(x), 1, asF64(y), 1)
		}
		dot = func(x, y []T) T { return T(impl.Ddot(len(x), asF64(x), 1, asF64(y), 1)) }
	}
	return axpy, dot
}

func (st *denseState[T]) close() {
	for _, c := range st.workers {
		close(c)
	}
	st.workers = nil
}

// evalGrad computes the loss at the current W and H and stores ∇_W and ∇_H.
func (st *denseState[T]) evalGrad() float64 {
	if nw := len(st.workers); nw > 0 {
		st.wg.Add(nw)
		for _, c := range st.workers {
			c <- struct{}{}
		}
		st.wg.Wait()
	} else {
		for c := range st.chunks {
			st.rows(&st.chunks[c])
		}
	}
	loss := 0.0
	for c := range st.chunks {
		loss += st.chunks[c].loss
	}
	for c := 1; c < len(st.chunks); c++ {
		addTo(st.gh, st.chunks[c].gh)
	}
	if st.reduction == Mean {
		loss /= st.observed
	}
	if st.lambda != 0 {
		lam2 := T(2 * st.lambda)
		var sw, sh float64
		for i, v := range st.w {
			sw += float64(float64(v) * float64(v))
			st.gw[i] += T(lam2 * v)
		}
		for i, v := range st.h {
			sh += float64(float64(v) * float64(v))
			st.gh[i] += T(lam2 * v)
		}
		loss += st.lambda * (sw + sh)
	}
	return float64(T(loss))
}

func addTo[T float](dst, src []T) {
	src = src[:len(dst)]
	for i, v := range src {
		dst[i] += v
	}
}

// rows computes, for the rows of one chunk, the residual r = M ⊙ (WH − A),
// the chunk's share of the loss Σr², the rows of ∇W = scale·R Hᵀ and the
// chunk's partial ∇H = scale·Wᵀ R.
func (st *denseState[T]) rows(ch *denseChunk[T]) {
	n, k := st.n, st.k
	gh := ch.gh
	var loss float64
	if n < vectorMinCols {
		// Three-clause loops: for a handful of elements an inline loop is
		// cheaper than the memclr call clear() compiles to.
		for x := 0; x < len(gh); x++ {
			gh[x] = 0
		}
		h := st.h
		for i := ch.lo; i < ch.hi; i++ {
			wi := st.w[i*k : (i+1)*k]
			gwi := st.gw[i*k : (i+1)*k]
			for l := 0; l < len(gwi); l++ {
				gwi[l] = 0
			}
			ai := st.a[i*n : (i+1)*n]
			var mi []T
			if st.mask != nil {
				mi = st.mask[i*n : (i+1)*n]
			}
			for j := 0; j < n; j++ {
				var p T
				for l, wl := range wi {
					p += T(wl * h[l*n+j])
				}
				d := p - ai[j]
				if mi != nil {
					d *= mi[j]
				}
				loss += float64(float64(d) * float64(d))
				g := st.scale * d
				for l, wl := range wi {
					gwi[l] += T(g * h[l*n+j])
					gh[l*n+j] += T(wl * g)
				}
			}
		}
		ch.loss = loss
		return
	}
	clear(gh)
	r := ch.row
	for i := ch.lo; i < ch.hi; i++ {
		wi := st.w[i*k : (i+1)*k]
		ai := st.a[i*n : (i+1)*n]
		clear(r)
		for l, wl := range wi {
			st.axpy(wl, st.h[l*n:(l+1)*n], r)
		}
		if st.mask != nil {
			loss += residualMasked(r, ai, st.mask[i*n:(i+1)*n], st.scale)
		} else {
			loss += residual(r, ai, st.scale)
		}
		gwi := st.gw[i*k : (i+1)*k]
		for l := range gwi {
			gwi[l] = st.dot(r, st.h[l*n:(l+1)*n])
		}
		for l, wl := range wi {
			st.axpy(wl, r, gh[l*n:(l+1)*n])
		}
	}
	ch.loss = loss
}

// update applies update t (counting from 1) with the stored gradients.
func (st *denseState[T]) update(t int) {
	if st.optimizer == GradientDescent {
		neg := T(-st.lr)
		sgdStep(st.p, st.g, neg)
		return
	}
	// Scalars as torch.optim.Adam computes them in Python float64, where
	// β**t is correctly rounded; the double-double running powers give the
	// same value without calling math.Pow (which is slower and less exact).
	st.pow1.mul(st.beta1)
	st.pow2.mul(st.beta2)
	bc1 := 1 - st.pow1.hi
	bc2 := 1 - st.pow2.hi
	c := adamConsts[T]{
		b1:      T(st.beta1),
		w1:      T(1 - st.beta1),
		b2:      T(st.beta2),
		c2:      T(1 - st.beta2),
		negStep: T(-(st.lr / bc1)),
		bc2sqrt: T(math.Sqrt(bc2)),
		eps:     T(st.eps),
	}
	adamStep(st.p, st.g, st.am, st.av, &c)
}

func (st *denseState[T]) factors(w, h []float64) {
	for i, v := range st.w {
		w[i] = float64(v)
	}
	for i, v := range st.h {
		h[i] = float64(v)
	}
}

// residual replaces the prediction row r by scale·(r − a) and returns
// Σ(r − a)², accumulated in float64 over four lanes.
func residual[T float](r, a []T, scale T) float64 {
	a = a[:len(r)]
	var s0, s1, s2, s3 float64
	j := 0
	for ; j+4 <= len(r); j += 4 {
		d0 := r[j] - a[j]
		d1 := r[j+1] - a[j+1]
		d2 := r[j+2] - a[j+2]
		d3 := r[j+3] - a[j+3]
		s0 += float64(float64(d0) * float64(d0))
		s1 += float64(float64(d1) * float64(d1))
		s2 += float64(float64(d2) * float64(d2))
		s3 += float64(float64(d3) * float64(d3))
		r[j] = scale * d0
		r[j+1] = scale * d1
		r[j+2] = scale * d2
		r[j+3] = scale * d3
	}
	for ; j < len(r); j++ {
		d := r[j] - a[j]
		s0 += float64(float64(d) * float64(d))
		r[j] = scale * d
	}
	return (s0 + s1) + (s2 + s3)
}

// residualMasked is residual with the residual multiplied by the 0/1 mask.
func residualMasked[T float](r, a, mask []T, scale T) float64 {
	a, mask = a[:len(r)], mask[:len(r)]
	var s0, s1 float64
	j := 0
	for ; j+2 <= len(r); j += 2 {
		d0 := (r[j] - a[j]) * mask[j]
		d1 := (r[j+1] - a[j+1]) * mask[j+1]
		s0 += float64(float64(d0) * float64(d0))
		s1 += float64(float64(d1) * float64(d1))
		r[j] = scale * d0
		r[j+1] = scale * d1
	}
	for ; j < len(r); j++ {
		d := (r[j] - a[j]) * mask[j]
		s0 += float64(float64(d) * float64(d))
		r[j] = scale * d
	}
	return s0 + s1
}
