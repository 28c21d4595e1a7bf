// Copyright ©2026 The FactorLab Authors.

package reliability

import (
	"errors"
	"flag"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/factorlab/factorlab/pkg/decomp"
	"github.com/factorlab/factorlab/pkg/mf"
	"gonum.org/v1/gonum/mat"
)

var update = flag.Bool("update", false, "rewrite the reliability table in README.md")

// The input classes, the columns of the table.
const (
	cNaN      = "NaN/Inf"
	cEmpty    = "empty"
	cShape    = "wrong shape"
	cNil      = "nil"
	cZero     = "all-zero"
	cTiny     = "1e-300 scale"
	cHuge     = "1e300 scale"
	cSettings = "out-of-range settings"
	cFile     = "malformed file"
)

var classes = []string{cNaN, cEmpty, cShape, cNil, cZero, cTiny, cHuge, cSettings, cFile}

// scaleOf is the factor by which the scale columns multiply the input.
var scaleOf = map[string]float64{cTiny: 1e-300, cHuge: 1e300}

// A call returns a signature of a successful result (numbers that must be
// finite and, in the scale columns, scale like sᵖ) or an error. It may panic.
type call func() ([]float64, error)

type entry struct {
	name  string
	power int  // the signature of the scaled input is sᵖ times the base one
	base  call // the unit-scale reference of the scale columns
	cells map[string]call
}

// sentinels name the package errors, in the order they are tried.
var sentinels = []struct {
	name string
	err  error
}{
	{"ErrEmpty", decomp.ErrEmpty}, {"ErrNonFinite", decomp.ErrNonFinite}, {"ErrNotSquare", decomp.ErrNotSquare},
	{"ErrNotSymmetric", decomp.ErrNotSymmetric}, {"ErrSize", decomp.ErrSize}, {"ErrRankOutOfRange", decomp.ErrRankOutOfRange},
	{"ErrSingular", decomp.ErrSingular}, {"ErrDefective", decomp.ErrDefective}, {"ErrRange", decomp.ErrRange},
	{"ErrNoConvergence", decomp.ErrNoConvergence}, {"ErrZeroVector", decomp.ErrZeroVector},
	{"ErrSettings", decomp.ErrSettings}, {"ErrShape", decomp.ErrShape},
	{"ErrEmpty", mf.ErrEmpty}, {"ErrNonFinite", mf.ErrNonFinite}, {"ErrRankOutOfRange", mf.ErrRankOutOfRange},
	{"ErrNegative", mf.ErrNegative}, {"ErrIDOutOfRange", mf.ErrIDOutOfRange}, {"ErrDuplicate", mf.ErrDuplicate},
	{"ErrMalformed", mf.ErrMalformed}, {"ErrRange", mf.ErrRange},
	{"ErrData", mf.ErrData}, {"ErrDiverged", mf.ErrDiverged}, {"ErrSettings", mf.ErrSettings},
	{"ErrShape", mf.ErrShape}, {"ErrNil", mf.ErrNil},
}

func name(err error) string {
	for _, s := range sentinels {
		if errors.Is(err, s.err) {
			var pe *mf.ParseError
			switch {
			case errors.As(err, &pe):
				return "ErrMalformed (line)"
			}
			return s.name
		}
	}
	return ""
}

// run calls c and describes the outcome; rawPanic reports a panic that is
// not a documented package error.
func run(c call) (cell string, sig []float64, err error, rawPanic any) {
	defer func() {
		if p := recover(); p != nil {
			if e, ok := p.(error); ok && name(e) != "" {
				cell = "panics " + name(e)
				return
			}
			cell, rawPanic = "RAW PANIC", p
		}
	}()
	sig, err = c()
	if err != nil {
		if n := name(err); n != "" {
			return n, nil, err, nil
		}
		return "unclassified error", nil, err, nil
	}
	return "✓", sig, nil, nil
}

func m(r, c int, v ...float64) *mat.Dense {
	if v == nil {
		return mat.NewDense(r, c, nil)
	}
	return mat.NewDense(r, c, v)
}

func scaled(s float64, a *mat.Dense) *mat.Dense {
	var d mat.Dense
	d.Scale(s, a)
	return &d
}

var (
	sq   = m(2, 2, 4, 1, 2, 3)
	sym  = m(2, 2, 2, 1, 1, 3)
	rect = m(3, 2, 1, 2, 3, 4, 5, 6)
	nan  = m(2, 2, 1, math.NaN(), 0, 1)
	inf  = m(3, 2, 1, 2, math.Inf(1), 4, 5, 6)
	nonq = m(2, 3, 1, 2, 3, 4, 5, 6)
)

func rnd() *rand.Rand { return rand.New(rand.NewPCG(1, 1)) }

func absSorted(vs []complex128) []float64 {
	out := make([]float64, len(vs))
	for i, v := range vs {
		out[i] = cmplx.Abs(v)
	}
	slices.Sort(out)
	return out
}

// matrixEntry builds the cells of an entry point that takes one matrix.
func matrixEntry(name string, power int, base *mat.Dense, shape mat.Matrix, settings call, f func(a mat.Matrix) ([]float64, error)) entry {
	r, c := base.Dims()
	e := entry{name: name, power: power, base: func() ([]float64, error) { return f(base) }, cells: map[string]call{
		cNaN:   func() ([]float64, error) { return f(nan) },
		cEmpty: func() ([]float64, error) { return f(&mat.Dense{}) },
		cNil:   func() ([]float64, error) { return f(nil) },
		cZero:  func() ([]float64, error) { return f(m(r, c)) },
		cTiny:  func() ([]float64, error) { return f(scaled(1e-300, base)) },
		cHuge:  func() ([]float64, error) { return f(scaled(1e300, base)) },
	}}
	if r != c {
		e.cells[cNaN] = func() ([]float64, error) { return f(inf) }
	}
	if shape != nil {
		e.cells[cShape] = func() ([]float64, error) { return f(shape) }
	}
	if settings != nil {
		e.cells[cSettings] = settings
	}
	return e
}

func ratings(s float64, vals ...float64) *mf.Ratings {
	rs := []mf.Rating{{User: 0, Item: 0, Value: 4}, {User: 0, Item: 1, Value: 3}, {User: 1, Item: 0, Value: 5}, {User: 2, Item: 1, Value: 1}, {User: 2, Item: 2, Value: 2}}
	for i := range rs {
		if vals != nil {
			rs[i].Value = vals[i]
		}
		rs[i].Value *= s
	}
	r, err := mf.NewRatings(3, 3, rs)
	if err != nil {
		panic(err)
	}
	return r
}

func predictions(p mf.Predictor) []float64 {
	u, it := p.Dims()
	var out []float64
	for i := 0; i < u; i++ {
		for j := 0; j < it; j++ {
			out = append(out, p.Predict(i, j))
		}
	}
	return out
}

// ratingsEntry builds the cells of a model trained on ratings.
func ratingsEntry(name string, settings call, f func(r *mf.Ratings) ([]float64, error)) entry {
	return entry{name: name, power: 1, base: func() ([]float64, error) { return f(ratings(1)) }, cells: map[string]call{
		cNil:      func() ([]float64, error) { return f(nil) },
		cZero:     func() ([]float64, error) { return f(ratings(1, 0, 0, 0, 0, 0)) },
		cTiny:     func() ([]float64, error) { return f(ratings(1e-300)) },
		cHuge:     func() ([]float64, error) { return f(ratings(1e300)) },
		cSettings: settings,
	}}
}

// loaderEntry builds the cells of a ratings-file reader; header is the CSV
// header line (empty for u.data) and sep the field separator.
func loaderEntry(name, header, sep string, read func(r *strings.Reader) (*mf.Ratings, error)) entry {
	file := func(lines ...string) call {
		return func() ([]float64, error) {
			text := strings.Join(lines, "\n")
			if header != "" {
				text = header + "\n" + text
			}
			r, err := read(strings.NewReader(strings.ReplaceAll(text, "\t", sep)))
			if err != nil {
				return nil, err
			}
			var out []float64
			for _, x := range r.All() {
				out = append(out, x.Value)
			}
			return out, nil
		}
	}
	return entry{name: name, power: 1, base: file("1\t1\t4\t0", "2\t1\t3\t0"), cells: map[string]call{
		cNaN:   file("1\t1\tNaN\t0"),
		cEmpty: file(),
		cShape: file("1\t1\t4"),
		cNil:   func() ([]float64, error) { _, err := read(nil); return nil, err },
		cZero:  file("0\t0\t0\t0"),
		cTiny:  file("1\t1\t4e-300\t0", "2\t1\t3e-300\t0"),
		cHuge:  file("1\t1\t4e300\t0", "2\t1\t3e300\t0"),
		cFile:  file("1\tone\t4\t0"),
	}}
}

func entries() []entry {
	// S and λ of sq, for SimilarityTo and CongruenceTo.
	s, lambda, err := decomp.RealEigenpairs(sq, decomp.OrderCanonical)
	if err != nil {
		panic(err)
	}
	flat := func(d *mat.Dense) []float64 { return append([]float64(nil), d.RawMatrix().Data...) }
	scaledVec := func(f float64, v []float64) []float64 {
		out := make([]float64, len(v))
		for i := range v {
			out[i] = f * v[i]
		}
		return out
	}
	sim := func(fn func(*mat.Dense, mat.Matrix, []float64) error, name string) entry {
		f := func(s mat.Matrix, lambda []float64) call {
			return func() ([]float64, error) {
				var d mat.Dense
				if err := fn(&d, s, lambda); err != nil {
					return nil, err
				}
				return flat(&d), nil
			}
		}
		return entry{name: name, power: 1, base: f(s, lambda), cells: map[string]call{
			cNaN:   f(s, []float64{math.NaN(), 1}),
			cEmpty: f(&mat.Dense{}, nil),
			cShape: f(nonq, lambda),
			cNil:   f(nil, lambda),
			cZero:  f(m(2, 2), lambda),
			cTiny:  f(s, scaledVec(1e-300, lambda)),
			cHuge:  f(s, scaledVec(1e300, lambda)),
		}}
	}
	power := func(a mat.Matrix, s *decomp.PowerSettings) ([]float64, error) {
		res, err := decomp.PowerIteration(a, s, rnd())
		return []float64{res.Value}, err
	}
	dense := matrixEntry("mf: Dense.Factorize", 2, rect, nil,
		func() ([]float64, error) {
			var f mf.Dense
			return nil, f.Factorize(rect, 1, &mf.DenseSettings{LearningRate: math.NaN()}, rnd())
		},
		func(a mat.Matrix) ([]float64, error) {
			var f mf.Dense
			err := f.Factorize(a, 1, &mf.DenseSettings{Iterations: 200}, rnd())
			if err != nil {
				return nil, err
			}
			return []float64{f.Loss()}, nil
		})
	dense.cells[cShape] = func() ([]float64, error) { // a mask of the wrong shape
		var f mf.Dense
		return nil, f.Factorize(rect, 1, &mf.DenseSettings{Mask: m(2, 2)}, rnd())
	}
	return []entry{
		matrixEntry("decomp: Eigen.Factorize", 1, sq, nonq,
			func() ([]float64, error) {
				var e decomp.Eigen
				return nil, e.Factorize(sq, &decomp.EigenSettings{MaxCond: -1})
			},
			func(a mat.Matrix) ([]float64, error) {
				var e decomp.Eigen
				if err := e.Factorize(a, nil); err != nil {
					return nil, err
				}
				return absSorted(e.Values(nil)), nil
			}),
		matrixEntry("decomp: EigenSym.Factorize", 1, sym, nonq,
			func() ([]float64, error) {
				var e decomp.EigenSym
				return nil, e.Factorize(sym, &decomp.SymSettings{Tol: math.NaN()})
			},
			func(a mat.Matrix) ([]float64, error) {
				var e decomp.EigenSym
				if err := e.Factorize(a, nil); err != nil {
					return nil, err
				}
				return e.Values(nil), nil
			}),
		matrixEntry("decomp: SVD.Factorize", 1, rect, nil, nil,
			func(a mat.Matrix) ([]float64, error) {
				var s decomp.SVD
				if err := s.Factorize(a, mat.SVDThin); err != nil {
					return nil, err
				}
				return s.Values(nil), nil
			}),
		matrixEntry("decomp: SVD.FactorizeGram", 1, rect, nil, nil,
			func(a mat.Matrix) ([]float64, error) {
				var s decomp.SVD
				if err := s.FactorizeGram(a); err != nil {
					return nil, err
				}
				return s.Values(nil), nil
			}),
		matrixEntry("decomp: TruncatedSVD.Factorize", 1, rect, nil,
			func() ([]float64, error) {
				var t decomp.TruncatedSVD
				return nil, t.Factorize(rect, 0, nil, rnd())
			},
			func(a mat.Matrix) ([]float64, error) {
				var t decomp.TruncatedSVD
				if err := t.Factorize(a, 1, nil, rnd()); err != nil {
					return nil, err
				}
				return t.Values(nil), nil
			}),
		matrixEntry("decomp: PowerIteration", 1, sym, nonq,
			func() ([]float64, error) { return power(sym, &decomp.PowerSettings{MaxIter: -1}) },
			func(a mat.Matrix) ([]float64, error) { return power(a, nil) }),
		matrixEntry("decomp: ClosedForm2x2", 1, sq, m(3, 3), nil,
			func(a mat.Matrix) ([]float64, error) {
				e, err := decomp.ClosedForm2x2(a)
				return []float64{real(e.Values[0]), real(e.Values[1]), e.Det, e.Disc}, err
			}),
		matrixEntry("decomp: Diagnose", 0, sq, nonq, nil,
			func(a mat.Matrix) ([]float64, error) {
				d, err := decomp.Diagnose(a)
				return []float64{d.Cond, d.MinAngle}, err
			}),
		matrixEntry("decomp: NaiveGramSVD", 1, rect, nil,
			func() ([]float64, error) { _, err := decomp.NaiveGramSVD(rect, 9); return nil, err },
			func(a mat.Matrix) ([]float64, error) {
				r, err := decomp.NaiveGramSVD(a, decomp.OrderCanonical)
				if err != nil {
					return nil, err
				}
				return flat(r.C), nil
			}),
		matrixEntry("decomp: RealEigenpairs", 1, sq, nonq,
			func() ([]float64, error) { _, _, err := decomp.RealEigenpairs(sq, 9); return nil, err },
			func(a mat.Matrix) ([]float64, error) {
				_, lambda, err := decomp.RealEigenpairs(a, decomp.OrderCanonical)
				return lambda, err
			}),
		sim(decomp.SimilarityTo, "decomp: SimilarityTo (scale: Λ)"),
		sim(decomp.CongruenceTo, "decomp: CongruenceTo (scale: Λ)"),
		dense,
		matrixEntry("mf: NMF.Factorize", 2, rect, nil,
			func() ([]float64, error) {
				var f mf.NMF
				return nil, f.Factorize(rect, 1, &mf.NMFSettings{Iterations: -1}, rnd())
			},
			func(a mat.Matrix) ([]float64, error) {
				var f mf.NMF
				if err := f.Factorize(a, 1, nil, rnd()); err != nil {
					return nil, err
				}
				return []float64{f.Loss()}, nil
			}),
		matrixEntry("mf: OptimalLoss", 2, rect, nil,
			func() ([]float64, error) { _, err := mf.OptimalLoss(rect, 1, mf.Reduction(7)); return nil, err },
			func(a mat.Matrix) ([]float64, error) {
				l, err := mf.OptimalLoss(a, 1, mf.Mean)
				return []float64{l}, err
			}),
		{name: "mf: NewRatings", power: 1,
			base: func() ([]float64, error) { return predictionsOf(ratings(1)), nil },
			cells: map[string]call{
				cNaN: func() ([]float64, error) {
					_, err := mf.NewRatings(2, 2, []mf.Rating{{User: 0, Item: 0, Value: math.NaN()}})
					return nil, err
				},
				cEmpty: func() ([]float64, error) { _, err := mf.NewRatings(2, 2, []mf.Rating{}); return nil, err },
				cShape: func() ([]float64, error) {
					_, err := mf.NewRatings(2, 2, []mf.Rating{{User: 2, Item: 0, Value: 1}})
					return nil, err
				},
				cNil:  func() ([]float64, error) { _, err := mf.NewRatings(2, 2, nil); return nil, err },
				cZero: func() ([]float64, error) { return predictionsOf(ratings(1, 0, 0, 0, 0, 0)), nil },
				cTiny: func() ([]float64, error) { return predictionsOf(ratings(1e-300)), nil },
				cHuge: func() ([]float64, error) { return predictionsOf(ratings(1e300)), nil },
				cSettings: func() ([]float64, error) {
					_, err := mf.NewRatings(0, 2, []mf.Rating{{User: 0, Item: 0, Value: 1}})
					return nil, err
				},
			}},
		syntheticEntry(),
		ratingsEntry("mf: Baseline.Fit",
			func() ([]float64, error) {
				var b mf.Baseline
				b.Fit(ratings(1), &mf.BaselineSettings{ItemLambda: math.NaN()})
				return nil, nil
			},
			func(r *mf.Ratings) ([]float64, error) {
				var b mf.Baseline
				b.Fit(r, nil)
				return predictions(&b), nil
			}),
		ratingsEntry("mf: Biased.TrainSGD",
			func() ([]float64, error) {
				var b mf.Biased
				return nil, b.TrainSGD(ratings(1), &mf.BiasedSettings{LearningRate: -1}, rnd())
			},
			func(r *mf.Ratings) ([]float64, error) {
				var b mf.Biased
				if err := b.TrainSGD(r, &mf.BiasedSettings{Factors: 2, Epochs: 3}, rnd()); err != nil {
					return nil, err
				}
				return predictions(&b), nil
			}),
		ratingsEntry("mf: Biased.TrainALS",
			func() ([]float64, error) {
				var b mf.Biased
				return nil, b.TrainALS(ratings(1), &mf.BiasedSettings{Lambda: math.NaN()}, rnd())
			},
			func(r *mf.Ratings) ([]float64, error) {
				var b mf.Biased
				if err := b.TrainALS(r, &mf.BiasedSettings{Factors: 2, Epochs: 3, Workers: 1}, rnd()); err != nil {
					return nil, err
				}
				return predictions(&b), nil
			}),
		loaderEntry("mf: ReadUData", "", "\t", func(r *strings.Reader) (*mf.Ratings, error) {
			if r == nil {
				return mf.ReadUData(nil)
			}
			return mf.ReadUData(r)
		}),
		loaderEntry("mf: ReadRatingsCSV", "userId,movieId,rating,timestamp", ",", func(r *strings.Reader) (*mf.Ratings, error) {
			if r == nil {
				return mf.ReadRatingsCSV(nil)
			}
			return mf.ReadRatingsCSV(r)
		}),
	}
}

// predictionsOf returns the values of r, the signature of NewRatings.
func predictionsOf(r *mf.Ratings) []float64 {
	var out []float64
	for _, x := range r.All() {
		out = append(out, x.Value)
	}
	return out
}

func syntheticEntry() entry {
	f := func(s *mf.SyntheticSettings) call {
		return func() ([]float64, error) {
			r, err := mf.Synthetic(s, rand.New(rand.NewPCG(7, 7)))
			if err != nil {
				return nil, err
			}
			return predictionsOf(r)[:5], nil
		}
	}
	at := func(sc float64) *mf.SyntheticSettings {
		return &mf.SyntheticSettings{Users: 5, Items: 4, Missing: 0.25, Mean: 3.5 * sc, Noise: 0.5 * sc, BiasStd: 0.4 * sc, SignalStd: 0.8 * sc}
	}
	return entry{name: "mf: Synthetic", power: 1, base: f(at(1)), cells: map[string]call{
		cNaN:      f(&mf.SyntheticSettings{Users: 5, Items: 4, Noise: math.NaN()}),
		cEmpty:    f(&mf.SyntheticSettings{Users: 1, Items: 1, Missing: 0.9}),
		cNil:      f(nil),
		cZero:     f(&mf.SyntheticSettings{}),
		cTiny:     f(at(1e-300)),
		cHuge:     f(at(1e300)),
		cSettings: f(&mf.SyntheticSettings{Missing: 1.5}),
	}}
}

// close reports whether got ≈ sᵖ·want elementwise, to 1e-6 relative to the
// largest |want|.
func closeScaled(got, want []float64, s float64, p int) bool {
	if len(got) != len(want) {
		return false
	}
	var big float64
	for _, w := range want {
		big = math.Max(big, math.Abs(w))
	}
	for i := range got {
		g := got[i]
		for range p {
			g /= s
		}
		if !(math.Abs(g-want[i]) <= 1e-6*big) {
			return false
		}
	}
	return true
}

// table runs every cell, fails t for a raw panic, an unclassified error, a
// non-finite or (in the scale columns) wrong result, and renders the table.
func table(t *testing.T) string {
	var b strings.Builder
	b.WriteString("| entry point | " + strings.Join(classes, " | ") + " |\n")
	b.WriteString("|---" + strings.Repeat("|---", len(classes)) + "|\n")
	for _, e := range entries() {
		row := []string{e.name}
		for _, class := range classes {
			c, ok := e.cells[class]
			if !ok {
				row = append(row, "—")
				continue
			}
			cell, sig, err, raw := run(c)
			switch {
			case raw != nil:
				t.Errorf("%s, %s: raw panic %v", e.name, class, raw)
			case cell == "unclassified error":
				t.Errorf("%s, %s: error %v wraps no package sentinel", e.name, class, err)
			case cell == "✓":
				for _, v := range sig {
					if math.IsNaN(v) || math.IsInf(v, 0) {
						t.Errorf("%s, %s: %v returned without an error", e.name, class, sig)
					}
				}
				if s, isScale := scaleOf[class]; isScale {
					want, err := e.base()
					if err != nil {
						t.Fatalf("%s: reference: %v", e.name, err)
					}
					if !closeScaled(sig, want, s, e.power) {
						t.Errorf("%s, %s: %v, want %g^%d × %v", e.name, class, sig, s, e.power, want)
					}
				}
			}
			row = append(row, cell)
		}
		b.WriteString("| " + strings.Join(row, " | ") + " |\n")
	}
	return b.String()
}

const (
	beginMark = "<!-- reliability table: go test ./internal/reliability -update rewrites it -->\n"
	endMark   = "<!-- end of reliability table -->"
)

// TestReliabilityTable checks every cell and that README.md shows the table
// the packages produce.
func TestReliabilityTable(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("no file system")
	}
	got := table(t)
	const path = "../../README.md"
	readme, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	i, j := strings.Index(text, beginMark), strings.Index(text, endMark)
	if i < 0 || j < i {
		t.Fatalf("README.md has no reliability table between %q and %q", beginMark, endMark)
	}
	current := text[i+len(beginMark) : j]
	if current == got {
		return
	}
	if *update {
		if err := os.WriteFile(path, []byte(text[:i+len(beginMark)]+got+text[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's reliability table is out of date; run go test ./internal/reliability -update. Want:\n%s", got)
}
