// Copyright ©2026 The FactorLab Authors.

package decomp

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// DefaultSymmetryTol is the default relative tolerance of EigenSym's
// symmetry check: |aᵢⱼ − aⱼᵢ| ≤ tol·max|aᵢⱼ|.
const DefaultSymmetryTol = 1e-12

// SymSettings configures EigenSym.Factorize. A nil *SymSettings means the
// zero value with Tol = DefaultSymmetryTol.
type SymSettings struct {
	// Order selects the order: OrderLAPACK is ascending (as torch.linalg.eigh),
	// OrderDescending and OrderCanonical are descending, and OrderCanonical
	// also makes each eigenvector's pivot component positive (see Order).
	Order Order
	// NoVectors skips the eigenvectors; vector queries then panic.
	NoVectors bool
	// Tol is the relative symmetry tolerance; zero means DefaultSymmetryTol.
	Tol float64
}

// EigenSym is the eigendecomposition A = Q·Λ·Qᵀ of a real symmetric matrix,
// with real eigenvalues and orthonormal Q. The zero value is ready to use;
// call Factorize before any query.
type EigenSym struct {
	n      int
	values []float64
	q      *mat.Dense // nil if vectors were not computed
}

// Factorize computes the eigenvalues and, unless s.NoVectors, the
// eigenvectors of the symmetric matrix a (LAPACK dsyev in the pure-Go build,
// dsyevd with -tags openblas). It returns ErrEmpty, an *ElementError, a
// wrapped ErrNotSquare, a wrapped ErrNotSymmetric naming the most asymmetric
// pair, a wrapped ErrNoConvergence, or a wrapped ErrRange when an eigenvalue
// exceeds the largest float64. a is not modified. It panics with
// ErrSettings for a negative or NaN Tol or an unknown Order.
func (e *EigenSym) Factorize(a mat.Matrix, s *SymSettings) error {
	*e = EigenSym{}
	var set SymSettings
	if s != nil {
		set = *s
	}
	if set.Tol == 0 {
		set.Tol = DefaultSymmetryTol
	}
	if !(set.Tol > 0) || !set.Order.valid() {
		panic(ErrSettings)
	}
	d, err := checkedCopy(a, true)
	if err != nil {
		return err
	}
	if i, j, ok := asymmetry(d, set.Tol); !ok {
		return &AsymmetryError{I: i, J: j, Aij: d.At(i, j), Aji: d.At(j, i)}
	}
	n, _ := d.Dims()
	// Outside [2⁻⁴⁰⁰, 2⁴⁰⁰] solve for 2ᵏ·A, max|2ᵏ·aᵢⱼ| ≈ 1, and scale Λ back:
	// that keeps the solver away from its own rescaling path, whose
	// eigenvalues-only branch panics in gonum v0.17 (Dsterf's Dlascl call).
	var k int
	if big := maxAbs(d.RawMatrix()); big != 0 && (big < 0x1p-400 || big > 0x1p400) {
		k = pow2Exp(big)
		scaleRaw(d.RawMatrix(), k)
	}
	w := make([]float64, n)
	if !syev(d.RawMatrix(), w, !set.NoVectors) {
		return fmt.Errorf("%w: symmetric eigensolver (%d×%d)", ErrNoConvergence, n, n)
	}
	for i := range w {
		w[i] = math.Ldexp(w[i], -k)
	}
	if j := finiteVec(w); j >= 0 {
		return fmt.Errorf("%w: eigenvalue %d of the %d×%d matrix exceeds the largest float64", ErrRange, j, n, n)
	}
	e.n, e.values = n, w
	if !set.NoVectors {
		e.q = d
	}
	if set.Order == OrderLAPACK {
		return nil
	}
	// Reverse to descending.
	for i, j := 0, n-1; i < j; i, j = i+1, j-1 {
		w[i], w[j] = w[j], w[i]
		if e.q != nil {
			swapCols(e.q, i, j)
		}
	}
	if set.Order == OrderCanonical && e.q != nil {
		col := make([]float64, n)
		for j := 0; j < n; j++ {
			mat.Col(col, j, e.q)
			if realPivotSign(col) < 0 {
				for i := 0; i < n; i++ {
					e.q.Set(i, j, -e.q.At(i, j))
				}
			}
		}
	}
	return nil
}

func swapCols(m *mat.Dense, i, j int) {
	r, _ := m.Dims()
	for k := 0; k < r; k++ {
		a, b := m.At(k, i), m.At(k, j)
		m.Set(k, i, b)
		m.Set(k, j, a)
	}
}

// asymmetry returns the pair (i, j), i < j, with the largest |aᵢⱼ − aⱼᵢ| and
// whether that stays within tol·max|aᵢⱼ|.
func asymmetry(d *mat.Dense, tol float64) (bi, bj int, ok bool) {
	raw := d.RawMatrix()
	n, st, x := raw.Rows, raw.Stride, raw.Data
	var worst, big float64
	for i := 0; i < n; i++ {
		row := x[i*st : i*st+n]
		for j := i; j < n; j++ {
			u, l := row[j], x[j*st+i]
			big = math.Max(big, math.Max(math.Abs(u), math.Abs(l)))
			if v := math.Abs(u - l); v > worst {
				worst, bi, bj = v, i, j
			}
		}
	}
	return bi, bj, worst <= tol*big
}

// IsSymmetric reports whether the square matrix a satisfies
// |aᵢⱼ − aⱼᵢ| ≤ tol·max|aᵢⱼ| for all i, j (tol = 0 asks for exact symmetry).
// It returns false for empty, non-square or non-finite input.
func IsSymmetric(a mat.Matrix, tol float64) bool {
	d, err := checkedCopy(a, true)
	if err != nil {
		return false
	}
	_, _, ok := asymmetry(d, tol)
	return ok
}

// CheckSymmetric returns nil if the square matrix a is symmetric within tol,
// as IsSymmetric decides, and otherwise an *AsymmetryError naming its most
// asymmetric pair. For empty, non-square or non-finite input it returns
// ErrEmpty, a wrapped ErrNotSquare or an *ElementError.
func CheckSymmetric(a mat.Matrix, tol float64) error {
	d, err := checkedCopy(a, true)
	if err != nil {
		return err
	}
	if i, j, ok := asymmetry(d, tol); !ok {
		return &AsymmetryError{I: i, J: j, Aij: d.At(i, j), Aji: d.At(j, i)}
	}
	return nil
}

// AsymmetryError is the error of a matrix that is not symmetric: its most
// asymmetric pair aᵢⱼ ≠ aⱼᵢ. It wraps ErrNotSymmetric.
type AsymmetryError struct {
	I, J     int
	Aij, Aji float64
}

func (e *AsymmetryError) Error() string {
	return fmt.Sprintf("%v: a[%d,%d] = %g but a[%d,%d] = %g", ErrNotSymmetric, e.I, e.J, e.Aij, e.J, e.I, e.Aji)
}

func (e *AsymmetryError) Unwrap() error { return ErrNotSymmetric }

func (e *EigenSym) mustFact() {
	if e.n == 0 {
		panic(ErrNotFactorized)
	}
}

func (e *EigenSym) mustVectors() {
	e.mustFact()
	if e.q == nil {
		panic(ErrNoVectors)
	}
}

// N returns the order n of the factorized matrix, or 0 if there is none.
func (e *EigenSym) N() int { return e.n }

// Values stores the eigenvalues into dst (allocated if nil) and returns it.
// It panics with ErrNotFactorized or ErrShape (len(dst) ≠ n).
func (e *EigenSym) Values(dst []float64) []float64 {
	e.mustFact()
	if dst == nil {
		dst = make([]float64, e.n)
	}
	if len(dst) != e.n {
		panic(ErrShape)
	}
	copy(dst, e.values)
	return dst
}

// VectorsTo stores the orthonormal eigenvectors Q as the columns of dst
// (resized if empty), in the order of Values. It panics with
// ErrNotFactorized, ErrNoVectors, or ErrShape (non-empty dst not n×n).
func (e *EigenSym) VectorsTo(dst *mat.Dense) {
	e.mustVectors()
	reuseAs(dst, e.n, e.n)
	dst.Copy(e.q)
}

// ReconstructTo stores Q·Λ·Qᵀ into dst (resized if empty). It panics as
// VectorsTo.
func (e *EigenSym) ReconstructTo(dst *mat.Dense) {
	e.mustVectors()
	reuseAs(dst, e.n, e.n)
	// Form the product in units of 2⁻ᵏ ≈ max|λ| so that nothing overflows on
	// the way; only an element within rounding of the largest float64 can
	// round to ±Inf.
	var big float64
	for _, v := range e.values {
		big = math.Max(big, math.Abs(v))
	}
	k := pow2Exp(big)
	var ql mat.Dense
	ql.Scale(1, e.q)
	for j, v := range e.values {
		col := ql.ColView(j).(*mat.VecDense)
		col.ScaleVec(math.Ldexp(v, k), col)
	}
	dst.Mul(&ql, e.q.T())
	scaleRaw(dst.RawMatrix(), -k)
}

// Residual returns max_j ‖A·qⱼ − λⱼ·qⱼ‖₂. It panics as VectorsTo and with
// ErrShape if a is not n×n.
func (e *EigenSym) Residual(a mat.Matrix) float64 {
	e.mustVectors()
	if r, c := a.Dims(); r != e.n || c != e.n {
		panic(ErrShape)
	}
	var r mat.Dense
	r.Mul(a, e.q)
	var worst float64
	for j, v := range e.values {
		col := r.ColView(j).(*mat.VecDense)
		col.AddScaledVec(col, -v, e.q.ColView(j))
		worst = math.Max(worst, mat.Norm(col, 2))
	}
	return worst
}

// SimilarityTo stores S·Λ·S⁻¹ into dst (resized if empty), where
// Λ = diag(lambda); dst may be s itself. With S the eigenvectors of A this
// rebuilds A, for any diagonalizable A. It returns ErrEmpty, an
// *ElementError, a wrapped ErrNotSquare, a wrapped ErrNonFinite naming a NaN
// or infinite λⱼ, a wrapped ErrRange if the result overflows, or a wrapped
// ErrSingular when S is numerically singular:
// cond₂(S) > DefaultMaxCond, the threshold Eigen.ReconstructTo uses, so for
// the eigenvectors of a defective matrix both report failure. S is scaled
// by a power of two before it is inverted, so its scale does not matter. It
// panics with ErrShape if len(lambda) does not match S or dst is nil, or
// non-empty and of the wrong shape.
func SimilarityTo(dst *mat.Dense, s mat.Matrix, lambda []float64) error {
	sd, err := checkedCopy(s, true)
	if err != nil {
		return err
	}
	n, _ := sd.Dims()
	if len(lambda) != n {
		panic(ErrShape)
	}
	reuseAs(dst, n, n)
	if j := finiteVec(lambda); j >= 0 {
		return fmt.Errorf("%w: λ[%d] is %v", ErrNonFinite, j, lambda[j])
	}
	// S·Λ·S⁻¹ does not change when S is scaled, so scale it to max|sᵢⱼ| ≈ 1.
	scaleRaw(sd.RawMatrix(), pow2Exp(maxAbs(sd.RawMatrix())))
	if c := cond2(sd); singular(c) {
		return fmt.Errorf("%w: cond₂(S) = %.3g exceeds DefaultMaxCond = %.3g (the eigenvectors of a defective matrix)", ErrSingular, c, float64(DefaultMaxCond))
	}
	var sl mat.Dense
	sl.Scale(1, sd)
	scaleCols(&sl, lambda)
	// X = S·Λ·S⁻¹ solves Sᵀ·Xᵀ = (S·Λ)ᵀ.
	var xt mat.Dense
	if err := xt.Solve(sd.T(), sl.T()); err != nil {
		// gonum reports exact singularity and cond > 10¹⁶ as mat.Condition.
		return fmt.Errorf("%w: %v", ErrSingular, err)
	}
	if err := checkFinite(&xt); err != nil {
		return fmt.Errorf("%w: S·Λ·S⁻¹ overflows at %v", ErrRange, err)
	}
	dst.Copy(xt.T())
	return nil
}

// CongruenceTo stores S·Λ·Sᵀ into dst (resized if empty), where
// Λ = diag(lambda); dst may be s itself. It equals S·Λ·S⁻¹ only when S is
// orthogonal (Sᵀ = S⁻¹), as for the eigenvectors of a symmetric matrix; for
// [[4,1],[2,3]] and its unit eigenvectors it gives [[2.9,1.7],[1.7,4.1]],
// not A. It returns ErrEmpty, an *ElementError, a wrapped ErrNonFinite
// naming a NaN or infinite λⱼ, or a wrapped ErrRange if an element of the
// result overflows or the whole result underflows (it is formed in scaled
// units, so only a result beyond float64 fails). It panics with ErrShape if len(lambda) ≠ columns of S or
// dst is nil, or non-empty and of the wrong shape.
func CongruenceTo(dst *mat.Dense, s mat.Matrix, lambda []float64) error {
	sd, err := checkedCopy(s, false)
	if err != nil {
		return err
	}
	r, c := sd.Dims()
	if len(lambda) != c {
		panic(ErrShape)
	}
	reuseAs(dst, r, r)
	if j := finiteVec(lambda); j >= 0 {
		return fmt.Errorf("%w: λ[%d] is %v", ErrNonFinite, j, lambda[j])
	}
	// Work with 2ᵏ·S and 2ʲ·Λ, both of largest element about 1, and scale
	// the result back by 2^(−2k−j), so nothing overflows or underflows on
	// the way.
	k := pow2Exp(maxAbs(sd.RawMatrix()))
	scaleRaw(sd.RawMatrix(), k)
	var bigL float64
	for _, v := range lambda {
		bigL = math.Max(bigL, math.Abs(v))
	}
	j := pow2Exp(bigL)
	ls := make([]float64, len(lambda))
	for i, v := range lambda {
		ls[i] = math.Ldexp(v, j)
	}
	var sl mat.Dense
	sl.Scale(1, sd)
	scaleCols(&sl, ls)
	var out mat.Dense
	out.Mul(&sl, sd.T())
	big := maxAbs(out.RawMatrix())
	scaleRaw(out.RawMatrix(), -2*k-j)
	if err := checkFinite(&out); err != nil {
		return fmt.Errorf("%w: S·Λ·Sᵀ overflows at %v", ErrRange, err)
	}
	if big != 0 && maxAbs(out.RawMatrix()) < 0x1p-1022 {
		return fmt.Errorf("%w: S·Λ·Sᵀ underflows below the smallest normal float64", ErrRange)
	}
	dst.Copy(&out)
	return nil
}

// scaleCols multiplies column j of m by f[j].
func scaleCols(m *mat.Dense, f []float64) {
	for j, v := range f {
		col := m.ColView(j).(*mat.VecDense)
		col.ScaleVec(v, col)
	}
}
