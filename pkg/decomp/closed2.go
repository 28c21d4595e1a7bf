// Copyright ©2026 The FactorLab Authors.

package decomp

import (
	"fmt"
	"math"
	"math/cmplx"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"
)

// Eigen2x2 is the closed-form eigen-analysis of a real 2×2 matrix
// A = [[a, b], [c, d]] by its characteristic polynomial
//
//	p(λ) = det(A − λI) = λ² − tr(A)·λ + det(A).
type Eigen2x2 struct {
	Trace float64 // tr(A) = a + d
	Det   float64 // det(A) = ad − bc
	// Disc is the discriminant tr(A)² − 4·det(A), evaluated as
	// (a − d)² + 4bc to avoid cancellation. The roots are real iff Disc ≥ 0.
	Disc float64
	// Values are the roots (tr ± √Disc)/2, the larger (or, for complex
	// roots, the one with positive imaginary part) first.
	Values [2]complex128
	// Real reports Disc ≥ 0.
	Real bool
	// Directions holds, for real roots, the eigenvector direction of each
	// root as seed 001 writes it: a solution of (A − λI)·v = 0 scaled so its
	// smallest non-zero |component| is 1 and its largest-magnitude component
	// (the first on a tie) is positive, e.g. (1, 1) for λ = 3 and (1, −1) for
	// λ = 1 of [[2,1],[1,2]]. When A − λI = 0 (A = λI) every vector is an
	// eigenvector and the directions are (1, 0) and (0, 1). For a repeated
	// root of a defective matrix both directions are the same vector.
	// For complex roots Directions is zero.
	Directions [2][2]float64
}

// ClosedForm2x2 computes the characteristic polynomial of the 2×2 matrix a,
// its roots and, for real roots, the eigenvector directions. It returns
// ErrEmpty, an *ElementError, a wrapped ErrNotSquare, or a wrapped ErrSize
// if a is not 2×2. The computation runs on A scaled by a power of two to
// max|aᵢⱼ| ≈ 1, so the roots are accurate at every scale; when det(A) or the
// discriminant, which scale like A², overflow or fall below the smallest
// normal float64 (max|aᵢⱼ| beyond about 10^±154), it returns a wrapped
// ErrRange instead of a wrong coefficient.
func ClosedForm2x2(a mat.Matrix) (Eigen2x2, error) {
	d, err := checkedCopy(a, true)
	if err != nil {
		return Eigen2x2{}, err
	}
	if n, _ := d.Dims(); n != 2 {
		return Eigen2x2{}, fmt.Errorf("%w: closed form needs a 2×2 matrix, have %d×%d", ErrSize, n, n)
	}
	k := pow2Exp(maxAbs(d.RawMatrix()))
	scaleRaw(d.RawMatrix(), k)
	e := closedForm2x2(d.At(0, 0), d.At(0, 1), d.At(1, 0), d.At(1, 1))
	// Scale back: tr and λ by 2⁻ᵏ, det and disc by 2⁻²ᵏ.
	e.Trace = math.Ldexp(e.Trace, -k)
	for i, v := range e.Values {
		e.Values[i] = complex(math.Ldexp(real(v), -k), math.Ldexp(imag(v), -k))
	}
	if t, v0, v1 := e.Trace, e.Values[0], e.Values[1]; math.IsInf(t, 0) || cmplx.IsInf(v0) || cmplx.IsInf(v1) {
		return Eigen2x2{}, fmt.Errorf("%w: tr(A) or an eigenvalue exceeds the largest float64", ErrRange)
	}
	for _, c := range []struct {
		name   string
		scaled *float64
	}{{"det(A)", &e.Det}, {"the discriminant", &e.Disc}} {
		v := math.Ldexp(*c.scaled, -2*k)
		if *c.scaled != 0 && (math.IsInf(v, 0) || math.Abs(v) < 0x1p-1022) {
			return Eigen2x2{}, fmt.Errorf("%w: %s ≈ %.3g·2^%d is not representable; rescale A (max|aᵢⱼ| = %g)",
				ErrRange, c.name, *c.scaled, -2*k, math.Ldexp(maxAbs(d.RawMatrix()), -k))
		}
		*c.scaled = v
	}
	return e, nil
}

// closedForm2x2 does the work of ClosedForm2x2 on [[p, q], [r, s]], whose
// elements are at most about 1 in magnitude.
func closedForm2x2(p, q, r, s float64) Eigen2x2 {
	e := Eigen2x2{
		Trace: p + s,
		Det:   p*s - q*r,
		Disc:  (p-s)*(p-s) + 4*q*r,
	}
	half := e.Trace / 2
	if e.Disc >= 0 {
		e.Real = true
		h := math.Sqrt(e.Disc) / 2
		e.Values = [2]complex128{complex(half+h, 0), complex(half-h, 0)}
		scale := math.Max(math.Max(math.Abs(p), math.Abs(q)), math.Max(math.Abs(r), math.Abs(s)))
		for k, v := range e.Values {
			e.Directions[k] = direction2(p, q, r, s, real(v), scale, k)
		}
	} else {
		h := math.Sqrt(-e.Disc) / 2
		e.Values = [2]complex128{complex(half, h), complex(half, -h)}
	}
	return e
}

// direction2 returns the seed-001 style null vector of [[p−λ, q], [r, s−λ]].
// k selects (1,0) or (0,1) when that matrix vanishes.
func direction2(p, q, r, s, lambda, scale float64, k int) [2]float64 {
	r1 := [2]float64{p - lambda, q}
	r2 := [2]float64{r, s - lambda}
	n1, n2 := math.Hypot(r1[0], r1[1]), math.Hypot(r2[0], r2[1])
	row := r1
	if n2 > n1 {
		row, n1 = r2, n2
	}
	tiny := 1e-13 * math.Max(scale, math.Abs(lambda))
	if n1 <= tiny {
		if k == 0 {
			return [2]float64{1, 0}
		}
		return [2]float64{0, 1}
	}
	v := [2]float64{row[1], -row[0]} // orthogonal to the dominant row
	big := math.Max(math.Abs(v[0]), math.Abs(v[1]))
	for i := range v {
		if math.Abs(v[i]) <= 1e-12*big {
			v[i] = 0
		}
	}
	small := big
	for _, x := range v {
		if x != 0 {
			small = math.Min(small, math.Abs(x))
		}
	}
	piv := 0
	if math.Abs(v[1]) > (1+pivotTol)*math.Abs(v[0]) {
		piv = 1
	}
	if v[piv] < 0 {
		small = -small
	}
	return [2]float64{v[0] / small, v[1] / small}
}

// UnitDirection returns Directions[i] scaled to unit 2-norm. It panics with
// ErrIndex unless i is 0 or 1.
func (e Eigen2x2) UnitDirection(i int) [2]float64 {
	if i != 0 && i != 1 {
		panic(ErrIndex)
	}
	v := e.Directions[i]
	h := math.Hypot(v[0], v[1])
	if h == 0 {
		return v
	}
	return [2]float64{v[0] / h, v[1] / h}
}

// Coefficients returns the coefficients of p(λ) from the highest power:
// {1, −tr(A), det(A)}.
func (e Eigen2x2) Coefficients() [3]float64 {
	return [3]float64{1, -e.Trace, e.Det}
}

// Polynomial renders p(λ) with up to six significant digits and Unicode
// minus signs, e.g. "λ² − 7λ + 10" for [[4,1],[2,3]]; zero terms are left
// out.
func (e Eigen2x2) Polynomial() string {
	var b strings.Builder
	b.WriteString("λ²")
	term := func(c float64, sym string) {
		if c == 0 {
			return
		}
		if c < 0 {
			b.WriteString(" − ")
		} else {
			b.WriteString(" + ")
		}
		m := strconv.FormatFloat(math.Abs(c), 'g', 6, 64)
		if m == "1" && sym != "" {
			m = ""
		}
		b.WriteString(m + sym)
	}
	term(-e.Trace+0, "λ")
	term(e.Det+0, "")
	return b.String()
}
