package lab_test

import (
	"math"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/mat"

	"github.com/factorlab/factorlab/pkg/lab"
	"github.com/factorlab/factorlab/pkg/mf"
)

// The solutions of the eight labs, written as a student would write them in
// the notebooks (they are the same code as the labs' source notebooks,
// notebooks/labs/<lang>/source).

func mseGradient(a, w, h *mat.Dense) (float64, *mat.Dense, *mat.Dense) {
	m, n := a.Dims()
	var e mat.Dense
	e.Mul(w, h)
	e.Sub(&e, a)
	loss := 0.0
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			loss += e.At(i, j) * e.At(i, j)
		}
	}
	mn := float64(m * n)
	var dW, dH mat.Dense
	dW.Mul(&e, h.T())
	dW.Scale(2/mn, &dW)
	dH.Mul(w.T(), &e)
	dH.Scale(2/mn, &dH)
	return loss / mn, &dW, &dH
}

func adamStep(p, g, m, v *mat.Dense, t int) {
	r, c := p.Dims()
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			gij := g.At(i, j)
			m.Set(i, j, lab.AdamBeta1*m.At(i, j)+(1-lab.AdamBeta1)*gij)
			v.Set(i, j, lab.AdamBeta2*v.At(i, j)+(1-lab.AdamBeta2)*gij*gij)
			mHat := m.At(i, j) / (1 - math.Pow(lab.AdamBeta1, float64(t)))
			vHat := v.At(i, j) / (1 - math.Pow(lab.AdamBeta2, float64(t)))
			p.Set(i, j, p.At(i, j)-lab.AdamLearningRate*mHat/(math.Sqrt(vHat)+lab.AdamEpsilon))
		}
	}
}

func train(a, w, h *mat.Dense, iterations int) []float64 {
	wr, wc := w.Dims()
	hr, hc := h.Dims()
	mW, vW := mat.NewDense(wr, wc, nil), mat.NewDense(wr, wc, nil)
	mH, vH := mat.NewDense(hr, hc, nil), mat.NewDense(hr, hc, nil)
	losses := make([]float64, 0, iterations)
	for t := 1; t <= iterations; t++ {
		loss, dW, dH := mseGradient(a, w, h)
		losses = append(losses, loss)
		adamStep(w, dW, mW, vW, t)
		adamStep(h, dH, mH, vH, t)
	}
	return losses
}

func charPoly(a *mat.Dense) (b, c float64) {
	return -(a.At(0, 0) + a.At(1, 1)), a.At(0, 0)*a.At(1, 1) - a.At(0, 1)*a.At(1, 0)
}

func eigenvalues(a *mat.Dense) (l1, l2 float64) {
	b, c := charPoly(a)
	d := math.Sqrt(b*b - 4*c)
	return (-b + d) / 2, (-b - d) / 2
}

func eigenvector(a *mat.Dense, lambda float64) []float64 {
	// (a₀₀ − λ)x + a₀₁y = 0 is solved by (a₀₁, λ − a₀₀); if that row is
	// zero, use the second row.
	if x, y := a.At(0, 1), lambda-a.At(0, 0); math.Hypot(x, y) > 1e-12 {
		return []float64{x, y}
	}
	return []float64{lambda - a.At(1, 1), a.At(1, 0)}
}

func singularValues(a *mat.Dense) []float64 {
	var ata mat.SymDense
	ata.SymOuterK(1, a.T())
	var e mat.EigenSym
	e.Factorize(&ata, false)
	ls := e.Values(nil)
	sort.Sort(sort.Reverse(sort.Float64Slice(ls)))
	for i, l := range ls {
		ls[i] = math.Sqrt(math.Max(l, 0))
	}
	return ls
}

func fixU(a *mat.Dense, sigma []float64, v *mat.Dense) *mat.Dense {
	m, n := a.Dims()
	u := mat.NewDense(m, n, nil)
	for i := 0; i < n; i++ {
		var ui mat.VecDense
		ui.MulVec(a, v.ColView(i))
		ui.ScaleVec(1/sigma[i], &ui)
		u.SetCol(i, ui.RawVector().Data)
	}
	return u
}

func optimalMSE(sigma []float64, k, m, n int) float64 {
	s := 0.0
	for _, x := range sigma[k:] {
		s += x * x
	}
	return s / float64(m*n)
}

func rankOne(a *mat.Dense) (w, h *mat.Dense) {
	var svd mat.SVD
	svd.Factorize(a, mat.SVDThin)
	var u, v mat.Dense
	svd.UTo(&u)
	svd.VTo(&v)
	s := svd.Values(nil)
	m, n := a.Dims()
	w = mat.NewDense(m, 1, nil)
	h = mat.NewDense(1, n, nil)
	for i := 0; i < m; i++ {
		w.Set(i, 0, s[0]*u.At(i, 0))
	}
	for j := 0; j < n; j++ {
		h.Set(0, j, v.At(j, 0))
	}
	return w, h
}

func rotation(theta float64) *mat.Dense {
	return mat.NewDense(2, 2, []float64{math.Cos(theta), -math.Sin(theta), math.Sin(theta), math.Cos(theta)})
}

func stretch(sx, sy float64) *mat.Dense {
	return mat.NewDense(2, 2, []float64{sx, 0, 0, sy})
}

func corners() [][2]float64 {
	return [][2]float64{{0, 0}, {0, 0.5}, {-2, 0.5}, {-2, 0}}
}

func rmse(p mf.Predictor, r *mf.Ratings) float64 {
	sum := 0.0
	for _, x := range r.All() {
		d := p.Predict(x.User, x.Item) - x.Value
		sum += d * d
	}
	return math.Sqrt(sum / float64(r.Len()))
}

func fit(train *mf.Ratings) (mf.Predictor, error) {
	var m mf.Biased
	err := m.TrainALS(train, &mf.BiasedSettings{Factors: 2, Lambda: 0.03}, rand.New(rand.NewPCG(7, 7)))
	return &m, err
}

func energyKept(sigma []float64, k int) float64 {
	kept, total := 0.0, 0.0
	for i, s := range sigma {
		if i < k {
			kept += s * s
		}
		total += s * s
	}
	return kept / total
}

func smallestRank(sigma []float64, share float64) int {
	for k := 1; k <= len(sigma); k++ {
		if energyKept(sigma, k) >= share {
			return k
		}
	}
	return len(sigma)
}

// labChecks runs every check of every lab with the given functions.
type labFuncs struct {
	grad    lab.MSEGradientFunc
	adam    lab.AdamStepFunc
	train   lab.TrainFunc
	poly    lab.CharPolyFunc
	vals    lab.EigenvaluesFunc
	vec     lab.EigenvectorFunc
	orth    lab.CounterexampleFunc
	neg     lab.CounterexampleFunc
	basis   lab.CounterexampleFunc
	sing    lab.SingularValuesFunc
	fixU    lab.FixUFunc
	optMSE  lab.OptimalMSEFunc
	rankOne lab.RankOneFunc
	rot     lab.RotationFunc
	str     lab.StretchFunc
	corners lab.CornersFunc
	rmse    lab.RMSEFunc
	fit     lab.FitFunc
	energy  lab.EnergyFunc
	minRank lab.SmallestRankFunc
}

func (f labFuncs) reports() []lab.Report {
	return []lab.Report{
		lab.CheckMSEGradient(f.grad),
		lab.CheckAdamStep(f.adam),
		lab.CheckTraining(f.train),
		lab.CheckCharPoly(f.poly),
		lab.CheckEigenvalues(f.vals),
		lab.CheckEigenvectors(f.vec),
		lab.CheckOrthogonalClaim(f.orth),
		lab.CheckNonNegativeClaim(f.neg),
		lab.CheckEigenbasisClaim(f.basis),
		lab.CheckSingularValues(f.sing),
		lab.CheckFixU(f.fixU),
		lab.CheckOptimalMSE(f.optMSE),
		lab.CheckRankOne(f.rankOne),
		lab.CheckRotation(f.rot),
		lab.CheckStretch(f.str),
		lab.CheckCorners(f.corners),
		lab.CheckRMSE(f.rmse),
		lab.CheckFit(f.fit),
		lab.CheckEnergy(f.energy),
		lab.CheckSmallestRank(f.minRank),
	}
}

var solutions = labFuncs{
	grad: mseGradient, adam: adamStep, train: train,
	poly: charPoly, vals: eigenvalues, vec: eigenvector,
	orth:  func() *mat.Dense { return mat.NewDense(2, 2, []float64{4, 1, 2, 3}) },
	neg:   func() *mat.Dense { return mat.NewDense(2, 2, []float64{1, 2, 2, 1}) },
	basis: func() *mat.Dense { return mat.NewDense(2, 2, []float64{0, -1, 1, 0}) },
	sing:  singularValues, fixU: fixU,
	optMSE: optimalMSE, rankOne: rankOne,
	rot: rotation, str: stretch, corners: corners,
	rmse: rmse, fit: fit, energy: energyKept, minRank: smallestRank,
}

// stubs are the student versions: each stub returns zero values or panics
// with lab.TODO, as in notebooks/labs/en.
var stubs = labFuncs{
	grad:    func(a, w, h *mat.Dense) (float64, *mat.Dense, *mat.Dense) { return 0, nil, nil },
	adam:    func(p, g, m, v *mat.Dense, t int) { panic(lab.TODO) },
	train:   func(a, w, h *mat.Dense, iterations int) []float64 { panic(lab.TODO) },
	poly:    func(a *mat.Dense) (float64, float64) { panic(lab.TODO) },
	vals:    func(a *mat.Dense) (float64, float64) { panic(lab.TODO) },
	vec:     func(a *mat.Dense, lambda float64) []float64 { return nil },
	orth:    func() *mat.Dense { return nil },
	neg:     func() *mat.Dense { return nil },
	basis:   func() *mat.Dense { return nil },
	sing:    func(a *mat.Dense) []float64 { return nil },
	fixU:    func(a *mat.Dense, sigma []float64, v *mat.Dense) *mat.Dense { return nil },
	optMSE:  func(sigma []float64, k, m, n int) float64 { panic("TODO") },
	rankOne: func(a *mat.Dense) (*mat.Dense, *mat.Dense) { return nil, nil },
	rot:     func(theta float64) *mat.Dense { return nil },
	str:     func(sx, sy float64) *mat.Dense { return nil },
	corners: func() [][2]float64 { return nil },
	rmse:    func(p mf.Predictor, r *mf.Ratings) float64 { panic(lab.TODO) },
	fit:     func(train *mf.Ratings) (mf.Predictor, error) { return nil, nil },
	energy:  func(sigma []float64, k int) float64 { panic(lab.TODO) },
	minRank: func(sigma []float64, share float64) int { panic(lab.TODO) },
}
