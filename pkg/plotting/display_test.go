package plotting

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/janpfeifer/gonb/gonbui/protocol"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

func testPlot(t testing.TB) *plot.Plot {
	p := plot.New()
	p.Title.Text = "test"
	l, err := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 2}, {X: 2, Y: 1}})
	if err != nil {
		t.Fatal(err)
	}
	p.Add(l)
	return p
}

func TestRenderDeterministic(t *testing.T) {
	p := testPlot(t)
	f := NewFigure(1, 2)
	f.Set(0, 0, p)
	f.Set(0, 1, testPlot(t))
	f.EqualAspect = true
	for _, d := range []Drawer{p, f} {
		for _, format := range []string{"svg", "png", "pdf"} {
			a, err := Render(d, DefaultWidth, DefaultHeight, format)
			if err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			b, err := Render(d, DefaultWidth, DefaultHeight, format)
			if err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			if len(a) == 0 || !bytes.Equal(a, b) {
				t.Errorf("%T %s: output not deterministic (%d vs %d bytes)", d, format, len(a), len(b))
			}
		}
	}
}

func TestBundle(t *testing.T) {
	data, err := bundle(testPlot(t), DefaultWidth, DefaultHeight)
	if err != nil {
		t.Fatal(err)
	}
	svg, ok := data[protocol.MIMEImageSVG].(string)
	if !ok || !bytes.Contains([]byte(svg), []byte("<svg")) {
		t.Errorf("image/svg+xml missing or not SVG")
	}
	png, ok := data[protocol.MIMEImagePNG].([]byte)
	if !ok || !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Errorf("image/png missing or not PNG")
	}
}

func TestShowOutsideNotebook(t *testing.T) {
	if err := Show(testPlot(t)); err != nil {
		t.Errorf("Show outside a notebook: %v", err)
	}
	if err := Show(NewFigure(1, 1)); err != nil {
		t.Errorf("Show(Figure) outside a notebook: %v", err)
	}
	var p *plot.Plot
	if err := Show(p); err == nil {
		t.Errorf("Show(nil plot): no error")
	}
}

func TestSave(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.svg", "a.png", "a.PDF"} {
		path := filepath.Join(dir, name)
		if err := Save(testPlot(t), path); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if st, err := os.Stat(path); err != nil || st.Size() == 0 {
			t.Errorf("%s: not written", name)
		}
	}
	if err := Save(testPlot(t), filepath.Join(dir, "a.gif")); err == nil {
		t.Errorf("Save(.gif): no error")
	}
	if err := Save(testPlot(t), filepath.Join(dir, "noext")); err == nil {
		t.Errorf("Save(no extension): no error")
	}
}
