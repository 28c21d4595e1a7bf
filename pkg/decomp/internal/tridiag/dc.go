// Copyright ©2026 The FactorLab Authors.

package tridiag

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/gonum"

	"github.com/factorlab/factorlab/pkg/decomp/internal/secular"
)

// LeafSize is the order at or below which a block is solved by implicit QL/QR
// iteration (gonum's Dsteqr) rather than split further.
const LeafSize = 32

// maxSecularIter bounds the iterations for one root of the secular equation;
// bisection alone would need fewer than 1100 to exhaust float64.
const maxSecularIter = 200

// Eigen computes the eigenvalues of the n×n symmetric tridiagonal matrix
// with diagonal d (length n) and off-diagonal e (length n−1) into d, in
// ascending order, and the orthonormal eigenvectors into the columns of
// z (n×n, row-major): T·z[:, j] = d[j]·z[:, j]. e is overwritten. It
// reports whether every block converged (only the QR iteration on small
// blocks can fail). It panics if the lengths do not match.
func Eigen(d, e []float64, z blas64.General) bool {
	n := len(d)
	if len(e) < max(n-1, 0) || z.Rows != n || z.Cols != n {
		panic("tridiag: bad dimensions")
	}
	for i := 0; i < n; i++ {
		clear(z.Data[i*z.Stride : i*z.Stride+n])
	}
	if n == 0 {
		return true
	}
	s := &solver{z: z, work: make([]float64, max(1, 2*LeafSize-2))}
	return s.solve(d, e, 0, n)
}

type solver struct {
	z    blas64.General
	work []float64
}

// block returns the rows and columns [off, off+n) of z.
func (s *solver) block(off, n int) blas64.General {
	return blas64.General{Rows: n, Cols: n, Stride: s.z.Stride, Data: s.z.Data[off*s.z.Stride+off:]}
}

// solve diagonalizes the tridiagonal block T[off:off+n] (diagonal d[off:],
// off-diagonal e[off:]), leaving its eigenvalues ascending in d[off:off+n]
// and its eigenvectors in the matching diagonal block of z.
func (s *solver) solve(d, e []float64, off, n int) bool {
	if n <= LeafSize {
		return gonum.Implementation{}.Dsteqr(lapack.EVTridiag, n, d[off:off+n], e[off:off+max(n-1, 0)], s.z.Data[off*s.z.Stride+off:], s.z.Stride, s.work)
	}
	m := n / 2
	beta := e[off+m-1]
	rho := math.Abs(beta)
	d[off+m-1] -= rho
	d[off+m] -= rho
	if !s.solve(d, e, off, m) || !s.solve(d, e, off+m, n-m) {
		return false
	}
	s.merge(d[off:off+n], m, beta, s.block(off, n))
	return true
}

// merge combines the solved halves [0, m) and [m, n) of a block whose
// eigenvalues are in d and eigenvectors in q (block diagonal on entry, the
// eigenvectors of the whole block on return), torn at the off-diagonal beta.
func (s *solver) merge(d []float64, m int, beta float64, q blas64.General) {
	n := len(d)
	rho := math.Abs(beta)
	// z = diag(Q₁, Q₂)ᵀ·(e_m + sign(β)·e_{m+1}), scaled to unit norm.
	z := make([]float64, n)
	copy(z[:m], q.Data[(m-1)*q.Stride:(m-1)*q.Stride+m])
	copy(z[m:], q.Data[m*q.Stride+m:m*q.Stride+n])
	sgn := math.Copysign(1, beta)
	for j := m; j < n; j++ {
		z[j] *= sgn
	}
	for j := range z {
		z[j] /= math.Sqrt2
	}
	rho *= 2

	// Sort D ascending (the halves are sorted: merge them), carrying z and
	// the columns of q into qw.
	perm := make([]int, n)
	for i, j, t := 0, m, 0; t < n; t++ {
		if j == n || (i < m && d[i] <= d[j]) {
			perm[t] = i
			i++
		} else {
			perm[t] = j
			j++
		}
	}
	dd := make([]float64, n)
	zz := make([]float64, n)
	qw := blas64.General{Rows: n, Cols: n, Stride: n, Data: make([]float64, n*n)}
	for t, p := range perm {
		dd[t], zz[t] = d[p], z[p]
	}
	for r := 0; r < n; r++ {
		row, src := qw.Data[r*n:(r+1)*n], q.Data[r*q.Stride:r*q.Stride+n]
		for t, p := range perm {
			row[t] = src[p]
		}
	}

	// Deflation.
	var dmax, zmax float64
	for t := range dd {
		dmax = math.Max(dmax, math.Abs(dd[t]))
		zmax = math.Max(zmax, math.Abs(zz[t]))
	}
	tol := 8 * eps * math.Max(dmax, rho*zmax)
	deflated := make([]bool, n)
	keep := make([]int, 0, n) // non-deflated columns of qw, ascending dd
	prev := -1
	for t := 0; t < n; t++ {
		if rho*math.Abs(zz[t]) <= tol {
			deflated[t] = true
			continue
		}
		if prev >= 0 {
			tau := math.Hypot(zz[prev], zz[t])
			c, sn := zz[t]/tau, -zz[prev]/tau
			if math.Abs((dd[t]-dd[prev])*c*sn) <= tol {
				// Rotate the pair so that zz[prev] vanishes; prev deflates.
				zz[prev], zz[t] = 0, tau
				dp, dt := dd[prev], dd[t]
				dd[prev] = dp*c*c + dt*sn*sn
				dd[t] = dp*sn*sn + dt*c*c
				for r := 0; r < n; r++ {
					qp, qt := qw.Data[r*n+prev], qw.Data[r*n+t]
					qw.Data[r*n+prev] = c*qp + sn*qt
					qw.Data[r*n+t] = -sn*qp + c*qt
				}
				deflated[prev] = true
				keep = keep[:len(keep)-1]
			}
		}
		keep = append(keep, t)
		prev = t
	}

	k := len(keep)
	lambda := make([]float64, n) // eigenvalue of each output column, by source
	var w blas64.General
	if k > 0 {
		dk := make([]float64, k)
		zk := make([]float64, k)
		for i, t := range keep {
			dk[i], zk[i] = dd[t], zz[t]
		}
		// delta[i·k+j] = dk[j] − λᵢ, accurate through the shifted origin.
		delta := make([]float64, k*k)
		lam := make([]float64, k)
		for i := 0; i < k; i++ {
			lam[i] = secularRoot(dk, zk, rho, i, delta[i*k:(i+1)*k])
		}
		u := vectors(dk, zk, rho, lam, delta)
		// W = Q[:, keep]·U.
		qk := blas64.General{Rows: n, Cols: k, Stride: k, Data: make([]float64, n*k)}
		for r := 0; r < n; r++ {
			for i, t := range keep {
				qk.Data[r*k+i] = qw.Data[r*n+t]
			}
		}
		w = blas64.General{Rows: n, Cols: k, Stride: k, Data: make([]float64, n*k)}
		blas64.Gemm(blas.NoTrans, blas.NoTrans, 1, qk, u, 0, w)
		for i := range keep {
			lambda[i] = lam[i]
		}
	}

	// Output: the k new pairs (columns of w) and the deflated ones (columns
	// of qw), merged in ascending order of eigenvalue.
	type src struct {
		val   float64
		fromW bool
		col   int
	}
	out := make([]src, 0, n)
	for i := 0; i < k; i++ {
		out = append(out, src{lambda[i], true, i})
	}
	for t := 0; t < n; t++ {
		if deflated[t] {
			out = append(out, src{dd[t], false, t})
		}
	}
	slices.SortStableFunc(out, func(a, b src) int {
		switch {
		case a.val < b.val:
			return -1
		case a.val > b.val:
			return 1
		}
		return 0
	})
	for r := 0; r < n; r++ {
		row := q.Data[r*q.Stride : r*q.Stride+n]
		for c, o := range out {
			if o.fromW {
				row[c] = w.Data[r*k+o.col]
			} else {
				row[c] = qw.Data[r*n+o.col]
			}
		}
	}
	for c, o := range out {
		d[c] = o.val
	}
}

const eps = 0x1p-53

// secularRoot returns the i-th smallest root λᵢ of
// f(λ) = 1 + rho·Σⱼ z[j]²/(d[j] − λ), for d strictly ascending, z without
// zeros and rho > 0, and writes dl[j] = d[j] − λᵢ computed from the pole
// nearest λᵢ: dl[j] = (d[j] − d[o]) − τ with λᵢ = d[o] + τ.
func secularRoot(d, z []float64, rho float64, i int, dl []float64) float64 {
	k := len(d)
	z2 := func(j int) float64 { return z[j] * z[j] }
	f := func(lam float64) float64 {
		s := 1.0
		for j := 0; j < k; j++ {
			s += rho * z2(j) / (d[j] - lam)
		}
		return s
	}
	// Origin o at the nearer pole; bracket (lo, hi) for τ = λ − d[o].
	var o int
	var lo, hi float64
	if i < k-1 {
		mid := (d[i] + d[i+1]) / 2
		if f(mid) >= 0 {
			o, lo, hi = i, 0, mid-d[i]
		} else {
			o, lo, hi = i+1, mid-d[i+1], 0
		}
	} else {
		var zn float64
		for j := 0; j < k; j++ {
			zn += z2(j)
		}
		o, lo, hi = k-1, 0, rho*zn
	}
	delta := dl // δⱼ = d[j] − d[o], then dl = δ − τ at the end
	for j := 0; j < k; j++ {
		delta[j] = d[j] - d[o]
	}
	tau := (lo + hi) / 2
	for it := 0; it < maxSecularIter; it++ {
		var psi, dpsi, phi, dphi, abssum float64
		for j := 0; j <= i; j++ {
			t := z2(j) / (delta[j] - tau)
			psi += t
			dpsi += t / (delta[j] - tau)
			abssum += math.Abs(t)
		}
		for j := i + 1; j < k; j++ {
			t := z2(j) / (delta[j] - tau)
			phi += t
			dphi += t / (delta[j] - tau)
			abssum += math.Abs(t)
		}
		psi, dpsi, phi, dphi = rho*psi, rho*dpsi, rho*phi, rho*dphi
		g := 1 + psi + phi
		if math.Abs(g) <= 4*float64(k)*eps*(1+rho*abssum) {
			break
		}
		if g < 0 {
			lo = tau
		} else {
			hi = tau
		}
		if hi-lo <= 4*eps*math.Max(math.Abs(lo), math.Abs(hi)) {
			break
		}
		// Rational model c + s/(a1 − η) + S/(a2 − η) matching g and g′.
		a1 := delta[i] - tau
		s := a1 * a1 * dpsi
		var next float64
		if i < k-1 {
			a2 := delta[i+1] - tau
			S := a2 * a2 * dphi
			c := g - s/a1 - S/a2
			eta, ok := secular.QuadRoot(c, -(c*(a1+a2) + s + S), c*a1*a2+s*a2+S*a1, a1, a2)
			next = tau + eta
			if !ok {
				next = math.NaN()
			}
		} else {
			// No pole above: c + s/(a1 − η) = 0 with c = g − s/a1 (φ folded in).
			c := g - s/a1
			next = math.NaN()
			if c > 0 {
				next = tau + a1 + s/c
			}
		}
		if !(next > lo && next < hi) {
			next = (lo + hi) / 2
		}
		tau = next
	}
	for j := 0; j < k; j++ {
		dl[j] = delta[j] - tau
	}
	return d[o] + tau
}

// vectors returns the k×k matrix whose columns are the unit eigenvectors of
// diag(d) + rho·ẑ·ẑᵀ for the roots lam, with ẑ from Gu and Eisenstat's
// formula and delta[i·k+j] = d[j] − lam[i].
func vectors(d, z []float64, rho float64, lam, delta []float64) blas64.General {
	k := len(d)
	zh := make([]float64, k)
	for j := 0; j < k; j++ {
		// λᵢ − dⱼ = −delta[i·k+j].
		p := -delta[(k-1)*k+j] / rho
		for i := 0; i < j; i++ {
			p *= -delta[i*k+j] / (d[i] - d[j])
		}
		for i := j; i < k-1; i++ {
			p *= -delta[i*k+j] / (d[i+1] - d[j])
		}
		zh[j] = math.Copysign(math.Sqrt(math.Abs(p)), z[j])
	}
	u := blas64.General{Rows: k, Cols: k, Stride: k, Data: make([]float64, k*k)}
	for i := 0; i < k; i++ {
		var nrm float64
		for j := 0; j < k; j++ {
			v := zh[j] / delta[i*k+j]
			u.Data[j*k+i] = v
			nrm += v * v
		}
		nrm = math.Sqrt(nrm)
		for j := 0; j < k; j++ {
			u.Data[j*k+i] /= nrm
		}
	}
	return u
}
