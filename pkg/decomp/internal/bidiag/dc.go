// Copyright ©2026 The FactorLab Authors.

package bidiag

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack/gonum"

	"github.com/factorlab/factorlab/pkg/decomp/internal/secular"
)

// LeafSize is the number of rows at or below which a block is solved by
// implicit zero-shift QR iteration (gonum's Dbdsqr) rather than split further.
const LeafSize = 25

// maxSecularIter bounds the iterations for one root of the secular equation;
// bisection alone would need fewer than 1100 to exhaust float64.
const maxSecularIter = 200

// deflateTol is the multiple of ε times the coupling elements and times the
// singular value concerned below which a merge deflates an entry.
const deflateTol = 8

// floorTol is the size, relative to the largest of the coupling elements and
// the halves' singular values, below which a merge deflates an entry in any
// case: the squares of larger numbers are normal float64s.
const floorTol = 0x1p-480

const eps = 0x1p-53

// SVD computes the singular value decomposition B = U·diag(d)·Vᵀ of the n×n
// upper bidiagonal matrix B with diagonal d (length n) and superdiagonal e
// (length n−1). On return d holds the singular values in descending order,
// all ≥ 0, the columns of the n×n row-major matrix u (stride ldu) the left
// singular vectors and the rows of the n×n row-major matrix vt (stride ldvt)
// the right ones: B·vt[j, :]ᵀ = d[j]·u[:, j]. e is overwritten. Only the
// n×n parts of u and vt are written. It reports false if an element of B is
// NaN or infinite or if the QR iteration on a small block did not converge;
// d, u and vt are then unspecified. It panics if a length or stride is too
// small.
func SVD(n int, d, e []float64, u []float64, ldu int, vt []float64, ldvt int) bool {
	if n < 0 || len(d) < n || len(e) < max(n-1, 0) || ldu < max(n, 1) || ldvt < max(n, 1) ||
		(n > 0 && (len(u) < (n-1)*ldu+n || len(vt) < (n-1)*ldvt+n)) {
		panic("bidiag: bad dimensions")
	}
	if n == 0 {
		return true
	}
	ug := blas64.General{Rows: n, Cols: n, Stride: ldu, Data: u}
	vg := blas64.General{Rows: n, Cols: n, Stride: ldvt, Data: vt}
	// The merges rely on zeros outside the diagonal blocks they combine.
	for i := 0; i < n; i++ {
		clear(u[i*ldu : i*ldu+n])
		clear(vt[i*ldvt : i*ldvt+n])
	}
	var amax float64
	for i := 0; i < n; i++ {
		amax = math.Max(amax, math.Abs(d[i]))
		if i < n-1 {
			amax = math.Max(amax, math.Abs(e[i]))
		}
	}
	if math.IsNaN(amax) || math.IsInf(amax, 0) {
		return false
	}
	// Scale B by a power of two (exactly) so that its largest element is in
	// [1, 2): the squares and products of the merges neither over- nor
	// underflow.
	exp := 0
	if amax > 0 {
		_, exp = math.Frexp(amax)
		exp--
	}
	if exp != 0 {
		for i := 0; i < n; i++ {
			d[i] = math.Ldexp(d[i], -exp)
			if i < n-1 {
				e[i] = math.Ldexp(e[i], -exp)
			}
		}
	}
	// A merge perturbs B by a few ulps of its coupling elements, which is
	// harmless to small singular values that live below the middle row:
	// when B grows down its diagonal, solve the reversed Bᵀ instead (as
	// Dbdsqr chooses its direction), P·Bᵀ·P = U′·Σ·V′ᵀ with P reversing the
	// order, B = (P·V′)·Σ·(P·U′)ᵀ.
	flip := math.Abs(d[0]) < math.Abs(d[n-1])
	if flip {
		slices.Reverse(d[:n])
		slices.Reverse(e[:n-1])
	}
	s := &solver{d: d, e: e, u: ug, vt: vg}
	if !s.solve(0, n, 0) {
		return false
	}
	if flip {
		up := make([]float64, n*n)
		vp := make([]float64, n*n)
		for i := 0; i < n; i++ {
			copy(up[i*n:(i+1)*n], u[i*ldu:i*ldu+n])
			copy(vp[i*n:(i+1)*n], vt[i*ldvt:i*ldvt+n])
		}
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				u[i*ldu+j] = vp[j*n+n-1-i]
				vt[j*ldvt+i] = up[(n-1-i)*n+j]
			}
		}
	}
	if exp != 0 {
		for i := 0; i < n; i++ {
			d[i] = math.Ldexp(d[i], exp)
		}
	}
	return true
}

type solver struct {
	d, e  []float64
	u, vt blas64.General
}

// sub returns the r×c block of g at (off, off).
func sub(g blas64.General, off, r, c int) blas64.General {
	return blas64.General{Rows: r, Cols: c, Stride: g.Stride, Data: g.Data[off*g.Stride+off:]}
}

// solve computes the SVD of the upper bidiagonal block with n rows and
// n+sqre columns starting at row and column off (diagonal d[off:off+n],
// superdiagonal e[off:off+n−1+sqre]): its singular values descending into
// d[off:off+n], its left singular vectors into the columns of the n×n block
// of u at (off, off), its right singular vectors into the first n rows of
// the (n+sqre)×(n+sqre) block of vt at (off, off), and, when sqre = 1, a
// unit vector of its null space into the last row of that block.
func (s *solver) solve(off, n, sqre int) bool {
	if n <= LeafSize {
		return s.leaf(off, n, sqre)
	}
	nl := n / 2
	nr := n - nl - 1
	alpha, beta := s.d[off+nl], s.e[off+nl]
	if !s.solve(off, nl, 1) || !s.solve(off+nl+1, nr, sqre) {
		return false
	}
	s.merge(off, nl, nr, sqre, alpha, beta)
	return true
}

// leaf is solve by QR iteration. When sqre = 1, plane rotations from the
// right first chase the last superdiagonal element up and out of the block,
// B·G = [B′ 0], so that B = U·[Σ 0]·(G·diag(V′, 1))ᵀ with B′ = U·Σ·V′ᵀ square.
func (s *solver) leaf(off, n, sqre int) bool {
	m := n + sqre
	d := s.d[off : off+n]
	e := s.e[off : off+n-1+sqre]
	ub := sub(s.u, off, n, n)
	vb := sub(s.vt, off, m, m)
	for i := 0; i < n; i++ {
		row := ub.Data[i*ub.Stride : i*ub.Stride+n]
		clear(row)
		row[i] = 1
	}
	for i := 0; i < m; i++ {
		row := vb.Data[i*vb.Stride : i*vb.Stride+m]
		clear(row)
		row[i] = 1
	}
	if sqre == 1 {
		f := e[n-1]
		rn := vb.Data[n*vb.Stride : n*vb.Stride+m]
		for i := n - 1; i >= 0 && f != 0; i-- {
			c, sn, r := rotation(d[i], f)
			d[i] = r
			rotRows(vb.Data[i*vb.Stride:i*vb.Stride+m], rn, c, sn)
			if i > 0 {
				f = -sn * e[i-1]
				e[i-1] *= c
			}
		}
		e[n-1] = 0
	}
	work := make([]float64, 4*n)
	return gonum.Implementation{}.Dbdsqr(blas.Upper, n, m, n, 0, d, e, vb.Data, vb.Stride, ub.Data, ub.Stride, nil, 1, work)
}

// rotation returns c, s and r ≥ 0 with c·a + s·b = r and −s·a + c·b = 0,
// c² + s² = 1 to working precision even when a and b are subnormal (they
// are scaled by a power of two first).
func rotation(a, b float64) (c, s, r float64) {
	_, exp := math.Frexp(math.Max(math.Abs(a), math.Abs(b)))
	as, bs := math.Ldexp(a, -exp), math.Ldexp(b, -exp)
	rs := math.Hypot(as, bs)
	return as / rs, bs / rs, math.Ldexp(rs, exp)
}

// rotRows sets x, y = c·x + s·y, −s·x + c·y.
func rotRows(x, y []float64, c, s float64) {
	y = y[:len(x)]
	for i, xv := range x {
		yv := y[i]
		x[i] = c*xv + s*yv
		y[i] = -s*xv + c*yv
	}
}

// rotCols sets the columns p, q of the n-row g to c·p + s·q, −s·p + c·q.
func rotCols(g blas64.General, p, q int, c, s float64) {
	for r := 0; r < g.Rows; r++ {
		row := g.Data[r*g.Stride:]
		xv, yv := row[p], row[q]
		row[p] = c*xv + s*yv
		row[q] = -s*xv + c*yv
	}
}

// merge combines the solved halves of the block with N = nl+nr+1 rows and
// M = N+sqre columns at off, split at its local row nl with coupling
// elements alpha (column nl) and beta (column nl+1), as described in the
// package documentation.
func (s *solver) merge(off, nl, nr, sqre int, alpha, beta float64) {
	n := nl + nr + 1
	m := n + sqre
	ub := sub(s.u, off, n, n)
	vb := sub(s.vt, off, m, m)
	d := s.d[off : off+n]

	// Working copies: uw holds the left basis in its columns (U₁ and U₂ on
	// the diagonal, e_nl in column nl), vw the right basis in its rows (W₁ᵀ
	// and W₂ᵀ on the diagonal).
	uw := blas64.General{Rows: n, Cols: n, Stride: n, Data: make([]float64, n*n)}
	for i := 0; i < n; i++ {
		copy(uw.Data[i*n:(i+1)*n], ub.Data[i*ub.Stride:i*ub.Stride+n])
	}
	uw.Data[nl*n+nl] = 1
	vw := blas64.General{Rows: m, Cols: m, Stride: m, Data: make([]float64, m*m)}
	for i := 0; i < m; i++ {
		copy(vw.Data[i*m:(i+1)*m], vb.Data[i*vb.Stride:i*vb.Stride+m])
	}
	vrow := func(i int) []float64 { return vw.Data[i*m : (i+1)*m] }

	// The merged problem in local positions: dv[p], zv[p]; position nl is
	// the column of the folded null vectors, with d = 0.
	// The problem is scaled by a power of two (exactly) so that
	// max(|α|, |β|, maxⱼ dⱼ) is in [1, 2): the products and squares below
	// neither over- nor underflow for entries above floorTol.
	dv := make([]float64, n)
	zv := make([]float64, n)
	scale := math.Max(math.Abs(alpha), math.Abs(beta))
	for p := 0; p < n; p++ {
		if p != nl {
			dv[p] = d[p]
			scale = math.Max(scale, dv[p])
		}
	}
	sexp := 0
	if scale > 0 {
		_, sexp = math.Frexp(scale)
		sexp--
	}
	if sexp != 0 {
		for p := range dv {
			dv[p] = math.Ldexp(dv[p], -sexp)
		}
		alpha, beta = math.Ldexp(alpha, -sexp), math.Ldexp(beta, -sexp)
	}
	for p := 0; p < n; p++ {
		switch {
		case p < nl:
			zv[p] = alpha * vw.Data[p*m+nl]
		case p > nl:
			zv[p] = beta * vw.Data[p*m+nl+1]
		}
	}
	za := alpha * vw.Data[nl*m+nl]
	var zb float64
	if sqre == 1 {
		zb = beta * vw.Data[n*m+nl+1]
	}
	c, sn, r := 1.0, 0.0, math.Abs(za)
	if za != 0 || zb != 0 {
		c, sn, r = rotation(za, zb)
	}
	if sqre == 1 {
		rotRows(vrow(nl), vrow(n), c, sn)
	} else if c != 1 {
		for j, v := range vrow(nl) {
			vw.Data[nl*m+j] = c * v
		}
	}
	zv[nl] = r

	// Ascending order of d, position nl first.
	order := make([]int, 0, n)
	for p := 0; p < n; p++ {
		if p != nl {
			order = append(order, p)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case dv[a] < dv[b]:
			return -1
		case dv[a] > dv[b]:
			return 1
		}
		return 0
	})

	// Deflation. Each test compares a perturbation of the merged problem
	// with deflateTol·ε times the coupling elements and times the d it
	// concerns (so that small singular values keep their relative
	// accuracy), and accepts anything below floorTol.
	floor := 0.0
	if scale > 0 {
		floor = floorTol
	}
	tol := math.Max(deflateTol*eps*math.Max(math.Abs(alpha), math.Abs(beta)), floor)
	small := func(x, d float64) bool {
		return x <= math.Max(math.Min(tol, deflateTol*eps*d), floor)
	}
	if zv[nl] < tol {
		zv[nl] = tol
	}
	keep := make([]int, 1, n)
	keep[0] = nl
	deflated := make([]int, 0, n)
	for _, p := range order {
		if small(math.Abs(zv[p]), dv[p]) {
			zv[p] = 0
			deflated = append(deflated, p)
			continue
		}
		q := keep[len(keep)-1]
		if q == nl {
			// dₚ near d₀ = 0: fold zₚ into z₀ by a rotation of the right
			// basis; this leaves dₚ·sn in column nl of row p, dropped.
			c, sn, tau := rotation(zv[nl], zv[p])
			if small(dv[p]*math.Abs(sn), dv[p]) {
				rotRows(vrow(nl), vrow(p), c, sn)
				zv[nl], zv[p] = tau, 0
				dv[p] *= c
				deflated = append(deflated, p)
				continue
			}
		} else {
			// dq ≈ dp: rotate both bases so that z_q vanishes; the dropped
			// off-diagonal element is c·sn·(dp − dq).
			c, sn, tau := rotation(zv[p], -zv[q])
			if small(math.Abs((dv[p]-dv[q])*c*sn), dv[q]) {
				rotCols(uw, q, p, c, sn)
				rotRows(vrow(q), vrow(p), c, sn)
				zv[q], zv[p] = 0, tau
				// Both are in [dq, dp]; clamping keeps dv[p] above the
				// previous kept d, which rounding could otherwise reach.
				dq, dp := dv[q], dv[p]
				dv[q] = math.Min(math.Max(dq*c*c+dp*sn*sn, dq), dp)
				dv[p] = math.Min(math.Max(dq*sn*sn+dp*c*c, dq), dp)
				keep[len(keep)-1] = p
				deflated = append(deflated, q)
				continue
			}
		}
		keep = append(keep, p)
	}

	// Secular equation and singular vectors of the deflated M.
	k := len(keep)
	dk := make([]float64, k)
	zk := make([]float64, k)
	for i, p := range keep {
		dk[i], zk[i] = dv[p], zv[p]
	}
	dk[0] = 0
	sig := make([]float64, k)
	dm := make([]float64, k*k) // dm[i·k+j] = dk[j] − σᵢ
	dp := make([]float64, k*k) // dp[i·k+j] = dk[j] + σᵢ
	for i := 0; i < k; i++ {
		sig[i] = secularRoot(dk, zk, i, dm[i*k:(i+1)*k], dp[i*k:(i+1)*k])
	}
	y, xt := vectors(dk, zk, dm, dp)

	// Left: U_new = uw[:, keep]·Y, by the row blocks [0, nl] and (nl, n) of
	// uw, each with the columns of keep that are nonzero there.
	unew := blas64.General{Rows: n, Cols: k, Stride: k, Data: make([]float64, n*k)}
	for _, rr := range [][2]int{{0, nl + 1}, {nl + 1, n}} {
		r0, r1 := rr[0], rr[1]
		var cols []int
		for i, p := range keep {
			for row := r0; row < r1; row++ {
				if uw.Data[row*n+p] != 0 {
					cols = append(cols, i)
					break
				}
			}
		}
		if len(cols) == 0 || r1 == r0 {
			continue
		}
		a := blas64.General{Rows: r1 - r0, Cols: len(cols), Stride: len(cols), Data: make([]float64, (r1-r0)*len(cols))}
		b := blas64.General{Rows: len(cols), Cols: k, Stride: k, Data: make([]float64, len(cols)*k)}
		for row := r0; row < r1; row++ {
			for t, i := range cols {
				a.Data[(row-r0)*len(cols)+t] = uw.Data[row*n+keep[i]]
			}
		}
		for t, i := range cols {
			copy(b.Data[t*k:(t+1)*k], y.Data[i*k:(i+1)*k])
		}
		cb := blas64.General{Rows: r1 - r0, Cols: k, Stride: k, Data: unew.Data[r0*k:]}
		blas64.Gemm(blas.NoTrans, blas.NoTrans, 1, a, b, 0, cb)
	}
	// Right: VT_new = Xᵀ·vw[keep, :], by the column blocks [0, nl] and
	// (nl, m) of vw, each with the rows of keep that are nonzero there.
	vnew := blas64.General{Rows: k, Cols: m, Stride: m, Data: make([]float64, k*m)}
	for _, cc := range [][2]int{{0, nl + 1}, {nl + 1, m}} {
		c0, c1 := cc[0], cc[1]
		var rows []int
		for i, p := range keep {
			for _, v := range vw.Data[p*m+c0 : p*m+c1] {
				if v != 0 {
					rows = append(rows, i)
					break
				}
			}
		}
		if len(rows) == 0 || c1 == c0 {
			continue
		}
		a := blas64.General{Rows: k, Cols: len(rows), Stride: len(rows), Data: make([]float64, k*len(rows))}
		b := blas64.General{Rows: len(rows), Cols: c1 - c0, Stride: c1 - c0, Data: make([]float64, len(rows)*(c1-c0))}
		for i := 0; i < k; i++ {
			for t, j := range rows {
				a.Data[i*len(rows)+t] = xt.Data[i*k+j]
			}
		}
		for t, j := range rows {
			copy(b.Data[t*(c1-c0):(t+1)*(c1-c0)], vw.Data[keep[j]*m+c0:keep[j]*m+c1])
		}
		cb := blas64.General{Rows: k, Cols: c1 - c0, Stride: m, Data: vnew.Data[c0:]}
		blas64.Gemm(blas.NoTrans, blas.NoTrans, 1, a, b, 0, cb)
	}

	// Output, singular values descending: the k new triplets and the
	// deflated ones.
	type src struct {
		val float64
		new bool
		idx int
	}
	out := make([]src, 0, n)
	for i := 0; i < k; i++ {
		out = append(out, src{sig[i], true, i})
	}
	for _, p := range deflated {
		out = append(out, src{dv[p], false, p})
	}
	if sexp != 0 {
		for i := range out {
			out[i].val = math.Ldexp(out[i].val, sexp)
		}
	}
	slices.SortStableFunc(out, func(a, b src) int {
		switch {
		case a.val > b.val:
			return -1
		case a.val < b.val:
			return 1
		}
		return 0
	})
	for row := 0; row < n; row++ {
		dst := ub.Data[row*ub.Stride : row*ub.Stride+n]
		for col, o := range out {
			if o.new {
				dst[col] = unew.Data[row*k+o.idx]
			} else {
				dst[col] = uw.Data[row*n+o.idx]
			}
		}
	}
	for col, o := range out {
		dst := vb.Data[col*vb.Stride : col*vb.Stride+m]
		if o.new {
			copy(dst, vnew.Data[o.idx*m:(o.idx+1)*m])
		} else {
			copy(dst, vrow(o.idx))
		}
		d[col] = o.val
	}
	if sqre == 1 {
		copy(vb.Data[n*vb.Stride:n*vb.Stride+m], vrow(n))
	}
}

// secularRoot returns the i-th smallest root σᵢ of
// f(σ) = 1 + Σⱼ z[j]²/(d[j]² − σ²), for 0 = d[0] < d[1] < … ascending and
// z without zeros, and writes dm[j] = d[j] − σᵢ and dp[j] = d[j] + σᵢ, the
// former computed from the pole d[o] nearest σᵢ as (d[j] − d[o]) − (σᵢ − d[o]).
// The unknown is μ = σ² − d[o]², whose poles are δⱼ = (d[j] − d[o])(d[j] + d[o]).
func secularRoot(d, z []float64, i int, dm, dp []float64) float64 {
	k := len(d)
	if k == 1 {
		// M = [z₀].
		dm[0], dp[0] = -math.Abs(z[0]), math.Abs(z[0])
		return math.Abs(z[0])
	}
	delta := dm // the poles δⱼ during the iteration
	poles := func(o int) {
		for j := 0; j < k; j++ {
			delta[j] = (d[j] - d[o]) * (d[j] + d[o])
		}
	}
	g := func(mu float64) float64 {
		s := 1.0
		for j := 0; j < k; j++ {
			s += z[j] * z[j] / (delta[j] - mu)
		}
		return s
	}
	// Origin o and bracket (lo, hi) for μ; the first guess is the root of
	// the model c + z_i²/(δᵢ − μ) + z²_{i+1}/(δᵢ₊₁ − μ), with the other terms
	// frozen into c at the middle of the interval.
	var o int
	var lo, hi, tau float64
	if i < k-1 {
		poles(i)
		mid := delta[i+1] / 2
		gm := g(mid)
		zi, zi1 := z[i]*z[i], z[i+1]*z[i+1]
		c := gm + zi/mid - zi1/mid
		if gm >= 0 {
			o, lo, hi = i, 0, mid
		} else {
			poles(i + 1)
			o, lo, hi = i+1, delta[i]/2, 0
		}
		a1, a2 := delta[i], delta[i+1]
		tau = math.NaN()
		if eta, ok := secular.QuadRoot(c, -(c*(a1+a2) + zi + zi1), c*a1*a2+zi*a2+zi1*a1, a1, a2); ok {
			tau = eta
		}
	} else {
		poles(k - 1)
		var zn float64
		for j := 0; j < k; j++ {
			zn += z[j] * z[j]
		}
		o, lo, hi = k-1, 0, zn
		// c + z²_{k−1}/(0 − μ) = 0 with c the rest at μ = zn/2.
		c := 1.0
		for j := 0; j < k-1; j++ {
			c += z[j] * z[j] / (delta[j] - zn/2)
		}
		tau = math.NaN()
		if c > 0 {
			tau = z[k-1] * z[k-1] / c
		}
	}
	if !(tau > lo && tau < hi) {
		tau = (lo + hi) / 2
	}
	for it := 0; it < maxSecularIter; it++ {
		var psi, dpsi, phi, dphi float64
		for j := 0; j <= i; j++ {
			r := 1 / (delta[j] - tau)
			t := z[j] * z[j] * r
			psi += t
			dpsi += t * r
		}
		for j := i + 1; j < k; j++ {
			r := 1 / (delta[j] - tau)
			t := z[j] * z[j] * r
			phi += t
			dphi += t * r
		}
		abssum := phi - psi // the terms up to i are negative, the others positive
		f := 1 + psi + phi
		if math.Abs(f) <= 4*float64(k)*eps*(1+abssum) {
			break
		}
		if f < 0 {
			lo = tau
		} else {
			hi = tau
		}
		if hi-lo <= 4*eps*math.Max(math.Abs(lo), math.Abs(hi)) {
			break
		}
		// Rational model c + s/(a1 − η) + S/(a2 − η) matching f and f′.
		a1 := delta[i] - tau
		s := a1 * a1 * dpsi
		next := math.NaN()
		if i < k-1 {
			a2 := delta[i+1] - tau
			S := a2 * a2 * dphi
			c := f - s/a1 - S/a2
			if eta, ok := secular.QuadRoot(c, -(c*(a1+a2) + s + S), c*a1*a2+s*a2+S*a1, a1, a2); ok {
				next = tau + eta
			}
		} else if c := f - s/a1; c > 0 {
			// No pole above: c + s/(a1 − η) = 0 (φ is empty).
			next = tau + a1 + s/c
		}
		if !(next > lo && next < hi) {
			next = (lo + hi) / 2
		}
		tau = next
	}
	sigma := math.Sqrt(d[o]*d[o] + tau)
	eta := tau / (d[o] + sigma) // σ − d[o], accurately
	for j := 0; j < k; j++ {
		dm[j] = (d[j] - d[o]) - eta
		dp[j] = d[j] + sigma
	}
	return sigma
}

// vectors returns the k×k matrices whose columns (y) and rows (xt) are the
// unit left and right singular vectors of the deflated M, from Gu and
// Eisenstat's ẑ: yᵢ ∝ (−1, d[j]·ẑⱼ/(d[j]² − σᵢ²))ⱼ≥₁ and
// xᵢ ∝ (ẑⱼ/(d[j]² − σᵢ²))ⱼ, with d[j]² − σᵢ² = dm[i·k+j]·dp[i·k+j].
func vectors(d, z, dm, dp []float64) (y, xt blas64.General) {
	k := len(d)
	y = blas64.General{Rows: k, Cols: k, Stride: k, Data: make([]float64, k*k)}
	xt = blas64.General{Rows: k, Cols: k, Stride: k, Data: make([]float64, k*k)}
	if k == 1 {
		// M = [z₀], z₀ ≥ 0.
		y.Data[0], xt.Data[0] = 1, 1
		return y, xt
	}
	zh := make([]float64, k)
	for j := 0; j < k; j++ {
		// σ²_{k−1} − d[j]², then the ratios (σᵢ² − d[j]²)/(d[i′]² − d[j]²).
		p := -dm[(k-1)*k+j] * dp[(k-1)*k+j]
		for i := 0; i < j; i++ {
			p *= dm[i*k+j] * dp[i*k+j] / ((d[j] - d[i]) * (d[j] + d[i]))
		}
		for i := j; i < k-1; i++ {
			p *= dm[i*k+j] * dp[i*k+j] / ((d[j] - d[i+1]) * (d[j] + d[i+1]))
		}
		zh[j] = math.Copysign(math.Sqrt(math.Abs(p)), z[j])
	}
	// A root very near its pole makes some components huge: divide by the
	// largest before summing squares.
	for i := 0; i < k; i++ {
		xi := xt.Data[i*k : (i+1)*k]
		var mx, my float64
		for j := 0; j < k; j++ {
			v := zh[j] / dm[i*k+j] / dp[i*k+j]
			xi[j] = v
			mx = math.Max(mx, math.Abs(v))
			w := -1.0
			if j > 0 {
				w = d[j] * v
			}
			y.Data[j*k+i] = w
			my = math.Max(my, math.Abs(w))
		}
		var nx, ny float64
		for j := 0; j < k; j++ {
			xi[j] /= mx
			y.Data[j*k+i] /= my
			nx += xi[j] * xi[j]
			ny += y.Data[j*k+i] * y.Data[j*k+i]
		}
		nx, ny = 1/math.Sqrt(nx), 1/math.Sqrt(ny)
		for j := 0; j < k; j++ {
			xi[j] *= nx
			y.Data[j*k+i] *= ny
		}
	}
	return y, xt
}
