package mf_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/factorlab/factorlab/pkg/mf"
	"gonum.org/v1/gonum/mat"
)

// TestDataErrorKinds checks that each kind of bad data is told apart by its
// own sentinel, that every kind is also ErrData, and that no kind is
// mistaken for another.
func TestDataErrorKinds(t *testing.T) {
	kinds := []error{mf.ErrEmpty, mf.ErrNonFinite, mf.ErrRankOutOfRange, mf.ErrNegative,
		mf.ErrIDOutOfRange, mf.ErrDuplicate, mf.ErrMalformed, mf.ErrRange}
	rnd := func() *rand.Rand { return rand.New(rand.NewPCG(1, 2)) }
	a := mat.NewDense(2, 2, []float64{1, 2, 3, 4})
	dense := func(a mat.Matrix, k int) error { var f mf.Dense; return f.Factorize(a, k, nil, rnd()) }
	nmf := func(a mat.Matrix) error { var f mf.NMF; return f.Factorize(a, 1, nil, rnd()) }
	var nilDense *mat.Dense
	for _, tc := range []struct {
		name string
		want error
		err  error
	}{
		{"Dense nil A", mf.ErrEmpty, dense(nilDense, 1)},
		{"Dense empty A", mf.ErrEmpty, dense(&mat.Dense{}, 1)},
		{"Dense NaN", mf.ErrNonFinite, dense(mat.NewDense(1, 2, []float64{1, math.NaN()}), 1)},
		{"Dense k = 0", mf.ErrRankOutOfRange, dense(a, 0)},
		{"Dense 1e300", mf.ErrRange, dense(mat.NewDense(1, 1, []float64{1e300}), 1)},
		{"Dense empty mask", mf.ErrEmpty, func() error {
			var f mf.Dense
			return f.Factorize(a, 1, &mf.DenseSettings{Mask: mat.NewDense(2, 2, nil)}, rnd())
		}()},
		{"NMF negative", mf.ErrNegative, nmf(mat.NewDense(1, 2, []float64{1, -1}))},
		{"NMF Inf", mf.ErrNonFinite, nmf(mat.NewDense(1, 2, []float64{1, math.Inf(1)}))},
		{"OptimalLoss k = 0", mf.ErrRankOutOfRange, func() error { _, err := mf.OptimalLoss(a, 0, mf.Mean); return err }()},
		{"OptimalLosses nil", mf.ErrEmpty, func() error { _, err := mf.OptimalLosses(nilDense, mf.Mean); return err }()},
		{"NewRatings none", mf.ErrEmpty, func() error { _, err := mf.NewRatings(2, 2, nil); return err }()},
		{"NewRatings user id", mf.ErrIDOutOfRange, func() error {
			_, err := mf.NewRatings(2, 2, []mf.Rating{{User: 2, Item: 0, Value: 1}})
			return err
		}()},
		{"NewRatings NaN", mf.ErrNonFinite, func() error {
			_, err := mf.NewRatings(2, 2, []mf.Rating{{User: 0, Item: 0, Value: math.NaN()}})
			return err
		}()},
		{"NewRatings duplicate", mf.ErrDuplicate, func() error {
			_, err := mf.NewRatings(2, 2, []mf.Rating{{User: 0, Item: 0, Value: 1}, {User: 0, Item: 0, Value: 2}})
			return err
		}()},
		{"ReadUData malformed", mf.ErrMalformed, func() error { _, err := mf.ReadUData(strings.NewReader("1\t2\n")); return err }()},
		{"ReadUData empty", mf.ErrEmpty, func() error { _, err := mf.ReadUData(strings.NewReader("")); return err }()},
	} {
		if !errors.Is(tc.err, tc.want) {
			t.Errorf("%s: error %v, want %v", tc.name, tc.err, tc.want)
			continue
		}
		if !errors.Is(tc.err, mf.ErrData) {
			t.Errorf("%s: error %v does not wrap ErrData", tc.name, tc.err)
		}
		for _, k := range kinds {
			if k != tc.want && errors.Is(tc.err, k) {
				t.Errorf("%s: error %v is also %v", tc.name, tc.err, k)
			}
		}
	}
	var pe *mf.ParseError
	if _, err := mf.ReadUData(strings.NewReader("1\t2\tx\t0\n")); !errors.As(err, &pe) || pe.Line != 1 {
		t.Errorf("ReadUData: error %v, want a *ParseError for line 1", err)
	}
}
