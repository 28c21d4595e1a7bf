package images_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"github.com/factorlab/factorlab/pkg/images"
)

func TestDecodeGray(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 3, 2))
	img.Set(0, 0, color.White)
	img.Set(1, 0, color.Black)
	img.Set(2, 1, color.RGBA{R: 255, A: 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	m, err := images.DecodeGray(&buf, "tiny.png")
	if err != nil {
		t.Fatal(err)
	}
	if r, c := m.Dims(); r != 2 || c != 3 {
		t.Fatalf("decoded %d×%d, want 2×3 (rows are the image's height)", r, c)
	}
	// Pure red has BT.601 luma 0.299·255 = 76.2.
	for _, tc := range []struct {
		i, j int
		want float64
	}{{0, 0, 255}, {0, 1, 0}, {1, 2, 76.245}} {
		if got := m.At(tc.i, tc.j); got < tc.want-0.5 || got > tc.want+0.5 {
			t.Errorf("pixel (%d, %d) = %v, want %v", tc.i, tc.j, got, tc.want)
		}
	}
	_, err = images.DecodeGray(strings.NewReader("not an image"), "text.png")
	if !errors.Is(err, images.ErrFormat) || !strings.Contains(err.Error(), "text.png") {
		t.Errorf("decoding text: error %v, want ErrFormat naming text.png", err)
	}
}

func digitLine(label string, pixel string) string {
	f := make([]string, 64)
	for i := range f {
		f[i] = "0"
	}
	f[9] = pixel
	return strings.Join(f, ",") + "," + label
}

func TestReadDigits(t *testing.T) {
	text := digitLine("3", "16") + "\n\n" + digitLine("7", "5") + "\n"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(text))
	zw.Close()
	for name, in := range map[string][]byte{"plain": []byte(text), "gzip": gz.Bytes()} {
		d, err := images.ReadDigits(bytes.NewReader(in), name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if d.Len() != 2 || d.Labels[0] != 3 || d.Labels[1] != 7 || d.Side != 8 {
			t.Fatalf("%s: got %d images, labels %v, side %d", name, d.Len(), d.Labels, d.Side)
		}
		// Pixel 10 read row by row is row 1, column 1.
		if im := d.Image(1); im.At(1, 1) != 5 || im.At(0, 1) != 0 {
			t.Errorf("%s: image 1 has (1,1) = %v, (0,1) = %v; want 5 and 0", name, im.At(1, 1), im.At(0, 1))
		}
	}
	for _, tc := range []struct{ in, want string }{
		{digitLine("3", "0") + "\n" + "1,2,3\n", "digits.csv line 2: 3 fields"},
		{digitLine("3", "17"), "line 1: pixel 10 is \"17\""},
		{digitLine("3", "2.5"), "line 1: pixel 10 is \"2.5\""},
		{digitLine("10", "1"), "line 1: label is \"10\""},
		{"\n\n", "digits.csv has no images"},
	} {
		_, err := images.ReadDigits(strings.NewReader(tc.in), "digits.csv")
		if !errors.Is(err, images.ErrFormat) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("error %v, want ErrFormat containing %q", err, tc.want)
		}
	}
}

func TestImageIndexPanics(t *testing.T) {
	d, err := images.ReadDigits(strings.NewReader(digitLine("1", "1")), "one")
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if r := recover(); r != images.ErrIndex {
			t.Errorf("Image(1) of one image panicked with %v, want ErrIndex", r)
		}
	}()
	d.Image(1)
}
