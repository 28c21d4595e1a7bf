// Copyright ©2026 The FactorLab Authors.

package decomp

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// FactorizeGram computes the thin SVD of the m×n matrix a from the
// eigendecomposition of its Gram matrix AᵀA = V·Λ·Vᵀ, as seed 001 §13.3.1
// derives it, but done right:
//
//	σᵢ = √max(λᵢ, 0) in descending order,  uᵢ = A·vᵢ/σᵢ,
//
// and where σᵢ is numerically zero (σ₁/σᵢ > DefaultMaxCond, the package's one
// threshold for "numerically singular"; beyond it the squared condition
// number of AᵀA leaves σᵢ without a correct digit) σᵢ is reported as exactly
// 0 and uᵢ is instead taken to complete an orthonormal basis (Gram–Schmidt on the standard basis
// vector with the largest remaining component). Each uᵢ is re-orthogonalized
// against the uⱼ of larger σ, which the rounding in small σᵢ would otherwise
// spoil. The signs of U follow those of V, so U·Σ·Vᵀ = A. Forming AᵀA squares the condition number: singular values
// below about √ε·σ₁ lose all relative accuracy, which is why LAPACK never does
// this; use Factorize for real work. A is scaled by a power of two before
// AᵀA is formed, so AᵀA neither overflows nor underflows at any scale. The
// result has kind mat.SVDThin. Errors are as for Factorize.
func (s *SVD) FactorizeGram(a mat.Matrix) error {
	*s = SVD{}
	d, err := checkedCopy(a, false)
	if err != nil {
		return err
	}
	m, n := d.Dims()
	k := min(m, n)
	// Solve for 2ᵏ·A with max|2ᵏ·aᵢⱼ| ≈ 1 and scale σ back by 2⁻ᵏ.
	sk := pow2Exp(maxAbs(d.RawMatrix()))
	scaleRaw(d.RawMatrix(), sk)
	var g mat.Dense
	g.Mul(d.T(), d)
	var es EigenSym
	if err := es.Factorize(&g, &SymSettings{Order: OrderDescending, Tol: 1}); err != nil {
		return err
	}
	lam := es.Values(nil)
	var v mat.Dense
	es.VectorsTo(&v)
	sv := make([]float64, k)
	u := mat.NewDense(m, k, nil)
	// σᵢ ≤ σ₁/DefaultMaxCond ⇔ λᵢ ≤ λ₁/DefaultMaxCond².
	tol := lam[0] / (DefaultMaxCond * DefaultMaxCond)
	filled := make([]bool, k)
	var zero []int
	w := make([]float64, m)
	wv := mat.NewVecDense(m, w)
	for i := 0; i < k; i++ {
		sv[i] = math.Sqrt(math.Max(lam[i], 0))
		if lam[i] <= tol || sv[i] == 0 {
			sv[i] = 0
			zero = append(zero, i)
			continue
		}
		wv.MulVec(d, v.ColView(i))
		wv.ScaleVec(1/sv[i], wv)
		// uᵢ loses orthogonality as σᵢ/σ₁ → √ε; re-orthogonalize against the
		// more accurate uⱼ of larger σ (twice is enough).
		orthogonalize(w, u, filled)
		orthogonalize(w, u, filled)
		nrm := floats.Norm(w, 2)
		if nrm < 0.5 { // Av/σ had no reliable new direction
			sv[i] = 0
			zero = append(zero, i)
			continue
		}
		floats.Scale(1/nrm, w)
		u.SetCol(i, w)
		filled[i] = true
	}
	completeBasis(u, zero)
	for i := range sv {
		sv[i] = math.Ldexp(sv[i], -sk)
	}
	if math.IsInf(sv[0], 0) {
		return fmt.Errorf("%w: σ₁ of the %d×%d matrix exceeds the largest float64", ErrRange, m, n)
	}
	vt := mat.NewDense(k, n, nil)
	vt.Copy(v.Slice(0, n, 0, k).T())
	*s = SVD{kind: mat.SVDThin, m: m, n: n, s: sv, u: u, vt: vt}
	return nil
}

// completeBasis fills the listed columns of u with unit vectors orthogonal to
// all other columns, assuming those are orthonormal.
func completeBasis(u *mat.Dense, cols []int) {
	if len(cols) == 0 {
		return
	}
	m, k := u.Dims()
	filled := make([]bool, k)
	for j := range filled {
		filled[j] = true
	}
	for _, j := range cols {
		filled[j] = false
	}
	w := make([]float64, m)
	for _, j := range cols {
		best, bestNorm := 0, -1.0
		for c := 0; c < m; c++ {
			for i := range w {
				w[i] = 0
			}
			w[c] = 1
			orthogonalize(w, u, filled)
			if nr := floats.Norm(w, 2); nr > bestNorm {
				best, bestNorm = c, nr
			}
		}
		for i := range w {
			w[i] = 0
		}
		w[best] = 1
		orthogonalize(w, u, filled)
		orthogonalize(w, u, filled)
		floats.Scale(1/floats.Norm(w, 2), w)
		u.SetCol(j, w)
		filled[j] = true
	}
}

// orthogonalize removes from w its components along the filled columns of u.
func orthogonalize(w []float64, u *mat.Dense, filled []bool) {
	m, _ := u.Dims()
	wv := mat.NewVecDense(m, w)
	for j, ok := range filled {
		if !ok {
			continue
		}
		col := u.ColView(j)
		wv.AddScaledVec(wv, -mat.Dot(wv, col), col)
	}
}

// NaiveSVD is the result of NaiveGramSVD: the factors of seed 001 §13.3.1,
// taken from two separate symmetric eigendecompositions.
type NaiveSVD struct {
	U     *mat.Dense // m×m eigenvectors of A·Aᵀ, eigenvalues descending
	V     *mat.Dense // n×n eigenvectors of Aᵀ·A, eigenvalues descending
	Sigma *mat.Dense // m×n with √max(λᵢ(AᵀA), 0) on the diagonal
	C     *mat.Dense // U·Σ·Vᵀ, which need not equal A
}

// NaiveGramSVD reproduces seed 001 §13.3.1 literally: it eigen-decomposes
// AᵀA = V·Λ₁·Vᵀ and AAᵀ = U·Λ₂·Uᵀ independently, sets Σ = √Λ₁, and forms
// C = U·Σ·Vᵀ. Every column of U and V is right up to sign, but the two sign
// choices are made independently, so C is in general not A: each pair
// (uᵢ, vᵢ) has a 50 % chance of being flipped relative to the other.
//
// order chooses the sign convention, which decides the outcome. With
// OrderCanonical (the largest component of every eigenvector positive, see
// Order) the result is deterministic and backend-independent: for
// [[1,2],[3,4],[5,6]] the second pair comes out flipped and
// C ≈ [[1.713,1.437],[3.194,3.847],[4.676,6.256]] ≠ ±A, and for
// [[1,2],[3,4],[−5,−6]] both pairs are flipped and C = −A exactly (both
// checked with numpy). With OrderDescending (or OrderLAPACK) the signs are
// whatever the backend's symmetric eigensolver returns: for
// [[1,2],[3,4],[5,6]] both backends of this package (gonum's dsyev, and
// OpenBLAS's dsyevd through row-major LAPACKE) happen to give C = A, while
// numpy.linalg.eigh (dsyevd on the lower triangle) gives C = −A. Whatever the signs, CᵀC = AᵀA, which is all the
// seed's argument shows. Errors are as for SVD.Factorize; it panics with
// ErrSettings for an unknown order.
func NaiveGramSVD(a mat.Matrix, order Order) (NaiveSVD, error) {
	if !order.valid() {
		panic(ErrSettings)
	}
	d, err := checkedCopy(a, false)
	if err != nil {
		return NaiveSVD{}, err
	}
	if order == OrderLAPACK {
		order = OrderDescending
	}
	m, n := d.Dims()
	// Work on f·A so that AᵀA and AAᵀ neither overflow nor underflow; Σ
	// and C scale back by 2⁻ᵏ.
	k := pow2Exp(maxAbs(d.RawMatrix()))
	scaleRaw(d.RawMatrix(), k)
	var ata, aat mat.Dense
	ata.Mul(d.T(), d)
	aat.Mul(d, d.T())
	set := &SymSettings{Order: order, Tol: 1}
	var ev, eu EigenSym
	if err := ev.Factorize(&ata, set); err != nil {
		return NaiveSVD{}, fmt.Errorf("eigen of AᵀA: %w", err)
	}
	if err := eu.Factorize(&aat, set); err != nil {
		return NaiveSVD{}, fmt.Errorf("eigen of AAᵀ: %w", err)
	}
	var r NaiveSVD
	r.U, r.V = new(mat.Dense), new(mat.Dense)
	eu.VectorsTo(r.U)
	ev.VectorsTo(r.V)
	r.Sigma = mat.NewDense(m, n, nil)
	for i, l := range ev.Values(nil)[:min(m, n)] {
		r.Sigma.Set(i, i, math.Sqrt(math.Max(l, 0)))
	}
	var us mat.Dense
	us.Mul(r.U, r.Sigma)
	r.C = new(mat.Dense)
	r.C.Mul(&us, r.V.T())
	scaleRaw(r.Sigma.RawMatrix(), -k)
	scaleRaw(r.C.RawMatrix(), -k)
	if err := checkFinite(r.C); err != nil {
		return NaiveSVD{}, fmt.Errorf("%w: C = U·Σ·Vᵀ overflows at %v", ErrRange, err)
	}
	if err := checkFinite(r.Sigma); err != nil {
		return NaiveSVD{}, fmt.Errorf("%w: Σ overflows at %v", ErrRange, err)
	}
	return r, nil
}
