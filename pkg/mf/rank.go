package mf

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/decomp"
)

// OptimalLoss returns the smallest loss any rank-k product WH reaches on a,
// by the Eckart–Young–Mirsky theorem:
//
//	min_{rank X ≤ k} ‖A − X‖²_F = Σ_{i>k} σᵢ²
//
// divided by mn when r is Mean, as decomp.SVD.TruncationError computes it.
// It is what Dense.Factorize with rank k and
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
		return 0, fmt.Errorf("%w: rank k = %d, want k ≥ 1", ErrRankOutOfRange, k)
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
		return nil, fmt.Errorf("%w: A is nil", ErrEmpty)
	}
	m, n := a.Dims()
	if m == 0 || n == 0 {
		return nil, fmt.Errorf("%w: A is empty (%d×%d)", ErrEmpty, m, n)
	}
	if err := checkFinite("A", a); err != nil {
		return nil, err
	}
	// Decompose 2ᵏ·A with max|2ᵏ·aᵢⱼ| ≈ 1, so that no sum of squares
	// overflows or underflows, and scale the losses back by 2⁻²ᵏ last.
	ad := mat.DenseCopyOf(a)
	var big float64
	for _, v := range ad.RawMatrix().Data {
		big = math.Max(big, math.Abs(v))
	}
	e := 0
	if big != 0 {
		_, e = math.Frexp(big)
	}
	raw := ad.RawMatrix()
	for i := range raw.Data {
		raw.Data[i] = math.Ldexp(raw.Data[i], -e)
	}
	var svd decomp.SVD
	if err := svd.Factorize(ad, mat.SVDNone); err != nil {
		return nil, fmt.Errorf("mf: optimal loss: %w", err)
	}
	k := min(m, n)
	losses := make([]float64, k+1)
	for i := range losses {
		frob2, mse, err := svd.TruncationError(i)
		if err != nil {
			return nil, fmt.Errorf("mf: optimal loss: %w", err)
		}
		l := frob2
		if r == Mean {
			l = mse
		}
		losses[i] = math.Ldexp(l, 2*e)
		if i == 0 && l != 0 && losses[0] < 0x1p-1022 {
			return nil, fmt.Errorf("%w: the loss of A is out of range: ‖A‖²_F falls below the smallest normal float64 (max|aᵢⱼ| = %g); rescale A", ErrRange, big)
		}
		if math.IsInf(losses[i], 0) {
			return nil, fmt.Errorf("%w: the rank-%d loss of A is out of range: it exceeds the largest float64 (max|aᵢⱼ| = %g); rescale A", ErrRange, i, big)
		}
	}
	return losses, nil
}
