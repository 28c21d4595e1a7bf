// Copyright ©2026 The FactorLab Authors.

package decomp

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

// TestPCAAgainstCovariance checks PCA against the eigendecomposition of the
// covariance matrix that gonum's stat package forms explicitly.
func TestPCAAgainstCovariance(t *testing.T) {
	rnd := rand.New(rand.NewPCG(11, 11))
	const n, d = 200, 5
	x := mat.NewDense(n, d, nil)
	for i := range n {
		z := []float64{3 * rnd.NormFloat64(), rnd.NormFloat64(), 0.3 * rnd.NormFloat64()}
		for j := range d {
			// Correlated columns with an offset, so that centring matters.
			x.Set(i, j, 10+float64(j)+z[0]*float64(j+1)+z[1]*float64(d-j)+z[2]*float64(j%2)+0.01*rnd.NormFloat64())
		}
	}
	var p PCA
	if err := p.Fit(x); err != nil {
		t.Fatal(err)
	}
	var cov mat.SymDense
	stat.CovarianceMatrix(&cov, x, nil)
	var es EigenSym
	if err := es.Factorize(&cov, &SymSettings{Order: OrderDescending}); err != nil {
		t.Fatal(err)
	}
	want := es.Values(nil) // descending
	var vecs mat.Dense
	es.VectorsTo(&vecs)
	got := p.Variances()
	var comps mat.Dense
	if err := p.ComponentsTo(&comps, d); err != nil {
		t.Fatal(err)
	}
	for i := range d {
		if math.Abs(got[i]-want[i]) > 1e-9*want[0] {
			t.Errorf("variance %d = %v, covariance eigenvalue %v", i, got[i], want[i])
		}
		if want[i] < 1e-6*want[0] {
			continue // directions of tiny variance are not well determined
		}
		dot := math.Abs(mat.Dot(comps.RowView(i), vecs.ColView(i)))
		if math.Abs(dot-1) > 1e-8 {
			t.Errorf("component %d: |⟨v, v_cov⟩| = %v, want 1", i, dot)
		}
	}
	mean := p.Mean(nil)
	for j := range d {
		if m := stat.Mean(mat.Col(nil, j, x), nil); math.Abs(mean[j]-m) > 1e-12*math.Abs(m) {
			t.Errorf("mean %d = %v, want %v", j, mean[j], m)
		}
	}
	// Scores: their variances are the explained variances, and they are
	// uncorrelated.
	var scores mat.Dense
	if err := p.ProjectTo(&scores, x, 2); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		if v := stat.Variance(mat.Col(nil, i, &scores), nil); math.Abs(v-got[i]) > 1e-9*got[0] {
			t.Errorf("variance of scores %d = %v, want %v", i, v, got[i])
		}
	}
	if c := stat.Covariance(mat.Col(nil, 0, &scores), mat.Col(nil, 1, &scores), nil); math.Abs(c) > 1e-9*got[0] {
		t.Errorf("covariance of scores 1 and 2 = %v, want 0", c)
	}
}

func TestPCAErrors(t *testing.T) {
	var p PCA
	if err := p.Fit(mat.NewDense(1, 3, []float64{1, 2, 3})); !errors.Is(err, ErrRankOutOfRange) {
		t.Errorf("one observation: error %v, want ErrRankOutOfRange", err)
	}
	if err := p.Fit(mat.NewDense(2, 2, []float64{1, math.NaN(), 3, 4})); !errors.Is(err, ErrNonFinite) {
		t.Errorf("NaN: error %v, want ErrNonFinite", err)
	}
	if err := p.Fit(mat.NewDense(3, 2, []float64{1, 2, 3, 4, 5, 7})); err != nil {
		t.Fatal(err)
	}
	var c mat.Dense
	if err := p.ComponentsTo(&c, 3); !errors.Is(err, ErrRankOutOfRange) {
		t.Errorf("3 components of a 3×2 fit: error %v, want ErrRankOutOfRange", err)
	}
	defer func() {
		if r := recover(); r != ErrNotFactorized {
			t.Errorf("query before Fit panicked with %v, want ErrNotFactorized", r)
		}
	}()
	var q PCA
	q.Variances()
}
