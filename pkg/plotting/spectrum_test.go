package plotting

import (
	"math"
	"strings"
	"testing"
)

// TestKeptEnergy checks the share Spectrum prints, also for values whose
// squares overflow and for all-zero spectra, where it must never be NaN.
func TestKeptEnergy(t *testing.T) {
	for _, c := range []struct {
		s    []float64
		k    int
		want float64
	}{
		{[]float64{3, 4}, 1, 9.0 / 25},
		{[]float64{3e200, 4e200}, 1, 9.0 / 25},
		{[]float64{1e300, 1e-300}, 1, 1},
		{[]float64{0, 0}, 1, 1},
		{[]float64{2, 1}, 5, 1},
	} {
		got := keptEnergy(c.s, c.k)
		if math.IsNaN(got) || math.Abs(got-c.want) > 1e-15 {
			t.Errorf("keptEnergy(%v, %d) = %v, want %v", c.s, c.k, got, c.want)
		}
	}
	p, err := Spectrum([]float64{3e200, 4e200}, &SpectrumSettings{Rank: 1})
	if err != nil {
		t.Fatal(err)
	}
	svg, err := Render(p, 300, 200, "svg")
	if err != nil {
		t.Fatal(err)
	}
	if s := string(svg); strings.Contains(s, "NaN") || !strings.Contains(s, "36.0%") {
		t.Error("Spectrum of huge values does not say it keeps 36.0% of ‖A‖²")
	}
}
