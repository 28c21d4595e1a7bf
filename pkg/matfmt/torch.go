package matfmt

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"
)

// Printing rules of PyTorch's tensor repr (torch/_tensor_str.py, checked
// against torch 1.13): default print options.
const (
	torchLineWidth = 80   // characters per line
	torchThreshold = 1000 // elements above which the tensor is summarized
	torchEdgeItems = 3    // items kept at each end when summarized
	// DefaultPrecision is the number of decimals when the verb gives no
	// precision: PyTorch's default print precision.
	DefaultPrecision = 4
)

// Torch returns m formatted as PyTorch prints a 2-D float32 tensor, so that
// notebook output can be compared line by line with PyTorch's:
//
//	fmt.Println(matfmt.Torch(a))      // precision 4, PyTorch's default
//	fmt.Printf("%.2v\n", matfmt.Torch(a)) // two decimals
//
// prints
//
//	tensor([[ 0.7071, -0.4472],
//	        [ 0.7071,  0.8944]])
//
// The verb is v or s; its precision is PyTorch's print precision. As in
// PyTorch, all-integer tensors print as "5., 3.", values spanning more than
// three decades (or below 1e-4, or above 1e8) switch to scientific
// notation, long rows wrap at 80 columns and tensors of more than 1000
// elements are summarized with "...". No dtype suffix is written. The
// values are read when the result is formatted. A nil m formats as
// "%!v(matfmt: nil matrix)", the way fmt reports a bad argument.
func Torch(m mat.Matrix) fmt.Formatter {
	return formatter{prec: DefaultPrecision, what: "Torch", nilArg: isNil(m), text: func(prec int) string {
		r, c := m.Dims()
		g := make([][]float64, r)
		for i := range g {
			g[i] = make([]float64, c)
			for j := range g[i] {
				g[i][j] = m.At(i, j)
			}
		}
		return torch2D(g, nil, c, prec)
	}}
}

// TorchVec returns v formatted as PyTorch prints a 1-D float32 tensor, e.g.
// "tensor([5., 2.])". The verb is as for Torch.
func TorchVec(v []float64) fmt.Formatter {
	return formatter{prec: DefaultPrecision, what: "TorchVec", text: func(prec int) string { return torch1D(v, nil, prec) }}
}

// TorchComplex returns m formatted as PyTorch prints a 2-D complex64
// tensor, such as the eigenvectors returned by torch.linalg.eig:
//
//	tensor([[ 0.7071+0.j, -0.4472+0.j],
//	        [ 0.7071+0.j,  0.8944+0.j]])
//
// Real and imaginary parts are formatted separately, each by the rules of
// Torch. The verb is as for Torch; a nil m formats as an error, as for Torch.
func TorchComplex(m mat.CMatrix) fmt.Formatter {
	return formatter{prec: DefaultPrecision, what: "TorchComplex", nilArg: isNil(m), text: func(prec int) string {
		r, c := m.Dims()
		re, im := make([][]float64, r), make([][]float64, r)
		for i := range re {
			re[i], im[i] = make([]float64, c), make([]float64, c)
			for j := range c {
				z := m.At(i, j)
				re[i][j], im[i][j] = real(z), imag(z)
			}
		}
		return torch2D(re, im, c, prec)
	}}
}

// TorchComplexVec returns v formatted as PyTorch prints a 1-D complex64
// tensor, e.g. the eigenvalues "tensor([5.+0.j, 2.+0.j])". The verb is as
// for Torch.
func TorchComplexVec(v []complex128) fmt.Formatter {
	return formatter{prec: DefaultPrecision, what: "TorchComplexVec", text: func(prec int) string {
		re, im := make([]float64, len(v)), make([]float64, len(v))
		for i, z := range v {
			re[i], im[i] = real(z), imag(z)
		}
		return torch1D(re, im, prec)
	}}
}

const torchPrefix = "tensor("

func torch1D(re, im []float64, decimals int) string {
	if len(re) == 0 {
		return "tensor([])"
	}
	summarize := len(re) > torchThreshold
	f1, f2 := torchFormatters([][]float64{re}, nilOr2D(im), summarize, decimals)
	return torchPrefix + torchVector(re, im, len(torchPrefix), summarize, f1, f2) + ")"
}

func nilOr2D(im []float64) [][]float64 {
	if im == nil {
		return nil
	}
	return [][]float64{im}
}

func torch2D(re, im [][]float64, cols, decimals int) string {
	rows := len(re)
	if rows == 0 || cols == 0 {
		return fmt.Sprintf("tensor([], size=(%d, %d))", rows, cols)
	}
	summarize := rows*cols > torchThreshold
	f1, f2 := torchFormatters(re, im, summarize, decimals)
	indent := len(torchPrefix)
	var slices []string
	for _, i := range edgeIndices(rows, summarize) {
		if i < 0 {
			slices = append(slices, "...")
			continue
		}
		var imRow []float64
		if im != nil {
			imRow = im[i]
		}
		slices = append(slices, torchVector(re[i], imRow, indent+1, summarize, f1, f2))
	}
	return torchPrefix + "[" + strings.Join(slices, ",\n"+strings.Repeat(" ", indent+1)) + "])"
}

// edgeIndices returns 0…n-1, or, when summarizing a long axis, the first
// and last torchEdgeItems indices with -1 marking the elision.
func edgeIndices(n int, summarize bool) []int {
	var idx []int
	if summarize && n > 2*torchEdgeItems {
		for i := range torchEdgeItems {
			idx = append(idx, i)
		}
		idx = append(idx, -1)
		for i := n - torchEdgeItems; i < n; i++ {
			idx = append(idx, i)
		}
		return idx
	}
	for i := range n {
		idx = append(idx, i)
	}
	return idx
}

// torchFormatters builds the formatters of the real and (if im is not nil)
// imaginary parts from the values that will be printed.
func torchFormatters(re, im [][]float64, summarize bool, decimals int) (f1, f2 *torchFormatter) {
	collect := func(g [][]float64) []float64 {
		var vals []float64
		for _, i := range edgeIndices(len(g), summarize) {
			if i < 0 {
				continue
			}
			for _, j := range edgeIndices(len(g[i]), summarize) {
				if j >= 0 {
					vals = append(vals, g[i][j])
				}
			}
		}
		return vals
	}
	f1 = newTorchFormatter(collect(re), decimals)
	if im != nil {
		f2 = newTorchFormatter(collect(im), decimals)
	}
	return f1, f2
}

func torchVector(re, im []float64, indent int, summarize bool, f1, f2 *torchFormatter) string {
	elemLen := f1.width + 2
	if f2 != nil {
		elemLen += f2.width + 1
	}
	perLine := max(1, (torchLineWidth-indent)/elemLen)
	var data []string
	for _, j := range edgeIndices(len(re), summarize) {
		if j < 0 {
			data = append(data, " ...")
			continue
		}
		s := f1.format(re[j])
		if f2 != nil {
			is := strings.TrimLeft(f2.format(im[j])+"j", " ")
			if is[0] != '+' && is[0] != '-' {
				is = "+" + is
			}
			s += is
		}
		data = append(data, s)
	}
	var lines []string
	for i := 0; i < len(data); i += perLine {
		lines = append(lines, strings.Join(data[i:min(i+perLine, len(data))], ", "))
	}
	return "[" + strings.Join(lines, ",\n"+strings.Repeat(" ", indent+1)) + "]"
}

// torchFormatter mirrors PyTorch's _Formatter for floating-point tensors.
type torchFormatter struct {
	intMode, sciMode bool
	width, prec      int
}

func newTorchFormatter(vals []float64, prec int) *torchFormatter {
	f := &torchFormatter{intMode: true, width: 1, prec: prec}
	var nz []float64
	for _, v := range vals {
		if finite(v) && v != 0 {
			nz = append(nz, v)
		}
	}
	if len(nz) == 0 {
		return f
	}
	lo, hi := math.Inf(1), 0.0
	for _, v := range nz {
		a := math.Abs(v)
		lo, hi = math.Min(lo, a), math.Max(hi, a)
		if v != math.Ceil(v) {
			f.intMode = false
		}
	}
	f.sciMode = hi/lo > 1000 || hi > 1e8 || (!f.intMode && lo < 1e-4)
	for _, v := range nz {
		var n int
		switch {
		case f.sciMode:
			n = len(pyFloat(v, 'e', prec))
		case f.intMode:
			n = len(pyFloat(v, 'f', 0)) + 1
		default:
			n = len(pyFloat(v, 'f', prec))
		}
		f.width = max(f.width, n)
	}
	return f
}

func (f *torchFormatter) format(v float64) string {
	var s string
	switch {
	case f.sciMode:
		s = pyFloat(v, 'e', f.prec)
	case f.intMode:
		s = pyFloat(v, 'f', 0)
		if finite(v) {
			s += "."
		}
	default:
		s = pyFloat(v, 'f', f.prec)
	}
	if n := f.width - len(s); n > 0 {
		s = strings.Repeat(" ", n) + s
	}
	return s
}

// pyFloat formats v as Python's format(v, ".{prec}{verb}") does.
func pyFloat(v float64, verb byte, prec int) string {
	switch {
	case math.IsNaN(v):
		return "nan"
	case math.IsInf(v, 1):
		return "inf"
	case math.IsInf(v, -1):
		return "-inf"
	}
	return strconv.FormatFloat(v, verb, prec, 64)
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
