package plotting

import (
	"math"
	"testing"

	"gonum.org/v1/plot/vg"

	"gonum.org/v1/gonum/mat"
)

func TestLabelledScatter(t *testing.T) {
	xy := mat.NewDense(4, 2, []float64{0, 0, 1, 1, 2, 0, 3, 1})
	labels := []int{7, 3, 7, 9}
	keys, groups, err := groupByLabel(xy, labels)
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != 3 || keys[0] != 3 || keys[1] != 7 || keys[2] != 9 {
		t.Fatalf("labels %v, want [3 7 9]", keys)
	}
	if g := groups[7]; len(g) != 2 || g[1].X != 2 || g[1].Y != 0 {
		t.Errorf("label 7 has points %v, want (0, 0) and (2, 0)", g)
	}
	names := map[int]string{9: "nine"}
	if labelName(9, names) != "nine" || labelName(3, names) != "3" {
		t.Errorf("legend names %q, %q; want nine, 3", labelName(9, names), labelName(3, names))
	}
	p, err := LabelledScatter(xy, labels, &ScatterOptions{Title: "t", Names: names})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Render(p, 4*vg.Inch, 3*vg.Inch, "png"); err != nil {
		t.Errorf("rendering: %v", err)
	}
	for _, bad := range []struct {
		xy     mat.Matrix
		labels []int
	}{
		{mat.NewDense(2, 3, nil), []int{1, 2}},
		{mat.NewDense(2, 2, nil), []int{1}},
		{mat.NewDense(1, 2, []float64{math.NaN(), 0}), []int{1}},
	} {
		if _, err := LabelledScatter(bad.xy, bad.labels, nil); err == nil {
			t.Errorf("LabelledScatter(%v, %v): want an error", mat.Formatted(bad.xy), bad.labels)
		}
	}
}
