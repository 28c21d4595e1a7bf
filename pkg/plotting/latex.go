package plotting

import (
	"math"
	"strconv"
	"strings"

	"github.com/janpfeifer/gonb/gonbui"
	"gonum.org/v1/gonum/mat"
)

// BMatrix returns m as a LaTeX bmatrix, e.g. for [[2, 1], [1, 2]]
//
//	\begin{bmatrix} 2 & 1 \\ 1 & 2 \end{bmatrix}
//
// Entries are written with decimals digits after the point, or, for a
// negative decimals, in the shortest form that reads back exactly. NaN is
// written \text{NaN} and infinities ±\infty.
func BMatrix(m mat.Matrix, decimals int) string {
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

// ShowLaTeX displays tex as display maths in a GoNB notebook: it sends the
// Markdown "$$tex$$", which the notebook renders with MathJax, and returns
// that Markdown, also outside a notebook, where it displays nothing. For
// example:
//
//	plotting.ShowLaTeX("A = " + plotting.BMatrix(a, 2))
func ShowLaTeX(tex string) string {
	md := "$$" + tex + "$$"
	if gonbui.IsNotebook {
		gonbui.DisplayMarkdown(md)
		gonbui.Sync()
	}
	return md
}
