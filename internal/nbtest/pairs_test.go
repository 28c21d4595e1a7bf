package nbtest

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestLanguagePairs checks that every notebook under an en/ folder has a
// ko/ twin (and the other way round) whose code cells are identical, in the
// same order: the two languages differ in prose only.
func TestLanguagePairs(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	paths, err := Find(root, "notebooks")
	if err != nil {
		t.Fatal(err)
	}
	has := map[string]bool{}
	for _, p := range paths {
		has[p] = true
	}
	for _, p := range paths {
		twin, ok := swapLang(p)
		if !ok {
			continue
		}
		if !has[twin] {
			t.Errorf("%s has no translation at %s", p, twin)
			continue
		}
		if !strings.Contains(p, "/en/") {
			continue // compare each pair once
		}
		a, err := Parse(filepath.Join(root, p), p)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Parse(filepath.Join(root, twin), twin)
		if err != nil {
			t.Fatal(err)
		}
		ca, cb := codeCells(a), codeCells(b)
		if len(ca) != len(cb) {
			t.Errorf("%s has %d code cells, %s has %d", p, len(ca), twin, len(cb))
			continue
		}
		for i := range ca {
			if ca[i].Source != cb[i].Source {
				t.Errorf("code cell %d differs between %s (cell %d) and %s (cell %d)", i+1, p, ca[i].Index, twin, cb[i].Index)
			}
		}
	}
}

func codeCells(nb *Notebook) []Cell {
	var cs []Cell
	for _, c := range nb.Cells {
		if c.Type == "code" {
			cs = append(cs, c)
		}
	}
	return cs
}

// swapLang maps a path with an /en/ or /ko/ folder to its twin.
func swapLang(p string) (string, bool) {
	switch {
	case strings.Contains(p, "/en/"):
		return strings.Replace(p, "/en/", "/ko/", 1), true
	case strings.Contains(p, "/ko/"):
		return strings.Replace(p, "/ko/", "/en/", 1), true
	}
	return "", false
}

func TestSwapLang(t *testing.T) {
	for in, want := range map[string]string{
		"notebooks/en/01_x.ipynb":    "notebooks/ko/01_x.ipynb",
		"notebooks/labs/ko/L1.ipynb": "notebooks/labs/en/L1.ipynb",
		"notebooks/00_welcome.ipynb": "",
		"notebooks/tenor/x.ipynb":    "",
	} {
		got, ok := swapLang(in)
		if got != want || ok != (want != "") {
			t.Errorf("swapLang(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}
