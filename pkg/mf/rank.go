package mf

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// OptimalLoss returns the smallest loss any rank-k product WH reaches on a,
// by the Eckart–Young–Mirsky theorem:
//
//	min_{rank X ≤ k} ‖A − X‖²_F = Σ_{i>k} σᵢ²
//
// divided by mn when r is Mean. It is what Dense.Factorize with rank k and
// no mask or penalty can at best reach. For seed 000's
// A = [[5,3],[3,2],[2,1],[1,1]] and k = 1 the mean loss is 0.020898.
//
// OptimalLoss returns an error wrapping ErrData if k ≤ 0, a is nil or empty
// or has NaN or infinite elements, or a loss exceeds the largest float64 or
// ‖A‖²_F (divided by mn for Mean) falls below the smallest normal float64
// (the sums are formed in the scale of the largest σ, so they are exact
// whenever they are representable), and an error if the SVD does not
// converge. It
// panics with ErrSettings if r is not Mean or Sum.
func OptimalLoss(a mat.Matrix, k int, r Reduction) (float64, error) {
	if k <= 0 {
		return 0, fmt.Errorf("%w: rank k = %d, want k ≥ 1", ErrData, k)
	}
	losses, err := OptimalLosses(a, r)
	if err != nil {
		return 0, err
	}
	if k >= len(losses) {
		return 0, nil
	}
	return losses[k], nil
}

// OptimalLosses returns the optimal rank-k loss of a for every
// k = 0, 1, …, min(m, n) (the last is zero): element k is Σ_{i>k} σᵢ²,
// divided by mn when r is Mean. It fails and panics like OptimalLoss.
func OptimalLosses(a mat.Matrix, r Reduction) ([]float64, error) {
	if r != Mean && r != Sum {
		panic(ErrSettings)
	}
	if isNil(a) {
		return nil, fmt.Errorf("%w: A is nil", ErrData)
	}
	m, n := a.Dims()
	if m == 0 || n == 0 {
		return nil, fmt.Errorf("%w: A is empty (%d×%d)", ErrData, m, n)
	}
	if err := checkFinite("A", a); err != nil {
		return nil, err
	}
	// Decompose 2ᵏ·A with max|2ᵏ·aᵢⱼ| ≈ 1, so that the SVD neither
	// overflows nor underflows, and scale the losses back by 2⁻²ᵏ last.
	ad := mat.DenseCopyOf(a)
	var big float64
	for _, v := range ad.RawMatrix().Data {
		big = math.Max(big, math.Abs(v))
	}
	k := 0
	if big != 0 {
		_, e := math.Frexp(big)
		k = -e
	}
	raw := ad.RawMatrix()
	for i := range raw.Data {
		raw.Data[i] = math.Ldexp(raw.Data[i], k)
	}
	var svd mat.SVD
	if !svd.Factorize(ad, mat.SVDNone) {
		return nil, fmt.Errorf("mf: SVD of the %d×%d matrix did not converge", m, n)
	}
	sv := svd.Values(nil)
	losses := make([]float64, len(sv)+1)
	if sv[0] == 0 {
		return losses, nil
	}
	// Sum the tail from the smallest singular value up, for accuracy, in
	// units of σ₁², then multiply by c² with c = σ₁/√(mn) for Mean (σ₁ for
	// Sum), so that no square overflows or underflows before the last step.
	c := sv[0]
	if r == Mean {
		c = sv[0] / math.Sqrt(float64(m)) / math.Sqrt(float64(n))
	}
	for i := len(sv) - 1; i >= 0; i-- {
		x := sv[i] / sv[0]
		losses[i] = losses[i+1] + x*x
	}
	for i := range losses {
		losses[i] = math.Ldexp(losses[i]*c*c, -2*k)
		if i == 0 && losses[0] < 0x1p-1022 {
			return nil, fmt.Errorf("%w: the loss of A is out of range: ‖A‖²_F falls below the smallest normal float64 (σ₁ = %g); rescale A", ErrData, math.Ldexp(sv[0], -k))
		}
		if math.IsInf(losses[i], 0) {
			return nil, fmt.Errorf("%w: the rank-%d loss of A is out of range: it exceeds the largest float64 (σ₁ = %g); rescale A", ErrData, i, math.Ldexp(sv[0], -k))
		}
	}
	return losses, nil
}
