package data_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factorlab/factorlab/notebooks/data"
	"github.com/factorlab/factorlab/pkg/mf"
	"gonum.org/v1/gonum/mat"
)

func TestCamera(t *testing.T) {
	m, err := data.Camera()
	if err != nil {
		t.Fatal(err)
	}
	if r, c := m.Dims(); r != 512 || c != 512 {
		t.Fatalf("camera is %d×%d, want 512×512", r, c)
	}
	lo, hi := mat.Min(m), mat.Max(m)
	if lo < 0 || hi > 255 || hi-lo < 200 {
		t.Errorf("grey levels span [%v, %v], want a photograph's range inside [0, 255]", lo, hi)
	}
}

func TestDigits(t *testing.T) {
	d, err := data.Digits()
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() != 1797 {
		t.Fatalf("%d digits, want 1797", d.Len())
	}
	count := make([]int, 10)
	for _, l := range d.Labels {
		count[l]++
	}
	for digit, n := range count {
		if n < 170 || n > 190 {
			t.Errorf("digit %d occurs %d times, want about 180", digit, n)
		}
	}
}

func TestWeb(t *testing.T) {
	g, err := data.Web()
	if err != nil {
		t.Fatal(err)
	}
	links, dangling := 0, 0
	for i := range g.Len() {
		links += g.OutDegree(i)
		if g.OutDegree(i) == 0 {
			dangling++
		}
	}
	if g.Len() != 12 || links != 30 || dangling != 1 {
		t.Errorf("web has %d pages, %d links, %d dangling; want 12, 30, 1", g.Len(), links, dangling)
	}
}

func TestRatingsSynthetic(t *testing.T) {
	t.Setenv(data.UDataEnv, "")
	r, truth, file, err := data.Ratings(rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		t.Fatal(err)
	}
	if u, i := r.Dims(); u != 943 || i != 1682 || r.Len() != 100000 || file != "" || truth == nil {
		t.Errorf("synthetic set %d×%d with %d ratings, file %q, truth %v; want 943×1682, 100000, no file, a truth", u, i, r.Len(), file, truth != nil)
	}
	for n := range r.Len() {
		if v := r.At(n).Value; v != math.Round(v) || v < 1 || v > 5 {
			t.Fatalf("rating %d is %v, want whole stars 1…5", n, v)
		}
	}
	// The floor against whole stars lies above the Gaussian noise σ = 0.5.
	if floor, _ := mf.Evaluate(truth, r); floor <= mf.DefaultSyntheticNoise || floor > 0.7 {
		t.Errorf("RMSE of the true model %v, want in (0.5, 0.7]", floor)
	}
}

func TestRatingsFromFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "u.data")
	if err := os.WriteFile(good, []byte("196\t242\t3\t881250949\n186\t302\t3\t891717742\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(data.UDataEnv, good)
	r, truth, file, err := data.Ratings(rand.New(rand.NewPCG(1, 1)))
	if err != nil || r.Len() != 2 || file != good || truth != nil {
		t.Fatalf("got %v ratings from %q, err %v; want 2 from %s", r, file, err, good)
	}

	bad := filepath.Join(dir, "bad.data")
	if err := os.WriteFile(bad, []byte("196\t242\t3\t881250949\n186\t302\tthree\t891717742\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(data.UDataEnv, bad)
	_, _, _, err = data.Ratings(rand.New(rand.NewPCG(1, 1)))
	if !errors.Is(err, mf.ErrData) || !strings.Contains(err.Error(), bad) || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("malformed file: error %v, want one naming %s and line 2", err, bad)
	}

	t.Setenv(data.UDataEnv, filepath.Join(dir, "missing"))
	_, _, _, err = data.Ratings(rand.New(rand.NewPCG(1, 1)))
	if !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), data.UDataEnv) {
		t.Errorf("missing file: error %v, want one naming %s that wraps os.ErrNotExist", err, data.UDataEnv)
	}
}
