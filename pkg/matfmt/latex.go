package matfmt

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"
)

// BMatrix returns m formatted as a LaTeX bmatrix, e.g. for [[2, 1], [1, 2]]
//
//	fmt.Sprint(matfmt.BMatrix(a)) == `\begin{bmatrix} 2 & 1 \\ 1 & 2 \end{bmatrix}`
//
// The verb is v or s. With a precision ("%.2v") entries are written with
// that many digits after the point; without one, in the shortest form that
// reads back exactly. NaN is written \text{NaN} and infinities ±\infty. A
// nil m formats as an error, as for Torch.
func BMatrix(m mat.Matrix) fmt.Formatter {
	return formatter{prec: -1, what: "BMatrix", nilArg: isNil(m), text: func(prec int) string { return bmatrix(m, prec) }}
}

// bmatrix writes m with decimals digits, or the shortest exact form for a
// negative decimals.
func bmatrix(m mat.Matrix, decimals int) string {
	r, c := m.Dims()
	var b strings.Builder
	b.WriteString(`\begin{bmatrix} `)
	for i := range r {
		if i > 0 {
			b.WriteString(` \\ `)
		}
		for j := range c {
			if j > 0 {
				b.WriteString(" & ")
			}
			b.WriteString(texNumber(m.At(i, j), decimals))
		}
	}
	b.WriteString(` \end{bmatrix}`)
	return b.String()
}

func texNumber(v float64, decimals int) string {
	switch {
	case math.IsNaN(v):
		return `\text{NaN}`
	case math.IsInf(v, 1):
		return `\infty`
	case math.IsInf(v, -1):
		return `-\infty`
	}
	if decimals < 0 {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if strings.TrimLeft(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-") // no "-0.00"
	}
	return s
}
