// Copyright ©2026 The FactorLab Authors.

package decomp

import (
	"fmt"
	"math"
	"math/cmplx"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/mat"
)

// DefaultMaxCond is the package's one threshold for "numerically singular"
// (see the package documentation): the largest 2-norm condition number of a
// matrix that is treated as invertible, and so the largest cond₂(V) of the
// eigenvector matrix for which a matrix is treated as diagonalizable. A
// Jordan block perturbed by rounding (δ ≈ ε‖A‖) has cond₂(V) ≈ 1/√δ ≈ 7·10⁷,
// so the threshold sits well below that; any accepted V reconstructs A to
// about cond₂(V)·ε ≈ 2·10⁻¹⁰ relative accuracy.
const DefaultMaxCond = 1e6

// EigenSettings configures Eigen.Factorize. A nil *EigenSettings means the
// zero value with MaxCond = DefaultMaxCond.
type EigenSettings struct {
	// Order selects ordering and sign of the eigenpairs (default OrderLAPACK).
	Order Order
	// NoVectors skips the eigenvectors; vector queries then panic.
	NoVectors bool
	// MaxCond is the largest cond₂(V) accepted as diagonalizable;
	// zero means DefaultMaxCond.
	MaxCond float64
}

// Eigen is the eigendecomposition A·vⱼ = λⱼ·vⱼ of a real square matrix, with
// complex eigenvalues and unit 2-norm right eigenvectors. The zero value is
// ready to use; call Factorize before any query.
type Eigen struct {
	n       int
	values  []complex128 // LAPACK order
	vr      *mat.Dense   // LAPACK packed real eigenvectors; nil if not computed
	perm    []int        // presented index → LAPACK index
	phase   []complex128 // unit-modulus factor per LAPACK index
	maxCond float64
}

// Factorize computes the eigenvalues and, unless s.NoVectors, the right
// eigenvectors of the square matrix a with LAPACK's dgeev. It returns
// ErrEmpty, an *ElementError for NaN/Inf (with its position), a wrapped
// ErrNotSquare, a wrapped ErrNoConvergence, or a wrapped ErrRange when an
// eigenvalue exceeds the largest float64; on error the receiver holds no
// factorization. a is not modified. It panics with ErrSettings for a
// negative or NaN MaxCond or an unknown Order.
func (e *Eigen) Factorize(a mat.Matrix, s *EigenSettings) error {
	*e = Eigen{}
	var set EigenSettings
	if s != nil {
		set = *s
	}
	if set.MaxCond == 0 {
		set.MaxCond = DefaultMaxCond
	}
	if !(set.MaxCond > 0) || !set.Order.valid() {
		panic(ErrSettings)
	}
	d, err := checkedCopy(a, true)
	if err != nil {
		return err
	}
	n, _ := d.Dims()
	wr := make([]float64, n)
	wi := make([]float64, n)
	var vr *mat.Dense
	var raw blas64.General
	if !set.NoVectors {
		vr = mat.NewDense(n, n, nil)
		raw = vr.RawMatrix()
	}
	if !geev(d.RawMatrix(), wr, wi, raw) {
		return fmt.Errorf("%w: dgeev (%d×%d)", ErrNoConvergence, n, n)
	}
	if j := max(finiteVec(wr), finiteVec(wi)); j >= 0 {
		return fmt.Errorf("%w: eigenvalue %d of the %d×%d matrix exceeds the largest float64", ErrRange, j, n, n)
	}
	values := make([]complex128, n)
	for i := range values {
		values[i] = complex(wr[i], wi[i])
	}
	e.n, e.values, e.vr, e.maxCond = n, values, vr, set.MaxCond
	e.phase = make([]complex128, n)
	for i := range e.phase {
		e.phase[i] = 1
	}
	if set.Order == OrderLAPACK {
		e.perm = make([]int, n)
		for i := range e.perm {
			e.perm[i] = i
		}
	} else {
		e.perm = descendingPerm(values)
	}
	if set.Order == OrderCanonical && vr != nil {
		for l := 0; l < n; l++ {
			if imag(values[l]) < 0 {
				continue // second of a pair: set with the first
			}
			k := pivotIndex(n, func(i int) complex128 { return e.lapackAt(i, l) })
			v := e.lapackAt(k, l)
			if imag(values[l]) == 0 {
				if real(v) < 0 {
					e.phase[l] = -1
				}
				continue
			}
			ph := cmplx.Conj(v) / complex(cmplx.Abs(v), 0)
			e.phase[l] = ph
			if imag(values[l]) > 0 {
				e.phase[l+1] = cmplx.Conj(ph)
			}
		}
	}
	return nil
}

// lapackAt returns component i of the eigenvector in LAPACK column l,
// unscaled by phase.
func (e *Eigen) lapackAt(i, l int) complex128 {
	switch im := imag(e.values[l]); {
	case im > 0:
		return complex(e.vr.At(i, l), e.vr.At(i, l+1))
	case im < 0:
		return complex(e.vr.At(i, l-1), -e.vr.At(i, l))
	default:
		return complex(e.vr.At(i, l), 0)
	}
}

// at returns component i of presented eigenvector j.
func (e *Eigen) at(i, j int) complex128 {
	l := e.perm[j]
	return e.phase[l] * e.lapackAt(i, l)
}

func (e *Eigen) mustFact() {
	if e.n == 0 {
		panic(ErrNotFactorized)
	}
}

func (e *Eigen) mustVectors() {
	e.mustFact()
	if e.vr == nil {
		panic(ErrNoVectors)
	}
}

// N returns the order n of the factorized matrix, or 0 if there is none.
func (e *Eigen) N() int { return e.n }

// Values stores the eigenvalues into dst (allocated if nil) and returns it.
// It panics with ErrNotFactorized before a successful Factorize and with
// ErrShape if dst is non-nil and len(dst) ≠ n.
func (e *Eigen) Values(dst []complex128) []complex128 {
	e.mustFact()
	if dst == nil {
		dst = make([]complex128, e.n)
	}
	if len(dst) != e.n {
		panic(ErrShape)
	}
	for j, l := range e.perm {
		dst[j] = e.values[l]
	}
	return dst
}

// VectorsTo stores the right eigenvectors as the columns of dst, in the order
// of Values, each of unit Euclidean norm. An empty dst is resized to n×n.
// It panics with ErrNotFactorized, ErrNoVectors, or ErrShape if dst is
// non-empty and not n×n.
func (e *Eigen) VectorsTo(dst *mat.CDense) {
	e.mustVectors()
	if dst.IsEmpty() {
		dst.ReuseAs(e.n, e.n)
	} else if r, c := dst.Dims(); r != e.n || c != e.n {
		panic(ErrShape)
	}
	for j := 0; j < e.n; j++ {
		for i := 0; i < e.n; i++ {
			dst.Set(i, j, e.at(i, j))
		}
	}
}

// IsReal reports whether every eigenvalue is real (dgeev returns an exactly
// zero imaginary part for real eigenvalues of a real matrix). It panics with
// ErrNotFactorized before a successful Factorize.
func (e *Eigen) IsReal() bool { return e.NumReal() == e.n }

// NumReal returns the number of real eigenvalues. Each one has a real
// eigenvector, so a matrix with NumReal() == 0, such as the rotation
// [[0,−1],[1,0]], leaves no real direction unrotated. It panics with
// ErrNotFactorized before a successful Factorize.
func (e *Eigen) NumReal() int {
	e.mustFact()
	var k int
	for _, v := range e.values {
		if imag(v) == 0 {
			k++
		}
	}
	return k
}

// RealValues stores the eigenvalues into dst (allocated if nil) if they are
// all real, and returns ErrComplexSpectrum otherwise. It panics as Values.
func (e *Eigen) RealValues(dst []float64) ([]float64, error) {
	e.mustFact()
	if !e.IsReal() {
		return nil, fmt.Errorf("%w: %d of %d eigenvalues are not real", ErrComplexSpectrum, e.n-e.NumReal(), e.n)
	}
	if dst == nil {
		dst = make([]float64, e.n)
	}
	if len(dst) != e.n {
		panic(ErrShape)
	}
	for j, l := range e.perm {
		dst[j] = real(e.values[l])
	}
	return dst, nil
}

// RealVectorsTo stores the eigenvectors as real columns of dst (resized if
// empty) if every eigenvalue is real, and returns ErrComplexSpectrum
// otherwise. It panics as VectorsTo.
func (e *Eigen) RealVectorsTo(dst *mat.Dense) error {
	e.mustVectors()
	if !e.IsReal() {
		return fmt.Errorf("%w: %d of %d eigenvectors are not real", ErrComplexSpectrum, e.n-e.NumReal(), e.n)
	}
	reuseAs(dst, e.n, e.n)
	for j := 0; j < e.n; j++ {
		for i := 0; i < e.n; i++ {
			dst.Set(i, j, real(e.at(i, j)))
		}
	}
	return nil
}

// Angle returns the angle in degrees, in [0°, 90°], between the lines spanned
// by eigenvectors i and j: arccos(|⟨vᵢ, vⱼ⟩| / (‖vᵢ‖‖vⱼ‖)) with the Hermitian
// inner product. It is 90° for the orthogonal eigenvectors of a symmetric
// matrix and 71.57° for [[4,1],[2,3]]. It panics with ErrNotFactorized,
// ErrNoVectors, or ErrIndex.
func (e *Eigen) Angle(i, j int) float64 {
	e.mustVectors()
	if i < 0 || j < 0 || i >= e.n || j >= e.n {
		panic(ErrIndex)
	}
	var dot complex128
	var ni, nj float64
	for k := 0; k < e.n; k++ {
		a, b := e.at(k, i), e.at(k, j)
		dot += cmplx.Conj(a) * b
		ni += real(a)*real(a) + imag(a)*imag(a)
		nj += real(b)*real(b) + imag(b)*imag(b)
	}
	c := math.Min(cmplx.Abs(dot)/math.Sqrt(ni*nj), 1)
	return math.Acos(c) * 180 / math.Pi
}

// Cond returns the 2-norm condition number σ_max(V)/σ_min(V) of the matrix
// V of unit eigenvectors: 1 when they are orthonormal, +Inf when V is
// exactly singular (a defective matrix such as [[1,1],[0,1]]). It costs an
// SVD of an n×n matrix. It returns NaN if that SVD fails to converge.
// It panics with ErrNotFactorized or ErrNoVectors.
func (e *Eigen) Cond() float64 {
	e.mustVectors()
	// V = Vr·S·W with W unitary and S = √2 on the columns of conjugate
	// pairs, so σ(V) = σ(Vr·S) and the phases and order do not matter.
	m := mat.DenseCopyOf(e.vr)
	for l := 0; l < e.n; l++ {
		if imag(e.values[l]) != 0 {
			col := mat.Col(nil, l, m)
			floats.Scale(math.Sqrt2, col)
			m.SetCol(l, col)
		}
	}
	sv := make([]float64, e.n)
	if !gesvd(lapack.SVDNone, lapack.SVDNone, m.RawMatrix(), blas64.General{}, blas64.General{}, sv) {
		return math.NaN()
	}
	if sv[e.n-1] == 0 {
		return math.Inf(1)
	}
	return sv[0] / sv[e.n-1]
}

// Diagonalizable reports whether Cond() ≤ MaxCond (see DefaultMaxCond),
// that is whether the eigenvectors form a numerically usable basis. It
// panics as Cond.
func (e *Eigen) Diagonalizable() bool {
	c := e.Cond()
	return c <= e.maxCond
}

// ReconstructTo stores V·Λ·V⁻¹ into dst (resized if empty). It is computed
// in real arithmetic from LAPACK's packed eigenvectors, so dst is real even
// for a complex spectrum. It returns a wrapped ErrDefective, naming cond₂(V),
// instead of a meaningless result when the matrix is not diagonalizable
// (see Diagonalizable), and a wrapped ErrRange if an element overflows. It panics with ErrNotFactorized, ErrNoVectors, or
// ErrShape if dst is non-empty and not n×n.
func (e *Eigen) ReconstructTo(dst *mat.Dense) error {
	e.mustVectors()
	if r, c := dst.Dims(); !dst.IsEmpty() && (r != e.n || c != e.n) {
		panic(ErrShape)
	}
	if c := e.Cond(); !(c <= e.maxCond) { // singular(c) for the default MaxCond
		return fmt.Errorf("%w: cond₂(V) = %.3g exceeds %.3g", ErrDefective, c, e.maxCond)
	}
	// A·Vr = Vr·D with D real block diagonal: [[a, b], [−b, a]] for a ± ib.
	b := e.vrTimesD()
	var xt mat.Dense
	if err := xt.Solve(e.vr.T(), b.T()); err != nil {
		return fmt.Errorf("%w: %v", ErrDefective, err)
	}
	if err := checkFinite(&xt); err != nil {
		return fmt.Errorf("%w: V·Λ·V⁻¹ overflows at %v", ErrRange, err)
	}
	reuseAs(dst, e.n, e.n)
	dst.Copy(xt.T())
	return nil
}

// vrTimesD returns Vr·D, where D is the real block-diagonal form of Λ.
func (e *Eigen) vrTimesD() *mat.Dense {
	n := e.n
	b := mat.NewDense(n, n, nil)
	for l := 0; l < n; l++ {
		re, im := real(e.values[l]), imag(e.values[l])
		for i := 0; i < n; i++ {
			switch {
			case im > 0: // columns l (x) and l+1 (y): A x = a x − b y
				b.Set(i, l, re*e.vr.At(i, l)-im*e.vr.At(i, l+1))
			case im < 0: // A y = b x + a y, with b = −im here
				b.Set(i, l, -im*e.vr.At(i, l-1)+re*e.vr.At(i, l))
			default:
				b.Set(i, l, re*e.vr.At(i, l))
			}
		}
	}
	return b
}

// Residual returns max_j ‖A·vⱼ − λⱼ·vⱼ‖₂ over the unit eigenvectors, an
// absolute measure of accuracy that stays meaningful for defective
// matrices. It panics with ErrNotFactorized, ErrNoVectors, or ErrShape if a
// is not n×n.
func (e *Eigen) Residual(a mat.Matrix) float64 {
	e.mustVectors()
	if r, c := a.Dims(); r != e.n || c != e.n {
		panic(ErrShape)
	}
	var r mat.Dense
	r.Mul(a, e.vr)
	r.Sub(&r, e.vrTimesD())
	var worst float64
	for l := 0; l < e.n; l++ {
		s := mat.Norm(r.ColView(l), 2)
		if imag(e.values[l]) != 0 {
			// ‖A v − λ v‖ = √(‖R_x‖² + ‖R_y‖²) for v = x ± iy.
			s = math.Hypot(s, mat.Norm(r.ColView(l+sign1(e.values[l])), 2))
		}
		worst = math.Max(worst, s)
	}
	return worst
}

// sign1 returns +1 for the first (positive imaginary part) member of a
// conjugate pair and −1 for the second, the offset to its partner column.
func sign1(v complex128) int {
	if imag(v) > 0 {
		return 1
	}
	return -1
}

// ReconstructionError returns ‖A − V·Λ·V⁻¹‖_F, or the error of ReconstructTo.
// It panics as ReconstructTo and with ErrShape if a is not n×n.
func (e *Eigen) ReconstructionError(a mat.Matrix) (float64, error) {
	e.mustVectors()
	if r, c := a.Dims(); r != e.n || c != e.n {
		panic(ErrShape)
	}
	var rec mat.Dense
	if err := e.ReconstructTo(&rec); err != nil {
		return math.NaN(), err
	}
	rec.Sub(a, &rec)
	return mat.Norm(&rec, 2), nil
}

// reuseAs sizes an empty dst to r×c, or panics with ErrShape if dst is
// non-empty and not r×c.
func reuseAs(dst *mat.Dense, r, c int) {
	if dst == nil {
		panic(ErrShape)
	}
	if dst.IsEmpty() {
		dst.ReuseAs(r, c)
		return
	}
	if rr, cc := dst.Dims(); rr != r || cc != c {
		panic(ErrShape)
	}
}
