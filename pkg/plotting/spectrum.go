package plotting

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// SpectrumSettings are the settings of Spectrum; nil means the zero value.
type SpectrumSettings struct {
	// Title of the plot.
	Title string

	// Log draws the values on a log axis; zeros are then an error.
	Log bool

	// Rank, if positive, marks the rank-k cut: values 1…k are filled and
	// the plot says how much of ‖A‖²_F = Σσᵢ² they keep.
	Rank int
}

// Spectrum plots singular values σ₁ ≥ σ₂ ≥ … (as from decomp.SVD.Values)
// against their index. It returns an error if s is empty or holds a
// negative, NaN or infinite value, or, with opt.Log, a zero.
func Spectrum(s []float64, opt *SpectrumSettings) (*plot.Plot, error) {
	if opt == nil {
		opt = &SpectrumSettings{}
	}
	if len(s) == 0 {
		return nil, fmt.Errorf("%w: no singular values", ErrEmpty)
	}
	xys := make(plotter.XYs, len(s))
	for i, v := range s {
		if !finite(v) || v < 0 {
			return nil, fmt.Errorf("plotting: singular value %d is %v; want finite and non-negative", i+1, v)
		}
		if opt.Log && v == 0 {
			return nil, fmt.Errorf("plotting: singular value %d is 0 and cannot be drawn on a log axis", i+1)
		}
		xys[i] = plotter.XY{X: float64(i + 1), Y: v}
	}
	kept := keptEnergy(s, opt.Rank)
	p := plot.New()
	p.Title.Text = opt.Title
	p.X.Label.Text = "index i"
	p.Y.Label.Text = "singular value σᵢ"
	p.X.Tick.Marker = NiceTicks{}
	if opt.Log {
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = LogTicks{}
	}
	p.Add(plotter.NewGrid())
	line, err := plotter.NewLine(xys)
	if err != nil {
		return nil, err
	}
	line.Color = Grey
	sc, err := plotter.NewScatter(xys)
	if err != nil {
		return nil, err
	}
	sc.GlyphStyle = draw.GlyphStyle{Color: Blue, Radius: vg.Points(3), Shape: draw.RingGlyph{}}
	p.Add(line, sc)
	if k := min(opt.Rank, len(s)); k > 0 {
		in, err := plotter.NewScatter(xys[:k])
		if err != nil {
			return nil, err
		}
		in.GlyphStyle = draw.GlyphStyle{Color: Blue, Radius: vg.Points(3), Shape: draw.CircleGlyph{}}
		p.Add(in)
		p.Legend.Add(fmt.Sprintf("rank %d keeps %.1f%% of ‖A‖²", k, 100*kept), in)
		p.Legend.Top = true
	}
	if !opt.Log {
		p.Y.Min = 0
	}
	if opt.Rank > 0 {
		// Headroom for the legend above σ₁.
		if opt.Log {
			p.Y.Max *= math.Pow(p.Y.Max/p.Y.Min, 0.2)
		} else {
			p.Y.Max *= 1.25
		}
	}
	p.X.Min, p.X.Max = 0.5, float64(len(s))+0.5
	return p, nil
}

// keptEnergy returns Σᵢ≤k σᵢ² / Σᵢ σᵢ², the share of ‖A‖²_F that the
// first k of the finite, non-negative values s keep, in [0, 1]. The values
// are scaled by the largest first, so that squares of large values do not
// overflow to ∞/∞ = NaN; all zeros keep everything.
func keptEnergy(s []float64, k int) float64 {
	var big float64
	for _, v := range s {
		big = math.Max(big, v)
	}
	if big == 0 {
		return 1
	}
	var total, kept float64
	for i, v := range s {
		x := (v / big) * (v / big)
		total += x
		if i < k {
			kept += x
		}
	}
	return kept / total
}
