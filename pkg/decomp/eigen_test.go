// Copyright ©2026 The FactorLab Authors.

package decomp_test

import (
	"errors"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/decomp"
)

// Seed 000's toy example; values and vectors from its PyTorch output
// (torch.linalg.eig), cond₂(V) = 1.387425886722793 and the angle checked with
// numpy 1.24.
func TestEigenSeed000(t *testing.T) {
	a := mat.NewDense(2, 2, []float64{4, 1, 2, 3})
	torchV := mat.NewDense(2, 2, []float64{0.7071, -0.4472, 0.7071, 0.8944})
	for _, o := range []decomp.Order{decomp.OrderLAPACK, decomp.OrderDescending, decomp.OrderCanonical} {
		var e decomp.Eigen
		if err := e.Factorize(a, &decomp.EigenSettings{Order: o}); err != nil {
			t.Fatal(err)
		}
		vals, err := e.RealValues(nil)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(vals[0]-5) > 1e-14 || math.Abs(vals[1]-2) > 1e-14 {
			t.Errorf("order %d: values %v, want [5 2]", o, vals)
		}
		var v mat.Dense
		if err := e.RealVectorsTo(&v); err != nil {
			t.Fatal(err)
		}
		sameColumnsSignFree(t, "vectors", &v, torchV, 2, 1e-8)
		if o == decomp.OrderCanonical && !mat.EqualApprox(&v, torchV, 1e-4) {
			t.Errorf("canonical vectors %v, want PyTorch's signs %v", mat.Formatted(&v), mat.Formatted(torchV))
		}
		if got := e.Angle(0, 1); math.Abs(got-71.56505117707799) > 1e-10 {
			t.Errorf("angle %v, want 71.565°", got)
		}
		if got := e.Cond(); math.Abs(got-1.387425886722793) > 1e-12 {
			t.Errorf("cond %v", got)
		}
		if !e.Diagonalizable() || !e.IsReal() {
			t.Error("should be diagonalizable with a real spectrum")
		}
		res, err := e.ReconstructionError(a)
		if err != nil || res > 1e-14 {
			t.Errorf("reconstruction error %v, %v", res, err)
		}
		if r := e.Residual(a); r > 1e-14 {
			t.Errorf("residual %v", r)
		}
	}
}

// [[1,1],[0,1]] is a Jordan block: a double eigenvalue 1 with one eigenvector.
func TestEigenDefective(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 1))
	// Q·J·Qᵀ with a random orthogonal Q: rounding splits the double
	// eigenvalue by about √ε, leaving nearly parallel eigenvectors.
	var q mat.Dense
	var qr mat.QR
	qr.Factorize(randDense(rnd, 4, 4))
	qr.QTo(&q)
	j := mat.NewDense(4, 4, []float64{2, 1, 0, 0, 0, 2, 0, 0, 0, 0, -1, 0, 0, 0, 0, 3})
	var qj, hidden mat.Dense
	qj.Mul(&q, j)
	hidden.Mul(&qj, q.T())
	for name, a := range map[string]*mat.Dense{
		"jordan": mat.NewDense(2, 2, []float64{1, 1, 0, 1}),
		"hidden": &hidden,
	} {
		var e decomp.Eigen
		if err := e.Factorize(a, nil); err != nil {
			t.Fatal(err)
		}
		if e.Diagonalizable() {
			t.Errorf("%s: reported diagonalizable, cond %g", name, e.Cond())
		}
		var rec mat.Dense
		if err := e.ReconstructTo(&rec); !errors.Is(err, decomp.ErrDefective) {
			t.Errorf("%s: ReconstructTo error %v, want ErrDefective", name, err)
		}
		if _, err := e.ReconstructionError(a); !errors.Is(err, decomp.ErrDefective) {
			t.Errorf("%s: ReconstructionError error %v", name, err)
		}
		// The eigenpairs themselves are still accurate.
		if r := e.Residual(a); r > 1e-7 {
			t.Errorf("%s: residual %g", name, r)
		}
		d, err := decomp.Diagnose(a)
		if err != nil || d.Diagonalizable {
			t.Errorf("%s: diagnosis %+v, %v", name, d, err)
		}
	}
}

// The rotation by 90° moves every real vector: eigenvalues ±i, no real
// eigenvector (by hand: λ² + 1 = 0).
func TestEigenRotation(t *testing.T) {
	a := mat.NewDense(2, 2, []float64{0, -1, 1, 0})
	var e decomp.Eigen
	if err := e.Factorize(a, &decomp.EigenSettings{Order: decomp.OrderCanonical}); err != nil {
		t.Fatal(err)
	}
	vals := e.Values(nil)
	if cmplx.Abs(vals[0]-1i) > 1e-15 || cmplx.Abs(vals[1]+1i) > 1e-15 {
		t.Errorf("values %v, want [i −i]", vals)
	}
	if e.NumReal() != 0 || e.IsReal() {
		t.Error("rotation has no real eigenvalue")
	}
	if _, err := e.RealValues(nil); !errors.Is(err, decomp.ErrComplexSpectrum) {
		t.Errorf("RealValues error %v", err)
	}
	var rv mat.Dense
	if err := e.RealVectorsTo(&rv); !errors.Is(err, decomp.ErrComplexSpectrum) {
		t.Errorf("RealVectorsTo error %v", err)
	}
	var v mat.CDense
	e.VectorsTo(&v)
	// (1, −i)/√2 for +i; canonical makes the first component real positive.
	want := []complex128{complex(math.Sqrt2/2, 0), complex(0, -math.Sqrt2/2)}
	if got := ccol(&v, 0); cmplx.Abs(got[0]-want[0]) > 1e-15 || cmplx.Abs(got[1]-want[1]) > 1e-15 {
		t.Errorf("vector %v, want %v", got, want)
	}
	var rec mat.Dense
	if err := e.ReconstructTo(&rec); err != nil || !mat.EqualApprox(&rec, a, 1e-15) {
		t.Errorf("reconstruction %v, %v", mat.Formatted(&rec), err)
	}
	d, _ := decomp.Diagnose(a)
	if d.RealSpectrum || d.NumReal != 0 || !d.Diagonalizable || d.Symmetric {
		t.Errorf("diagnosis %+v", d)
	}
}

func TestEigenBadInput(t *testing.T) {
	var e decomp.Eigen
	nan := mat.NewDense(2, 2, []float64{1, 2, math.NaN(), 4})
	err := e.Factorize(nan, nil)
	var ee *decomp.ElementError
	if !errors.As(err, &ee) || ee.Row != 1 || ee.Col != 0 || !errors.Is(err, decomp.ErrNonFinite) {
		t.Errorf("NaN: error %v", err)
	}
	if err := e.Factorize(mat.NewDense(1, 1, []float64{math.Inf(-1)}), nil); !errors.As(err, &ee) || !math.IsInf(ee.Value, -1) {
		t.Errorf("Inf: error %v", err)
	}
	for name, a := range map[string]mat.Matrix{"nil": nil, "empty": &mat.Dense{}} {
		if err := e.Factorize(a, nil); !errors.Is(err, decomp.ErrEmpty) {
			t.Errorf("%s: error %v", name, err)
		}
	}
	if err := e.Factorize(mat.NewDense(2, 3, nil), nil); !errors.Is(err, decomp.ErrNotSquare) {
		t.Errorf("non-square: error %v", err)
	}
	// Failed Factorize leaves no factorization behind.
	mustPanic(t, "Values", decomp.ErrNotFactorized, func() { e.Values(nil) })
	mustPanic(t, "Cond", decomp.ErrNotFactorized, func() { e.Cond() })
	if err := e.Factorize(mat.NewDense(2, 2, []float64{4, 1, 2, 3}), &decomp.EigenSettings{NoVectors: true}); err != nil {
		t.Fatal(err)
	}
	mustPanic(t, "VectorsTo", decomp.ErrNoVectors, func() { e.VectorsTo(&mat.CDense{}) })
	mustPanic(t, "Values dst", decomp.ErrShape, func() { e.Values(make([]complex128, 3)) })
	if err := e.Factorize(mat.NewDense(2, 2, []float64{4, 1, 2, 3}), nil); err != nil {
		t.Fatal(err)
	}
	mustPanic(t, "VectorsTo dst", decomp.ErrShape, func() { e.VectorsTo(mat.NewCDense(3, 3, nil)) })
	mustPanic(t, "ReconstructTo dst", decomp.ErrShape, func() { e.ReconstructTo(mat.NewDense(3, 3, nil)) })
	mustPanic(t, "Angle", decomp.ErrIndex, func() { e.Angle(0, 2) })
	mustPanic(t, "Residual", decomp.ErrShape, func() { e.Residual(mat.NewDense(3, 3, nil)) })
}

// Seeded random matrices: eigenpair residuals, unit norms, the same pairs in
// every order (compared sign-free), descending order, agreement with gonum.
func TestEigenProperties(t *testing.T) {
	rnd := rand.New(rand.NewPCG(2, 2))
	for trial := 0; trial < 200; trial++ {
		n := 1 + rnd.IntN(9)
		a := randDense(rnd, n, n)
		if trial%7 == 0 { // integer entries give exact ties and repeated values
			for i := 0; i < n; i++ {
				for j := 0; j < n; j++ {
					a.Set(i, j, float64(rnd.IntN(3)))
				}
			}
		}
		scale := mat.Norm(a, 2)
		var lap, can decomp.Eigen
		if err := lap.Factorize(a, nil); err != nil {
			t.Fatal(err)
		}
		if err := can.Factorize(a, &decomp.EigenSettings{Order: decomp.OrderCanonical}); err != nil {
			t.Fatal(err)
		}
		for _, e := range []*decomp.Eigen{&lap, &can} {
			if r := e.Residual(a); r > 1e-12*math.Max(scale, 1) {
				t.Errorf("trial %d: residual %g", trial, r)
			}
			var v mat.CDense
			e.VectorsTo(&v)
			vals := e.Values(nil)
			for j := 0; j < n; j++ {
				col := ccol(&v, j)
				var s float64
				for _, x := range col {
					s += real(x)*real(x) + imag(x)*imag(x)
				}
				if math.Abs(s-1) > 1e-13 {
					t.Errorf("trial %d: ‖v%d‖² = %v", trial, j, s)
				}
				// ‖A v − λ v‖ per column, in complex arithmetic.
				var worst float64
				for i := 0; i < n; i++ {
					var av complex128
					for k := 0; k < n; k++ {
						av += complex(a.At(i, k), 0) * col[k]
					}
					worst = math.Max(worst, cmplx.Abs(av-vals[j]*col[i]))
				}
				if worst > 1e-12*math.Max(scale, 1) {
					t.Errorf("trial %d: |Av−λv| = %g", trial, worst)
				}
			}
			if e.Diagonalizable() {
				if r, err := e.ReconstructionError(a); err != nil || r > 1e-9*math.Max(scale, 1) {
					t.Errorf("trial %d: reconstruction %g %v (cond %g)", trial, r, err, e.Cond())
				}
			}
		}
		// Canonical: descending, pivots real positive, same pairs as LAPACK.
		cv := can.Values(nil)
		lv := lap.Values(nil)
		for j := 1; j < n; j++ {
			if real(cv[j]) > real(cv[j-1]) || real(cv[j]) == real(cv[j-1]) && imag(cv[j]) > imag(cv[j-1]) {
				t.Errorf("trial %d: not descending: %v", trial, cv)
			}
		}
		var cvec, lvec mat.CDense
		can.VectorsTo(&cvec)
		lap.VectorsTo(&lvec)
		for j := 0; j < n; j++ {
			// Find the LAPACK pair with the same value; for a simple
			// eigenvalue its vector must be parallel.
			match, count := -1, 0
			for l := 0; l < n; l++ {
				if cmplx.Abs(lv[l]-cv[j]) <= 1e-9*math.Max(1, cmplx.Abs(cv[j])) {
					match = l
					count++
				}
			}
			if match < 0 {
				t.Fatalf("trial %d: canonical value %v not among %v", trial, cv[j], lv)
			}
			if count == 1 && can.Cond() < 1e6 {
				if c := cCos(ccol(&cvec, j), ccol(&lvec, match)); c < 1-1e-9 {
					t.Errorf("trial %d: canonical vector %d not parallel (|cos| %v)", trial, j, c)
				}
			}
			col := ccol(&cvec, j)
			big := 0.0
			for _, x := range col {
				big = math.Max(big, cmplx.Abs(x))
			}
			for _, x := range col {
				if cmplx.Abs(x) >= (1-1e-8)*big {
					if real(x) <= 0 || math.Abs(imag(x)) > 1e-15 {
						t.Errorf("trial %d: pivot %v not real positive", trial, x)
					}
					break
				}
			}
		}
		// Same values, bit for bit, as gonum's mat.Eigen in the pure-Go build.
		if decomp.Backend == "gonum" {
			var g mat.Eigen
			g.Factorize(a, mat.EigenRight)
			gv := g.Values(nil)
			for j := range gv {
				if gv[j] != lv[j] {
					t.Errorf("trial %d: value %d = %v, gonum %v", trial, j, lv[j], gv[j])
				}
			}
		}
	}
}

func FuzzEigen(f *testing.F) {
	f.Add(uint8(2), []byte{192, 144, 160, 176})       // [[4,1],[2,3]]
	f.Add(uint8(2), []byte{144, 144, 128, 144})       // Jordan block
	f.Add(uint8(2), []byte{128, 112, 144, 128})       // rotation
	f.Add(uint8(2), []byte{128, 255, 128, 128})       // NaN
	f.Add(uint8(3), []byte{254, 1, 2, 3, 4, 5, 6, 7}) // Inf
	f.Add(uint8(0), []byte{})
	f.Fuzz(func(t *testing.T, n uint8, data []byte) {
		a := fuzzMatrix(n, n, data)
		var e decomp.Eigen
		err := e.Factorize(asMatrix(a), &decomp.EigenSettings{Order: decomp.Order(len(data) % 3)})
		if err != nil {
			if !errors.Is(err, decomp.ErrEmpty) && !errors.Is(err, decomp.ErrNonFinite) && !errors.Is(err, decomp.ErrNoConvergence) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		scale := math.Max(mat.Norm(a, 2), 1)
		if r := e.Residual(a); r > 1e-10*scale {
			t.Fatalf("residual %g", r)
		}
		var rec mat.Dense
		if err := e.ReconstructTo(&rec); err == nil {
			rec.Sub(&rec, a)
			if r := mat.Norm(&rec, 2); r > 1e-8*scale {
				t.Fatalf("accepted reconstruction off by %g (cond %g)", r, e.Cond())
			}
		} else if !errors.Is(err, decomp.ErrDefective) {
			t.Fatalf("reconstruction error %v", err)
		}
		if _, err := decomp.Diagnose(a); err != nil {
			t.Fatal(err)
		}
		decomp.IsSymmetric(a, 1e-12)
	})
}

// Two conjugate pairs with the same real part interleave in canonical order
// (1+2i, 1+i, 1−i, 1−2i) but each presented vector still matches its value.
func TestEigenInterleavedPairs(t *testing.T) {
	a := mat.NewDense(4, 4, []float64{
		1, -2, 0, 0,
		2, 1, 0, 0,
		0, 0, 1, -1,
		0, 0, 1, 1,
	})
	var e decomp.Eigen
	if err := e.Factorize(a, &decomp.EigenSettings{Order: decomp.OrderCanonical}); err != nil {
		t.Fatal(err)
	}
	vals := e.Values(nil)
	want := []complex128{1 + 2i, 1 + 1i, 1 - 1i, 1 - 2i}
	var v mat.CDense
	e.VectorsTo(&v)
	for j := range want {
		if cmplx.Abs(vals[j]-want[j]) > 1e-14 {
			t.Fatalf("values %v, want %v", vals, want)
		}
		col := ccol(&v, j)
		for i := 0; i < 4; i++ {
			var av complex128
			for k := 0; k < 4; k++ {
				av += complex(a.At(i, k), 0) * col[k]
			}
			if cmplx.Abs(av-vals[j]*col[i]) > 1e-14 {
				t.Errorf("pair %d: A·v ≠ λ·v", j)
			}
		}
	}
	// v(1−2i) = conj(v(1+2i)).
	for i, x := range ccol(&v, 0) {
		if cmplx.Abs(cmplx.Conj(x)-v.At(i, 3)) > 1e-15 {
			t.Errorf("not conjugate: %v vs %v", ccol(&v, 0), ccol(&v, 3))
		}
	}
	var rec mat.Dense
	if err := e.ReconstructTo(&rec); err != nil || !mat.EqualApprox(&rec, a, 1e-14) {
		t.Errorf("reconstruction %v", err)
	}
}
