// Copyright ©2026 The FactorLab Authors.

package decomp

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/mat"
)

// SVD is the singular value decomposition A = U·Σ·Vᵀ of a real m×n matrix,
// with σ₁ ≥ σ₂ ≥ … ≥ σₖ ≥ 0, k = min(m, n). The zero value is ready to use;
// call Factorize (or FactorizeGram) before any query.
type SVD struct {
	kind mat.SVDKind
	m, n int
	s    []float64
	u    *mat.Dense // m×m (full) or m×k (thin); nil if not computed
	vt   *mat.Dense // n×n (full) or k×n (thin), holding Vᵀ; nil if not computed
}

// Factorize computes the singular values of a and, as kind asks, the full or
// thin left and right singular vectors (gonum's mat.SVDNone, SVDThin,
// SVDFull, SVDThinU, …). The pure-Go build computes SVDThin with
// 100 ≤ min(m, n) ≤ 2048 by divide and conquer as dgesdd does, the other
// kinds above order 128 from that thin SVD (see the package documentation),
// and the rest with LAPACK dgesvd like gonum's mat.SVD;
// -tags openblas uses the divide-and-conquer dgesdd. It returns
// ErrEmpty, an *ElementError naming a NaN/Inf element, a wrapped
// ErrNoConvergence, or a wrapped ErrRange when σ₁ exceeds the largest
// float64. a is not modified.
func (s *SVD) Factorize(a mat.Matrix, kind mat.SVDKind) error {
	*s = SVD{}
	d, err := checkedCopy(a, false)
	if err != nil {
		return err
	}
	m, n := d.Dims()
	k := min(m, n)
	jobU, jobVT := lapack.SVDNone, lapack.SVDNone
	var u, vt *mat.Dense
	var ru, rvt blas64.General
	switch {
	case kind&mat.SVDFullU != 0:
		jobU, u = lapack.SVDAll, mat.NewDense(m, m, nil)
	case kind&mat.SVDThinU != 0:
		jobU, u = lapack.SVDStore, mat.NewDense(m, k, nil)
	}
	switch {
	case kind&mat.SVDFullV != 0:
		jobVT, vt = lapack.SVDAll, mat.NewDense(n, n, nil)
	case kind&mat.SVDThinV != 0:
		jobVT, vt = lapack.SVDStore, mat.NewDense(k, n, nil)
	}
	if u != nil {
		ru = u.RawMatrix()
	}
	if vt != nil {
		rvt = vt.RawMatrix()
	}
	sv := make([]float64, k)
	if !gesvd(jobU, jobVT, d.RawMatrix(), ru, rvt, sv) {
		return fmt.Errorf("%w: SVD (%d×%d)", ErrNoConvergence, m, n)
	}
	if finiteVec(sv) >= 0 {
		return fmt.Errorf("%w: σ₁ of the %d×%d matrix exceeds the largest float64", ErrRange, m, n)
	}
	*s = SVD{kind: kind, m: m, n: n, s: sv, u: u, vt: vt}
	return nil
}

func (s *SVD) mustFact() {
	if s.s == nil {
		panic(ErrNotFactorized)
	}
}

// Kind returns the kind of the factorization, or -1 if there is none.
func (s *SVD) Kind() mat.SVDKind {
	if s.s == nil {
		return -1
	}
	return s.kind
}

// Dims returns the dimensions m, n of the factorized matrix.
func (s *SVD) Dims() (m, n int) { return s.m, s.n }

// Values stores the k = min(m, n) singular values, descending, into dst
// (allocated if nil) and returns it. It panics with ErrNotFactorized or
// ErrShape (len(dst) ≠ k).
func (s *SVD) Values(dst []float64) []float64 {
	s.mustFact()
	if dst == nil {
		dst = make([]float64, len(s.s))
	}
	if len(dst) != len(s.s) {
		panic(ErrShape)
	}
	copy(dst, s.s)
	return dst
}

// UTo stores U (m×m if full, m×k if thin) into dst, resized if empty. It
// panics with ErrNotFactorized, ErrNoVectors (U not computed), or ErrShape.
func (s *SVD) UTo(dst *mat.Dense) {
	s.mustFact()
	if s.u == nil {
		panic(ErrNoVectors)
	}
	r, c := s.u.Dims()
	reuseAs(dst, r, c)
	dst.Copy(s.u)
}

// VTo stores V (n×n if full, n×k if thin) into dst, resized if empty. It
// panics with ErrNotFactorized, ErrNoVectors (V not computed), or ErrShape.
func (s *SVD) VTo(dst *mat.Dense) {
	s.mustFact()
	if s.vt == nil {
		panic(ErrNoVectors)
	}
	r, c := s.vt.Dims()
	reuseAs(dst, c, r)
	dst.Copy(s.vt.T())
}

// Canonicalize applies the canonical sign convention of OrderCanonical to
// the singular vectors: it flips each pair (uᵢ, vᵢ) together so that the
// pivot of vᵢ (its first component of largest modulus, see Order) is
// positive, or, if V was not computed, the pivot of uᵢ. UΣVᵀ is unchanged.
// LAPACK's signs depend on the backend; after Canonicalize they do not, so
// a figure and the numbers printed beside it show the same vectors. Pairs
// beyond min(m, n) of a full U or V (the null-space bases) are left as they
// are. It panics with ErrNotFactorized or ErrNoVectors (neither U nor V
// computed).
func (s *SVD) Canonicalize() {
	s.mustFact()
	if s.u == nil && s.vt == nil {
		panic(ErrNoVectors)
	}
	for i := range s.s {
		var sign float64
		if s.vt != nil {
			sign = realPivotSign(s.vt.RawRowView(i))
		} else {
			sign = realPivotSign(mat.Col(nil, i, s.u))
		}
		if sign > 0 {
			continue
		}
		if s.vt != nil {
			row := s.vt.RawRowView(i)
			for j := range row {
				row[j] = -row[j]
			}
		}
		if s.u != nil {
			m, _ := s.u.Dims()
			for r := 0; r < m; r++ {
				s.u.Set(r, i, -s.u.At(r, i))
			}
		}
	}
}

// SigmaTo stores Σ with the singular values on its diagonal into dst. An
// empty dst is sized to match U and V as computed (m×n for SVDFull, k×k for
// SVDThin or when vectors are missing); a non-empty dst may be k×k or m×n,
// which gives the rectangular Σ of the full SVD. It panics with
// ErrNotFactorized or ErrShape.
func (s *SVD) SigmaTo(dst *mat.Dense) {
	s.mustFact()
	k := len(s.s)
	if dst.IsEmpty() {
		r, c := k, k
		if s.u != nil && s.vt != nil {
			_, r = s.u.Dims()
			c, _ = s.vt.Dims()
		}
		dst.ReuseAs(r, c)
	} else if r, c := dst.Dims(); !(r == k && c == k) && !(r == s.m && c == s.n) {
		panic(ErrShape)
	} else {
		dst.Zero()
	}
	for i, v := range s.s {
		dst.Set(i, i, v)
	}
}

// lowRank stores Σᵢ<r σᵢ·uᵢ·vᵢᵀ into dst (resized if empty).
func (s *SVD) lowRank(dst *mat.Dense, r int) {
	if s.u == nil || s.vt == nil {
		panic(ErrNoVectors)
	}
	reuseAs(dst, s.m, s.n)
	if r == 0 {
		dst.Zero()
		return
	}
	// Form the product in units of 2⁻ᵏ ≈ σ₁, so that no intermediate
	// overflows; only an element within rounding of the largest float64
	// can then round to ±Inf.
	k := pow2Exp(s.s[0])
	sc := make([]float64, r)
	for i, v := range s.s[:r] {
		sc[i] = math.Ldexp(v, k)
	}
	us := mat.DenseCopyOf(s.u.Slice(0, s.m, 0, r))
	scaleCols(us, sc)
	dst.Mul(us, s.vt.Slice(0, r, 0, s.n))
	scaleRaw(dst.RawMatrix(), -k)
}

// ReconstructTo stores U·Σ·Vᵀ into dst (resized if empty), formed in units
// of σ₁ so that nothing overflows on the way; an element of A within
// rounding of the largest float64 may still round to ±Inf. It panics with
// ErrNotFactorized, ErrNoVectors (U or V not computed) or ErrShape (dst
// non-empty and not m×n).
func (s *SVD) ReconstructTo(dst *mat.Dense) {
	s.mustFact()
	s.lowRank(dst, len(s.s))
}

// Residual returns ‖A − U·Σ·Vᵀ‖_F. It panics as ReconstructTo and with
// ErrShape if a is not m×n.
func (s *SVD) Residual(a mat.Matrix) float64 {
	s.mustFact()
	if r, c := a.Dims(); r != s.m || c != s.n {
		panic(ErrShape)
	}
	var rec mat.Dense
	s.ReconstructTo(&rec)
	rec.Sub(a, &rec)
	return mat.Norm(&rec, 2)
}

// Rank returns the number of singular values greater than tol. A negative
// tol selects numpy.linalg.matrix_rank's default max(m, n)·ε·σ₁. It panics
// with ErrNotFactorized.
func (s *SVD) Rank(tol float64) int {
	s.mustFact()
	if tol < 0 {
		tol = float64(max(s.m, s.n)) * eps * s.s[0]
	}
	var r int
	for _, v := range s.s {
		if v > tol {
			r++
		}
	}
	return r
}

// eps is the machine epsilon 2⁻⁵².
const eps = 0x1p-52

// Cond returns the 2-norm condition number σ₁/σₖ, +Inf if σₖ = 0. It panics
// with ErrNotFactorized.
func (s *SVD) Cond() float64 {
	s.mustFact()
	k := len(s.s)
	if s.s[k-1] == 0 {
		return math.Inf(1)
	}
	return s.s[0] / s.s[k-1]
}

// LowRankTo stores the best rank-r approximation Aᵣ = Σᵢ≤r σᵢ·uᵢ·vᵢᵀ in
// both Frobenius and 2-norm (Eckart–Young) into dst, resized if empty. It
// returns a wrapped ErrRankOutOfRange unless 0 ≤ r ≤ min(m, n). It panics
// with ErrNotFactorized, ErrNoVectors, or ErrShape (dst non-empty and not m×n).
func (s *SVD) LowRankTo(dst *mat.Dense, r int) error {
	s.mustFact()
	if r < 0 || r > len(s.s) {
		return fmt.Errorf("%w: rank %d not in [0, %d]", ErrRankOutOfRange, r, len(s.s))
	}
	s.lowRank(dst, r)
	return nil
}

// TruncationError returns the error of the best rank-r approximation by
// Eckart–Young: ‖A − Aᵣ‖²_F = Σᵢ>r σᵢ² and the mean squared error
// Σᵢ>r σᵢ²/(m·n). For seed 000's 4×2 matrix and r = 1 the MSE is
// σ₂²/8 = 0.020898. The sum is formed as σᵣ₊₁²·Σ(σᵢ/σᵣ₊₁)², so it is exact
// to rounding whenever it is representable; it returns a wrapped ErrRange
// when Σᵢ>r σᵢ² exceeds the largest float64 (σ beyond about 10¹⁵⁴). It
// returns a wrapped ErrRankOutOfRange unless 0 ≤ r ≤ min(m, n), and panics
// with ErrNotFactorized.
func (s *SVD) TruncationError(r int) (frob2, mse float64, err error) {
	s.mustFact()
	if r < 0 || r > len(s.s) {
		return 0, 0, fmt.Errorf("%w: rank %d not in [0, %d]", ErrRankOutOfRange, r, len(s.s))
	}
	frob2, mse = sumSquares(s.s[r:], float64(s.m)*float64(s.n))
	if math.IsInf(frob2, 0) {
		return 0, 0, fmt.Errorf("%w: Σᵢ>%d σᵢ² overflows (σ%d = %g)", ErrRange, r, r+1, s.s[r])
	}
	return frob2, mse, nil
}

// sumSquares returns Σ vᵢ² and Σ vᵢ²/n for the non-negative, descending v,
// summed in the scale of v₀ so that neither the squares nor the sum
// overflow or underflow before the final rescaling; the sum is +Inf only
// when it is not representable.
func sumSquares(v []float64, n float64) (sum, mean float64) {
	if len(v) == 0 || v[0] == 0 {
		return 0, 0
	}
	c := v[0]
	var t float64
	for i := len(v) - 1; i >= 0; i-- { // smallest first, for accuracy
		x := v[i] / c
		t += x * x
	}
	return c * c * t, (c / math.Sqrt(n)) * (c / math.Sqrt(n)) * t
}
