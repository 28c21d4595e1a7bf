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
	step, minor := tickSteps(max - min)
	first := math.Ceil(min / minor)
	n := math.Floor(max/minor+1e-9) - first + 1
	if !(n > 0) || n > 1000 {
		// Ranges too narrow for their magnitude to be ticked.
		return plot.DefaultTicks{}.Ticks(min, max)
	}
	var ticks []plot.Tick
	for k := range int(n) {
		v := (first + float64(k)) * minor
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

// tickSteps returns NiceTicks' major and minor steps for a range of width
// span. Minor ticks divide the major step: 1 → 0.5, 2 → 0.5, 5 → 1.
func tickSteps(span float64) (major, minor float64) {
	major = niceStep(span, 6)
	minor = major / 2
	switch math.Round(major / math.Pow(10, math.Floor(math.Log10(major)))) {
	case 2:
		minor = major / 4
	case 5:
		minor = major / 5
	}
	return major, minor
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

// LogTicks is a plot.Ticker for log axes with a labelled tick at each power
// of ten (every second or third when the range spans many decades), minor
// ticks between them when there is room, and short labels: "0.01", "100",
// "1e-14" instead of plot.LogTicks' float noise.
type LogTicks struct{}

// Ticks implements plot.Ticker.
func (LogTicks) Ticks(min, max float64) []plot.Tick {
	if !(min > 0) || !(max > min) || math.IsInf(max, 0) {
		return nil
	}
	lo, hi := int(math.Floor(math.Log10(min))), int(math.Ceil(math.Log10(max)))
	decades := hi - lo
	every := 1
	for decades/every > 8 {
		every++
	}
	var ticks []plot.Tick
	for e := lo; e <= hi; e++ {
		base := math.Pow(10, float64(e))
		if base >= min*(1-1e-9) && base <= max*(1+1e-9) {
			t := plot.Tick{Value: base}
			if e%every == 0 {
				t.Label = powerLabel(e)
			}
			ticks = append(ticks, t)
		}
		if decades > 6 {
			continue
		}
		for m := 2; m <= 9; m++ {
			if v := float64(m) * base; v >= min && v <= max {
				ticks = append(ticks, plot.Tick{Value: v})
			}
		}
	}
	return ticks
}

// powerLabel formats 10^e briefly.
func powerLabel(e int) string {
	if e >= -3 && e <= 4 {
		return strconv.FormatFloat(math.Pow(10, float64(e)), 'f', -1, 64)
	}
	return "1e" + strconv.Itoa(e)
}
