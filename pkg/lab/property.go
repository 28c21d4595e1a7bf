package lab

import (
	"errors"
	"fmt"
	"math"
	"math/cmplx"
	"sort"
	"strings"

	"github.com/factorlab/factorlab/pkg/decomp"
	"gonum.org/v1/gonum/mat"
)

// Property is a named test of a matrix, used by Satisfies to check answers
// that have many correct forms, such as counterexamples.
type Property struct {
	// Name reads as a claim about the matrix, e.g. "is symmetric".
	Name string
	// Test reports whether the matrix has the property and, either way,
	// the evidence in words, e.g. "eigenvalues 3 and −1".
	Test func(a mat.Matrix) (ok bool, evidence string)
	// Hint is shown when the property does not hold.
	Hint string
}

// Satisfies checks that a has every property, giving one verdict per
// property named "name: property". A nil a is "not implemented yet"; a
// matrix with NaN or Inf entries fails every property. Properties are tested
// in order and the first failure hides none of the others.
func Satisfies(name string, a mat.Matrix, props ...Property) []Verdict {
	out := make([]Verdict, 0, len(props))
	if isNilMatrix(a) {
		v := notImplemented(Verdict{Name: name, Diff: math.NaN(), Tol: math.NaN()})
		v.Hint = tr(msgHintReturnMatrix)
		return append(out, v)
	}
	if !finite(a) {
		return append(out, Verdict{Name: name, Status: Fail, Message: tr(msgNaNEntries),
			Actual: matString(a), Diff: math.NaN(), Tol: math.NaN()})
	}
	for _, p := range props {
		ok, ev := p.Test(a)
		v := Verdict{Name: tr(msgPropertyName, name, p.Name), Message: ev, Actual: matString(a), Diff: math.NaN(), Tol: math.NaN()}
		if ok {
			v.Status = Pass
		} else {
			v.Status = Fail
			v.Hint = p.Hint
		}
		out = append(out, v)
	}
	return out
}

// SymmetryTol is the tolerance of IsSymmetric: |aᵢⱼ − aⱼᵢ| ≤ SymmetryTol·max|aᵢⱼ|.
const SymmetryTol = 1e-12

// EigenTol is the relative size below which an imaginary part, an
// eigenvalue, a cosine or a singular value counts as zero in the properties
// below, relative to the largest |eigenvalue| (or 1 for a cosine).
const EigenTol = 1e-9

// IsSquare is the property "is square".
func IsSquare() Property {
	return Property{
		Name: tr(msgIsSquare),
		Test: func(a mat.Matrix) (bool, string) {
			r, c := a.Dims()
			return r == c, fmt.Sprintf("%d×%d", r, c)
		},
		Hint: tr(msgHintIsSquare),
	}
}

// IsSymmetric is the property "is symmetric" (A = Aᵀ).
func IsSymmetric() Property {
	return Property{
		Name: tr(msgIsSymmetric),
		Test: func(a mat.Matrix) (bool, string) {
			r, c := a.Dims()
			if r != c {
				return false, tr(msgNotSquareShape, r, c)
			}
			var asym *decomp.AsymmetryError
			if err := decomp.CheckSymmetric(a, SymmetryTol); errors.As(err, &asym) {
				return false, tr(msgAsymmetricAt, asym.I, asym.J, num(asym.Aij), asym.J, asym.I, num(asym.Aji))
			} else if err != nil {
				return false, err.Error()
			}
			return true, "A = Aᵀ"
		},
		Hint: tr(msgHintSymmetric),
	}
}

// HasNegativeEigenvalue is the property "has a negative eigenvalue": a real
// eigenvalue below −EigenTol·max|λ|.
func HasNegativeEigenvalue() Property {
	return Property{
		Name: tr(msgHasNegative),
		Test: func(a mat.Matrix) (bool, string) {
			s, ok := spectrumOf(a)
			if !ok {
				return false, tr(msgNotSquare)
			}
			for _, l := range s.values {
				if math.Abs(imag(l)) <= s.tiny && real(l) < -s.tiny {
					return true, tr(msgEigenvalues, s.list())
				}
			}
			return false, tr(msgNoneNegative, s.list())
		},
		Hint: tr(msgHintNegative),
	}
}

// HasNonOrthogonalEigenvectors is the property "has real eigenvectors that
// are not orthogonal": all eigenvalues are real, and two eigenvectors that
// belong to different eigenvalues meet at an angle other than 90°. (Within
// one eigenspace any basis can be chosen, so only different eigenvalues
// count; for a real matrix with real eigenvalues this holds exactly when A
// is diagonalizable but not symmetric, or not diagonalizable with two
// distinct eigenvalues.)
func HasNonOrthogonalEigenvectors() Property {
	return Property{
		Name: tr(msgNonOrthogonal),
		Test: func(a mat.Matrix) (bool, string) {
			s, ok := spectrumOf(a)
			if !ok {
				return false, tr(msgNotSquare)
			}
			if !s.real() {
				return false, tr(msgComplexNotReal, s.list())
			}
			best, bi, bj := -1.0, -1, -1
			n := len(s.values)
			for i := 0; i < n; i++ {
				for j := i + 1; j < n; j++ {
					if math.Abs(real(s.values[i])-real(s.values[j])) <= 1e3*s.tiny {
						continue
					}
					c := math.Abs(cosine(s.vecs, i, j))
					if c > best {
						best, bi, bj = c, i, j
					}
				}
			}
			if bi < 0 {
				return false, tr(msgAllEqual, s.list())
			}
			angle := math.Acos(math.Min(best, 1)) * 180 / math.Pi
			if best <= 1e-6 {
				return false, tr(msgMeetAt90, s.list())
			}
			return true, tr(msgMeetAt, s.list(), num(real(s.values[bi])), num(real(s.values[bj])), angle)
		},
		Hint: tr(msgHintNonOrthogonal),
	}
}

// LacksRealEigenbasis is the property "does not have n linearly independent
// real eigenvectors": some eigenvalue is complex, or the matrix is defective
// (an eigenvalue's eigenspace is smaller than its multiplicity).
func LacksRealEigenbasis() Property {
	return Property{
		Name: tr(msgLacksBasis),
		Test: func(a mat.Matrix) (bool, string) {
			s, ok := spectrumOf(a)
			if !ok {
				return false, tr(msgNotSquare)
			}
			n := len(s.values)
			if !s.real() {
				return true, tr(msgComplexNoEigenvector, s.list())
			}
			// Geometric multiplicity of each cluster of equal eigenvalues.
			vals := make([]float64, n)
			for i, l := range s.values {
				vals[i] = real(l)
			}
			sort.Float64s(vals)
			total := 0
			for i := 0; i < n; {
				j := i
				for j < n && vals[j]-vals[i] <= 1e-6*math.Max(1, s.scale) {
					j++
				}
				lambda := (vals[i] + vals[j-1]) / 2
				total += nullity(a, lambda, s.scale)
				i = j
			}
			if total < n {
				id := msgDefective
				if total == 1 {
					id = msgDefectiveOne
				}
				return true, tr(id, s.list(), total, n)
			}
			return false, tr(msgFullSet, s.list(), n)
		},
		Hint: tr(msgHintLacksBasis),
	}
}

// nullity returns dim null(A − λI), counting singular values below
// 1e-7·max(1, scale) as zero (eigenvalues of a defective matrix are only
// accurate to about √ε).
func nullity(a mat.Matrix, lambda, scale float64) int {
	n, _ := a.Dims()
	m := mat.DenseCopyOf(a)
	for i := 0; i < n; i++ {
		m.Set(i, i, m.At(i, i)-lambda)
	}
	var svd decomp.SVD
	if svd.Factorize(m, mat.SVDNone) != nil {
		return 0
	}
	k := 0
	for _, s := range svd.Values(nil) {
		if s <= 1e-7*math.Max(1, scale) {
			k++
		}
	}
	return k
}

func finite(a mat.Matrix) bool {
	r, c := a.Dims()
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			if x := a.At(i, j); math.IsNaN(x) || math.IsInf(x, 0) {
				return false
			}
		}
	}
	return true
}

// spectrum is a computed eigendecomposition with the scale used to decide
// what counts as zero.
type spectrum struct {
	values []complex128
	vecs   *mat.CDense
	scale  float64 // max |λ|, at least the max-norm of A
	tiny   float64 // EigenTol·max(1, scale)
}

func spectrumOf(a mat.Matrix) (spectrum, bool) {
	r, c := a.Dims()
	if r != c {
		return spectrum{}, false
	}
	var e decomp.Eigen
	if e.Factorize(a, nil) != nil {
		return spectrum{}, false
	}
	s := spectrum{values: e.Values(nil), vecs: &mat.CDense{}}
	e.VectorsTo(s.vecs)
	for _, l := range s.values {
		s.scale = math.Max(s.scale, cmplx.Abs(l))
	}
	s.tiny = EigenTol * math.Max(1, s.scale)
	return s, true
}

func (s spectrum) real() bool {
	for _, l := range s.values {
		if math.Abs(imag(l)) > s.tiny {
			return false
		}
	}
	return true
}

func (s spectrum) list() string {
	vals := append([]complex128(nil), s.values...)
	sort.SliceStable(vals, func(i, j int) bool {
		if real(vals[i]) != real(vals[j]) {
			return real(vals[i]) > real(vals[j])
		}
		return imag(vals[i]) > imag(vals[j])
	})
	parts := make([]string, len(vals))
	for i, l := range vals {
		parts[i] = cnum(l, s.tiny)
	}
	return strings.Join(parts, ", ")
}

func cnum(z complex128, tiny float64) string {
	if math.Abs(imag(z)) <= tiny {
		return num(real(z))
	}
	sign := "+"
	if imag(z) < 0 {
		sign = "−"
	}
	return fmt.Sprintf("%s %s %si", num(real(z)), sign, num(math.Abs(imag(z))))
}

// cosine returns the cosine between real eigenvector columns i and j.
func cosine(v *mat.CDense, i, j int) float64 {
	n, _ := v.Dims()
	var dot, ni, nj float64
	for k := 0; k < n; k++ {
		x, y := real(v.At(k, i)), real(v.At(k, j))
		dot += x * y
		ni += x * x
		nj += y * y
	}
	if ni == 0 || nj == 0 {
		return 0
	}
	return dot / math.Sqrt(ni*nj)
}
