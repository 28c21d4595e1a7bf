package images

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	_ "image/png" // the format of the notebooks' photograph
	"io"

	"gonum.org/v1/gonum/mat"
)

// ErrIndex is the panic value of an image index out of range.
var ErrIndex = errors.New("images: index out of range")

// ErrFormat is wrapped by every error about malformed input.
var ErrFormat = errors.New("images: malformed input")

// DecodeGray decodes a PNG image from r and returns its grey levels as an
// h×w matrix, 0 for black and 255 for white. Colour images are converted
// with the luma weights of image/color (ITU-R BT.601); 16-bit images are
// scaled to 0…255 without rounding. name labels errors (a file name, say).
func DecodeGray(r io.Reader, name string) (*mat.Dense, error) {
	img, _, err := image.Decode(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrFormat, name, err)
	}
	b := img.Bounds()
	h, w := b.Dy(), b.Dx()
	if h == 0 || w == 0 {
		return nil, fmt.Errorf("%w: %s: image is %d×%d", ErrFormat, name, h, w)
	}
	m := mat.NewDense(h, w, nil)
	for i := range h {
		for j := range w {
			g := color.Gray16Model.Convert(img.At(b.Min.X+j, b.Min.Y+i)).(color.Gray16)
			m.Set(i, j, float64(g.Y)/257)
		}
	}
	return m, nil
}
