// Copyright ©2026 The FactorLab Authors.

package decomp

import (
	"fmt"
	"math/rand/v2"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

// Defaults of TruncatedSVD, from Halko, Martinsson and Tropp, "Finding
// structure with randomness", SIAM Review 53(2), 2011.
const (
	// DefaultOversample is the oversampling p: HMT §4.2 find p = 5 or 10
	// enough for a Gaussian test matrix; scikit-learn also uses 10.
	DefaultOversample = 10
	// DefaultPowerIters is the number q of power (subspace) iterations:
	// HMT §4.5 find q = 1 or 2 usually enough for slowly decaying spectra.
	DefaultPowerIters = 2
)

// TruncatedSVDSettings configures TruncatedSVD.Factorize. A nil *TruncatedSVDSettings means
// the defaults.
type TruncatedSVDSettings struct {
	// Oversample is p, the extra sample columns; 0 means DefaultOversample,
	// a negative value means none.
	Oversample int
	// PowerIters is q, the power iterations; 0 means DefaultPowerIters, a
	// negative value means none (the plain range finder, HMT Algorithm 4.1).
	PowerIters int
}

// TruncatedSVD holds the leading r singular triplets A ≈ U·Σ·Vᵀ of an m×n
// matrix computed by the randomized algorithm of Halko, Martinsson and
// Tropp (2011): with a Gaussian test matrix Ω of size n×(r+p),
//
//	Q = orth(A·Ω),  then q times  Q = orth(A·orth(Aᵀ·Q))   (HMT Algorithm 4.4),
//	B = Qᵀ·A = Ũ·Σ·Vᵀ,  U = Q·Ũ,
//
// keeping the first r columns. Its error is close to the optimal
// σᵣ₊₁ when the spectrum decays or q is large enough. The zero value is
// ready to use; call Factorize before any query.
type TruncatedSVD struct {
	svd SVD // thin, with r values; m, n of A
}

// Factorize computes the rank-r truncated SVD of a, drawing Ω from rnd, so
// the same seed gives the same bits. It returns ErrEmpty, an *ElementError,
// a wrapped ErrRankOutOfRange unless 1 ≤ r ≤ min(m, n), or a wrapped
// ErrNoConvergence from the small SVD. It panics with ErrNilRand if rnd is
// nil. a is not modified, and not copied if it is a *mat.Dense.
func (t *TruncatedSVD) Factorize(a mat.Matrix, r int, s *TruncatedSVDSettings, rnd *rand.Rand) error {
	t.svd = SVD{}
	if rnd == nil {
		panic(ErrNilRand)
	}
	var set TruncatedSVDSettings
	if s != nil {
		set = *s
	}
	p, q := set.Oversample, set.PowerIters
	if p == 0 {
		p = DefaultOversample
	}
	if q == 0 {
		q = DefaultPowerIters
	}
	p, q = max(p, 0), max(q, 0)
	ra, err := checkedView(a)
	if err != nil {
		return err
	}
	m, n := ra.Rows, ra.Cols
	if r < 1 || r > min(m, n) {
		return fmt.Errorf("%w: rank %d not in [1, %d]", ErrRankOutOfRange, r, min(m, n))
	}
	l := r + min(p, min(m, n)-r) // r + p without overflow, at most min(m, n)

	// The sample matrices are kept as Y (m×l) and Zᵀ (l×n), so that every
	// product is A·Zᵀᵀ or Yᵀ·A with one dimension l ≪ m, n.
	zt := blas64.General{Rows: l, Cols: n, Stride: n, Data: make([]float64, l*n)}
	for i := range zt.Data {
		zt.Data[i] = rnd.NormFloat64() // Ωᵀ
	}
	y := blas64.General{Rows: m, Cols: l, Stride: l, Data: make([]float64, m*l)}
	gemm(blas.NoTrans, blas.Trans, 1, ra, zt, 0, y)
	orthonormalize(y)
	for it := 0; it < q; it++ {
		gemm(blas.Trans, blas.NoTrans, 1, y, ra, 0, zt) // Zᵀ = Qᵀ·A
		orthonormalizeRows(zt)
		gemm(blas.NoTrans, blas.Trans, 1, ra, zt, 0, y) // Y = A·Z
		orthonormalize(y)
	}
	// B = Qᵀ·A (l×n) and its thin SVD.
	b := mat.NewDense(l, n, nil)
	gemm(blas.Trans, blas.NoTrans, 1, y, ra, 0, b.RawMatrix())
	var small SVD
	if err := small.Factorize(b, mat.SVDThin); err != nil {
		return err
	}
	qm := mat.NewDense(m, l, y.Data)
	u := mat.NewDense(m, r, nil)
	u.Mul(qm, small.u.Slice(0, l, 0, r))
	vt := mat.DenseCopyOf(small.vt.Slice(0, r, 0, n))
	t.svd = SVD{kind: mat.SVDThin, m: m, n: n, s: small.s[:r:r], u: u, vt: vt}
	return nil
}

// Rank returns r, or 0 if there is no factorization.
func (t *TruncatedSVD) Rank() int { return len(t.svd.s) }

// Values stores the r leading singular values into dst (allocated if nil).
// It panics with ErrNotFactorized or ErrShape (len(dst) ≠ r).
func (t *TruncatedSVD) Values(dst []float64) []float64 { return t.svd.Values(dst) }

// UTo stores the m×r matrix U into dst (resized if empty). It panics with
// ErrNotFactorized or ErrShape.
func (t *TruncatedSVD) UTo(dst *mat.Dense) { t.svd.UTo(dst) }

// VTo stores the n×r matrix V into dst (resized if empty). It panics with
// ErrNotFactorized or ErrShape.
func (t *TruncatedSVD) VTo(dst *mat.Dense) { t.svd.VTo(dst) }

// ReconstructTo stores the rank-r approximation U·Σ·Vᵀ into dst (resized if
// empty). It panics with ErrNotFactorized or ErrShape.
func (t *TruncatedSVD) ReconstructTo(dst *mat.Dense) { t.svd.ReconstructTo(dst) }

// Residual returns ‖A − U·Σ·Vᵀ‖_F, to compare with the optimum
// √(Σᵢ>r σᵢ²). It panics with ErrNotFactorized or ErrShape.
func (t *TruncatedSVD) Residual(a mat.Matrix) float64 { return t.svd.Residual(a) }
