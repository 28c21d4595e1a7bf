package lab

import (
	"fmt"
	"math"

	"github.com/factorlab/factorlab/pkg/decomp"
	"github.com/factorlab/factorlab/pkg/fixtures"
	"gonum.org/v1/gonum/mat"
)

// SingularValuesFunc is the student's function of lab L4, task 1: the
// singular values of A, as square roots of the eigenvalues of AᵀA, in
// descending order (min(m, n) of them).
type SingularValuesFunc func(a *mat.Dense) []float64

// FixUFunc is the student's function of lab L4, task 2: given A (m×n), its
// singular values σ and the right singular vectors V (n×n, columns vᵢ),
// return U (m×n) with columns uᵢ = Avᵢ/σᵢ, so that UΣVᵀ = A.
type FixUFunc func(a *mat.Dense, sigma []float64, v *mat.Dense) *mat.Dense

// SVDMatrix returns a new copy of lab L4's matrix [[1, 2], [3, 4], [5, 6]],
// fixtures.SVDMatrix.
func SVDMatrix() *mat.Dense { return fixtures.SVDMatrix() }

// NaiveSVD is the construction of seed 001 §13.3.1, which lab L4 repairs:
// V from the eigendecomposition AᵀA = VΛ₁Vᵀ, U from AAᵀ = UΛ₂Uᵀ (its first n
// columns), Σ = √Λ₁, all in descending order. It is decomp.NaiveGramSVD
// with decomp.OrderCanonical, the answer notebook 06 prints: each
// eigenvector is only defined up to sign, and the two decompositions choose
// their signs independently — by decomp's canonical convention, the largest
// component positive — so UΣVᵀ need not be A. It panics with ErrShape if a
// is nil or has more columns than rows, and with ErrReference if a is not
// finite.
func NaiveSVD(a mat.Matrix) (u *mat.Dense, sigma []float64, v *mat.Dense) {
	mustData("NaiveSVD: A", a)
	m, n := a.Dims()
	if n > m {
		panic(fmt.Errorf("%w: NaiveSVD of a %d×%d matrix, want at least as many rows as columns", ErrShape, m, n))
	}
	naive, err := decomp.NaiveGramSVD(a, decomp.OrderCanonical)
	if err != nil {
		panic(fmt.Errorf("%w: NaiveSVD: %w", ErrReference, err))
	}
	sigma = make([]float64, n)
	for i := range sigma {
		sigma[i] = naive.Sigma.At(i, i)
	}
	return mat.DenseCopyOf(naive.U.Slice(0, m, 0, n)), sigma, naive.V
}

// Reconstruct returns UΣVᵀ for U (m×k), σ (k values) and V (n×k or n×n; its
// first k columns are used). It panics with ErrShape on nil matrices or
// mismatched shapes.
func Reconstruct(u mat.Matrix, sigma []float64, v mat.Matrix) *mat.Dense {
	mustData("Reconstruct: U", u)
	mustData("Reconstruct: V", v)
	m, k := u.Dims()
	n, vc := v.Dims()
	if len(sigma) != k || vc < k {
		panic(fmt.Errorf("%w: Reconstruct with U %d×%d, %d singular values and V %d×%d", ErrShape, m, k, len(sigma), n, vc))
	}
	us := mat.DenseCopyOf(u)
	for j := 0; j < k; j++ {
		for i := 0; i < m; i++ {
			us.Set(i, j, us.At(i, j)*sigma[j])
		}
	}
	var out mat.Dense
	out.Mul(us, mat.DenseCopyOf(v).Slice(0, n, 0, k).T())
	return &out
}

// referenceSVD returns decomp's thin SVD of a, with canonical signs.
func referenceSVD(a mat.Matrix) (u *mat.Dense, sigma []float64, v *mat.Dense) {
	var s decomp.SVD
	if err := s.Factorize(a, mat.SVDThin); err != nil {
		panic(fmt.Errorf("%w: SVD: %w", ErrReference, err))
	}
	s.Canonicalize()
	u, v = &mat.Dense{}, &mat.Dense{}
	s.UTo(u)
	s.VTo(v)
	return u, s.Values(nil), v
}

func column(m mat.Matrix, j int) []float64 {
	r, _ := m.Dims()
	out := make([]float64, r)
	for i := range out {
		out[i] = m.At(i, j)
	}
	return out
}

// CheckSingularValues checks lab L4, task 1 on L4's matrix and on seed
// 000's matrix, against gonum's SVD.
func CheckSingularValues(f SingularValuesFunc) Report {
	r := Report{Title: tr(msgTitleL41)}
	if f == nil {
		return r.notImplemented("SingularValues")
	}
	for _, a := range []*mat.Dense{SVDMatrix(), SeedMatrix()} {
		var got []float64
		if !call(&r, "SingularValues", func() { got = f(mat.DenseCopyOf(a)) }) {
			return r
		}
		_, want, _ := referenceSVD(a)
		v := Vector(tr(msgNameSigma, matString(a)), got, want, nil)
		switch {
		case v.Status == NotImplemented:
			r.Add(v)
			return r
		case v.Status == Fail && len(got) == len(want) && got[0] < got[len(got)-1]:
			v.Hint = tr(msgHintDescending)
		case v.Status == Fail && len(got) == len(want) && math.Abs(got[0]-want[0]*want[0]) < 1e-6*want[0]*want[0]:
			v.Hint = tr(msgHintSquareRoots)
		case v.Status == Fail:
			v.Hint = tr(msgHintSigma)
		}
		r.Add(v)
	}
	return r
}

// CheckFixU checks lab L4, task 2: with σ and V of NaiveSVD, the student's U
// must have orthonormal columns, give UΣVᵀ = A, and match gonum's left
// singular vectors up to sign. It checks L4's matrix and seed 000's matrix.
func CheckFixU(f FixUFunc) Report {
	r := Report{Title: tr(msgTitleL42)}
	if f == nil {
		return r.notImplemented("FixU")
	}
	for _, a := range []*mat.Dense{SVDMatrix(), SeedMatrix()} {
		_, sigma, v := NaiveSVD(a)
		var u *mat.Dense
		if !call(&r, "FixU", func() { u = f(mat.DenseCopyOf(a), append([]float64(nil), sigma...), mat.DenseCopyOf(v)) }) {
			return r
		}
		m, n := a.Dims()
		name := "A = " + matString(a)
		if isNilMatrix(u) {
			r.Add(notImplemented(Verdict{Name: "FixU", Diff: math.NaN(), Tol: math.NaN()}))
			return r
		}
		if ur, uc := u.Dims(); ur != m || uc != n {
			r.Add(Verdict{Name: tr(msgNameShapeU, name), Status: Fail, Diff: math.NaN(), Tol: math.NaN(),
				Message: tr(msgShapeU, ur, uc, m, n), Hint: tr(msgHintShapeU)})
			continue
		}
		rec := Matrix(name+": UΣVᵀ = A", Reconstruct(u, sigma, v), a, &Tolerance{Abs: 1e-9, Rel: 1e-9})
		if rec.Status == Fail {
			rec.Hint = tr(msgHintReconstruct)
		}
		var utu mat.Dense
		utu.Mul(u.T(), u)
		orth := Matrix(name+": UᵀU = I", &utu, eye(n), &Tolerance{Abs: 1e-9})
		if orth.Status == Fail {
			orth.Hint = tr(msgHintUnitLength)
		}
		r.Add(rec, orth)
		ru, _, _ := referenceSVD(a)
		for j := 0; j < n; j++ {
			r.Add(Direction(fmt.Sprintf("%s: u%d", name, j+1), column(u, j), column(ru, j), &Tolerance{Abs: 1e-9}))
		}
	}
	return r
}

func eye(n int) *mat.Dense {
	d := mat.NewDense(n, n, nil)
	for i := 0; i < n; i++ {
		d.Set(i, i, 1)
	}
	return d
}
