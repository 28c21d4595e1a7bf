// Copyright ©2026 The FactorLab Authors.

package decomp

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

// PCA is the principal component analysis of n observations, the rows of
// an n×d data matrix X, computed from the thin SVD of the centred data
//
//	X − 𝟙μᵀ = U·Σ·Vᵀ,
//
// where μ is the mean row. The principal directions are the columns of V
// (the eigenvectors of the covariance matrix C = (X − 𝟙μᵀ)ᵀ(X − 𝟙μᵀ)/(n − 1),
// never formed), component i explains the variance σᵢ²/(n − 1), and the
// scores of a row x are Vᵀ(x − μ). Signs are those of the SVD: a direction
// and its negative are the same component. The zero value is ready to use;
// call Fit before any query.
type PCA struct {
	mean []float64
	svd  SVD
	n    int
}

// Fit computes the principal components of the rows of x. It returns
// ErrEmpty, an *ElementError naming a NaN or infinite element, a wrapped
// ErrRankOutOfRange if x has fewer than two rows, or the SVD's
// ErrNoConvergence. x is not modified.
func (p *PCA) Fit(x mat.Matrix) error {
	*p = PCA{}
	c, err := checkedCopy(x, false)
	if err != nil {
		return err
	}
	n, d := c.Dims()
	if n < 2 {
		return fmt.Errorf("%w: PCA needs at least 2 observations, have %d", ErrRankOutOfRange, n)
	}
	mean := make([]float64, d)
	for i := range n {
		for j, v := range c.RawRowView(i) {
			mean[j] += v
		}
	}
	for j := range mean {
		mean[j] /= float64(n)
	}
	centreRows(c, mean)
	var s SVD
	if err := s.Factorize(c, mat.SVDThinV); err != nil {
		return err
	}
	p.mean, p.svd, p.n = mean, s, n
	return nil
}

func (p *PCA) mustFit() {
	if p.mean == nil {
		panic(ErrNotFactorized)
	}
}

// Mean returns the mean row μ, copied into dst if it is not nil (it then
// must have length d). It panics with ErrNotFactorized or ErrShape.
func (p *PCA) Mean(dst []float64) []float64 {
	p.mustFit()
	if dst == nil {
		dst = make([]float64, len(p.mean))
	}
	if len(dst) != len(p.mean) {
		panic(ErrShape)
	}
	copy(dst, p.mean)
	return dst
}

// Variances returns the variance σᵢ²/(n − 1) explained by each component,
// largest first, min(n, d) of them. It panics with ErrNotFactorized.
func (p *PCA) Variances() []float64 {
	p.mustFit()
	s := p.svd.Values(nil)
	for i, v := range s {
		s[i] = v * v / float64(p.n-1)
	}
	return s
}

// ComponentsTo stores the first k principal directions as the rows of dst
// (k×d, resized if empty). It returns a wrapped ErrRankOutOfRange unless
// 1 ≤ k ≤ min(n, d), and panics with ErrNotFactorized or ErrShape.
func (p *PCA) ComponentsTo(dst *mat.Dense, k int) error {
	p.mustFit()
	if k < 1 || k > len(p.svd.s) {
		return fmt.Errorf("%w: %d components of %d", ErrRankOutOfRange, k, len(p.svd.s))
	}
	var v mat.Dense
	p.svd.VTo(&v)
	reuseAs(dst, k, len(p.mean))
	dst.Copy(v.Slice(0, len(p.mean), 0, k).T())
	return nil
}

// ProjectTo stores in dst (m×k, resized if empty) the scores of the m rows
// of x on the first k components, (x − μ)·V_k. It returns a wrapped
// ErrRankOutOfRange unless 1 ≤ k ≤ min(n, d), and panics with
// ErrNotFactorized or ErrShape (x not m×d, dst non-empty and not m×k).
func (p *PCA) ProjectTo(dst *mat.Dense, x mat.Matrix, k int) error {
	p.mustFit()
	if k < 1 || k > len(p.svd.s) {
		return fmt.Errorf("%w: %d components of %d", ErrRankOutOfRange, k, len(p.svd.s))
	}
	m, d := x.Dims()
	if d != len(p.mean) {
		panic(ErrShape)
	}
	centred := mat.DenseCopyOf(x)
	centreRows(centred, p.mean)
	var v mat.Dense
	p.svd.VTo(&v)
	reuseAs(dst, m, k)
	dst.Mul(centred, v.Slice(0, d, 0, k))
	return nil
}

// centreRows subtracts mean from every row of m.
func centreRows(m *mat.Dense, mean []float64) {
	r, _ := m.Dims()
	for i := range r {
		row := m.RawRowView(i)
		for j := range row {
			row[j] -= mean[j]
		}
	}
}
