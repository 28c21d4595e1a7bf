package images

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"
)

// Digits is a labelled set of square greyscale images, such as the 8×8
// handwritten digits of the UCI "Optical Recognition of Handwritten Digits"
// set (1797 images with pixels 0…16).
type Digits struct {
	// Pixels is n×(Side·Side): row k is image k read row by row.
	Pixels *mat.Dense
	// Labels holds the digit 0…9 shown by each image.
	Labels []int
	// Side is the width and height of each image in pixels.
	Side int
	// Max is the largest value a pixel may take (16 for the UCI digits).
	Max float64
}

// Len returns the number of images.
func (d *Digits) Len() int { return len(d.Labels) }

// Image returns image k as a Side×Side matrix (a copy). It panics with
// ErrIndex if k is out of range.
func (d *Digits) Image(k int) *mat.Dense {
	if k < 0 || k >= d.Len() {
		panic(ErrIndex)
	}
	return mat.NewDense(d.Side, d.Side, mat.Row(nil, k, d.Pixels))
}

// DigitsMax is the largest pixel value of the UCI digits: each pixel counts
// the ink in a 4×4 block of a 32×32 bitmap, so 0…16.
const DigitsMax = 16

// ReadDigits reads the 8×8 digits in the layout scikit-learn ships them
// (digits.csv.gz): one image per line, 64 comma-separated integer pixels
// 0…16 read row by row, then the label 0…9. The input may be gzip-compressed
// or plain text; blank lines are skipped. Either every line is read or an
// error naming name and the line is returned (wrong number of fields, a
// pixel that is not an integer in 0…16, a label that is not a digit, no
// images at all).
func ReadDigits(r io.Reader, name string) (*Digits, error) {
	br := bufio.NewReader(r)
	if magic, err := br.Peek(2); err == nil && bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrFormat, name, err)
		}
		defer zr.Close()
		br = bufio.NewReader(zr)
	}
	const side = 8
	const npix = side * side
	fail := func(line int, format string, args ...any) error {
		return fmt.Errorf("%w: %s line %d: %s", ErrFormat, name, line, fmt.Sprintf(format, args...))
	}
	var data []float64
	var labels []int
	sc := bufio.NewScanner(br)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		fields := strings.Split(text, ",")
		if len(fields) != npix+1 {
			return nil, fail(line, "%d fields, want %d pixels and a label", len(fields), npix)
		}
		for j, f := range fields[:npix] {
			v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
			if err != nil || v != float64(int(v)) || v < 0 || v > DigitsMax {
				return nil, fail(line, "pixel %d is %q, want an integer in 0…%d", j+1, f, DigitsMax)
			}
			data = append(data, v)
		}
		lf := strings.TrimSpace(fields[npix])
		lv, err := strconv.ParseFloat(lf, 64)
		if err != nil || lv != float64(int(lv)) || lv < 0 || lv > 9 {
			return nil, fail(line, "label is %q, want a digit 0…9", lf)
		}
		labels = append(labels, int(lv))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %s after line %d: %v", ErrFormat, name, line, err)
	}
	if len(labels) == 0 {
		return nil, fmt.Errorf("%w: %s has no images", ErrFormat, name)
	}
	return &Digits{Pixels: mat.NewDense(len(labels), npix, data), Labels: labels, Side: side, Max: DigitsMax}, nil
}
