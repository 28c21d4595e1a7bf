// Copyright ©2026 The FactorLab Authors.

package decomp_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/factorlab/factorlab/internal/fuzzinput"
	"github.com/factorlab/factorlab/pkg/decomp"
	"gonum.org/v1/gonum/mat"
)

// The fuzz targets below cover every exported function of the package that
// takes a user matrix, vector or settings. Each takes the same arguments:
// a matrix (rows, cols, data, scaled by 2^exp; see internal/fuzzinput), an
// integer opt and a float x that select settings. Property: no raw runtime
// panic (only the documented ErrSettings for out-of-range settings), no NaN
// or Inf in a result returned without an error, and every call returns.

// seedMatrices are the corpus: the seeds' matrices, a defective and a
// rotation matrix, zeros, a rank-deficient matrix, NaN and Inf.
var seedMatrices = []fuzzinput.Seed{
	{Rows: 2, Cols: 2, Values: []float64{4, 1, 2, 3}},
	{Rows: 2, Cols: 2, Values: []float64{2, 1, 1, 2}},
	{Rows: 2, Cols: 2, Values: []float64{1, 1, 0, 1}},
	{Rows: 2, Cols: 2, Values: []float64{0, -1, 1, 0}},
	{Rows: 2, Cols: 2, Values: []float64{-1, 2, 2, -1}},
	{Rows: 4, Cols: 2, Values: []float64{5, 3, 3, 2, 2, 1, 1, 1}},
	{Rows: 3, Cols: 2, Values: []float64{1, 2, 3, 4, 5, 6}},
	{Rows: 3, Cols: 2, Values: []float64{1, 2, 2, 4, 3, 6}},
	{Rows: 3, Cols: 3, Values: []float64{2, -1, 0, -1, 2, -1, 0, -1, 2}},
	{Rows: 3, Cols: 3, Values: nil},
	{Rows: 1, Cols: 1, Values: []float64{7}},
	{Rows: 2, Cols: 2, Values: []float64{1, math.NaN(), 0, 1}},
	{Rows: 2, Cols: 3, Values: []float64{1, 2, math.Inf(1), 0, 1, 2}},
	{Rows: 0, Cols: 0, Values: nil},
}

// addSeeds adds every seed matrix at scale 1, about 1e-300 and about 1e300,
// with a few settings.
func addSeeds(f *testing.F) {
	fuzzinput.AddSeeds(f, seedMatrices, fuzzinput.Setting{K: -1, X: math.NaN()}, fuzzinput.Setting{K: 50, X: 1e-3})
}

// misuse are the panics a target allows: out-of-range settings.
var misuse = []error{decomp.ErrSettings}

func FuzzRobustEigen(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, rows, cols uint8, data []byte, exp, opt int16, x float64) {
		a := fuzzinput.Matrix(rows, cols, data, exp)
		set := &decomp.EigenSettings{Order: decomp.Order(opt % 4), NoVectors: opt%5 == 4, MaxCond: x}
		var e decomp.Eigen
		var err, recErr error
		var vals []complex128
		var vecs mat.CDense
		var rec mat.Dense
		var recErrNorm float64
		if !fuzzinput.Call(t, "Eigen.Factorize", misuse, func() {
			if err = e.Factorize(a, set); err != nil {
				return
			}
			vals = e.Values(nil)
			if set.NoVectors {
				return
			}
			e.VectorsTo(&vecs)
			e.Cond()
			e.Diagonalizable()
			e.Residual(a)
			if recErr = e.ReconstructTo(&rec); recErr == nil {
				recErrNorm, recErr = e.ReconstructionError(a)
			}
		}) || err != nil {
			return
		}
		for _, v := range vals {
			fuzzinput.Finite(t, "eigenvalue", real(v), imag(v))
		}
		if set.NoVectors {
			return
		}
		r, c := vecs.Dims()
		for i := 0; i < r; i++ {
			for j := 0; j < c; j++ {
				fuzzinput.Finite(t, "eigenvector", real(vecs.At(i, j)), imag(vecs.At(i, j)))
			}
		}
		if recErr == nil {
			fuzzinput.FiniteMatrix(t, "V·Λ·V⁻¹", &rec)
			fuzzinput.Finite(t, "reconstruction error", recErrNorm)
		} else if !errors.Is(recErr, decomp.ErrDefective) && !errors.Is(recErr, decomp.ErrRange) {
			t.Fatalf("ReconstructTo: unexpected error %v", recErr)
		}
	})
}

func FuzzRobustEigenSym(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, rows, cols uint8, data []byte, exp, opt int16, x float64) {
		a := fuzzinput.Matrix(rows, cols, data, exp)
		// Symmetrize half of the inputs so that the factorization runs.
		if r, c := a.Dims(); opt%2 == 0 && r == c && r > 0 {
			for i := 0; i < r; i++ {
				for j := 0; j < i; j++ {
					a.Set(i, j, a.At(j, i))
				}
			}
		}
		set := &decomp.SymSettings{Order: decomp.Order(opt % 4), NoVectors: opt%5 == 4, Tol: x}
		var e decomp.EigenSym
		var err error
		var vals []float64
		var q, rec mat.Dense
		if !fuzzinput.Call(t, "EigenSym.Factorize", misuse, func() {
			decomp.IsSymmetric(a, x)
			decomp.CheckSymmetric(a, x)
			if err = e.Factorize(a, set); err != nil || set.NoVectors {
				if err == nil {
					vals = e.Values(nil)
				}
				return
			}
			vals = e.Values(nil)
			e.VectorsTo(&q)
			e.ReconstructTo(&rec)
			e.Residual(a)
		}) || err != nil {
			return
		}
		fuzzinput.Finite(t, "eigenvalue", vals...)
		if !set.NoVectors {
			fuzzinput.FiniteMatrix(t, "Q", &q)
			if !nearOverflow(a) {
				fuzzinput.FiniteMatrix(t, "Q·Λ·Qᵀ", &rec)
			}
		}
	})
}

func FuzzRobustSVD(f *testing.F) {
	addSeeds(f)
	kinds := []mat.SVDKind{mat.SVDNone, mat.SVDThin, mat.SVDFull, mat.SVDThinU, mat.SVDFullV}
	f.Fuzz(func(t *testing.T, rows, cols uint8, data []byte, exp, opt int16, x float64) {
		a := fuzzinput.Matrix(rows, cols, data, exp)
		kind := kinds[int(uint16(opt))%len(kinds)]
		var s decomp.SVD
		var err, truncErr, lowErr error
		var sv []float64
		var frob2, mse float64
		var u, v, low mat.Dense
		if !fuzzinput.Call(t, "SVD.Factorize", misuse, func() {
			if err = s.Factorize(a, kind); err != nil {
				return
			}
			sv = s.Values(nil)
			r := int(uint16(opt)) % (len(sv) + 1)
			frob2, mse, truncErr = s.TruncationError(r)
			s.Rank(x)
			s.Cond()
			if kind == mat.SVDThin || kind == mat.SVDFull {
				s.Canonicalize()
				s.UTo(&u)
				s.VTo(&v)
				lowErr = s.LowRankTo(&low, r)
			}
		}) || err != nil {
			return
		}
		fuzzinput.Finite(t, "σ", sv...)
		if truncErr == nil {
			fuzzinput.Finite(t, "TruncationError", frob2, mse)
		} else if !errors.Is(truncErr, decomp.ErrRange) {
			t.Fatalf("TruncationError: %v", truncErr)
		}
		if kind == mat.SVDThin || kind == mat.SVDFull {
			fuzzinput.FiniteMatrix(t, "U", &u)
			fuzzinput.FiniteMatrix(t, "V", &v)
			if lowErr == nil && !nearOverflow(a) {
				fuzzinput.FiniteMatrix(t, "Aᵣ", &low)
			}
		}
	})
}

func FuzzRobustFactorizeGram(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, rows, cols uint8, data []byte, exp, opt int16, x float64) {
		a := fuzzinput.Matrix(rows, cols, data, exp)
		var s decomp.SVD
		var err error
		var sv []float64
		var rec mat.Dense
		if !fuzzinput.Call(t, "SVD.FactorizeGram", misuse, func() {
			if err = s.FactorizeGram(a); err != nil {
				return
			}
			sv = s.Values(nil)
			s.ReconstructTo(&rec)
			s.Rank(-1)
		}) || err != nil {
			return
		}
		fuzzinput.Finite(t, "σ", sv...)
		if nearOverflow(a) {
			return // U·Σ·Vᵀ may round an element of A to ±Inf (documented)
		}
		fuzzinput.FiniteMatrix(t, "U·Σ·Vᵀ", &rec)
	})
}

// nearOverflow reports whether an element of a is within a factor 4 of the
// largest float64, where a rebuilt element may round to ±Inf.
func nearOverflow(a mat.Matrix) bool {
	r, c := a.Dims()
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			if math.Abs(a.At(i, j)) > math.MaxFloat64/4 {
				return true
			}
		}
	}
	return false
}

func FuzzRobustNaiveGramSVD(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, rows, cols uint8, data []byte, exp, opt int16, x float64) {
		a := fuzzinput.Matrix(rows, cols, data, exp)
		var res decomp.NaiveSVD
		var err error
		if !fuzzinput.Call(t, "NaiveGramSVD", misuse, func() {
			res, err = decomp.NaiveGramSVD(a, decomp.Order(opt%4))
		}) || err != nil {
			return
		}
		for name, m := range map[string]*mat.Dense{"U": res.U, "V": res.V, "Σ": res.Sigma, "C": res.C} {
			fuzzinput.FiniteMatrix(t, name, m)
		}
	})
}

func FuzzRobustTruncatedSVD(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, rows, cols uint8, data []byte, exp, opt int16, x float64) {
		a := fuzzinput.Matrix(rows, cols, data, exp)
		r := int(opt % 4)
		// Oversample is any int; PowerIters is bounded (it is the work done).
		set := &decomp.TruncatedSVDSettings{Oversample: int(opt) * int(math.Float64bits(x)>>40), PowerIters: int(opt % 6)}
		var ts decomp.TruncatedSVD
		var err error
		var sv []float64
		var rec mat.Dense
		if !fuzzinput.Call(t, "TruncatedSVD.Factorize", misuse, func() {
			if err = ts.Factorize(a, r, set, rand.New(rand.NewPCG(1, 1))); err != nil {
				return
			}
			sv = ts.Values(nil)
			ts.ReconstructTo(&rec)
		}) || err != nil {
			return
		}
		fuzzinput.Finite(t, "σ", sv...)
		if nearOverflow(a) {
			return
		}
		fuzzinput.FiniteMatrix(t, "U·Σ·Vᵀ", &rec)
	})
}

func FuzzRobustPowerIteration(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, rows, cols uint8, data []byte, exp, opt int16, x float64) {
		a := fuzzinput.Matrix(rows, cols, data, exp)
		// MaxIter is bounded above (it is the work done) but may be negative.
		set := &decomp.PowerSettings{MaxIter: int(opt % 300), Tol: x, NoReference: opt%3 == 0}
		if r, c := a.Dims(); opt%2 != 0 && r == c && r > 0 {
			set.Start = fuzzinput.Values(data[len(data)/2:], r, exp)
		}
		var res decomp.PowerResult
		var err error
		if !fuzzinput.Call(t, "PowerIteration", misuse, func() {
			res, err = decomp.PowerIteration(a, set, rand.New(rand.NewPCG(2, 2)))
		}) || err != nil {
			return
		}
		fuzzinput.Finite(t, "λ", res.Value)
		fuzzinput.Finite(t, "x", res.Vector...)
	})
}

func FuzzRobustClosedForm2x2(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, rows, cols uint8, data []byte, exp, opt int16, x float64) {
		a := fuzzinput.Matrix(rows, cols, data, exp)
		var e decomp.Eigen2x2
		var err error
		if !fuzzinput.Call(t, "ClosedForm2x2", misuse, func() {
			e, err = decomp.ClosedForm2x2(a)
			if err == nil {
				e.UnitDirection(0)
				e.Polynomial()
			}
		}) || err != nil {
			return
		}
		fuzzinput.Finite(t, "Eigen2x2", e.Trace, e.Det, e.Disc, real(e.Values[0]), imag(e.Values[0]),
			real(e.Values[1]), imag(e.Values[1]), e.Directions[0][0], e.Directions[0][1], e.Directions[1][0], e.Directions[1][1])
	})
}

func FuzzRobustDiagnose(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, rows, cols uint8, data []byte, exp, opt int16, x float64) {
		a := fuzzinput.Matrix(rows, cols, data, exp)
		var d decomp.Diagnosis
		var err error
		if !fuzzinput.Call(t, "Diagnose", misuse, func() {
			d, err = decomp.Diagnose(a)
			_ = d.String()
		}) || err != nil {
			return
		}
		// Cond is +Inf, as documented, for an exactly singular V.
		if math.IsNaN(d.Cond) {
			t.Fatalf("Diagnose: cond₂(V) is NaN")
		}
		fuzzinput.Finite(t, "MinAngle", d.MinAngle)
	})
}

func FuzzRobustRealEigenpairs(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, rows, cols uint8, data []byte, exp, opt int16, x float64) {
		a := fuzzinput.Matrix(rows, cols, data, exp)
		var s *mat.Dense
		var lambda []float64
		var err error
		if !fuzzinput.Call(t, "RealEigenpairs", misuse, func() {
			s, lambda, err = decomp.RealEigenpairs(a, decomp.Order(opt%4))
		}) || err != nil {
			return
		}
		fuzzinput.FiniteMatrix(t, "S", s)
		fuzzinput.Finite(t, "λ", lambda...)
	})
}

// FuzzSimilarity takes S from the matrix and Λ from the same bytes.
func FuzzRobustSimilarity(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, rows, cols uint8, data []byte, exp, opt int16, x float64) {
		s := fuzzinput.Matrix(rows, cols, data, exp)
		_, c := s.Dims()
		lambda := fuzzinput.Values(append([]byte{byte(opt), byte(opt >> 8)}, data...), c, int16(math.Float64bits(x)))
		var sim, con mat.Dense
		var errSim, errCon error
		if !fuzzinput.Call(t, "SimilarityTo", misuse, func() {
			errSim = decomp.SimilarityTo(&sim, s, lambda)
		}) {
			return
		}
		if !fuzzinput.Call(t, "CongruenceTo", misuse, func() {
			errCon = decomp.CongruenceTo(&con, s, lambda)
		}) {
			return
		}
		if errSim == nil {
			fuzzinput.FiniteMatrix(t, "S·Λ·S⁻¹", &sim)
		}
		if errCon == nil {
			fuzzinput.FiniteMatrix(t, "S·Λ·Sᵀ", &con)
		}
	})
}
