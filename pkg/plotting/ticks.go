package plotting

import (
	"math"
	"strconv"

	"gonum.org/v1/plot"
)

// NiceTicks is a plot.Ticker with major ticks at multiples of 1, 2 or 5
// times a power of ten, at most about six of them, labelled without
// trailing zeros; unlike plot.DefaultTicks it never labels 0.5-offset
// values such as -0.5, 1.5, 3.5 on an integer grid.
type NiceTicks struct{}

// Ticks implements plot.Ticker.
func (NiceTicks) Ticks(min, max float64) []plot.Tick {
	if !(max > min) || !finite(min) || !finite(max) {
		return nil
	}
	step := niceStep(max-min, 6)
	minor := niceStep(step, 4)
	var ticks []plot.Tick
	for v := math.Ceil(min/minor) * minor; v <= max+minor*1e-9; v += minor {
		v := math.Round(v/minor) * minor
		t := plot.Tick{Value: v}
		if k := v / step; math.Abs(k-math.Round(k)) < 1e-6 {
			if v == 0 {
				v = 0 // no "-0"
			}
			t.Label = strconv.FormatFloat(v, 'g', 6, 64)
		}
		ticks = append(ticks, t)
	}
	return ticks
}

// niceStep returns the smallest 1, 2 or 5 times a power of ten that cuts
// span into at most n steps.
func niceStep(span float64, n int) float64 {
	if !(span > 0) || !finite(span) {
		return 1
	}
	raw := span / float64(n)
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}
