package plotting

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// Run is one training run of LossCurves.
type Run struct {
	// Name labels the run in the legend; may be empty.
	Name string

	// Iter holds the iteration of each loss; nil means 1, 2, …, len(Loss).
	Iter []float64

	// Loss holds the loss values.
	Loss []float64
}

// LossSettings are the settings of LossCurves; nil means the zero value.
type LossSettings struct {
	// Title of the plot.
	Title string

	// XLabel and YLabel name the axes; empty means "iteration" and "loss".
	XLabel, YLabel string

	// Reference, if positive, draws a horizontal line at that loss, e.g.
	// the Eckart–Young optimum of a rank-k fit; ReferenceLabel names it in
	// the legend (default "optimum").
	Reference      float64
	ReferenceLabel string

	// Linear uses a linear loss axis instead of the default log axis.
	Linear bool

	// Floor, if positive, clamps losses below it to Floor on the log axis
	// (a fit that reaches zero loss exactly), and the legend says so.
	// If zero, a zero or negative loss on a log axis is an error.
	Floor float64

	// MaxPoints bounds the points drawn per run: longer runs are thinned
	// to the smallest and largest loss of each of MaxPoints/2 buckets of
	// iterations, which keeps spikes and the noise band. Zero means
	// DefaultMaxPoints; negative draws every point.
	MaxPoints int
}

// DefaultMaxPoints is the default LossSettings.MaxPoints: enough for a
// smooth curve at notebook size, and it keeps Show under 100 ms.
const DefaultMaxPoints = 1000

// LossCurves plots loss against iteration for each run, on a log loss axis
// unless opt.Linear is set, runs differing in colour and dash pattern.
//
// It returns an error if there are no runs, a run is empty, its Iter and
// Loss lengths differ, a value is NaN or infinite (a diverged run), or,
// on the log axis without opt.Floor, a loss is zero or negative.
func LossCurves(runs []Run, opt *LossSettings) (*plot.Plot, error) {
	if opt == nil {
		opt = &LossSettings{}
	}
	if len(runs) == 0 {
		return nil, fmt.Errorf("%w: no runs", ErrEmpty)
	}
	if !finite(opt.Floor) || opt.Floor < 0 {
		return nil, fmt.Errorf("plotting: loss floor %v must be finite and non-negative", opt.Floor)
	}
	if !finite(opt.Reference) || opt.Reference < 0 {
		return nil, fmt.Errorf("plotting: reference loss %v must be finite and non-negative", opt.Reference)
	}
	p := plot.New()
	p.Title.Text = opt.Title
	p.X.Label.Text = "iteration"
	p.Y.Label.Text = "loss"
	if opt.XLabel != "" {
		p.X.Label.Text = opt.XLabel
	}
	if opt.YLabel != "" {
		p.Y.Label.Text = opt.YLabel
	}
	if !opt.Linear {
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = LogTicks{}
	}
	p.Add(plotter.NewGrid())
	// Losses fall: the lower left is usually free.
	p.Legend.Left = true
	var xmin, xmax float64 = math.Inf(1), math.Inf(-1)
	for r, run := range runs {
		name := run.Name
		if name == "" {
			name = fmt.Sprintf("run %d", r+1)
		}
		xys, clamped, err := runPoints(name, run, opt)
		if err != nil {
			return nil, err
		}
		for _, xy := range xys {
			xmin, xmax = math.Min(xmin, xy.X), math.Max(xmax, xy.X)
		}
		maxPts := opt.MaxPoints
		if maxPts == 0 {
			maxPts = DefaultMaxPoints
		}
		line, err := plotter.NewLine(thin(xys, maxPts))
		if err != nil {
			return nil, err
		}
		line.Color = Palette[r%len(Palette)]
		line.Width = vg.Points(1.5)
		line.Dashes = Dashes[r%len(Dashes)]
		p.Add(line)
		if clamped {
			name += fmt.Sprintf(" (clamped at %g)", opt.Floor)
		}
		if len(runs) > 1 || run.Name != "" || clamped {
			p.Legend.Add(name, line)
		}
	}
	if opt.Reference > 0 {
		ref, err := plotter.NewLine(plotter.XYs{{X: xmin, Y: opt.Reference}, {X: xmax, Y: opt.Reference}})
		if err != nil {
			return nil, err
		}
		ref.Color = Black
		ref.Width = vg.Points(1)
		ref.Dashes = []vg.Length{vg.Points(2), vg.Points(3)}
		p.Add(ref)
		lbl := opt.ReferenceLabel
		if lbl == "" {
			lbl = "optimum"
		}
		p.Legend.Add(fmt.Sprintf("%s = %.6g", lbl, opt.Reference), ref)
	}
	// A flat loss (one iteration, the first frame of a live view) gives an
	// empty y range, which gonum/plot would widen by ±1: below zero on a
	// log axis. Widen it by a factor instead.
	if !opt.Linear && p.Y.Min == p.Y.Max {
		p.Y.Min, p.Y.Max = p.Y.Min/10, p.Y.Max*10
	}
	return p, nil
}

// runPoints returns the points (iteration, loss) of run, checked: every
// value finite, and on a log axis every loss positive or clamped at
// opt.Floor (clamped reports whether one was).
func runPoints(name string, run Run, opt *LossSettings) (xys plotter.XYs, clamped bool, err error) {
	if len(run.Loss) == 0 {
		return nil, false, fmt.Errorf("%w: run %q has no losses", ErrEmpty, name)
	}
	if run.Iter != nil && len(run.Iter) != len(run.Loss) {
		return nil, false, fmt.Errorf("plotting: run %q has %d iterations but %d losses", name, len(run.Iter), len(run.Loss))
	}
	xys = make(plotter.XYs, len(run.Loss))
	for i, l := range run.Loss {
		x := float64(i + 1)
		if run.Iter != nil {
			x = run.Iter[i]
		}
		if !finite(x) {
			return nil, false, fmt.Errorf("plotting: run %q: iteration %d is %v", name, i, x)
		}
		if !finite(l) {
			return nil, false, fmt.Errorf("plotting: run %q: loss at iteration %v is %v (diverged?)", name, x, l)
		}
		if !opt.Linear {
			switch {
			case opt.Floor > 0 && l < opt.Floor:
				l, clamped = opt.Floor, true
			case l <= 0:
				return nil, false, fmt.Errorf("plotting: run %q: loss %v at iteration %v cannot be drawn on a log axis (set LossSettings.Floor to clamp, or Linear)", name, l, x)
			}
		}
		xys[i] = plotter.XY{X: x, Y: l}
	}
	return xys, clamped, nil
}

// thin returns xys reduced to the minimum and maximum y of each of limit/2
// buckets, in order, with the first and last points kept.
func thin(xys plotter.XYs, limit int) plotter.XYs {
	if limit <= 0 || len(xys) <= limit {
		return xys
	}
	buckets := limit / 2
	out := make(plotter.XYs, 0, limit+2)
	out = append(out, xys[0])
	for b := range buckets {
		lo, hi := 1+b*(len(xys)-2)/buckets, 1+(b+1)*(len(xys)-2)/buckets
		if lo >= hi {
			continue
		}
		imin, imax := lo, lo
		for i := lo; i < hi; i++ {
			if xys[i].Y < xys[imin].Y {
				imin = i
			}
			if xys[i].Y > xys[imax].Y {
				imax = i
			}
		}
		out = append(out, xys[min(imin, imax)])
		if imin != imax {
			out = append(out, xys[max(imin, imax)])
		}
	}
	return append(out, xys[len(xys)-1])
}
