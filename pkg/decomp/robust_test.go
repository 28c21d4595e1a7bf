// Copyright ©2026 The FactorLab Authors.

package decomp_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/factorlab/factorlab/pkg/decomp"
	"gonum.org/v1/gonum/mat"
)

// within fails t if f does not return within d.
func within(t *testing.T, d time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("call did not return within %v", d)
	}
}

// panicsWith reports whether f panics with a value that errors.Is target.
func panicsWith(f func(), target error) (ok bool, got any) {
	defer func() {
		got = recover()
		err, isErr := got.(error)
		ok = isErr && errors.Is(err, target)
	}()
	f()
	return false, nil
}

func relClose(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*math.Abs(want)
}

// The one threshold: SimilarityTo and Eigen.ReconstructTo accept or reject
// the same eigenvector matrices, for every degree of near-defectiveness.
func TestSimilarityAndReconstructAgreeOnDefective(t *testing.T) {
	for _, delta := range []float64{0, 1e-3, 1e-5, 1e-7, 1e-9, 1e-12} {
		a := mat.NewDense(2, 2, []float64{1, 1, 0, 1 + delta})
		var e decomp.Eigen
		if err := e.Factorize(a, nil); err != nil {
			t.Fatal(err)
		}
		var rec mat.Dense
		errRec := e.ReconstructTo(&rec)
		s, lambda, err := decomp.RealEigenpairs(a, decomp.OrderLAPACK)
		if err != nil {
			t.Fatal(err)
		}
		var sim mat.Dense
		errSim := decomp.SimilarityTo(&sim, s, lambda)
		if (errRec == nil) != (errSim == nil) {
			t.Errorf("δ = %g: ReconstructTo error %v but SimilarityTo error %v", delta, errRec, errSim)
			continue
		}
		if errSim != nil {
			if !errors.Is(errSim, decomp.ErrSingular) || !errors.Is(errRec, decomp.ErrDefective) {
				t.Errorf("δ = %g: errors %v / %v", delta, errSim, errRec)
			}
			continue
		}
		if !mat.EqualApprox(&sim, a, 1e-6) || !mat.EqualApprox(&rec, a, 1e-6) {
			t.Errorf("δ = %g: rebuilt %v and %v, want %v", delta, mat.Formatted(&sim), mat.Formatted(&rec), mat.Formatted(a))
		}
	}
}

func TestSimilarityCongruenceNaNEigenvalues(t *testing.T) {
	s := mat.NewDense(2, 2, []float64{1, 0, 0, 1})
	for _, lambda := range [][]float64{{math.NaN(), 1}, {1, math.Inf(-1)}} {
		var dst mat.Dense
		if err := decomp.SimilarityTo(&dst, s, lambda); !errors.Is(err, decomp.ErrNonFinite) {
			t.Errorf("SimilarityTo(λ = %v) = %v, want ErrNonFinite", lambda, err)
		}
		var dst2 mat.Dense
		if err := decomp.CongruenceTo(&dst2, s, lambda); !errors.Is(err, decomp.ErrNonFinite) {
			t.Errorf("CongruenceTo(λ = %v) = %v, want ErrNonFinite", lambda, err)
		}
	}
}

func TestSimilarityScaledIdentity(t *testing.T) {
	for _, sc := range []float64{1e-300, 1e300} {
		s := mat.NewDense(2, 2, []float64{sc, 0, 0, sc})
		var dst mat.Dense
		if err := decomp.SimilarityTo(&dst, s, []float64{1, 2}); err != nil {
			t.Errorf("SimilarityTo(%g·I): %v", sc, err)
			continue
		}
		if want := mat.NewDense(2, 2, []float64{1, 0, 0, 2}); !mat.EqualApprox(&dst, want, 1e-14) {
			t.Errorf("SimilarityTo(%g·I) = %v", sc, mat.Formatted(&dst))
		}
	}
}

// A Gram SVD must not report singular values it has judged to be zero.
func TestGramSVDZeroSingularValues(t *testing.T) {
	a := mat.NewDense(3, 2, []float64{1, 2, 2, 4, 3, 6}) // rank 1
	var s decomp.SVD
	if err := s.FactorizeGram(a); err != nil {
		t.Fatal(err)
	}
	sv := s.Values(nil)
	if sv[1] != 0 {
		t.Errorf("σ₂ = %g for a rank-1 matrix, want 0", sv[1])
	}
	if r := s.Rank(-1); r != 1 {
		t.Errorf("Rank = %d, want 1", r)
	}
	var rec mat.Dense
	s.ReconstructTo(&rec)
	if !mat.EqualApprox(&rec, a, 1e-12) {
		t.Errorf("U·Σ·Vᵀ = %v", mat.Formatted(&rec))
	}
}

func TestGramSVDScale(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 3))
	base := randDense(rnd, 5, 3)
	var ref decomp.SVD
	if err := ref.Factorize(base, mat.SVDThin); err != nil {
		t.Fatal(err)
	}
	want := ref.Values(nil)
	for _, sc := range []float64{1e-300, 1e-160, 1e160, 1e300} {
		var a mat.Dense
		a.Scale(sc, base)
		var s decomp.SVD
		if err := s.FactorizeGram(&a); err != nil {
			t.Errorf("scale %g: %v", sc, err)
			continue
		}
		for i, v := range s.Values(nil) {
			if !relClose(v, sc*want[i], 1e-10) {
				t.Errorf("scale %g: σ%d = %g, want %g", sc, i+1, v, sc*want[i])
			}
		}
		if r := s.Residual(&a); !(r <= 1e-12*sc*want[0]) {
			t.Errorf("scale %g: residual %g", sc, r)
		}
	}
}

func TestPowerIterationNegativeMaxIter(t *testing.T) {
	a := mat.NewDense(2, 2, []float64{0, -1, 1, 0}) // never converges
	rnd := rand.New(rand.NewPCG(1, 1))
	within(t, 10*time.Second, func() {
		for _, s := range []*decomp.PowerSettings{{MaxIter: -1}, {Tol: -1}, {Tol: math.NaN()}} {
			if ok, got := panicsWith(func() { decomp.PowerIteration(a, s, rnd) }, decomp.ErrSettings); !ok {
				t.Errorf("PowerIteration(%+v) panicked with %v, want ErrSettings", *s, got)
			}
		}
	})
}

func TestPowerIterationScale(t *testing.T) {
	want := (5 + math.Sqrt(5)) / 2 // dominant eigenvalue of [[2,1],[1,3]]
	for _, sc := range []float64{1e-300, 1e300} {
		a := mat.NewDense(2, 2, []float64{2 * sc, sc, sc, 3 * sc})
		res, err := decomp.PowerIteration(a, &decomp.PowerSettings{Start: []float64{1, 0}}, nil)
		if err != nil {
			t.Errorf("scale %g: %v", sc, err)
			continue
		}
		if !res.Converged || res.Iterations == 0 || !relClose(res.Value, want*sc, 1e-8) {
			t.Errorf("scale %g: λ = %g after %d steps (converged %v), want %g", sc, res.Value, res.Iterations, res.Converged, want*sc)
		}
	}
}

func TestPowerIterationNaNStart(t *testing.T) {
	a := mat.NewDense(2, 2, []float64{2, 1, 1, 3})
	_, err := decomp.PowerIteration(a, &decomp.PowerSettings{Start: []float64{math.NaN(), 1}}, nil)
	if !errors.Is(err, decomp.ErrNonFinite) || errors.Is(err, decomp.ErrZeroVector) || !strings.Contains(err.Error(), "0") {
		t.Errorf("NaN start: %v, want ErrNonFinite naming the position", err)
	}
}

func TestClosedForm2x2Scale(t *testing.T) {
	for _, sc := range []float64{1e-150, 1e-100, 1e100, 1e150} {
		a := mat.NewDense(2, 2, []float64{4 * sc, sc, 2 * sc, 3 * sc})
		e, err := decomp.ClosedForm2x2(a)
		if err != nil {
			t.Errorf("scale %g: %v", sc, err)
			continue
		}
		if !relClose(real(e.Values[0]), 5*sc, 1e-12) || !relClose(real(e.Values[1]), 2*sc, 1e-12) {
			t.Errorf("scale %g: values %v", sc, e.Values)
		}
	}
	for _, sc := range []float64{1e-300, 1e-170, 1e170, 1e300} {
		a := mat.NewDense(2, 2, []float64{4 * sc, sc, 2 * sc, 3 * sc})
		e, err := decomp.ClosedForm2x2(a)
		if err == nil {
			// Only a correct answer may come back without an error.
			if !relClose(real(e.Values[0]), 5*sc, 1e-12) || !relClose(real(e.Values[1]), 2*sc, 1e-12) ||
				!relClose(e.Det, 10*sc*sc, 1e-12) || !relClose(e.Disc, 9*sc*sc, 1e-12) {
				t.Errorf("scale %g: wrong result without error: %+v", sc, e)
			}
			continue
		}
		if !errors.Is(err, decomp.ErrRange) {
			t.Errorf("scale %g: %v, want ErrRange", sc, err)
		}
	}
}

func TestTruncationErrorNoOverflow(t *testing.T) {
	a := mat.NewDense(3, 3, []float64{2e154, 0, 0, 0, 1.5e154, 0, 0, 0, 1.2e154})
	var s decomp.SVD
	if err := s.Factorize(a, mat.SVDNone); err != nil {
		t.Fatal(err)
	}
	frob2, mse, err := s.TruncationError(2)
	if err != nil || !relClose(frob2, 1.44e308, 1e-12) || !relClose(mse, 1.44e308/9, 1e-12) {
		t.Errorf("TruncationError(2) = %g, %g, %v", frob2, mse, err)
	}
	// Σᵢ>1 σᵢ² = 3.69e308 is not representable: an error, never +Inf.
	frob2, mse, err = s.TruncationError(1)
	if !errors.Is(err, decomp.ErrRange) {
		t.Errorf("TruncationError(1) = %g, %g, %v; want ErrRange", frob2, mse, err)
	}
}

func TestTruncatedSVDHugeOversample(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	a := randDense(rnd, 6, 4)
	var ts decomp.TruncatedSVD
	if err := ts.Factorize(a, 2, &decomp.TruncatedSVDSettings{Oversample: math.MaxInt}, rnd); err != nil {
		t.Fatal(err)
	}
	if ts.Rank() != 2 {
		t.Errorf("rank %d", ts.Rank())
	}
}

// Typed-nil and nil matrices are reported as ErrEmpty by every entry point.
func TestNilMatrices(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 1))
	for _, a := range []mat.Matrix{nil, (*mat.Dense)(nil), (*mat.SymDense)(nil), (*mat.VecDense)(nil)} {
		calls := map[string]func() error{
			"Eigen":     func() error { var e decomp.Eigen; return e.Factorize(a, nil) },
			"EigenSym":  func() error { var e decomp.EigenSym; return e.Factorize(a, nil) },
			"SVD":       func() error { var s decomp.SVD; return s.Factorize(a, mat.SVDThin) },
			"Gram":      func() error { var s decomp.SVD; return s.FactorizeGram(a) },
			"Truncated": func() error { var s decomp.TruncatedSVD; return s.Factorize(a, 1, nil, rnd) },
			"Power":     func() error { _, err := decomp.PowerIteration(a, nil, rnd); return err },
			"Closed":    func() error { _, err := decomp.ClosedForm2x2(a); return err },
			"Diagnose":  func() error { _, err := decomp.Diagnose(a); return err },
			"Naive":     func() error { _, err := decomp.NaiveGramSVD(a, decomp.OrderCanonical); return err },
			"RealPairs": func() error { _, _, err := decomp.RealEigenpairs(a, decomp.OrderCanonical); return err },
			"Similar":   func() error { var d mat.Dense; return decomp.SimilarityTo(&d, a, nil) },
			"Congruent": func() error { var d mat.Dense; return decomp.CongruenceTo(&d, a, nil) },
		}
		for name, f := range calls {
			var err error
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("%s(%T nil) panicked: %v", name, a, r)
					}
				}()
				err = f()
			}()
			if !errors.Is(err, decomp.ErrEmpty) {
				t.Errorf("%s(%T nil) = %v, want ErrEmpty", name, a, err)
			}
		}
		if decomp.IsSymmetric(a, 0) {
			t.Errorf("IsSymmetric(%T nil) = true", a)
		}
	}
}

func TestOutOfRangeSettings(t *testing.T) {
	a := mat.NewDense(2, 2, []float64{2, 1, 1, 3})
	calls := map[string]func(){
		"Eigen MaxCond<0":   func() { var e decomp.Eigen; e.Factorize(a, &decomp.EigenSettings{MaxCond: -1}) },
		"Eigen MaxCond NaN": func() { var e decomp.Eigen; e.Factorize(a, &decomp.EigenSettings{MaxCond: math.NaN()}) },
		"Eigen Order":       func() { var e decomp.Eigen; e.Factorize(a, &decomp.EigenSettings{Order: 7}) },
		"Sym Tol<0":         func() { var e decomp.EigenSym; e.Factorize(a, &decomp.SymSettings{Tol: -1}) },
		"Sym Tol NaN":       func() { var e decomp.EigenSym; e.Factorize(a, &decomp.SymSettings{Tol: math.NaN()}) },
		"Sym Order":         func() { var e decomp.EigenSym; e.Factorize(a, &decomp.SymSettings{Order: -1}) },
		"Naive Order":       func() { decomp.NaiveGramSVD(a, 3) },
		"RealPairs Order":   func() { decomp.RealEigenpairs(a, 3) },
	}
	for name, f := range calls {
		if ok, got := panicsWith(f, decomp.ErrSettings); !ok {
			t.Errorf("%s: panicked with %v, want ErrSettings", name, got)
		}
	}
}

func TestNaiveGramSVDScale(t *testing.T) {
	base := mat.NewDense(3, 2, []float64{1, 2, 3, 4, 5, 6})
	ref, err := decomp.NaiveGramSVD(base, decomp.OrderCanonical)
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range []float64{1e-300, 1e300} {
		var a mat.Dense
		a.Scale(sc, base)
		got, err := decomp.NaiveGramSVD(&a, decomp.OrderCanonical)
		if err != nil {
			t.Errorf("scale %g: %v", sc, err)
			continue
		}
		var c mat.Dense
		c.Scale(1/sc, got.C)
		if !mat.EqualApprox(&c, ref.C, 1e-10) || !mat.EqualApprox(got.U, ref.U, 1e-10) {
			t.Errorf("scale %g: C/scale = %v, want %v", sc, mat.Formatted(&c), mat.Formatted(ref.C))
		}
	}
}
