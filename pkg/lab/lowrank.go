package lab

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/mf"
)

// OptimalMSEFunc is the student's function of lab L5, task 1: the smallest
// mean squared error mean((A − WH)²) of any rank-k factorization of an m×n
// matrix with singular values σ (Eckart–Young): Σ_{i>k} σᵢ² / (mn).
type OptimalMSEFunc func(sigma []float64, k, m, n int) float64

// RankOneFunc is the student's function of lab L5, task 2: factors W (m×1)
// and H (1×n) of the best rank-1 approximation A ≈ WH.
type RankOneFunc func(a *mat.Dense) (w, h *mat.Dense)

// optimalMSE is the reference for OptimalMSEFunc, from pkg/mf.
func optimalMSE(a mat.Matrix, k int) float64 {
	l, err := mf.OptimalLoss(a, k, mf.Mean)
	if err != nil {
		panic(fmt.Errorf("%w: Eckart–Young optimum: %w", ErrReference, err))
	}
	return l
}

// MSE returns mean((A − WH)²). It panics with ErrShape if a matrix is nil
// or the shapes do not match.
func MSE(a, w, h mat.Matrix) float64 {
	mustData("MSE: A", a)
	mustData("MSE: W", w)
	mustData("MSE: H", h)
	var e mat.Dense
	e.Mul(w, h)
	e.Sub(&e, a)
	m, n := a.Dims()
	f := mat.Norm(&e, 2)
	return f * f / float64(m*n)
}

// CheckOptimalMSE checks lab L5, task 1 on seed 000's matrix (k = 1, 2) and
// L4's matrix (k = 1), against mf.OptimalLoss.
func CheckOptimalMSE(f OptimalMSEFunc) Report {
	r := Report{Title: tr(msgTitleL51)}
	if f == nil {
		return r.notImplemented("OptimalMSE")
	}
	cases := []struct {
		a *mat.Dense
		k int
	}{{SeedMatrix(), 1}, {SeedMatrix(), 2}, {SVDMatrix(), 1}}
	for _, c := range cases {
		_, sigma, _ := referenceSVD(c.a)
		m, n := c.a.Dims()
		var got float64
		if !call(&r, "OptimalMSE", func() { got = f(append([]float64(nil), sigma...), c.k, m, n) }) {
			return r
		}
		want := optimalMSE(c.a, c.k)
		v := Scalar(tr(msgNameOptimalMSE, c.k, matString(c.a)), got, want, &Tolerance{Abs: 1e-12, Rel: 1e-9})
		if !v.Passed() {
			v.Hint = tr(msgHintOptimalMSE)
			if want != 0 && math.Abs(got/want-float64(m*n)) < 1e-6*float64(m*n) {
				v.Hint = tr(msgHintFrobenius)
			}
		}
		r.Add(v)
	}
	return r
}

// CheckRankOne checks lab L5, task 2 on seed 000's matrix: the factors must
// be 4×1 and 1×2 and reach the Eckart–Young optimum (mf.OptimalLoss).
func CheckRankOne(f RankOneFunc) Report {
	r := Report{Title: tr(msgTitleL52)}
	if f == nil {
		return r.notImplemented("RankOne")
	}
	a := SeedMatrix()
	var w, h *mat.Dense
	if !call(&r, "RankOne", func() { w, h = f(mat.DenseCopyOf(a)) }) {
		return r
	}
	if isNilMatrix(w) || isNilMatrix(h) {
		r.Add(notImplemented(Verdict{Name: "RankOne", Diff: math.NaN(), Tol: math.NaN()}))
		return r
	}
	wr, wc := w.Dims()
	hr, hc := h.Dims()
	if wr != 4 || wc != 1 || hr != 1 || hc != 2 {
		r.Add(Verdict{Name: tr(msgNameShapesWH), Status: Fail, Diff: math.NaN(), Tol: math.NaN(),
			Message: tr(msgShapesWH, wr, wc, hr, hc),
			Hint:    tr(msgHintShapesWH)})
		return r
	}
	got := MSE(a, w, h)
	v := Scalar(tr(msgNameRankOneMSE), got, optimalMSE(a, 1), &Tolerance{Abs: 1e-9, Rel: 1e-7})
	if v.Passed() {
		v.Message = tr(msgRankOnePass, got)
	} else {
		v.Message = tr(msgRankOneFail, got, optimalMSE(a, 1))
		v.Hint = tr(msgHintRankOne)
	}
	r.Add(v)
	return r
}
